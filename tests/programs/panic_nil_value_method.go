package main

import "fmt"

type Point struct{ X, Y int }

// value receiver: calling it through a nil *Point must dereference
func (p Point) Sum() int { return p.X + p.Y }

func main() {
	ps := []*Point{{1, 2}, {3, 4}, nil}
	for _, p := range ps {
		fmt.Println(p.Sum())
	}
}
