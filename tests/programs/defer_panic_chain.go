package main

import "fmt"

type E struct{ msg string }

func (e E) Error() string { return "E(" + e.msg + ")" }

func cleanup(name string) {
	fmt.Println("cleanup", name)
}

func inner() {
	defer cleanup("inner")
	defer func() {
		panic(E{"second"})
	}()
	panic(E{"first"})
}

func main() {
	defer cleanup("main")
	inner()
	fmt.Println("not reached")
}
