package main

import "fmt"

// Deep (but bounded) recursion: Go grows goroutine stacks, so an
// implementation must not run out of VM stack at these depths.

type List struct {
	Val  int
	Next *List
}

func build(n int) *List {
	if n == 0 {
		return nil
	}
	return &List{Val: n, Next: build(n - 1)}
}

func (l *List) Sum() int {
	if l == nil {
		return 0
	}
	return l.Val + l.Next.Sum()
}

type Counter interface{ Count(n int) int }

type Down struct{ step int }

func (d Down) Count(n int) int {
	if n <= 0 {
		return 0
	}
	var c Counter = d
	return 1 + c.Count(n-d.step) // recursion through an interface call
}

func depth(n int, acc int) int {
	if n == 0 {
		return acc
	}
	return depth(n-1, acc+n%7)
}

func main() {
	fmt.Println(depth(100000, 0))
	l := build(50000)
	fmt.Println(l.Sum())
	fmt.Println(Down{1}.Count(100000))
	var rec func(int) int
	rec = func(n int) int {
		if n == 0 {
			return 0
		}
		return rec(n-1) + 2
	}
	fmt.Println(rec(100000))
}
