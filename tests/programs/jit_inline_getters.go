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

func main() {
	// direct pointer-receiver getters/setters in a hot loop
	p := &P{1, 2}
	acc := 0
	for i := 0; i < 200000; i++ {
		p.SetX(p.X() + i%3)
		acc += p.Clamp(-50, 50)
	}
	fmt.Println("direct", p.x, p.y, acc)

	// value receiver setter: no effect on v, nor on the boxed copy
	v := V{3, 4}
	var iv XY = v
	for i := 0; i < 100000; i++ {
		v.SetX(i)
		iv.SetX(i)
		acc += v.X() + iv.X() + iv.Clamp(i%7, 5)
	}
	v.x = 99
	fmt.Println("value", v.x, iv.X(), acc)

	// through the interface: *P mostly, V and *Temp sometimes
	q := &P{0, 0}
	t := Temp(1.5)
	xs := []XY{q, q, q, q, q, q, q, V{7, 1}, q, &t}
	acc = 0
	for i := 0; i < 300000; i++ {
		x := xs[i%len(xs)]
		x.SetX(x.X() + 1)
		acc += x.Clamp(0, 1000)
		if i%100000 == 0 {
			fmt.Println(" at", i, q.x, t, sumX(xs))
		}
	}
	fmt.Println("iface", q.x, t, acc, sumX(xs))

	// NaN through a named float with an inlinable method
	zero := 0.0
	t = Temp(zero / zero)
	var it XY = &t
	n := 0
	for i := 0; i < 50000; i++ {
		n += it.Clamp(0, 1)
	}
	it.SetX(6)
	fmt.Println("nan", n, t, it.X())

	// getters returning interior pointers
	g := &Grid{make([]P, 12), 4}
	for i := 0; i < 120000; i++ {
		c := g.At(i%3, i%g.W())
		c.SetX(c.X() + i)
		c.y -= i & 3
	}
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
		for i, x := range ixs {
			x.SetX(x.X() ^ (r + i))
		}
	}
	fmt.Println("many", sumX(ixs), ps[0].x, ps[63].x)
}
