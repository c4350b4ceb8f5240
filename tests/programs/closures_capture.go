package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	inc := func() int {
		n++
		return n
	}
	reset := func() { n = 0 }
	return inc, reset
}

func adder(base int) func(int) int {
	return func(x int) int {
		base += x
		return base
	}
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

type Acc struct{ total int }

func main() {
	inc, reset := counter()
	fmt.Println(inc(), inc(), inc())
	reset()
	fmt.Println(inc())
	inc2, _ := counter() // independent state
	fmt.Println(inc2(), inc())

	a := adder(10)
	fmt.Println(a(1), a(2), a(3))

	// captured variables are shared, not copied
	x := 1
	show := func() int { return x }
	x = 5
	fmt.Println(show())
	set := func(v int) { x = v }
	set(42)
	fmt.Println(x, show())

	// Go 1.22+: each loop iteration has its own variable
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, v := range []string{"a", "b"} {
		fs = append(fs, func() int { return len(v) * 100 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// the per-iteration copy starts from the previous iteration's value
	for i := 0; i < 6; i++ {
		bump := func() { i++ }
		bump()
		fmt.Print(i, " ")
	}
	fmt.Println()

	// a variable declared outside the loop is one variable
	var gs []func() int
	j := 0
	for j < 3 {
		gs = append(gs, func() int { return j })
		j++
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()

	// recursive closure
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(20))

	// higher-order helpers
	sq := func(v int) int { return v * v }
	plus1 := func(v int) int { return v + 1 }
	fmt.Println(apply([]int{1, 2, 3}, compose(sq, plus1)), apply([]int{1, 2, 3}, compose(plus1, sq)))

	// closures capturing a struct value vs a pointer
	acc := Acc{}
	addV := func(n int) { acc.total += n } // captures the variable acc
	addV(3)
	addV(4)
	p := &acc
	addP := func(n int) { p.total += n }
	addP(10)
	fmt.Println(acc.total)
	snapshot := acc
	addV(1)
	fmt.Println(snapshot.total, acc.total)

	// immediately invoked, and closures over parameters
	res := func(a, b int) int { return a*b + x }(6, 7)
	fmt.Println(res)

	// function values: nil check and reassignment
	var op func(int, int) int
	fmt.Println(op == nil)
	op = func(a, b int) int { return a - b }
	fmt.Println(op != nil, op(10, 3))
	ops := []func(int, int) int{
		func(a, b int) int { return a + b },
		func(a, b int) int { return a * b },
		op,
	}
	for _, o := range ops {
		fmt.Print(o(6, 3), " ")
	}
	fmt.Println()

	// a closure that captures another closure
	mk := func(step int) func() int {
		cur := 0
		return func() int {
			cur += step
			return cur
		}
	}
	evens := mk(2)
	twice := func() int { evens(); return evens() }
	fmt.Println(twice(), twice(), evens())

	// generator of generators sharing one counter
	shared := 0
	gen := func() func() int {
		return func() int { shared++; return shared }
	}
	g1, g2 := gen(), gen()
	fmt.Println(g1(), g2(), g1())
	fmt.Println(shared)
}
