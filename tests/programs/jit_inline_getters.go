package main

import "fmt"

// Tiny methods a JIT inlines under a type guard: getters, setters, a
// method with arithmetic and an if. A setter with a value receiver changes
// only its copy; an interface holding a struct value holds a copy taken
// at boxing time; a pointer receiver sees every later write.

type P struct{ x, y int }

func (p *P) X() int     { return p.x }
func (p *P) SetX(v int) { p.x = v }
func (p *P) Clamp(lo, hi int) int {
	v := p.x*2 - p.y
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

type V struct{ x, y int }

func (v V) X() int     { return v.x }
func (v V) SetX(n int) { v.x = n } // no effect outside
func (v V) Clamp(lo, hi int) int {
	if v.x > hi {
		return hi - v.y
	}
	return lo + v.x
}

type Temp float64

func (t Temp) X() int     { return int(t * 10) }
func (t *Temp) SetX(n int) { *t = Temp(n) / 4 }
func (t Temp) Clamp(lo, hi int) int {
	if t != t {
		return -1
	}
	if float64(t) < float64(lo) {
		return lo
	}
	return hi
}

type XY interface {
	X() int
	SetX(int)
	Clamp(lo, hi int) int
}

type Grid struct {
	cells []P
	w     int
}

func (g *Grid) At(i, j int) *P { return &g.cells[i*g.w+j] }
func (g Grid) W() int          { return g.w }

func sumX(xs []XY) int {
	t := 0
	for _, x := range xs {
		t += x.X()
	}
	return t
}

// Each phase is its own function, called more than once, so that its
// interface sites are profiled before it is compiled (and guarded).

func direct(p *P, n int) int {
	acc := 0
	for i := 0; i < n; i++ {
		p.SetX(p.X() + i%3)
		acc += p.Clamp(-50, 50)
	}
	return acc
}

// value receiver setter: no effect on v, nor on the boxed copy
func values(v V, iv XY, n int) int {
	acc := 0
	for i := 0; i < n; i++ {
		v.SetX(i)
		iv.SetX(i)
		acc += v.X() + iv.X() + iv.Clamp(i%7, 5)
	}
	return acc
}

func mixed(xs []XY, n int) int {
	acc := 0
	for i := 0; i < n; i++ {
		x := xs[i%len(xs)]
		x.SetX(x.X() + 1)
		acc += x.Clamp(0, 1000)
	}
	return acc
}

func clampAll(it XY, n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += it.Clamp(0, 1)
	}
	return t
}

func paint(g *Grid, n int) {
	for i := 0; i < n; i++ {
		c := g.At(i%3, i%g.W())
		c.SetX(c.X() + i)
		c.y -= i & 3
	}
}

func xorAll(ixs []XY, r int) {
	for i, x := range ixs {
		x.SetX(x.X() ^ (r + i))
	}
}

func main() {
	// direct pointer-receiver getters/setters in a hot loop
	p := &P{1, 2}
	acc := direct(p, 100000)
	acc += direct(p, 100000)
	fmt.Println("direct", p.x, p.y, acc)

	v := V{3, 4}
	var iv XY = v
	acc += values(v, iv, 50000)
	acc += values(v, iv, 50000)
	v.x = 99
	fmt.Println("value", v.x, iv.X(), acc)

	// through the interface: *P mostly, V and *Temp sometimes; then only
	// V, then only *Temp, then *P again
	q := &P{0, 0}
	t := Temp(1.5)
	xs := []XY{q, q, q, q, q, q, q, V{7, 1}, q, &t}
	for r := 0; r < 3; r++ {
		acc = mixed(xs, 100000)
		fmt.Println(" round", r, q.x, t, acc, sumX(xs))
	}
	t = 2
	fmt.Println("only V", mixed([]XY{V{1, 2}, V{3000, 4}}, 50000))
	fmt.Println("only Temp", mixed([]XY{&t}, 50000), t)
	fmt.Println("P again", mixed([]XY{q}, 50000), q.x)

	// NaN through a named float with an inlinable method
	zero := 0.0
	t = Temp(zero / zero)
	var it XY = &t
	n := clampAll(it, 25000) + clampAll(it, 25000)
	it.SetX(6)
	fmt.Println("nan", n, t, it.X(), clampAll(it, 1000))

	// getters returning interior pointers
	g := &Grid{make([]P, 12), 4}
	paint(g, 60000)
	paint(g, 60000)
	fmt.Println("grid", g.cells)

	// the receiver pointer changes every iteration; the guard type does not
	ps := make([]*P, 64)
	for i := range ps {
		ps[i] = &P{i, -i}
	}
	var ixs []XY
	for _, pp := range ps {
		ixs = append(ixs, pp)
	}
	for r := 0; r < 3000; r++ {
		xorAll(ixs, r)
	}
	fmt.Println("many", sumX(ixs), ps[0].x, ps[63].x)
}
