package main

import "fmt"

func main() {
	var err error
	fmt.Println("panicking with a nil error")
	panic(err)
}
