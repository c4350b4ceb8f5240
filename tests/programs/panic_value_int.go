package main

import "fmt"

func main() {
	code := 40
	fmt.Println("exiting with", code+2)
	panic(code + 2)
}
