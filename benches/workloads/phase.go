// calls: 50000000
package main

import "fmt"

// Phase change: the site sees only *Square for the first half of the
// calls, only *Circle for the second half.

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
	first := []Shape{&Square{3}}
	second := []Shape{&Circle{4}}
	a := run(first, 25000000)
	b := run(second, 25000000)
	fmt.Println(a, b, a+b)
}
