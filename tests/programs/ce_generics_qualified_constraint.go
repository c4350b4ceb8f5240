package main

import "cmp"

type pair struct{ a, b int }

func less[T cmp.Ordered](x, y T) bool { return cmp.Less(x, y) }

func main() {
	println(cmp.Less(pair{}, pair{}))
	println(less([]int{}, nil))
}
