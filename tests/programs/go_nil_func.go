package main

import "fmt"

type I interface{ M() }

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var f func()
	fmt.Println("start")
	go f()
	fmt.Println("after")
}
