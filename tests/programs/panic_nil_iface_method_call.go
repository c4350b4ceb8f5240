package main

import "fmt"

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

func find(name string) Shape {
	if name == "sq" {
		return Sq{2}
	}
	return nil
}

func main() {
	for _, n := range []string{"sq", "circle"} {
		s := find(n)
		fmt.Println(n, "area:")
		fmt.Println(s.Area())
	}
}
