package main

import "fmt"

type Shape interface{ Area() int }

type Square struct{ S int }
type Circle struct{ R int }

func (s Square) Area() int  { return s.S * s.S }
func (c *Circle) Area() int { return 3 * c.R * c.R }

func main() {
	shapes := []Shape{&Circle{1}, &Circle{2}, Square{3}}
	for _, s := range shapes {
		c := s.(*Circle)
		fmt.Println("circle radius", c.R)
	}
}
