// Interface calls whose receiver's type the optimizing tier can see:
// values boxed in the same function, or returned boxed by a callee it
// inlines, are called directly with no guard and no profile, and the
// boxes that never leave are not allocated. Boxes that do leave (kept in
// a slice, passed on, compared) are still made, and a nil interface
// still panics (see panic_nil_iface* elsewhere).
package main

import "fmt"

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ w, h int }

func (r Rect) Area() int     { return r.w * r.h }
func (r Rect) Name() string  { return "rect" }

type Sq struct{ s int }

func (q *Sq) Area() int    { return q.s * q.s }
func (q *Sq) Name() string { return "sq" }

type Unit struct{}

func (Unit) Area() int     { return 1 }
func (Unit) Name() string  { return "unit" }

type Big struct{ a, b, c, d, e float64 }

func (g Big) Area() int    { return int(g.a + g.b + g.c + g.d + g.e) }
func (g Big) Name() string { return "big" }

func box(i int) Shape {
	if i%3 == 0 {
		return &Sq{i}
	}
	return Rect{i, 2}
}

func measure(s Shape) int { return s.Area() }

var kept []Shape

func run(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		var s Shape = Rect{i & 7, 3}
		t += s.Area()
		var q Shape = &Sq{i & 3}
		t += q.Area() + len(q.Name())
		t += box(i & 5).Area()
		var u Shape = Unit{}
		t += u.Area()
		var g Shape = Big{1.5, 2.5, float64(i & 3), 0.25, 0.75}
		t += g.Area()
		t += measure(Rect{i, i})
		if i%100 == 0 {
			kept = append(kept, s, q, g)
		}
		var e Shape = Rect{1, 1}
		if e == s {
			t++
		}
	}
	return t
}

func main() {
	fmt.Println(run(1000))
	fmt.Println(run(7))
	n := 0
	for _, s := range kept {
		n += s.Area()
	}
	fmt.Println(len(kept), n, kept[0].Name(), kept[1].Name(), kept[2].Name())
}
