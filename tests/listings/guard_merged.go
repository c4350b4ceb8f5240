// Two receiver types whose inlined bodies are the same code: one
// branch-free guard for both and one body.
// listing: main.run CallIface
package main

import "fmt"

type Shape interface{ Area() int }

type Square struct{ side int }
type Circle struct{ r int }

func (s *Square) Area() int { return s.side }
func (c *Circle) Area() int { return c.r }

func run(shapes []Shape, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += shapes[i%len(shapes)].Area()
	}
	return sum
}

func main() {
	fmt.Println(run([]Shape{&Square{2}, &Circle{5}}, 5000))
}
