// Three receiver types, 50/30/20: neither one nor two reach their shares,
// all three do: a chain of three guards, each body inlined, and the
// indirect call for anything else.
// listing: main.run CallIface
package main

import "fmt"

type Shape interface{ Area() int }

type Square struct{ side int }
type Rect struct{ w, h int }
type Dot struct{}

func (s *Square) Area() int { return s.side * s.side }
func (r *Rect) Area() int   { return r.w * r.h }
func (d *Dot) Area() int    { return 1 }

func run(shapes []Shape, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += shapes[i%len(shapes)].Area()
	}
	return sum
}

func main() {
	shapes := []Shape{&Square{3}, &Rect{2, 5}, &Square{4}, &Dot{}, &Square{1},
		&Rect{1, 1}, &Square{2}, &Dot{}, &Square{5}, &Rect{3, 3}}
	fmt.Println(run(shapes, 5000))
}
