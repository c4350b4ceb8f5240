package main

import "fmt"

type Visitor interface{ Visit(depth int) int }

type Walker struct{ limit int }

func (w *Walker) Visit(depth int) int {
	if depth == w.limit {
		var xs []int
		return xs[depth] // index out of range deep in the stack
	}
	var v Visitor = w
	return 1 + v.Visit(depth+1)
}

func main() {
	fmt.Println("walking")
	fmt.Println((&Walker{limit: 50}).Visit(0))
}
