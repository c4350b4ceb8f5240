package main

import "fmt"

type Shape interface{ Area() int }

type Square struct{ side int }

func (s *Square) Area() int { return s.side * s.side }

func run(shapes []Shape, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += shapes[i%len(shapes)].Area()
	}
	return sum
}

func main() {
	fmt.Println(run([]Shape{&Square{3}}, 100000))
}
