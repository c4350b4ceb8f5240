package main

import "fmt"

// A map of interface values in a hot loop, behind a deferred-call frame
// whose guarded site is compiled; every 1000th call panics in a method and
// is recovered.
type Op interface{ Apply(x int) int }

type Add struct{ k int }
type Mul struct{ k int }
type Div struct{ k int }

func (a Add) Apply(x int) int { return x + a.k }
func (m Mul) Apply(x int) int { return x * m.k }
func (d Div) Apply(x int) int { return x / d.k }

func run(ops map[string]Op, name string, x int) (r int, failed bool) {
	defer func() {
		if e := recover(); e != nil {
			failed = true
			r = x
		}
	}()
	return ops[name].Apply(x), false
}

func main() {
	ops := map[string]Op{"add": Add{3}, "mul": Mul{2}, "div": Div{0}}
	names := []string{"add", "add", "add", "mul"}
	x, fails := 1, 0
	for i := 0; i < 100000; i++ {
		name := names[i%4]
		if i%1000 == 999 {
			name = "div"
		}
		var f bool
		x, f = run(ops, name, x)
		x %= 1000003
		if f {
			fails++
		}
	}
	fmt.Println(x, fails)
}
