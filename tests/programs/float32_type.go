package main

import "fmt"

func main() {
	var f float32 = 1.5
	fmt.Println(f * 2)
}
