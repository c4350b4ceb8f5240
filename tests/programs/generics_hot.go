package main

import "fmt"

// A generic function whose constraint's method call is a call site per
// instantiation: static for a concrete type argument, a profiled and
// guarded interface call for an interface one.
type Shape interface{ Area() int }

type Sq struct{ s int }
type Rect struct{ w, h int }

func (q Sq) Area() int   { return q.s * q.s }
func (r Rect) Area() int { return r.w * r.h }

func SumAreas[S Shape](xs []S) int {
	t := 0
	for i := range xs {
		t += xs[i].Area()
	}
	return t
}

type Number interface{ ~int | ~float64 }

func Dot[T Number](a, b []T) T {
	var s T
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func main() {
	sqs := make([]Sq, 100)
	mixed := make([]Shape, 100)
	for i := range sqs {
		sqs[i] = Sq{i % 7}
		if i%10 == 9 {
			mixed[i] = Rect{i % 3, 2}
		} else {
			mixed[i] = Sq{i % 5}
		}
	}
	a, b := 0, 0
	for k := 0; k < 20000; k++ {
		a += SumAreas(sqs)
		b += SumAreas(mixed)
	}
	fmt.Println(a, b)
	xs := make([]float64, 64)
	ys := make([]int, 64)
	for i := range xs {
		xs[i] = float64(i) * 0.5
		ys[i] = i
	}
	var fs float64
	is := 0
	for k := 0; k < 20000; k++ {
		fs += Dot(xs, xs)
		is += Dot(ys, ys)
	}
	fmt.Println(fs, is)
}
