package main

import "fmt"

func main() {
	var m uint8 = 3
	var x uint8 = 200
	for {
		fmt.Println(x, "mod", m, "=", x%m)
		m--
	}
}
