package main

import "fmt"

// walk's outer activation runs its first loop for the whole program while
// the calls it makes run the second loop: the function gets hot through
// those calls, and its optimized code must still let the outer loop in.
func walk(depth, n int) int {
	s := 0
	if depth == 0 {
		for i := 0; i < n; i++ {
			s += i * i
		}
		return s
	}
	for i := 0; i < n; i++ {
		s += walk(0, 3) + i%7
	}
	return s
}

// nested keeps its inner loop hottest: the back-edge that asks for
// optimized code is the inner one, later visits land on either header.
func nested(rows, cols int) int {
	sum := 0
	for y := 0; y < rows; y++ {
		for x := 0; x < cols; x++ {
			sum = sum*31 + x ^ y
		}
		sum &= 0xffffff
	}
	return sum
}

func main() {
	fmt.Println(walk(1, 400000))
	fmt.Println(nested(3000, 300))
}
