package main

import "fmt"

// Two receiver types alternating 50/50 at one site, plus a site where the
// two types arrive in long runs.

type Op interface {
	Apply(x int) int
}

type Add struct{ n int }
type Mul struct{ n int }

func (a Add) Apply(x int) int { return x + a.n }
func (m Mul) Apply(x int) int { return x * m.n % 1000003 }

func run(ops []Op, n int) int {
	x := 1
	for i := 0; i < n; i++ {
		x = ops[i&1].Apply(x)
	}
	return x
}

func runs(a, b Op, n, runLen int) int {
	x := 7
	for i := 0; i < n; i++ {
		op := a
		if (i/runLen)%2 == 1 {
			op = b
		}
		x = op.Apply(x)
	}
	return x
}

func main() {
	ops := []Op{Add{3}, Mul{5}}
	fmt.Println(run(ops, 500000))
	fmt.Println(runs(Add{1}, Mul{3}, 300000, 1000))
	// same dynamic type, different values: still monomorphic by type
	fmt.Println(run([]Op{Add{1}, Add{2}}, 200000))
}
