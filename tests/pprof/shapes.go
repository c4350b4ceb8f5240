// Value receivers and function values: an interface site whose hot type
// has a value-receiver method (main.Sq.Area), and a call through a
// function value whose hot callee is main.cube. Core subset (fmt only).
package main

import "fmt"

type Shape interface {
	Area() int
}

type Sq struct {
	s int
}

func (q Sq) Area() int {
	return q.s * q.s
}

type Rect struct {
	w, h int
}

func (r *Rect) Area() int {
	return r.w * r.h
}

func sq(x int) int {
	return x * x
}

func cube(x int) int {
	return x * x * x
}

//go:noinline
func run(xs []Shape, fs []func(int) int, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += xs[i&7].Area()
		sum += fs[i&7](i & 255)
	}
	return sum
}

func main() {
	xs := make([]Shape, 8)
	fs := make([]func(int) int, 8)
	for j := 0; j < 8; j++ {
		if j == 3 {
			xs[j] = &Rect{w: j, h: 2}
			fs[j] = sq
		} else {
			xs[j] = Sq{s: j}
			fs[j] = cube
		}
	}
	fmt.Println(run(xs, fs, 400000))
}
