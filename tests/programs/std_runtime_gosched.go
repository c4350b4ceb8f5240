package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

// runtime.Gosched lets the other goroutines run, so a spin on it ends:
// main spinning on a flag a goroutine sets, a goroutine spinning on one
// main sets, and many goroutines yielding in turn.
func main() {
	var done atomic.Bool
	go func() {
		done.Store(true)
	}()
	spins := 0
	for !done.Load() {
		runtime.Gosched()
		spins++
	}
	fmt.Println("goroutine ran", spins > 1000000)

	var stage atomic.Int32
	finished := make(chan bool)
	go func() {
		for stage.Load() != 1 {
			runtime.Gosched()
		}
		stage.Store(2)
		finished <- true
	}()
	runtime.Gosched()
	stage.Store(1)
	for stage.Load() != 2 {
		runtime.Gosched()
	}
	<-finished
	fmt.Println("stage", stage.Load())

	// Several goroutines each bump a counter then yield, many rounds.
	var n atomic.Int64
	const G, R = 5, 100
	left := make(chan int, G)
	for g := 0; g < G; g++ {
		go func() {
			for r := 0; r < R; r++ {
				n.Add(1)
				runtime.Gosched()
			}
			left <- g
		}()
	}
	for n.Load() < G*R {
		runtime.Gosched()
	}
	for g := 0; g < G; g++ {
		<-left
	}
	fmt.Println("count", n.Load())
}
