package main

import "fmt"

// main waits on one channel while another goroutine is blocked sending on
// a different channel: every goroutine is asleep.

func worker(ch chan int) {
	fmt.Println("worker sending")
	ch <- 1
	fmt.Println("never printed")
}

func main() {
	ch := make(chan int)
	wait := make(chan bool)
	started := make(chan bool)
	go func() {
		started <- true
		worker(ch)
	}()
	<-started
	fmt.Println("main waiting")
	<-wait
	fmt.Println("never printed")
}
