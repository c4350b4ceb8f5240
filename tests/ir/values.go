// ir: main.divmod
// ir: main.apply
// ir: main.sumArr
// ir: main.scale
package main

import "fmt"

// Two results, a fallible division, a static call.
func divmod(a, b int) (int, int) {
	return a / b, a % b
}

// A function value call (a profiled site) and multi-word results.
func apply(f func(int) int, x int) (int, int) {
	q, r := divmod(f(x), 7)
	return q, r
}

// A frame array indexed at run time: its slots live in frame memory.
func sumArr(n int) int {
	var a [4]int
	for i := 0; i < n; i++ {
		a[i&3] += i
	}
	return a[0] + a[1] + a[2] + a[3]
}

// Floats, strings.
func scale(x float64, s string) (float64, string) {
	if x > 1.5 {
		x = x * 2
	}
	return x, s + "!"
}

func main() {
	q, r := apply(func(x int) int { return x * 3 }, 10)
	f, s := scale(2, "hi")
	fmt.Println(q, r, sumArr(10), f, s)
}
