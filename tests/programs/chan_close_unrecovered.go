package main

import "fmt"

// Closing a channel twice without recover: the program dies with
// "panic: close of closed channel" and exit status 2.

type Queue struct {
	items chan int
	name  string
}

func (q *Queue) Shutdown() {
	close(q.items)
	fmt.Println("shut down", q.name)
}

func main() {
	q := &Queue{items: make(chan int, 2), name: "jobs"}
	q.items <- 1
	q.items <- 2
	q.Shutdown()
	for v := range q.items {
		fmt.Println("drained", v)
	}
	q.Shutdown()
	fmt.Println("never printed")
}
