package main

import "fmt"

// Phase change: one hot loop sees only *Square, then only *Circle.

type Shape interface{ Area() int }

type Square struct{ side int }
type Circle struct{ r int }

func (s *Square) Area() int { return s.side }
func (c *Circle) Area() int { return c.r * 3 }

func run(a, b Shape, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		s := a
		if i >= n/2 {
			s = b
		}
		sum += s.Area()
	}
	return sum
}

func main() {
	fmt.Println(run(&Square{2}, &Circle{5}, 400000))
}
