package main

import "fmt"

// T and *T are different dynamic types even though *T's method is T's
// value method: a guard on the itab's type must tell them apart.

type Sizer interface{ Size() int }

type Blob struct{ n int }

func (b Blob) Size() int { return b.n }

type Box struct{ w, h int }

func (b *Box) Size() int { return b.w * b.h }

func sum(xs []Sizer, rounds int) int {
	t := 0
	for r := 0; r < rounds; r++ {
		for _, x := range xs {
			t += x.Size()
		}
	}
	return t
}

func main() {
	v := Blob{3}
	p := &Blob{5}
	xs := []Sizer{v, p, v, p}
	fmt.Println(sum(xs, 100000))

	// mutating through the pointer is visible in later calls; the value copy is frozen
	ys := []Sizer{v, p, &Box{2, 3}}
	t := 0
	for i := 0; i < 300000; i++ {
		if i == 150000 {
			p.n = 50
			v.n = 30 // not seen: ys[0] holds a copy
		}
		t += ys[i%3].Size()
	}
	fmt.Println(t)

	// counting dynamic types in the hot loop
	var vals, ptrs int
	for i := 0; i < 200000; i++ {
		switch xs[i%4].(type) {
		case Blob:
			vals++
		case *Blob:
			ptrs++
		}
	}
	fmt.Println(vals, ptrs)
}
