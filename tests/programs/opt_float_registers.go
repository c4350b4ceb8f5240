// Float values in the optimizing tier's registers: comparisons with NaN,
// ±Inf and -0.0 in every operator (feeding branches and bools), floats
// live across calls and method calls, float parameters and results,
// floats through merges and interface values, int<->float conversions
// at the edges, and more floats alive at once than there are registers.
package main

import "fmt"

type Shape interface {
	Area() float64
	Scale(k float64) float64
}

type Sq struct{ s float64 }

func (q Sq) Area() float64           { return q.s * q.s }
func (q Sq) Scale(k float64) float64 { return q.s * k }

type Circ struct{ r float64 }

func (c *Circ) Area() float64           { return 3.0 * c.r * c.r }
func (c *Circ) Scale(k float64) float64 { c.r *= k; return c.r }

func cmpAll(a, b float64) int {
	n := 0
	if a < b {
		n |= 1
	}
	if a <= b {
		n |= 2
	}
	if a > b {
		n |= 4
	}
	if a >= b {
		n |= 8
	}
	if a == b {
		n |= 16
	}
	if a != b {
		n |= 32
	}
	return n
}

func cmpBools(a, b float64) (bool, bool, bool, bool, bool, bool) {
	return a < b, a <= b, a > b, a >= b, a == b, a != b
}

func negBranches(a, b float64) int {
	n := 0
	if !(a < b) {
		n |= 1
	}
	if !(a <= b) {
		n |= 2
	}
	if !(a > b) {
		n |= 4
	}
	if !(a >= b) {
		n |= 8
	}
	if !(a == b) {
		n |= 16
	}
	if !(a != b) {
		n |= 32
	}
	return n
}

func helper(x float64) float64 { return x*0.5 + 1 }

//go:noinline
func noinl(x, y float64) float64 {
	s := 0.0
	for i := 0; i < 3; i++ {
		s += x*y - float64(i)
	}
	return s
}

// Floats live across calls, method calls and interface calls.
func acrossCalls(n int, shapes []Shape) float64 {
	acc, b, c := 0.0, 1.0, -2.5
	for i := 0; i < n; i++ {
		d := float64(i) * 0.25
		e := noinl(d, b)
		acc += e + c + d
		sh := shapes[i%len(shapes)]
		f := sh.Area()
		g := sh.Scale(1.0)
		acc += f*0.001 + g*0.002 + d*c + helper(d) + b
		b = b*0.999 + 0.001
	}
	return acc + b + c
}

// Many floats at once: more than the registers hold.
func manyFloats(n int) float64 {
	a0, a1, a2, a3, a4, a5, a6, a7 := 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5
	b0, b1, b2, b3, b4, b5, b6, b7 := 8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 14.5, 15.5
	c0, c1, c2, c3 := 16.5, 17.5, 18.5, 19.5
	for i := 0; i < n; i++ {
		x := float64(i)
		a0, a1, a2, a3 = a1+x*0.001, a2-a0*0.01, a3*1.0001, a0+a4
		a4, a5, a6, a7 = a5/1.001, a6+a7*0.5, a7-b0*0.1, a4*0.999
		b0, b1, b2, b3 = b1+c0*0.01, b2-b3*0.01, b3+a1*0.001, b0*0.99
		b4, b5, b6, b7 = b5+b6*0.001, b6-b7*0.001, b7+b4*0.001, b4-c1*0.001
		c0, c1, c2, c3 = c1*0.999, c2+c3*0.001, c3-c0*0.001, c0+a7*0.001
		if a0 > 1e6 || b0 < -1e6 || c0 != c0 {
			a0, b0, c0 = 1, 1, 1
		}
	}
	return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + b0 + b1 + b2 + b3 + b4 + b5 + b6 + b7 + c0 + c1 + c2 + c3
}

// Many floats live across a call.
func manyAcross(n int) float64 {
	s := 0.0
	for i := 0; i < n; i++ {
		x := float64(i)
		p, q, r, t, u, v, w, y, z := x+1, x+2, x+3, x+4, x+5, x+6, x+7, x+8, x+9
		k, l, m, o, pp, qq, rr := x*2, x*3, x*4, x*5, x*6, x*7, x*8
		h := noinl(x, 0.5)
		s += p + q + r + t + u + v + w + y + z + k + l + m + o + pp + qq + rr + h
	}
	return s
}

// A float flowing into a merge with an untyped (pointer-sized) word: an
// interface value's data word holds the float's bits.
func boxes(n int) float64 {
	var last interface{}
	s := 0.0
	for i := 0; i < n; i++ {
		var v interface{}
		if i%3 == 0 {
			v = float64(i) * 1.5
		} else if i%3 == 1 {
			v = i
		} else {
			v = -float64(i)
		}
		switch x := v.(type) {
		case float64:
			s += x
		case int:
			s += float64(x)
		}
		last = v
	}
	if f, ok := last.(float64); ok {
		s += f
	}
	return s
}

func conv(xs []float64) {
	for _, x := range xs {
		i := int64(x)
		i32 := int32(x)
		fmt.Println(x, i, i32, float64(i), float64(int64(i32)))
	}
	ints := []int64{0, -1, 1, -9007199254740993, 9007199254740993, 1 << 62, -1 << 63}
	for _, i := range ints {
		f := float64(i)
		fmt.Println(i, f, f > 0, f < 0, f == 0)
	}
	us := []uint64{0, 1, 1 << 63, 1<<64 - 1, 12345678901234567890}
	for _, u := range us {
		f := float64(u)
		fmt.Println(u, f, uint64(f/2))
	}
}

// Divisions by constants (powers of two among them) at the edges:
// subnormals, zeros, infinities.
func divs(xs []float64) {
	for _, x := range xs {
		fmt.Println(x/2, x/4, x/0.5, x/1024, x/-8, x/3, x/0.1)
	}
}

func minMax(xs []float64) (float64, float64) {
	lo, hi := xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return lo, hi
}

func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	r := x
	if r < 1 {
		r = 1
	}
	for i := 0; i < 30; i++ {
		r = 0.5 * (r + x/r)
	}
	return r
}

func main() {
	zero := 0.0
	nan := zero / zero
	inf := 1 / zero
	ninf := -inf
	negz := -zero
	vals := []float64{nan, inf, ninf, negz, zero, 1, -1, 2.5}
	total := 0
	for rep := 0; rep < 40; rep++ {
		for _, a := range vals {
			for _, b := range vals {
				c := cmpAll(a, b)
				d := negBranches(a, b)
				total += c*7 + d
				if rep == 0 {
					l, le, g, ge, e, ne := cmpBools(a, b)
					fmt.Println(a, b, c, d, l, le, g, ge, e, ne)
				}
			}
		}
	}
	fmt.Println("total", total)
	fmt.Println(negz, -negz, negz == zero, 1/negz)

	shapes := []Shape{Sq{2}, &Circ{1.5}, Sq{0.5}}
	fmt.Println(acrossCalls(500, shapes))
	fmt.Println(manyFloats(2000))
	fmt.Println(manyAcross(300))
	fmt.Println(boxes(600))
	conv([]float64{0, -0.5, 0.5, -1.9, 1.9, 1e18, -1e18, 1e300, -1e300, 2147483648.5, -2147483649.5})
	zs := []float64{5e-324, 1.5e-323, 2.2250738585072014e-308, 1e-310, -0.0, 1.7976931348623157e308, 7, -3.25}
	divs(append(zs, inf, ninf, nan, negz))
	lo, hi := minMax([]float64{3, -7.5, 1e10, negz, -1e-10, 42})
	fmt.Println(lo, hi)
	s := 0.0
	for i := 0; i < 2000; i++ {
		s += sqrt(float64(i))
	}
	fmt.Println(s, sqrt(-1), sqrt(0.25))
}
