package main

import "fmt"

func main() {
	n := 3
	label := "items: "
	fmt.Println(label + n)
}
