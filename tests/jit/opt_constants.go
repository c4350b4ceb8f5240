package main

import "fmt"

// Constant operands in optimized code: a division and a remainder by a
// constant (a multiplication by a magic number, no div), shifts by a
// constant count (one instruction), float constants read from the pool
// after the code (no general register).

//go:noinline
func digits(x uint64) uint64 { return x/10 + x%26 }

//go:noinline
func scramble(x uint64) uint64 { return x ^ x<<13 ^ x>>7 }

//go:noinline
func newton(x float64) float64 {
	g := x
	if x > 4 {
		g = x * 0.25
	}
	return 0.5 * (g + x/g)
}

func main() {
	var a, b uint64
	f := 0.0
	for i := uint64(1); i < 100000; i++ {
		a += digits(i * 12345)
		b ^= scramble(i)
		f += newton(float64(i))
	}
	fmt.Println(a, b, f)
}
