package main

import "fmt"

// A field compared in a hot search loop; the list's last node links to a
// node whose key is read through nil.

type Node struct {
	key  int
	next *Node
}

func find(n *Node, key int, steps int) int {
	for i := 0; i < steps; i++ {
		if n.key == key {
			return i
		}
		n = n.next
	}
	return -1
}

func main() {
	var head *Node
	for k := 0; k < 1000; k++ {
		head = &Node{key: k, next: head}
	}
	total := 0
	for r := 0; r < 200; r++ {
		total += find(head, r*5, 1000)
	}
	fmt.Println(total)
	fmt.Println(find(head, -1, 1001))
}
