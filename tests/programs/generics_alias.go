package main

import "fmt"

// Generic type aliases (Go 1.24): the alias is the aliased type,
// instantiated (`%T` names the aliased type).

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Set[T comparable] = map[T]struct{}
type Entry[V any] = Pair[string, V]
type Vec = []float64
type Fn[T any] = func(T) T

func apply[T any](f Fn[T], x T) T { return f(x) }

func keys[T comparable](s Set[T]) int { return len(s) }

func main() {
	s := Set[int]{1: {}, 2: {}}
	s[3] = struct{}{}
	e := Entry[int]{"a", 1}
	var p Pair[string, int] = e
	fmt.Println(keys(s), e, p.Key, apply(func(x int) int { return x * 3 }, 7))
	fmt.Printf("%T %T\n", e, Set[string]{})
	var v Vec = Vec{1, 2}
	fmt.Println(v, apply[float64](func(x float64) float64 { return -x }, 2.5))
}
