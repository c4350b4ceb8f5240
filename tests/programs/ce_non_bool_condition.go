package main

import "fmt"

func main() {
	n := 5
	if n {
		fmt.Println("n is set")
	}
}
