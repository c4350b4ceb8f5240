package main

import "fmt"

func main() {
	var r <-chan int
	var s chan<- int
	r <- 1
	fmt.Println(<-s)
	close(r)
	x := 5
	x <- 1
	fmt.Println(<-x)
	c := make(chan int)
	c <- "a"
	var ok bool
	var v string
	v, ok = <-c
	fmt.Println(v, ok)
	for a, b := range c {
		fmt.Println(a, b)
	}
	close(x)
}
