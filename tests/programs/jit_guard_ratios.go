package main

import "fmt"

// One interface call site (in drive) fed receiver mixes that make a guard
// planned from the profile miss: 90/10, strict alternation, a phase change
// from A to B inside one call, then eight types. VA and *VA are different
// dynamic types with the same method body; *PA mutates its receiver while
// VA's method only changes its own copy.

type Acc interface {
	Add(x int) int
	Tag() byte
}

type VA struct{ k int }
type PA struct{ k, n int }
type VB struct{ a, b int8 }
type PB struct{ s string }
type VC uint16
type VD [3]int
type PE struct{ hits []int }
type VF struct{ f float64 }

func (v VA) Add(x int) int {
	v.k += x
	return v.k * 3
}
func (v VA) Tag() byte { return 'a' }

func (p *PA) Add(x int) int {
	p.n++
	p.k += x
	return p.k & 0xffff
}
func (p *PA) Tag() byte { return 'A' }

func (v VB) Add(x int) int { return int(v.a)*x + int(v.b) }
func (v VB) Tag() byte     { return 'b' }

func (p *PB) Add(x int) int { return x + len(p.s) }
func (p *PB) Tag() byte     { return p.s[0] }

func (v VC) Add(x int) int { return int(v) ^ x }
func (v VC) Tag() byte     { return 'c' }

func (v VD) Add(x int) int { return v[0]*x + v[1]*x*x - v[2] }
func (v VD) Tag() byte     { return 'd' }

func (p *PE) Add(x int) int {
	p.hits[x%len(p.hits)]++
	return len(p.hits) + x%7
}
func (p *PE) Tag() byte { return 'E' }

func (v VF) Add(x int) int { return int(v.f * float64(x)) }
func (v VF) Tag() byte     { return 'f' }

type result struct {
	h    uint64
	tags [8]int
}

func tagIndex(t byte) int {
	switch t {
	case 'a':
		return 0
	case 'A':
		return 1
	case 'b':
		return 2
	case 'p', 'q':
		return 3
	case 'c':
		return 4
	case 'd':
		return 5
	case 'E':
		return 6
	}
	return 7
}

func drive(xs []Acc, idx []int) result {
	var r result
	r.h = 14695981039346656037
	for i, j := range idx {
		a := xs[j]
		v := a.Add(i & 1023)
		r.h = (r.h ^ uint64(v)) * 1099511628211
		r.tags[tagIndex(a.Tag())]++
	}
	return r
}

func pattern(n int, f func(i int) int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = f(i)
	}
	return idx
}

func main() {
	va := VA{5}
	pa := &PA{k: 1}
	pva := &VA{7}
	pe := &PE{hits: make([]int, 5)}
	xs := []Acc{va, pa, VB{-3, 9}, &PB{"p"}, VC(0xbeef), VD{2, -1, 4}, pe, VF{-2.5}, pva, &PB{"q"}}

	// 90/10: VA mostly, *PA every tenth call
	r := drive(xs, pattern(100000, func(i int) int {
		if i%10 == 9 {
			return 1
		}
		return 0
	}))
	fmt.Println("90/10", r.h, r.tags, pa.k, pa.n)

	// 10/90 on the same site: the guard from the first profile now mostly misses
	r = drive(xs, pattern(100000, func(i int) int {
		if i%10 == 9 {
			return 0
		}
		return 1
	}))
	fmt.Println("10/90", r.h, r.tags, pa.k, pa.n)

	// strict alternation between VA and *VA (same method, different type)
	r = drive(xs, pattern(60000, func(i int) int { return (i & 1) * 8 }))
	fmt.Println("VA/*VA", r.h, r.tags, va.k, pva.k)

	// phase change inside one call: VB for the first half, *PB after
	r = drive(xs, pattern(80000, func(i int) int {
		if i < 40000 {
			return 2
		}
		return 3
	}))
	fmt.Println("phase", r.h, r.tags)

	// two *PB receivers with different data behind the same type
	r = drive(xs, pattern(50000, func(i int) int { return 3 + 6*(i%3/2) }))
	fmt.Println("two PB", r.h, r.tags)

	// eight types round robin, then by a xorshift sequence
	r = drive(xs, pattern(160000, func(i int) int { return i % 8 }))
	fmt.Println("rr8", r.h, r.tags, pa.k, pa.n, pe.hits)
	seed := uint32(2463534242)
	r = drive(xs, pattern(160000, func(i int) int {
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return int(seed % 10)
	}))
	fmt.Println("rand10", r.h, r.tags, pa.k, pa.n, pe.hits)

	// back to monomorphic VC
	r = drive(xs, pattern(50000, func(i int) int { return 4 }))
	fmt.Println("mono VC", r.h, r.tags)
}
