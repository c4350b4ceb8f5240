package main

import "fmt"

// Methods with type parameters of their own (Go 1.27), on a plain type
// and on a generic one (whose type parameters the method's signature and
// body use too): type arguments inferred or written, value and pointer
// receivers, and a hot loop through instantiated methods.

type S struct{ n int }

func (s S) Conv[T any](x T) string { return fmt.Sprint(s.n, x) }

func (s *S) Add[T ~int | ~float64](xs ...T) T {
	var t T
	for _, x := range xs {
		t += x
	}
	s.n += int(t)
	return t
}

type List[T any] struct{ items []T }

func (l *List[T]) Push(x T) { l.items = append(l.items, x) }

func (l *List[T]) Map[U any](f func(T) U) *List[U] {
	out := &List[U]{}
	for _, x := range l.items {
		out.Push(f(x))
	}
	return out
}

func (l List[T]) Fold[A any](acc A, f func(A, T) A) A {
	for _, x := range l.items {
		acc = f(acc, x)
	}
	return acc
}

func main() {
	s := S{3}
	fmt.Println(s.Conv(1.5), s.Conv[string]("a"))
	a := s.Add(1, 2, 3)
	b := s.n
	c := s.Add[float64](0.5, 1.5)
	fmt.Println(a, b, c, s.n)
	l := &List[int]{}
	for i := 1; i <= 4; i++ {
		l.Push(i)
	}
	strs := l.Map(func(x int) string { return fmt.Sprint(x * x) })
	fmt.Println(strs.items, len(strs.items))
	fmt.Println(l.Fold(0, func(a, x int) int { return a + x }), strs.Fold("", func(a, x string) string { return a + x }))
	var box any = s
	_, ok := box.(interface{ Conv(x int) string })
	fmt.Println("in the method set:", ok)
	total := 0.0
	for i := 0; i < 1000; i++ {
		total += l.Map(func(x int) float64 { return float64(x) / 2 }).Fold(0.0, func(a, x float64) float64 { return a + x })
	}
	fmt.Println(total)
}
