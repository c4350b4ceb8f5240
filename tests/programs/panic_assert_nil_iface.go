package main

import "fmt"

type Animal interface{ Sound() string }

type Dog struct{}

func (Dog) Sound() string { return "woof" }

func main() {
	var a Animal = Dog{}
	fmt.Println(a.(Dog).Sound())
	a = nil
	fmt.Println(a.(Dog).Sound())
}
