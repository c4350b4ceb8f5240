// Allocation in baseline code: the inline bump of the allocation cache of
// the object's size class and layout, and the helper call when its run is
// spent (out of line).
// listing: main.cons Alloc
// listing: main.cons out-of-line
package main

import "fmt"

type node struct {
	v    int
	next *node
}

func cons(v int, next *node) *node {
	return &node{v, next}
}

func main() {
	var l *node
	for i := 0; i < 100; i++ {
		l = cons(i, l)
	}
	t := 0
	for ; l != nil; l = l.next {
		t += l.v
	}
	fmt.Println(t)
}
