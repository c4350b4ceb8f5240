package main

import "fmt"

func main() {
	var x float32 = 1
	y := 2.0
	fmt.Println(complex(x, y))
}
