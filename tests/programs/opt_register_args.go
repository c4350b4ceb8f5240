package main

import "fmt"

// Calls whose arguments and results travel in registers between compiled
// functions (and through memory from the interpreter and the baseline
// tier): swapped and repeated arguments, floats among words, more words
// than registers, multi-word arguments and results, interface receivers
// with arguments, function values, and recursion.

type Vec struct{ X, Y float64 }

type Shape interface {
	Scale(k float64, dx, dy int) float64
}

type Rect struct{ w, h float64 }
type Circle struct{ r float64 }

func (r *Rect) Scale(k float64, dx, dy int) float64 {
	return (r.w+float64(dx))*k + (r.h + float64(dy))
}

func (c Circle) Scale(k float64, dx, dy int) float64 {
	return c.r*k*3 + float64(dx-dy)
}

func sub(a, b int) int { return a - b }

// swap calls sub with its parameters crossed: a cycle between the
// parameter registers.
func swap(a, b int) int { return sub(b, a)*3 + sub(a, b) }

// cross passes its parameters on crossed (without inlining: a cycle
// between the registers they arrive and leave in).
func cross(a, b int) int { return sub(b, a) }

func rotate(a, b, c, d int) int {
	if a > 1000000 {
		return a
	}
	return a*1 + b*10 + c*100 + d*1000
}

// rot calls rotate with its four words rotated.
func rot(a, b, c, d int) int { return rotate(b, c, d, a) + rotate(d, a, b, c) }

func many(a int, b float64, c string, d int, e float64, f int, g bool) float64 {
	if g {
		return float64(a+d+f+len(c)) * b * e
	}
	return b - e
}

func pair(a, b int) (int, int) { return b, a }

func name(k int) string {
	if k%2 == 0 {
		return "even"
	}
	return "odd"
}

func half(x float64) float64 { return x / 2 }

func addv(a, b Vec) Vec { return Vec{a.X + b.X, a.Y + b.Y} }

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func apply(f func(int, int) int, a, b int) int { return f(a, b) }

func main() {
	shapes := []Shape{&Rect{2, 3}, Circle{1.5}, &Rect{0.5, 4}}
	sum := 0
	fsum := 0.0
	var acc Vec
	words := 0
	for i := 0; i < 30000; i++ {
		sum += swap(i, i/3) + cross(i, 5)
		sum += rot(i, i+1, i&7, i%5)
		a, b := pair(i, -i)
		sum += a*2 - b
		fsum += many(i, 0.5, "xyz", i&3, 1.25, -i, i%3 == 0)
		fsum += half(float64(i))
		fsum += shapes[i%3].Scale(0.25, i&15, i%7)
		acc = addv(acc, Vec{float64(i & 3), half(float64(i & 1))})
		words += len(name(i))
		sum += apply(sub, i, 7) + apply(func(x, y int) int { return x * y }, i&31, 3)
	}
	fmt.Println(sum, fsum, acc, words)
	fmt.Println(fib(22), swap(5, 9), rot(1, 2, 3, 4))
}
