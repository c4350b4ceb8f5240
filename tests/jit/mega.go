package main

import "fmt"

type Shape interface{ Area() int }

type A struct{ x int }
type B struct{ x int }
type C struct{ x int }
type D struct{ x int }

func (a *A) Area() int { return a.x }
func (b *B) Area() int { return b.x + 1 }
func (c *C) Area() int { return c.x + 2 }
func (d *D) Area() int { return d.x + 3 }

func run(shapes []Shape, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += shapes[i%len(shapes)].Area()
	}
	return sum
}

func main() {
	fmt.Println(run([]Shape{&A{1}, &B{1}, &C{1}, &D{1}}, 100000))
}
