package main

import "fmt"

// `goto` out of the bodies of (nested) loops over functions, forward and
// back: the iterators return first (their deferred calls run), then the
// enclosing function jumps.

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("iterator", n, "returns")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func find(target int) (where string) {
	tries := 0
retry:
	tries++
	for i := range seq(5) {
		for j := range seq(3) {
			if i*j == target {
				where = fmt.Sprint(i, ",", j)
				goto found
			}
			if tries < 2 && i == 2 && j == 1 {
				goto retry
			}
		}
	}
	return "none"
found:
	return fmt.Sprint(where, " after ", tries, " tries")
}

func main() {
	fmt.Println(find(6))
	fmt.Println(find(100))
}
