package main

import "fmt"

func main() {
	x := 0.1
	y := 0.2
	fmt.Println(x + y)
	panic(x + y)
}
