package main

import "fmt"

// Runaway recursion that carries an argument and adds to the result on
// the way back: no frame ever returns, and Go ends the program at its
// 1 GB stack limit (exit 2) instead of wrapping or trapping.

func f(n int) int { return f(n+1) + 1 }

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func main() {
	t := 0
	for i := 0; i < 100; i++ {
		t += depth(i * 100)
	}
	fmt.Println("bounded", t, depth(200000))
	fmt.Println(f(0))
}
