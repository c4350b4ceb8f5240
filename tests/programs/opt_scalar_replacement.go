// Variables whose address is taken, and small objects made with & and
// new, that never leave the function once their callees are inlined:
// the optimizing tier keeps them in registers (scalar replacement), and
// the ones that do leave (stored in a global, returned, captured by a
// closure, kept in a slice) stay on the heap. Branches and loops merge
// the replaced words; Go zeroes new memory.
package main

import "fmt"

type Pt struct {
	x, y int
	f    float64
}

var keep *Pt

func clamp(v, lo, hi float64, tmin, tmax *float64) bool {
	if v < lo {
		*tmin = lo
	} else if v > *tmin {
		*tmin = v
	}
	if v > hi {
		*tmax = hi
	} else if v < *tmax {
		*tmax = v
	}
	return *tmin <= *tmax
}

func span(a, b, c float64) float64 {
	tmin, tmax := -1e300, 1e300
	if !clamp(a, -5, 5, &tmin, &tmax) || !clamp(b, -5, 5, &tmin, &tmax) {
		return -1
	}
	clamp(c, -5, 5, &tmin, &tmax)
	return tmax - tmin
}

func bump(p *Pt, k int) {
	p.x += k
	if k%2 == 0 {
		p.y -= k
	}
	p.f += 0.5
}

func walk(n int) int {
	p := &Pt{x: 1}
	for i := 0; i < n; i++ {
		bump(p, i)
	}
	return p.x*1000 + p.y + int(p.f)
}

func zeroed(n int) int {
	q := new(Pt)
	if n > 3 {
		q.y = n
	}
	return q.x + q.y + int(q.f)
}

func escapesGlobal(n int) int {
	p := &Pt{x: n}
	keep = p
	return p.x
}

func escapesReturn(n int) *Pt {
	p := &Pt{y: n}
	bump(p, 1)
	return p
}

func escapesClosure(n int) func() int {
	c := 0
	f := func() int { c += n; return c }
	f()
	return f
}

func escapesSlice(n int) []*int {
	var out []*int
	for i := 0; i < n; i++ {
		v := i * i
		out = append(out, &v)
	}
	return out
}

func main() {
	t := 0.0
	for i := 0; i < 300; i++ {
		t += span(float64(i%13)-6, float64(i%7)-3, float64(i%5)-2)
	}
	fmt.Println(t)
	fmt.Println(walk(10), walk(0), walk(1001))
	fmt.Println(zeroed(2), zeroed(9))
	s := 0
	for i := 0; i < 200; i++ {
		s += escapesGlobal(i) + escapesReturn(i).y + zeroed(i)
	}
	fmt.Println(s, keep.x)
	f := escapesClosure(3)
	fmt.Println(f(), f())
	sum := 0
	for _, p := range escapesSlice(50) {
		sum += *p
	}
	fmt.Println(sum)
}
