package main

import "fmt"

type Stringer interface{ String() string }

type Name string

func (n *Name) String() string { return string(*n) }

func main() {
	n := Name("x")
	var s Stringer = &n
	v := s.(Name)
	fmt.Println(v)
}
