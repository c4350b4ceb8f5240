package main

import "fmt"

// Runaway recursion with an empty frame: Go stops it at its 1 GB stack
// limit with a fatal error (exit 2), whatever tier runs g.

var calls int

func g() { g() }

func warm(n int) int {
	calls++
	if n == 0 {
		return 0
	}
	return warm(n-1) + 1
}

func main() {
	fmt.Println("warm", warm(10000), calls)
	g()
	fmt.Println("unreachable")
}
