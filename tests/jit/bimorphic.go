package main

import "fmt"

type Shape interface{ Area() int }

type Square struct{ side int }
type Rect struct{ w, h int }

func (s Square) Area() int { return s.side * s.side }
func (r *Rect) Area() int {
	if r.w > r.h {
		return r.w * r.h
	}
	return r.h * r.w
}

func run(shapes []Shape, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += shapes[i%len(shapes)].Area()
	}
	return sum
}

func main() {
	fmt.Println(run([]Shape{Square{3}, &Rect{2, 5}}, 100000))
}
