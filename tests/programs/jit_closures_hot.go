package main

import "fmt"

// Function values in hot loops: one closure, changing targets (closures of
// different bodies, top-level functions, method values, method
// expressions), closures sharing captured variables, per-iteration loop
// variables, closures returning closures, and recursion through a
// closure variable.

type Acc struct {
	n    int
	name string
}

func (a *Acc) Add(k int) int { a.n += k; return a.n }
func (a Acc) Peek(k int) int  { return a.n*10 + k }

func sq(x int) int   { return x * x }
func neg(x int) int  { return -x }
func half(x int) int { return x / 2 }

func counter(step int) (func() int, func(int)) {
	c := 0
	return func() int { c += step; return c }, func(v int) { c = v }
}

func compose(fs ...func(int) int) func(int) int {
	return func(x int) int {
		for _, f := range fs {
			x = f(x)
		}
		return x
	}
}

func apply(f func(int) int, n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += f(i)
	}
	return t
}

func main() {
	// one target, hot
	k := 3
	addk := func(x int) int { return x + k }
	fmt.Println("same", apply(addk, 100000))
	k = 1000 // captured by reference
	fmt.Println("same after write", apply(addk, 1000))

	// changing targets at one call site
	a := &Acc{name: "a"}
	v := Acc{n: 7}
	peek := v.Peek // bound to a copy of v now
	v.n = 1000
	peekE := Acc.Peek
	fs := []func(int) int{sq, neg, addk, a.Add, peek, half, func(x int) int { return peekE(v, x) }, compose(sq, half, neg)}
	t := 0
	for i := 0; i < 160000; i++ {
		t += fs[i%len(fs)](i & 255)
	}
	fmt.Println("mixed", t, a.n, v.n)

	// phase change: sq for a while, then (*Acc).Add via method expression
	addE := (*Acc).Add
	b := &Acc{}
	f := sq
	t = 0
	for i := 0; i < 100000; i++ {
		if i == 60000 {
			f = func(x int) int { return addE(b, x) }
		}
		t += f(i & 1023)
	}
	fmt.Println("phase", t, b.n)

	// shared captured state between two closures
	next, reset := counter(7)
	t = 0
	for i := 0; i < 50000; i++ {
		t += next()
		if i%1000 == 999 {
			reset(i)
		}
	}
	fmt.Println("counter", t, next())

	// per-iteration loop variables: each closure has its own i
	var keep []func() int
	for i := 0; i < 1000; i++ {
		keep = append(keep, func() int { return i * i })
	}
	t = 0
	for r := 0; r < 50; r++ {
		for _, g := range keep {
			t += g()
		}
	}
	fmt.Println("loopvars", t, keep[0](), keep[999]())

	// closures capturing every kind of variable, mutated inside the loop
	s := "x"
	fl := 0.5
	xs := []int{1}
	pt := struct{ X, Y int }{1, 2}
	var any1 any = 1
	body := func(i int) {
		if len(s) < 40 {
			s += string(rune('a' + i%26))
		}
		fl = fl*1.0001 + 0.25
		xs = append(xs, i)
		pt.X, pt.Y = pt.Y, pt.X+i
		if n, ok := any1.(int); ok {
			any1 = n + i
		}
	}
	for i := 0; i < 60000; i++ {
		body(i)
	}
	fmt.Println("captures", s, fl, len(xs), xs[len(xs)-1], pt, any1)

	// recursion through a closure variable, hot
	var fib func(n int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println("fib", fib(24))

	// closures returning closures
	mk := func(m int) func(int) func() int {
		return func(a int) func() int {
			return func() int { return m*a + 1 }
		}
	}
	t = 0
	for i := 0; i < 30000; i++ {
		t += mk(i % 13)(i % 17)()
	}
	fmt.Println("nested", t)
}
