package main

import "fmt"

type I interface{ M() }

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var i I
	go i.M()
	fmt.Println("after")
}
