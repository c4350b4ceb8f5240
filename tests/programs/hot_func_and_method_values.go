package main

import "fmt"

// Hot indirect calls that are not interface calls: closures, method
// values and method expressions called in loops.

type Vec struct{ x, y int }

func (v Vec) Dot(o Vec) int     { return v.x*o.x + v.y*o.y }
func (v *Vec) Shift(d int)      { v.x += d; v.y -= d }
func scale(k int) func(int) int { return func(x int) int { return x * k % 10007 } }

func main() {
	f := scale(31)
	acc := 1
	for i := 0; i < 500000; i++ {
		acc = f(acc + i)
	}
	fmt.Println(acc)

	// a slice of funcs: polymorphic indirect call site
	fs := []func(int) int{scale(3), scale(5), func(x int) int { return x + 1 }}
	acc = 1
	for i := 0; i < 300000; i++ {
		acc = fs[i%3](acc)
	}
	fmt.Println(acc)

	// method values bound to different receivers
	a, b := Vec{1, 2}, Vec{3, 4}
	dotA := a.Dot
	dot := Vec.Dot
	s := 0
	for i := 0; i < 300000; i++ {
		s += dotA(Vec{i & 15, 1}) + dot(b, Vec{1, i & 7})
	}
	fmt.Println(s)

	// pointer-receiver method value mutating its receiver in a loop
	v := &Vec{}
	shift := v.Shift
	for i := 0; i < 200000; i++ {
		shift(i & 3)
	}
	fmt.Println(*v)
}
