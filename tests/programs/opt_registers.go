// The optimizing tier's register allocation and code generation: swaps
// through loop variables (parallel moves with cycles), more live values
// than registers (spills), values live across calls and helpers, float
// and integer edge cases, shifts past the width, unsigned conversions.
package main

import "fmt"

type pair struct{ a, b int }

func swaps(n int) (int, int, int) {
	a, b, c := 1, 2, 3
	for i := 0; i < n; i++ {
		a, b, c = b, c, a
		if i%7 == 3 {
			a, c = c, a
		}
	}
	return a, b, c
}

func many(n int) int {
	x0, x1, x2, x3, x4, x5, x6, x7 := 1, 2, 3, 4, 5, 6, 7, 8
	x8, x9, x10, x11, x12, x13 := 9, 10, 11, 12, 13, 14
	for i := 0; i < n; i++ {
		x0, x1, x2, x3 = x1+x13, x2^x0, x3*3+1, x4-x12
		x4, x5, x6, x7 = x5&0xffff, x6|x3, x7+x8, x8-x0
		x8, x9, x10, x11 = x9+1, x10*x11%1000003, x11^x2, x12+x9
		x12, x13 = x13-x5, x0+x1
	}
	return x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11 + x12 + x13
}

func id(x int) int { return x }

func acrossCalls(n int) int {
	s, t, u := 0, 1, 2
	p := &pair{3, 4}
	xs := []int{5, 6, 7}
	for i := 0; i < n; i++ {
		s += id(i) + t + u + p.a + xs[i%3]
		t, u = u, t+id(s)%5
		p.b += len(fmt.Sprint(i))
	}
	return s + t + u + p.b
}

func floats(n int) float64 {
	x, y := 0.5, 1.25
	for i := 0; i < n; i++ {
		x, y = y*1.5-x, x/2+float64(i)
		if x > y {
			x -= 1
		}
	}
	return x + y
}

func ints() {
	minInt := -1 << 63
	m1 := -1
	fmt.Println(minInt/m1, minInt%m1, 7/-2, -7%2, 7%-2)
	var sh uint = 70
	one := 1
	fmt.Println(one<<sh, -8>>sh, 8>>sh, one<<63, -8>>1)
	var u uint64 = 1<<63 + 5
	f := float64(u)
	fmt.Println(f, uint64(f), int8(300+one), uint16(70000+one), int32(-1<<40+one))
	g, h, k := 1e19, -2.5, 2.9
	fmt.Println(uint64(g), int64(h), int(k))
	fmt.Println(^one, -one, !(one == 1))
}

func main() {
	fmt.Println(swaps(10))
	fmt.Println(swaps(11))
	fmt.Println(many(1000))
	fmt.Println(acrossCalls(1000))
	fmt.Println(floats(50))
	ints()
}
