// calls: 50000000
package main

import "fmt"

// Biased 90/10: nine calls in ten see *Square, one sees *Circle.

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
	table := make([]Shape, 10)
	for i := range table {
		table[i] = &Square{i}
	}
	table[4] = &Circle{7}
	fmt.Println(run(table, 50000000))
}
