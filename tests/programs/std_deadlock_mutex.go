package main

import (
	"fmt"
	"sync"
)

// main locks a mutex it already holds: no other goroutine can unlock it,
// so Go reports a fatal deadlock (goroutine 1 waiting in sync.Mutex.Lock).

type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) incr() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *counter) relock() {
	c.mu.Lock()
	fmt.Println("locked once, n =", c.n)
	c.mu.Lock()
	fmt.Println("never printed")
}

func main() {
	c := &counter{}
	for i := 0; i < 5000; i++ {
		c.incr()
	}
	fmt.Println("count", c.n)
	c.relock()
	fmt.Println("never printed either")
}
