package main

import "fmt"

func main() {
	r := recover()
	fmt.Println(r)
}
