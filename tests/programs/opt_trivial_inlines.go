package main

import "fmt"

// Forty-eight calls of trivial callees (smaller than a call) and, after
// them, calls of a larger callee: the trivial ones do not use up the
// inlining budget, so the larger one is inlined too.

type V struct{ X, Y, Z float64 }

func (a V) Add(b V) V { return V{a.X + b.X, a.Y + b.Y, a.Z + b.Z} }
func (a V) Dot(b V) float64 { return a.X*b.X + a.Y*b.Y + a.Z*b.Z }

// Larger than trivial, small enough to inline.
func mix(a, b V, t float64) V {
	u := 1 - t
	r := V{a.X*u + b.X*t, a.Y*u + b.Y*t, a.Z*u + b.Z*t}
	if r.X > 100 {
		r.X -= 100
	}
	return r
}

func step(a, b V, t float64) float64 {
	a = a.Add(b)
	t += a.Dot(b) * 1e-3
	a = a.Add(b)
	t += a.Dot(b) * 1e-4
	a = a.Add(b)
	t += a.Dot(b) * 1e-5
	a = a.Add(b)
	t += a.Dot(b) * 1e-6
	a = a.Add(b)
	t += a.Dot(b) * 1e-7
	a = a.Add(b)
	t += a.Dot(b) * 1e-8
	a = a.Add(b)
	t += a.Dot(b) * 1e-9
	a = a.Add(b)
	t += a.Dot(b) * 1e-10
	a = a.Add(b)
	t += a.Dot(b) * 1e-11
	a = a.Add(b)
	t += a.Dot(b) * 1e-12
	a = a.Add(b)
	t += a.Dot(b) * 1e-13
	a = a.Add(b)
	t += a.Dot(b) * 1e-14
	a = a.Add(b)
	t += a.Dot(b) * 1e-15
	a = a.Add(b)
	t += a.Dot(b) * 1e-16
	a = a.Add(b)
	t += a.Dot(b) * 1e-17
	a = a.Add(b)
	t += a.Dot(b) * 1e-18
	a = a.Add(b)
	t += a.Dot(b) * 1e-19
	a = a.Add(b)
	t += a.Dot(b) * 1e-20
	a = a.Add(b)
	t += a.Dot(b) * 1e-21
	a = a.Add(b)
	t += a.Dot(b) * 1e-22
	a = a.Add(b)
	t += a.Dot(b) * 1e-23
	a = a.Add(b)
	t += a.Dot(b) * 1e-24
	a = a.Add(b)
	t += a.Dot(b) * 1e-25
	a = a.Add(b)
	t += a.Dot(b) * 1e-26
	c := mix(a, b, t)
	return mix(c, a, 0.25).Dot(b) + t
}

func main() {
	s := 0.0
	for i := 0; i < 20000; i++ {
		s += step(V{float64(i % 7), 1, 2}, V{0.5, float64(i % 3), 0.25}, 0.1)
	}
	fmt.Printf("%.6f\n", s)
}
