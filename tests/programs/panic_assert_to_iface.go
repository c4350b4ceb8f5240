package main

import "fmt"

type Shape interface{ Area() int }
type Named interface{ Name() string }

type Sq struct{ S int }
type Tri struct{ B, H int }

func (s Sq) Area() int    { return s.S * s.S }
func (s Sq) Name() string { return "square" }
func (t Tri) Area() int   { return t.B * t.H / 2 }

func main() {
	for _, s := range []Shape{Sq{2}, Tri{3, 4}} {
		n := s.(Named)
		fmt.Println(n.Name(), s.Area())
	}
}
