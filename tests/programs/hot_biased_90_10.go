package main

import "fmt"

// A call site that sees one type 90% of the time and another 10%:
// worth a guard for the common type with an indirect fallback.

type Pricer interface {
	Price(qty int) int
}

type Standard struct{ unit int }

type Discount struct {
	unit, pct int
}

func (s Standard) Price(q int) int { return s.unit * q }
func (d *Discount) Price(q int) int {
	return d.unit * q * (100 - d.pct) / 100
}

//go:noinline
func total(ps []Pricer, rounds int) (int, int) {
	sum, discounted := 0, 0
	for r := 0; r < rounds; r++ {
		for i, p := range ps {
			sum += p.Price(r%7 + i)
			if _, ok := p.(*Discount); ok {
				discounted++
			}
		}
		sum %= 1000000007
	}
	return sum, discounted
}

func main() {
	ps := make([]Pricer, 10)
	for i := range ps {
		ps[i] = Standard{unit: 10 + i}
	}
	ps[7] = &Discount{unit: 50, pct: 15}
	fmt.Println(total(ps, 80000))

	// the same bias produced by a fixed LCG instead of a fixed position
	seed := uint32(2463534242)
	std, disc := Pricer(Standard{3}), Pricer(&Discount{40, 25})
	sum, nd := 0, 0
	for i := 0; i < 300000; i++ {
		seed = seed*1664525 + 1013904223
		p := std
		if seed>>24 < 26 { // about 10%
			p = disc
			nd++
		}
		sum = (sum + p.Price(int(seed>>28))) % 999983
	}
	fmt.Println(sum, nd)
}
