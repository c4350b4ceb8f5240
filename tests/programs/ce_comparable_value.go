package main

import "fmt"

// comparable is a constraint (alone or embedded in one), not a type for
// values.

type Key interface {
	comparable
	String() string
}

func Uniq[T comparable](xs []T) int {
	seen := map[T]bool{}
	for _, x := range xs {
		seen[x] = true
	}
	return len(seen)
}

func main() {
	var c comparable
	fmt.Println(c, Uniq([]int{1, 1, 2}))
}
