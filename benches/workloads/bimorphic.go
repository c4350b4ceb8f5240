// calls: 50000000
package main

import "fmt"

// Bimorphic: two types alternating 50/50.

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
	table := []Shape{&Square{2}, &Circle{5}}
	fmt.Println(run(table, 50000000))
}
