package main

import "fmt"

// Errors in package-level declarations: each is reported, and what uses
// the declarations is checked on with nothing more said about them.

type Point struct {
	X, Y int
	Z    Undefined
}

var origin = Point{1, 2, 3, 4}

const limit int = "ten"

func dist(p Point, q Pointt) int {
	return p.X - q.X
}

func scale(p Point, k float) Point {
	return Point{p.X, p.Y, p.Z}
}

func main() {
	fmt.Println(dist(origin, origin), limit)
	var n int = scale(origin, 2)
	fmt.Println(n)
}
