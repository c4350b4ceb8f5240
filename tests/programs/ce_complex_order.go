package main

import "fmt"

func main() {
	a, b := 1+2i, 3i
	fmt.Println(a < b)
}
