package main

import "fmt"

// A devirtualized, inlined interface call in a hot loop, a generic helper
// and a closure: the panic comes late, deep in compiled (and inlined) code,
// and its traceback names every frame as Go does.

type Shape interface{ Area(k int) int }

type Rect struct{ w, h int }
type Grid struct{ cells []int }

func (r Rect) Area(k int) int { return r.w * r.h * k }

func (g *Grid) Area(k int) int {
	return pick(g.cells, func(i int) int { return i + k })
}

func pick[T any](xs []T, at func(int) int) T {
	return xs[at(len(xs)/2)]
}

func total(shapes []Shape, k int) int {
	s := 0
	for _, sh := range shapes {
		s += sh.Area(k)
	}
	return s
}

func main() {
	shapes := make([]Shape, 0, 64)
	for i := 0; i < 64; i++ {
		if i%8 == 7 {
			shapes = append(shapes, &Grid{cells: make([]int, 10)})
		} else {
			shapes = append(shapes, Rect{i, 2})
		}
	}
	sum := 0
	for k := 0; k < 3000; k++ {
		sum += total(shapes, k%4)
	}
	fmt.Println("sum", sum)
	fmt.Println(total(shapes, 7))
}
