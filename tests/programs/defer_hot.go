package main

import "fmt"

type Shape interface{ Area() int }

type Sq struct{ s int }
type Rect struct{ w, h int }

func (q Sq) Area() int   { return q.s * q.s }
func (r Rect) Area() int { return r.w * r.h }

type Lock struct{ held, count int }

func (l *Lock) Lock()   { l.held++ }
func (l *Lock) Unlock() { l.held--; l.count++ }

var mu Lock

// A hot function with a deferred unlock and a biased interface call.
func area(s Shape) int {
	mu.Lock()
	defer mu.Unlock()
	return s.Area()
}

// Recovers the index panics of some calls: compiled code panicking
// under a deferred-call frame.
func at(xs []int, i int) (v int, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			v, ok = -1, false
		}
	}()
	return xs[i], true
}

// A loop hot enough for OSR inside a body with deferred calls; the
// named result set by the deferred closure.
func sum(n int) (total int) {
	defer func() { total = -total }()
	for i := 0; i < n; i++ {
		total += i % 7
	}
	return total
}

// Deferred calls holding heap values across collections.
func build(n int) (out []*Rect) {
	defer func() {
		for _, r := range out {
			r.h++
		}
	}()
	for i := 0; i < n; i++ {
		r := &Rect{i, i}
		defer func() { out = append(out, r) }()
	}
	return nil
}

func fib(n int) (r int) {
	defer func() {
		if n < 2 {
			r = n
		}
	}()
	if n < 2 {
		return 0
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	shapes := []Shape{Sq{2}, Sq{3}, Rect{2, 5}}
	t := 0
	for i := 0; i < 200000; i++ {
		var s Shape = shapes[0]
		if i%10 == 9 {
			s = shapes[1+i%2]
		}
		t += area(s)
	}
	fmt.Println(t, mu.held, mu.count)
	xs := []int{1, 2, 3, 4}
	good, bad := 0, 0
	for i := 0; i < 50000; i++ {
		v, ok := at(xs, i%5)
		if ok {
			good += v
		} else {
			bad++
		}
	}
	fmt.Println(good, bad)
	fmt.Println(sum(3000000))
	total := 0
	for k := 0; k < 300; k++ {
		rs := build(50)
		for _, r := range rs {
			total += r.h - r.w
		}
	}
	fmt.Println(total)
	fmt.Println(fib(20))
}
