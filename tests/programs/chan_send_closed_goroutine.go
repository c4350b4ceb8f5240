package main

import "fmt"

// A goroutine sends on a channel that main has closed; not recovered.

func producer(out chan<- int, gate <-chan bool) {
	for i := 1; i <= 3; i++ {
		out <- i
	}
	<-gate
	out <- 4
}

func main() {
	out := make(chan int)
	gate := make(chan bool)
	go producer(out, gate)
	for i := 0; i < 3; i++ {
		fmt.Println("got", <-out)
	}
	close(out)
	gate <- true
	wait := make(chan bool)
	<-wait
}
