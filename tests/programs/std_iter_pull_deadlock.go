package main

import (
	"fmt"
	"iter"
	"slices"
)

// A program that deadlocks with a pulled iterator waiting: Go's report
// lists the iterator's goroutine as a coroutine.
func main() {
	next, _ := iter.Pull(slices.Values([]int{1, 2, 3}))
	fmt.Println(next())
	ch := make(chan int)
	<-ch
}
