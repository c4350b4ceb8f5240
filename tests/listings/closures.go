// Closures: creation, captured variables, an indirect closure call.
// listing: main.counter MakeClosure
// listing: main.counter.func1 LoadCtx
// listing: main.apply CallClosure
package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(f func() int) int { return f() }

func main() {
	c := counter()
	apply(c)
	fmt.Println(apply(c))
}
