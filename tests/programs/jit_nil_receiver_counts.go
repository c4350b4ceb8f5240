package main

import "fmt"

// Nil receivers at hot, guarded call sites: an interface holding no value
// and a nil function value, called among many calls of real receivers and
// recovered each time. Each nil call panics before reaching a method, so
// no receiver type is counted for it (a guard's miss, not a hit).

type Shape interface{ Area() int }

type Sq struct{ s int }
type Rect struct{ w, h int }

func (q Sq) Area() int    { return q.s * q.s }
func (r *Rect) Area() int { return r.w * r.h }

func area(s Shape) (a int, ok bool) {
	defer func() {
		if recover() != nil {
			a, ok = -1, false
		}
	}()
	return s.Area(), true
}

func apply(f func(int) int, x int) (y int, ok bool) {
	defer func() {
		if recover() != nil {
			y, ok = 0, false
		}
	}()
	return f(x), true
}

func twice(x int) int { return 2 * x }
func inc(x int) int   { return x + 1 }

func main() {
	shapes := []Shape{Sq{3}, Sq{4}, &Rect{2, 5}, nil}
	total, nils := 0, 0
	for i := 0; i < 60000; i++ {
		s := shapes[0]
		if i%97 == 0 {
			s = shapes[3]
		} else if i >= 30000 && i%5 == 0 {
			s = shapes[2]
		} else if i%2 == 0 {
			s = shapes[1]
		}
		a, ok := area(s)
		if !ok {
			nils++
		}
		total += a
	}
	fmt.Println(total, nils)

	fs := []func(int) int{twice, inc, nil}
	sum, fails := 0, 0
	for i := 0; i < 60000; i++ {
		f := fs[0]
		if i%89 == 0 {
			f = fs[2]
		} else if i >= 30000 && i%3 == 0 {
			f = fs[1]
		}
		y, ok := apply(f, i)
		if !ok {
			fails++
		}
		sum += y
	}
	fmt.Println(sum, fails)
}
