package main

import "fmt"

// A method value of a method with type parameters (calls of them run).

type S struct{ n int }

func (s S) Conv[T any](x T) string { return fmt.Sprint(s.n, x) }

func main() {
	s := S{3}
	f := s.Conv[int]
	fmt.Println(f(4), s.Conv(1.5))
}
