package main

import "fmt"

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func main() {
	c := make(chan int)
	go func() { c <- depth(1000000) }()
	fmt.Println(<-c)
	go func() { c <- depth(3000000) }()
	fmt.Println(<-c)
}
