package main

import "fmt"

// One receiver type at a hot call site: the ideal case for a guarded
// direct call. Also a hot site through a pointer receiver.

type Metric interface {
	Observe(v int) int
}

type Gauge struct{ scale int }

func (g Gauge) Observe(v int) int { return v*g.scale + 1 }

type Acc struct{ sum, n int }

func (a *Acc) Observe(v int) int {
	a.sum += v
	a.n++
	return a.sum
}

func drive(m Metric, n int) int {
	total := 0
	for i := 0; i < n; i++ {
		total += m.Observe(i & 1023)
		total &= 0xFFFFFFF
	}
	return total
}

func main() {
	fmt.Println(drive(Gauge{3}, 600000))
	acc := &Acc{}
	r := drive(acc, 400000)
	fmt.Println(r, acc.sum, acc.n)

	// a hot site inside a method called from a hot loop
	ms := []Metric{Gauge{2}}
	t := 0
	for i := 0; i < 200000; i++ {
		t = (t + ms[0].Observe(i)) % 1000003
	}
	fmt.Println(t)
}
