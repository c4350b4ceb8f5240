package main

import "fmt"

type Reason string

func main() {
	r := Reason("disk full")
	fmt.Println("reason:", r)
	panic(r)
}
