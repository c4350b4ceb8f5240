package main

import "fmt"

// A store through a pointer that turns nil after the function is hot:
// optimized code lets the store fault, and the fault must still be Go's
// nil-dereference panic, after everything before it was printed.

type Counter struct {
	hits  int
	total int
}

func bump(c *Counter, v int) {
	c.total = c.total + v
	c.hits = c.hits + 1
}

func main() {
	c := &Counter{}
	for i := 0; i < 50000; i++ {
		bump(c, i&7)
	}
	fmt.Println(c.hits, c.total)
	var none *Counter
	bump(none, 1)
	fmt.Println("unreachable")
}
