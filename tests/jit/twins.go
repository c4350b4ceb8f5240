package main

import "fmt"

// Two types whose Area methods compile to the same code, mixed at random:
// the JIT tests both guards without a branch and shares one inlined body.

type Shape interface{ Area() int }

type Square struct{ side int }
type Circle struct{ r int }

func (s *Square) Area() int { return s.side }
func (c *Circle) Area() int { return c.r }

func run(table []Shape, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += table[i%len(table)].Area()
	}
	return sum
}

func main() {
	table := make([]Shape, 64)
	x := uint32(7)
	for i := range table {
		x = x*1664525 + 1013904223
		if x>>31 == 0 {
			table[i] = &Square{2}
		} else {
			table[i] = &Circle{5}
		}
	}
	fmt.Println(run(table, 200000))
	var nilSquare *Square
	table[0] = nilSquare
	fmt.Println(run(table[1:], 1000))
}
