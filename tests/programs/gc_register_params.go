package main

// Pointers that optimized code passes in the parameter registers stay
// alive while the callee allocates: the collector must find them in the
// callee (an optimized caller does not write them to the callee's frame
// slots). push and link call themselves (never taken) so that they are
// not inlined.

import "fmt"

type node struct {
	prev *node
	val  *int
	tag  any
}

func push(at *node, v *int, tag any, depth int) *node {
	if depth > 0 {
		return push(at, v, tag, depth-1)
	}
	n := new(node)
	n.prev = at
	n.val = v
	n.tag = tag
	return n
}

func link(a, b *node, s string, depth int) string {
	if depth > 0 {
		return link(a, b, s, depth-1)
	}
	t := s + "!"
	return fmt.Sprint(*a.val, *b.val, t)
}

func main() {
	var last *node
	for i := 0; i < 2000; i++ {
		k := new(int)
		*k = i
		last = push(last, k, i*2, 0)
	}
	sum, bad := 0, 0
	want := 1999
	for n := last; n != nil; n = n.prev {
		if *n.val != want || n.tag.(int) != 2*want {
			bad++
		}
		sum += *n.val
		want--
	}
	fmt.Println(sum, bad)
	s := ""
	for n := last; n.prev != nil && len(s) < 60; n = n.prev {
		s = link(n, n.prev, fmt.Sprint(*n.val), 0)
	}
	fmt.Println(s)
}
