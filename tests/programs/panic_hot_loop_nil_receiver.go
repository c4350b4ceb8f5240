package main

import "fmt"

// A hot interface call site whose receiver becomes a nil interface after
// many iterations.

type Op interface{ Do(x int) int }

type Inc struct{}

func (Inc) Do(x int) int { return x + 1 }

func main() {
	ops := make([]Op, 250001)
	for i := 0; i < 250000; i++ {
		ops[i] = Inc{}
	}
	x := 0
	for i, op := range ops {
		x = op.Do(x)
		if i%50000 == 0 {
			fmt.Println(i, x)
		}
	}
	fmt.Println("unreachable", x)
}
