// ir: main.dist
// Inlined callees that return floats, and a struct of floats: their
// results keep the type float through the merge after the call.
package main

import "fmt"

type Vec struct{ x, y float64 }

func (a Vec) Sub(b Vec) Vec { return Vec{a.x - b.x, a.y - b.y} }

func (a Vec) Dot(b Vec) float64 { return a.x*b.x + a.y*b.y }

func half(x float64) float64 { return x / 2 }

func dist(a, b Vec, scale bool) float64 {
	d := a.Sub(b)
	r := d.Dot(d)
	if scale {
		r = half(r)
	}
	return r
}

func main() {
	s := 0.0
	for i := 0; i < 3000; i++ {
		s += dist(Vec{float64(i), 1.5}, Vec{0.25, float64(i % 7)}, i%3 == 0)
	}
	fmt.Println(s)
}
