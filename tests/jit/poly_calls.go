package main

import "fmt"

type Shape interface{ Area() int }

type A struct{ x int }
type B struct{ x int }
type C struct{ x int }

// Loops: too big a body to inline, so a chain of guards would only
// replace one indirect call with direct calls behind compares.
func (a *A) Area() int {
	s := 0
	for i := 0; i < a.x; i++ {
		s += i
	}
	return s
}
func (b *B) Area() int {
	s := 1
	for i := 0; i < b.x; i++ {
		s += 2 * i
	}
	return s
}
func (c *C) Area() int {
	s := 2
	for i := 0; i < c.x; i++ {
		s += 3 * i
	}
	return s
}

func run(shapes []Shape, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += shapes[i%len(shapes)].Area()
	}
	return sum
}

func main() {
	fmt.Println(run([]Shape{&A{3}, &B{3}, &C{3}}, 30000))
}
