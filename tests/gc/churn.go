package main

import "fmt"

type Point struct{ X, Y int }

type Node struct {
	v    int
	next *Node
}

func main() {
	var sum int
	var sink any
	for i := 0; i < 20000000; i++ {
		sink = Point{i, i + 1}
		sum += sink.(Point).X
	}
	total := 0
	for round := 0; round < 200; round++ {
		var head *Node
		for i := 0; i < 10000; i++ {
			head = &Node{i, head}
		}
		for n := head; n != nil; n = n.next {
			total += n.v
		}
	}
	fmt.Println(sum, total)
}
