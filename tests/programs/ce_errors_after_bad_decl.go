package main

import "fmt"

// A declaration that fails still declares its variables, so what follows
// is checked on without follow-up errors about them; errors in closures
// and in other functions are reported too.

type Point struct{ X, Y int }

func norm(p Point) int {
	d := p.X*p.X + p.Z
	return d + 1
}

func main() {
	pts := []Point{{1, 2}, {3, 4}}
	f := func(p Point) int {
		return p.X + "y"
	}
	for _, p := range pts {
		fmt.Println(norm(p), f(p))
	}
	var total int = pts
	fmt.Println(total)
}
