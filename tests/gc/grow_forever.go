package main

import "fmt"

type Node struct {
	next *Node
	data [16]int
}

func main() {
	var head *Node
	for i := 0; i < 10000000; i++ {
		head = &Node{next: head}
	}
	fmt.Println(head != nil)
}
