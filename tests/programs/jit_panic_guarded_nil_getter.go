package main

import "fmt"

// A guarded, inlinable getter (`func (p *P) X() int { return p.x }`) at a
// hot interface site; late in the loop the interface holds a typed nil
// *P: the guard still matches (the type is *P) and the inlined field load
// must panic with Go's nil dereference error, after the earlier output.

type Getter interface{ X() int }

type P struct{ pad, x int }

func (p *P) X() int { return p.x }

type Q struct{ x int }

func (q Q) X() int { return q.x * 2 }

func total(gs []Getter) int {
	t := 0
	for i, g := range gs {
		t += g.X()
		if i%40000 == 0 {
			fmt.Println("at", i, t)
		}
	}
	return t
}

func main() {
	gs := make([]Getter, 200000)
	for i := range gs {
		if i%50 == 49 {
			gs[i] = Q{i}
		} else {
			gs[i] = &P{x: i & 255}
		}
	}
	fmt.Println("warm", total(gs))
	fmt.Println("warm", total(gs))
	var nilP *P
	gs[150001] = nilP
	fmt.Println("never", total(gs))
}
