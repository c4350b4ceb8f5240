package main

import "fmt"

type Counter interface{ Next(int) int }

type Step struct{ k int }

func (s *Step) Next(x int) int { return (x*31 + s.k) % 1000003 }

func main() {
	var c Counter = &Step{7}
	x := 1
	for i := 0; i < 300000000; i++ {
		x = c.Next(x)
	}
	fmt.Println(x)
}
