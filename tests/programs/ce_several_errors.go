package main

import "fmt"

// Several compile errors in one file: Go reports them all, sorted by
// position, and so must pgojit (the unused variable first, though the
// checker finds it after the type error below it).

type Shape interface{ Area() float64 }

type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

func total(shapes []Shape) float64 {
	count := 0
	var sum float64
	for _, s := range shapes {
		sum += s.Area() + "x"
	}
	return sum
}

func main() {
	var s Shape = &Sq{2}
	fmt.Println(total([]Shape{s}), missing)
	n := len(s)
	fmt.Println(n)
}
