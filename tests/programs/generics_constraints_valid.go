package main

import (
	"errors"
	"fmt"
)

// Generic code that is valid under its constraints (checked once with
// its type parameters standing for themselves, then per instantiation):
// type sets, comparable, ~[]E core types, constraint methods with a type
// term, a spread call inferring T from []T, type switches on any(x).

type Number interface {
	~int | ~int64 | ~float64
}

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

type Stringish interface {
	~string
	Len() int
}

type MyStr string

func (m MyStr) Len() int { return len(m) }

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Map[S ~[]E, E any, R any](s S, f func(E) R) []R {
	out := make([]R, 0, len(s))
	for _, x := range s {
		out = append(out, f(x))
	}
	return out
}

func Keys[K comparable, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func Count[T comparable](xs []T, x T) int {
	n := 0
	for _, y := range xs {
		if y == x {
			n++
		}
	}
	return n
}

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return s
}

func Avg[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs...)) / float64(len(xs))
}

func Lens[T Stringish](xs []T) int {
	n := 0
	for _, x := range xs {
		n += x.Len() + len(string(x))
	}
	return n
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }
func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, errors.New("empty")
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, nil
}
func (s *Stack[T]) Each(f func(int, T)) {
	for i, x := range s.items {
		f(i, x)
	}
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprint(p.Key, "=", p.Val) }

func Describe[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return fmt.Sprint("int ", v)
	case fmt.Stringer:
		return "stringer " + v.String()
	}
	p := &x
	return fmt.Sprintf("%v %T", *p, x)
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, acc A, f func(A, T) A) A {
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Ptr[T any](x T) *T { return &x }

func Index[T comparable](xs []T, x T) int {
	for i := range xs {
		if xs[i] == x {
			return i
		}
	}
	return -1
}

type Num int

func main() {
	fmt.Println(Max(3, 7), Max("a", "b"), Max[float64](2.5, 1))
	fmt.Println(Map([]int{1, 2, 3}, func(x int) string { return fmt.Sprint(x * 2) }))
	fmt.Println(len(Keys(map[string]int{"a": 1, "b": 2})), Count([]string{"a", "b", "a"}, "a"))
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5), Avg([]Num{1, 2, 4}))
	fmt.Println(Lens([]MyStr{"ab", "cde"}))
	s := &Stack[Pair[string, int]]{}
	s.Push(Pair[string, int]{"x", 1})
	s.Push(Pair[string, int]{"y", 2})
	s.Each(func(i int, p Pair[string, int]) { fmt.Println(i, p) })
	top, err := s.Pop()
	fmt.Println(top, err)
	fmt.Println(Describe(5), Describe(top), Describe(2.5))
	evens := Filter([]int{1, 2, 3, 4}, func(x int) bool { return x%2 == 0 })
	fmt.Println(evens, Reduce(evens, "", func(a string, x int) string { return a + fmt.Sprint(x) }))
	fmt.Println(*Ptr(42), Index([]string{"q", "r"}, "r"))
}
