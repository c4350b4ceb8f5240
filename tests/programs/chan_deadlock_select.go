package main

import "fmt"

// Deadlock via an empty select in main, with a goroutine blocked in a
// select that has only nil channels.

func main() {
	ready := make(chan bool)
	go func() {
		var a chan int
		var b chan string
		ready <- true
		select {
		case <-a:
		case b <- "x":
		}
	}()
	<-ready
	fmt.Println("about to block forever")
	select {}
}
