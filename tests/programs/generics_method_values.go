package main

import "fmt"

// Method values of methods with type parameters (Go 1.27), instantiated
// with their type arguments written: the receiver bound at evaluation.

type S struct{ n int }

func (s S) Conv[T any](x T) string { return fmt.Sprint(s.n, x) }

func (s *S) Bump[T ~int | ~float64](d T) { s.n += int(d) }

type Box[T any] struct{ v T }

func (b Box[T]) Pair[U any](u U) string { return fmt.Sprint(b.v, "/", u) }

func main() {
	s := S{3}
	f := s.Conv[int]
	s.n = 10
	fmt.Println(f(4), s.Conv(1.5))
	bump := s.Bump[float64]
	bump(2.5)
	bump(1)
	fmt.Println(s.n)
	b := Box[string]{"x"}
	g := b.Pair[bool]
	fmt.Println(g(true), b.Pair[int](7))
	fs := []func(int) string{s.Conv[int], S{1}.Conv[int]}
	for _, h := range fs {
		fmt.Println(h(0))
	}
}
