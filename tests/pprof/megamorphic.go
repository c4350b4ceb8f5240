// Scenario megamorphic of ../shared/bench (its README.md), n cut to 1,000,001 (8k+1): T0 has one call more. Core subset (fmt only).
package main

import "fmt"

type Applier interface {
	Apply(x int) int
}

type T0 struct {
	base int
}

func (t *T0) Apply(x int) int {
	return (x&65535)*3 + t.base
}

type T1 struct {
	base int
}

func (t *T1) Apply(x int) int {
	return (x&65535)*5 + t.base
}

type T2 struct {
	base int
}

func (t *T2) Apply(x int) int {
	return (x&65535)*7 + t.base
}

type T3 struct {
	base int
}

func (t *T3) Apply(x int) int {
	return (x&65535)*11 + t.base
}

type T4 struct {
	base int
}

func (t *T4) Apply(x int) int {
	return (x&65535)*13 + t.base
}

type T5 struct {
	base int
}

func (t *T5) Apply(x int) int {
	return (x&65535)*17 + t.base
}

type T6 struct {
	base int
}

func (t *T6) Apply(x int) int {
	return (x&65535)*19 + t.base
}

type T7 struct {
	base int
}

func (t *T7) Apply(x int) int {
	return (x&65535)*23 + t.base
}

func mk(kind int, base int) Applier {
	if kind == 0 {
		return &T0{base: base}
	}
	if kind == 1 {
		return &T1{base: base}
	}
	if kind == 2 {
		return &T2{base: base}
	}
	if kind == 3 {
		return &T3{base: base}
	}
	if kind == 4 {
		return &T4{base: base}
	}
	if kind == 5 {
		return &T5{base: base}
	}
	if kind == 6 {
		return &T6{base: base}
	}
	return &T7{base: base}
}

// The //go:noinline comment is load-bearing for Go PGO only: PGO devirtualization
// rewrites run's own body, but a copy of run inlined into main is re-read from
// the pre-PGO export data and keeps the plain interface call.
//
//go:noinline
func run(xs []Applier, lo int, hi int) int {
	sum := 0
	for i := lo; i < hi; i++ {
		sum += xs[i&1023].Apply(i)
	}
	return sum
}

func main() {
	n := 1000001
	xs := make([]Applier, 1024)
	for j := 0; j < 1024; j++ {
		xs[j] = mk(j%8, j&15)
	}
	fmt.Println(run(xs, 0, n))
}
