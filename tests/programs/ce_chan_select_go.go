package main

import "fmt"

func f() int { return 1 }

func main() {
	c := make(chan int)
	select {
	case c <- 1:
	default:
	default:
	}
	select {
	case f():
	}
	go int(3)
	go fmt.Sprint
	go len("x")
	var d chan<- int = c
	var e chan int = d
	fmt.Println(d, e)
}
