// Fused calls and returns (bytecode::peephole): an argument's move into a
// call's window then the call (direct, interface, in loops and with the
// argument being the receiver's neighbour), and a sum returned as soon as
// it is made (a field plus a value, two values), at wrapping edges, then a
// nil receiver's panic through the fused interface call.
package main

import "fmt"

type Adder interface {
	Add(x int) int
}

type Box struct {
	base int
}

func (b *Box) Add(x int) int {
	return x + b.base
}

type Pair struct {
	lo, hi int
}

func (p *Pair) Add(x int) int {
	return p.lo + x
}

func (p *Pair) Sum() int {
	return p.lo + p.hi
}

type Val int

func (v Val) Add(x int) int {
	return int(v) + x
}

func sum2(a int, b int) int {
	return a + b
}

func twice(x int) int {
	return sum2(x, x)
}

func addU(a uint64, b uint64) uint64 {
	return a + b
}

func addI8(a int8, b int8) int8 {
	return a + b
}

func field(b *Box, x int) int {
	return b.base + x
}

func apply(a Adder, x int) int {
	return a.Add(x)
}

func main() {
	const maxInt = 1<<63 - 1
	const minInt = -1 << 63
	edges := []int{0, 1, -1, maxInt, minInt, maxInt - 1, minInt + 1, 65535, -65536}
	xs := []Adder{&Box{base: 7}, &Pair{lo: maxInt, hi: 1}, Val(minInt), &Box{base: -1}}
	total := 0
	for i, e := range edges {
		for j := 0; j < len(xs); j++ {
			r := xs[j].Add(e)
			total += r
			fmt.Println(i, j, r, apply(xs[j], e), twice(e), field(&Box{base: e}, e))
		}
	}
	fmt.Println(total)
	fmt.Println(addU(1<<64-1, 1), addU(1<<63, 1<<63), addI8(127, 1), addI8(-128, -1))
	p := &Pair{lo: maxInt, hi: maxInt}
	fmt.Println(p.Sum(), sum2(maxInt, 1), sum2(minInt, -1))
	// A loop of fused calls long enough to matter to the tiers.
	acc := 0
	for k := 0; k < 300000; k++ {
		acc += xs[k&3].Add(k) + sum2(k, acc&1023)
	}
	fmt.Println(acc)
	var nilBox *Box
	var a Adder = nilBox
	defer1 := 5
	fmt.Println("before", defer1)
	fmt.Println(a.Add(defer1))
}
