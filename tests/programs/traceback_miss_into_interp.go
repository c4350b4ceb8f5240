package main

import "fmt"

// A compiled call site whose guard misses calls a method that has not
// been compiled yet, which panics one call further down (in interpreted
// code): the traceback shows each frame once.

type S interface{ F(x int) int }

type A struct{}

func (A) F(x int) int { return x }

type B struct{ xs []int }

func (b B) F(x int) int { return b.at(x) + 1 }

func (b B) at(i int) int { return b.xs[i] }

func call(s S, x int) int { return s.F(x) }

func warm() int {
	t := 0
	for i := 0; i < 100; i++ {
		t += call(A{}, i)
	}
	return t
}

func main() {
	fmt.Println(warm())
	fmt.Println(call(B{[]int{1}}, 3))
}
