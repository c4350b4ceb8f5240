package main

import "fmt"

// A method with type parameters used as a value without instantiation.

type S struct{ n int }

func (s S) Conv[T any](x T) string { return fmt.Sprint(s.n, x) }

func main() {
	s := S{3}
	f := s.Conv
	fmt.Println(f)
}
