// calls: 50000000
package main

import "fmt"

// Bimorphic at random, 50/50: a fixed LCG picks *Square or *Circle for
// each slot of a 4096-entry table that the loop walks round-robin. Unlike
// bimorphic.go's strict alternation, which this machine's indirect-branch
// predictor learns, this sequence defeats it.

type Shape interface {
	Area() int
}

type Square struct{ side int }
type Circle struct{ r int }

func (s *Square) Area() int { return s.side }
func (c *Circle) Area() int { return c.r }

//go:noinline
func run(table []Shape, n int) int {
	sum := 0
	j := 0
	for i := 0; i < n; i++ {
		sum += table[j].Area()
		j++
		if j == len(table) {
			j = 0
		}
	}
	return sum
}

func main() {
	sq, ci := &Square{3}, &Circle{5}
	table := make([]Shape, 4096)
	seed := uint32(20240601)
	circles := 0
	for i := range table {
		seed = seed*1664525 + 1013904223
		if seed>>16%100 < 50 {
			table[i] = ci
			circles++
		} else {
			table[i] = sq
		}
	}
	fmt.Println(circles, run(table, 50000000))
}
