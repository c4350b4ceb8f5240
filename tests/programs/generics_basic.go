package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

func (s Stack[T]) Len() int { return len(s.items) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Keys[K comparable, V any](m map[K]V) int { return len(m) }

type MyInt int

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

type Shape interface{ Area() int }
type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

func Total[S Shape](xs []S) int {
	t := 0
	for _, x := range xs {
		t += x.Area()
	}
	return t
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{1.5, 2.5}), Sum([]MyInt{4, 5}))
	strs := Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * i) })
	fmt.Println(strs, len(strs))
	fmt.Println(Max(3, 7), Max(2.5, 1.5), Max("a", "b"))
	var s Stack[string]
	s.Push("x")
	s.Push("y")
	fmt.Println(s.Len())
	v, ok := s.Pop()
	fmt.Println(v, ok)
	p := Pair[string, int]{"a", 1}
	fmt.Printf("%v %+v %T\n", p, p, p)
	fmt.Println(Keys(map[string]bool{"x": true}))
	fmt.Println(Index([]string{"a", "b", "c"}, "c"), Index([]int{5, 6}, 7))
	f := Sum[int]
	fmt.Println(f([]int{10, 20}))
	fmt.Println(Total([]Sq{{2}, {3}}), Total([]Shape{Sq{1}, Sq{4}}))
	ps := &Stack[Pair[string, int]]{}
	ps.Push(p)
	fmt.Printf("%T %v\n", ps, ps.Len())
}
