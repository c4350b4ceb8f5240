package main

import "fmt"

// A nil pointer dereference in compiled code: a hot function writes
// through a chain of pointers; one link is missing after many calls.

type Node struct {
	val  int
	next *Node
	cnt  *int
}

func bump(n *Node, k int) int {
	n.next.val += k
	*n.cnt += 1
	return n.next.val
}

func main() {
	cnt := 0
	nodes := make([]*Node, 100)
	for i := range nodes {
		nodes[i] = &Node{val: i, cnt: &cnt}
	}
	for i := range nodes {
		nodes[i].next = nodes[(i*7+1)%len(nodes)]
	}
	s := 0
	for r := 0; r < 2000; r++ {
		for _, n := range nodes {
			s += bump(n, r&3)
		}
	}
	fmt.Println("ok", s, cnt, nodes[0].val, nodes[99].val)
	nodes[50].next = nil
	for r := 0; ; r++ {
		s += bump(nodes[r%100], 1)
		if r%20 == 0 {
			fmt.Println("r", r, s)
		}
	}
}
