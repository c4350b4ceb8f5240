package main

import "fmt"

type Op interface{ Do(x int) int }
type Add struct{ k int }

func (a *Add) Do(x int) int { return x + a.k }

type Cell struct{ n int }

// The guarded site runs once per trip (optimized code counts it by the
// loop's trips), then a nil cell panics after it, in a trip of its own:
// the panic adds the trip's count back, and the table stays exact.
func run(ops []Op, cells []*Cell, n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += ops[i&7].Do(i)
		cells[i&3].n++
	}
	return s
}

func main() {
	ops := make([]Op, 8)
	for j := 0; j < 8; j++ {
		ops[j] = &Add{j}
	}
	cells := []*Cell{{}, {}, {}, {}}
	t := 0
	for r := 0; r < 50; r++ {
		t += run(ops, cells, 1000)
	}
	fmt.Println(t, cells[0].n)
	cells[2] = nil
	t += run(ops, cells, 1000)
	fmt.Println(t)
}
