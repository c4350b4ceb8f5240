// The code every function has: the prologue (stack checks, slots loaded
// into registers), the return, and the out-of-line stubs. A change there
// shows here, and only here.
// listing: main.f prologue
// listing: main.f Ret
// listing: main.f out-of-line
package main

import "fmt"

func f(p *int, i int) int {
	s := 0
	for j := 0; j < i; j++ {
		s += *p / (j + 1)
	}
	return s
}

func main() {
	x := 3
	fmt.Println(f(&x, 1))
}
