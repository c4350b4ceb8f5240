package main

import "fmt"

// main receives from a channel nobody sends on: Go reports a deadlock.

func main() {
	c := make(chan int)
	fmt.Println("before receive")
	v := <-c
	fmt.Println("never printed", v)
}
