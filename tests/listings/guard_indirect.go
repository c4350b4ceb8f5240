// Four receiver types evenly with polymorphic guards off: megamorphic,
// an indirect call through the itab and no guard.
// listing: main.run CallIface
// flags: --polymorphic=2
package main

import "fmt"

type Shape interface{ Area() int }

type Square struct{ side int }
type Rect struct{ w, h int }
type Tri struct{ b, h int }
type Dot struct{}

func (s *Square) Area() int { return s.side * s.side }
func (r *Rect) Area() int   { return r.w * r.h }
func (t *Tri) Area() int    { return t.b * t.h / 2 }
func (d *Dot) Area() int    { return 0 }

func run(shapes []Shape, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += shapes[i%len(shapes)].Area()
	}
	return sum
}

func main() {
	fmt.Println(run([]Shape{&Square{3}, &Rect{2, 5}, &Tri{4, 2}, &Dot{}}, 5000))
}
