package main

import "fmt"

// Deep but finite recursion through functions with many temporaries and
// a struct result, half a million frames deep, hot enough to be compiled
// on the way down. Go's goroutine stack (up to 1 GB) holds it easily: the
// program must finish, not report a stack overflow.

type Acc struct{ lo, hi int }

func mix(n, a, b, c int) Acc {
	if n == 0 {
		return Acc{a ^ b, c}
	}
	x := (a*31+b*17-c*13)%1000003 + (a^b)&(b|c) - (c>>3)*(a&7) + (a+b+c)%97*(n&3)
	y := (b*7 + x*3 - a) % 999983
	r := mix(n-1, b, c, x)
	return Acc{r.lo + y%5 - x&1, r.hi ^ y}
}

func main() {
	for _, n := range []int{1000, 100000, 500000} {
		fmt.Println(n, mix(n, 1, 2, 3))
	}
}
