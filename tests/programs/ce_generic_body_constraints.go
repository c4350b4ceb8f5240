package main

import "fmt"

// Generic bodies are checked under their constraints, as Go checks them:
// `+` on a T constrained by any is an error though Sum[int] would
// compile, and a generic never instantiated is checked too.

type Number interface{ ~int | ~float64 }

func Sum[T any](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Good[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Never[T fmt.Stringer](x T) int {
	return x.Len()
}

func main() {
	fmt.Println(Sum([]int{1, 2}), Good([]float64{1.5}))
}
