package main

import "fmt"

// Small callees with loops, inlined into hot callers by the optimizing
// tier: a loop that returns from its middle, one left by `break`, nested
// loops, a loop over a slice that is nil in the last call (the panic
// comes from inside the inlined loop), a float loop.

type Cell struct{ v int }

func find(xs []int, want int) int {
	for i, x := range xs {
		if x == want {
			return i
		}
	}
	return -1
}

func sumUntil(xs []int, limit int) int {
	s := 0
	for _, x := range xs {
		if s+x > limit {
			break
		}
		s += x
	}
	return s
}

func grid(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			t += i ^ j
		}
	}
	return t
}

func total(cs []*Cell) int {
	t := 0
	for _, c := range cs {
		t += c.v
	}
	return t
}

func root(x float64) float64 {
	g := 1.0
	for i := 0; i < 8; i++ {
		g = 0.5 * (g + x/g)
	}
	return g
}

func main() {
	xs := make([]int, 64)
	for i := range xs {
		xs[i] = (i * 7) % 64
	}
	cs := []*Cell{{1}, {2}, {3}, {4}}
	a, b, c, d := 0, 0, 0, 0
	f := 0.0
	for r := 0; r < 20000; r++ {
		a += find(xs, r%70)
		b += sumUntil(xs, r%500)
		c += grid(r % 9)
		d += total(cs)
		f += root(float64(r%100 + 1))
	}
	fmt.Println(a, b, c, d)
	fmt.Printf("%.6f\n", f)
	cs[2] = nil
	fmt.Println(total(cs))
}
