package main

import "fmt"

// The dominant receiver flips every 3000 calls, forever: guards go stale
// again and again, so recompilation must stop and settle the site.

type Shape interface{ Area() int }

type Square struct{ side int }
type Circle struct{ r int }

func (s *Square) Area() int { return s.side }
func (c *Circle) Area() int { return c.r }

func run(a, b Shape, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		s := a
		if (i/3000)%2 == 1 {
			s = b
		}
		sum += s.Area()
	}
	return sum
}

func main() {
	fmt.Println(run(&Square{3}, &Circle{5}, 3000000))
}
