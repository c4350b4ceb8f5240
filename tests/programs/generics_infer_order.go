package main

// Inference as Go orders it: typed arguments, then core types of
// constraints (`S ~[]E` gives E from S), and only then the default types
// of untyped constants; and a function literal passed for a parameter of
// a generic named func type (`Seq[V]`) binds V through its underlying
// type.

import "fmt"

type Seq[V any] func(yield func(V) bool)

type Seq2[K, V any] func(yield func(K, V) bool)

func index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if s[i] == v {
			return i
		}
	}
	return -1
}

func fill[M ~map[K]V, K comparable, V any](m M, k K, v V) M {
	m[k] = v
	return m
}

func collect[V any](s Seq[V]) []V {
	var out []V
	for v := range s {
		out = append(out, v)
	}
	return out
}

func pairs[K comparable, V any](s Seq2[K, V]) map[K]V {
	m := map[K]V{}
	for k, v := range s {
		m[k] = v
	}
	return m
}

type celsius float64

func main() {
	fmt.Println(index([]float64{1, 2.5, 3}, 3), index([]int64{4, 5}, 5), index([]celsius{-1, 0}, 0))
	fmt.Printf("%v %T\n", fill(map[string]float32{}, "x", 1), fill(map[uint8]celsius{}, 2, 3))
	fmt.Println(collect(func(yield func(string) bool) {
		_ = yield("a") && yield("b")
	}))
	fmt.Println(pairs(func(yield func(int, string) bool) { yield(1, "x") }))
	var s Seq[int] = func(yield func(int) bool) { yield(7) }
	fmt.Println(collect(s))
	n := 0
	for i := 0; i < 3000; i++ {
		n += index([]float64{0, 1, 2, 3}, 2) + len(collect(func(yield func(int) bool) { yield(i) }))
	}
	fmt.Println(n)
}
