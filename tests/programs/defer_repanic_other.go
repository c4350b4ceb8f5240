package main

import (
	"errors"
	"fmt"
)

func step() {
	defer func() {
		r := recover()
		panic(fmt.Sprintf("wrapped: %v", r))
	}()
	panic(errors.New("disk full"))
}

func main() {
	defer fmt.Println("main's deferred call runs")
	step()
}
