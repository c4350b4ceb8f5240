package main

import "fmt"

// Phase changes at two guarded sites of one loop, at different times (two
// recompilations): the optimized code keeps its "recompiled" flag in a
// frame word (no single site-count register).

type Shape interface{ Area() int }

type Square struct{ side int }
type Circle struct{ r int }

func (s *Square) Area() int { return s.side }
func (c *Circle) Area() int { return c.r * 3 }

func run(a, b Shape, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		s, t := a, b
		if i >= n/2 {
			s = b
		}
		if i >= 3*n/4 {
			t = a
		}
		sum += s.Area() + 2*t.Area()
	}
	return sum
}

func main() {
	fmt.Println(run(&Square{2}, &Circle{5}, 400000))
}
