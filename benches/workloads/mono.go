// calls: 50000000
package main

import "fmt"

// Monomorphic: every call at the site sees the same concrete type.

type Shape interface {
	Area() int
}

type Square struct{ side int }

func (s *Square) Area() int { return s.side }

//go:noinline
func run(table []Shape, n int) int {
	sum := 0
	j := 0
	for i := 0; i < n; i++ {
		sum += table[j].Area()
		j++
		if j == len(table) {
			j = 0
		}
	}
	return sum
}

func main() {
	table := []Shape{&Square{3}}
	fmt.Println(run(table, 50000000))
}
