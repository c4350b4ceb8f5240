package main

import "fmt"

// Type assertions to a concrete type in a hot loop: the comma-ok form
// never panics; the single-result form panics once the dynamic type
// differs, naming the interface, the actual and the asserted type.

type Shape interface{ Area() int }

type Sq struct{ s int }
type Circ struct{ r int }
type Tri struct{ b, h int }

func (q *Sq) Area() int  { return q.s * q.s }
func (c Circ) Area() int { return 3 * c.r * c.r }
func (t Tri) Area() int  { return t.b * t.h / 2 }

func main() {
	shapes := make([]Shape, 3000)
	for i := range shapes {
		switch i % 3 {
		case 0:
			shapes[i] = &Sq{i % 11}
		case 1:
			shapes[i] = Circ{i % 5}
		default:
			shapes[i] = Tri{i % 7, 4}
		}
	}
	var sq, ci, other int
	for r := 0; r < 30; r++ {
		for _, s := range shapes {
			if q, ok := s.(*Sq); ok {
				sq += q.s
			} else if c, ok := s.(Circ); ok {
				ci += c.r
			} else {
				other += s.Area()
			}
		}
	}
	fmt.Println("comma-ok", sq, ci, other)

	circles := make([]Shape, 100000)
	for i := range circles {
		circles[i] = Circ{i & 15}
	}
	circles[77777] = Tri{1, 2}
	sum := 0
	for i, s := range circles {
		sum += s.(Circ).r
		if i%20000 == 0 {
			fmt.Println("i", i, sum)
		}
	}
	fmt.Println("unreachable", sum)
}
