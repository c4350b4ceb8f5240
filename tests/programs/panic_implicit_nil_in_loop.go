package main

import "fmt"

// A loop that loads through a pointer from a slice; one slot is nil, far
// into the loop (after OSR into optimized code): the load itself faults.

type Cell struct {
	v float64
	k int
}

func sumK(cs []*Cell) int {
	s := 0
	for i := 0; i < len(cs); i++ {
		s += cs[i].k
	}
	return s
}

func sumV(cs []*Cell) float64 {
	s := 0.0
	for _, c := range cs {
		s += c.v
	}
	return s
}

func main() {
	cs := make([]*Cell, 200000)
	for i := range cs {
		cs[i] = &Cell{v: float64(i) * 0.5, k: i % 13}
	}
	fmt.Println(sumK(cs), sumV(cs))
	for r := 0; r < 3; r++ {
		fmt.Println(sumK(cs[r:]))
	}
	cs[150000] = nil
	fmt.Println(sumV(cs[:100000]))
	fmt.Println(sumK(cs))
}
