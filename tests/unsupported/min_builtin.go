package main

import "fmt"

func main() {
	a, b := 3, 1
	fmt.Println(min(a, b))
}
