// ir: main.run
// ir: main.(*T0).Apply
// ir: main.pick
package main

import "fmt"

type Applier interface {
	Apply(x int) int
}

type T0 struct{ base int }

func (t *T0) Apply(x int) int { return (x&65535)*3 + t.base }

type T1 struct{ base int }

func (t *T1) Apply(x int) int { return x + t.base }

// A loop with two loop variables (block parameters) and an interface call.
func run(xs []Applier, lo int, hi int) int {
	sum := 0
	for i := lo; i < hi; i++ {
		sum += xs[i&3].Apply(i)
	}
	return sum
}

// An if/else merge.
func pick(k int) Applier {
	var a Applier
	if k == 0 {
		a = &T0{base: k}
	} else {
		a = &T1{base: k + 1}
	}
	return a
}

func main() {
	xs := []Applier{pick(0), pick(1), pick(0), pick(1)}
	fmt.Println(run(xs, 0, 100))
}
