package main

import "fmt"

func main() {
	select {
	default:
		fmt.Println("nothing ready")
	}
}
