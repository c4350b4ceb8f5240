// A 16 MB tree built in main and dead once its count is printed, then a
// long phase of small trees: with stack maps the big tree is collected
// in every tier (a frame whose dead slots were scanned kept it, and so
// did an optimized frame scanned conservatively).
package main

import "fmt"

type Node struct{ left, right *Node }

func build(d int) *Node {
	if d == 0 {
		return &Node{}
	}
	return &Node{build(d - 1), build(d - 1)}
}

func (n *Node) count() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.count() + n.right.count()
}

func main() {
	fmt.Println("big", build(19).count())
	total := 0
	for i := 0; i < 4000; i++ {
		total += build(10).count()
	}
	fmt.Println(total)
}
