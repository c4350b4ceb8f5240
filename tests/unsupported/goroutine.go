package main

import "fmt"

func work() {}

func main() {
	fmt.Println("starting")
	go work()
	fmt.Println("done")
}
