package main

import "fmt"

// The dominant receiver flips every 30000 calls: each window sees one
// type, the guard goes stale at every flip, and recompilation must stop.

type Shape interface{ Area() int }

type Square struct{ side int }
type Circle struct{ r int }

func (s *Square) Area() int { return s.side }
func (c *Circle) Area() int { return c.r }

func run(a, b Shape, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		s := a
		if (i/30000)%2 == 1 {
			s = b
		}
		sum += s.Area()
	}
	return sum
}

func main() {
	fmt.Println(run(&Square{3}, &Circle{5}, 3000000))
}
