package main

import "fmt"

// A load of a loop-invariant nil pointer: fine while the loop does not
// run, a nil dereference when it does.

type T struct{ k int }

func sum(p *T, n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += p.k + i
	}
	return t
}

func main() {
	fmt.Println(sum(nil, 0), sum(&T{3}, 4))
	fmt.Println(sum(nil, 2))
}
