package main

import (
	"fmt"

	"example.com/boom/inner"
)

func main() {
	s := &inner.Stack{}
	for i := 0; i < 3; i++ {
		s.Push(i)
	}
	fmt.Println(inner.Drain(s, 3))
	s.Push(7)
	fmt.Println(inner.Drain(s, 2))
}
