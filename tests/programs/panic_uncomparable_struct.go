package main

import "fmt"

type Key struct {
	Name  string
	Parts []int
}

type Entry interface{}

func main() {
	var a, b Entry = Key{"k", nil}, Key{"j", nil}
	fmt.Println("different types compare fine:", a == Entry(1))
	fmt.Println(a == b)
}
