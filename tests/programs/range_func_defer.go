package main

import "fmt"

// `defer` in the body of a loop over a function defers to the function
// the loop is in (below the iterator's own deferred calls, which run when
// the iterator returns), from nested loop bodies too, and with a panic
// recovered by the enclosing function.

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("iterator done", n)
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func plain(yield func(int) bool) {
	for i := 10; i < 13; i++ {
		if !yield(i) {
			return
		}
	}
}

func work() (total int) {
	defer fmt.Println("work's own defer")
	for i := range seq(3) {
		defer func() { total += i; fmt.Println("deferred in body", i, total) }()
		for j := range plain {
			if j == 11 {
				defer fmt.Println("nested body defer", i, j)
				break
			}
		}
	}
	fmt.Println("loop over")
	return 100
}

func risky() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	for i := range seq(2) {
		defer fmt.Println("risky body defer", i)
		if i == 1 {
			var m map[int]int
			m[i] = 1
		}
	}
	return nil
}

func main() {
	fmt.Println(work())
	fmt.Println(risky())
}
