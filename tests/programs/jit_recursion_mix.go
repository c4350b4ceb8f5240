package main

import "fmt"

// Recursion that crosses tiers: fib (hot), mutual recursion even/odd
// 100000 deep, a deep chain where every 1000th frame goes through a
// function called only a few times (cold, stays interpreted while its
// callers are compiled), recursion through an interface, recursion with
// struct arguments and several results.

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func even(n int) bool {
	if n == 0 {
		return true
	}
	return odd(n - 1)
}

func odd(n int) bool {
	if n == 0 {
		return false
	}
	return even(n - 1)
}

func hot(n, acc int) int {
	if n == 0 {
		return acc
	}
	if n%1000 == 0 {
		return cold(n-1, acc^n) + 1
	}
	return hot(n-1, acc+n%7) + n%3
}

func cold(n, acc int) int {
	// a different frame layout: more locals
	a, b, c, d := n*2, n*3, acc-1, acc+1
	r := hot(n, acc)
	return r + (a+b+c+d)%5
}

type Walker interface{ Walk(n int) int }

type Left struct{ other Walker }
type Right struct{ k int }

func (l *Left) Walk(n int) int {
	if n <= 0 {
		return 0
	}
	return l.other.Walk(n-1) + 1
}

func (r *Right) Walk(n int) int {
	if n <= 0 {
		return r.k
	}
	return r.k + left.Walk(n-1)
}

var left *Left

type V3 struct{ x, y, z int }

func sum3(v V3, n int) (V3, int, bool) {
	if n == 0 {
		return v, 0, true
	}
	w, d, ok := sum3(V3{v.y, v.z, (v.x + v.y + v.z) % 1000003}, n-1)
	return w, d + 1, ok && d >= 0
}

func ack(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ack(m-1, 1)
	}
	return ack(m-1, ack(m, n-1))
}

func main() {
	fmt.Println("fib", fib(25))
	fmt.Println("even", even(100000), odd(100000), even(99999), odd(77777))
	for i := 0; i < 3; i++ {
		fmt.Println("hot/cold", i, hot(50000+i, i))
	}
	r := &Right{k: 2}
	left = &Left{other: r}
	fmt.Println("iface", left.Walk(60000), r.Walk(60001))
	v, d, ok := sum3(V3{1, 1, 1}, 40000)
	fmt.Println("sum3", v, d, ok)
	fmt.Println("ack", ack(2, 300), ack(3, 5))
	t := 0
	for i := 0; i < 2000; i++ {
		t += fib(i % 12)
		if even(i % 300) {
			t++
		}
	}
	fmt.Println("small", t)
}
