package main

import "fmt"

func main() {
	n := 3
	if n > 2 {
		break
	}
	fmt.Println(n)
}
