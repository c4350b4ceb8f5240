package main

import "fmt"

// Hot interface calls whose methods take and return wide values: several
// results, small structs by value, strings, slices and interfaces, with
// the receiver type changing under the call site.

type Pt struct{ X, Y int }

type Pair struct {
	A  int32
	B  uint8
	OK bool
}

type Shape interface {
	Bounds() (Pt, Pt)
	Split(n int) (int, int, bool)
	Label(prefix string) string
	Take(xs []int) []int
	Wrap(v any) any
	Small() Pair
}

type Rect struct{ min, max Pt }
type Circle struct {
	c Pt
	r int
}
type Poly struct {
	pts  []Pt
	name string
}

func (r Rect) Bounds() (Pt, Pt) { return r.min, r.max }
func (r Rect) Split(n int) (int, int, bool) {
	w := r.max.X - r.min.X
	return n / 2, w - n/2, n%2 == 0
}
func (r Rect) Label(prefix string) string { return prefix + "R" }
func (r Rect) Take(xs []int) []int         { return xs[:len(xs)/2] }
func (r Rect) Wrap(v any) any              { return v }
func (r Rect) Small() Pair                 { return Pair{int32(r.max.X), uint8(r.max.Y), true} }

func (c *Circle) Bounds() (Pt, Pt) {
	return Pt{c.c.X - c.r, c.c.Y - c.r}, Pt{c.c.X + c.r, c.c.Y + c.r}
}
func (c *Circle) Split(n int) (int, int, bool) {
	if n > c.r {
		return c.r, n - c.r, true
	}
	return n, 0, false
}
func (c *Circle) Label(prefix string) string { return fmt.Sprint(prefix, "C", c.r) }
func (c *Circle) Take(xs []int) []int {
	c.r++
	return append(xs[:0:0], xs[len(xs)-1])
}
func (c *Circle) Wrap(v any) any {
	if n, ok := v.(int); ok {
		return n + c.r
	}
	return c
}
func (c *Circle) Small() Pair { return Pair{int32(-c.r), uint8(c.r * 7), c.r%2 == 1} }

func (p Poly) Bounds() (Pt, Pt) {
	lo, hi := p.pts[0], p.pts[0]
	for _, q := range p.pts[1:] {
		if q.X < lo.X {
			lo.X = q.X
		}
		if q.Y < lo.Y {
			lo.Y = q.Y
		}
		if q.X > hi.X {
			hi.X = q.X
		}
		if q.Y > hi.Y {
			hi.Y = q.Y
		}
	}
	return lo, hi
}
func (p Poly) Split(n int) (a, b int, even bool) {
	a = n % len(p.pts)
	b = n / len(p.pts)
	even = len(p.pts)%2 == 0
	return
}
func (p Poly) Label(prefix string) string { return prefix + p.name }
func (p Poly) Take(xs []int) []int {
	out := make([]int, 0, 2)
	return append(out, xs[0], len(p.pts))
}
func (p Poly) Wrap(v any) any { return p.name }
func (p Poly) Small() Pair    { return Pair{int32(len(p.pts)), 255, false} }

func churn(shapes []Shape, n int) {
	var sx, sy, sa, sb, evens, labels, takes int
	var small int64
	var wrapped [3]int
	data := []int{4, 8, 15, 16, 23, 42}
	for i := 0; i < n; i++ {
		s := shapes[(i+i/7)%len(shapes)]
		lo, hi := s.Bounds()
		sx += hi.X - lo.X
		sy += hi.Y - lo.Y
		a, b, even := s.Split(i % 97)
		sa += a
		sb += b
		if even {
			evens++
		}
		labels += len(s.Label("L"))
		t := s.Take(data)
		takes += len(t) + t[0]
		var arg any = i
		if i%5 == 0 {
			arg = "five"
		}
		switch w := s.Wrap(arg).(type) {
		case int:
			wrapped[0] += w
		case string:
			wrapped[1] += len(w)
		case *Circle:
			wrapped[2]++
		}
		p := s.Small()
		small += int64(p.A)*3 + int64(p.B)
		if p.OK {
			small++
		}
	}
	fmt.Println(sx, sy, sa, sb, evens, labels, takes, wrapped, small)
}

func main() {
	r := Rect{Pt{1, 2}, Pt{11, 7}}
	c := &Circle{Pt{0, 0}, 3}
	p := Poly{[]Pt{{0, 0}, {5, -2}, {3, 9}, {-4, 1}}, "quad"}

	churn([]Shape{r}, 20000)
	churn([]Shape{r, r, r, r, r, r, r, r, r, c}, 20000)
	churn([]Shape{c, p}, 20000)
	churn([]Shape{p, r, c}, 30000)
	fmt.Println(c.r, c.Label("final"), r.Label(""), p.Label("x"))

	// multi-result call results feeding each other directly
	var sh Shape = p
	for i := 0; i < 3; i++ {
		lo, hi := sh.Bounds()
		fmt.Println(lo, hi, sh.Small())
		if i == 0 {
			sh = c
		} else {
			sh = r
		}
	}
}
