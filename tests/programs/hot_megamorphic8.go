package main

import "fmt"

// Eight receiver types round-robin at one site (megamorphic), then the
// same eight chosen by an LCG.

type Stage interface {
	Step(x uint32) uint32
}

type S0 struct{}
type S1 struct{ k uint32 }
type S2 struct{ k uint32 }
type S3 struct{ k uint32 }
type S4 struct{ shift uint }
type S5 struct{ mask uint32 }
type S6 struct{ k uint32 }
type S7 struct{ k, j uint32 }

func (S0) Step(x uint32) uint32    { return x + 1 }
func (s S1) Step(x uint32) uint32  { return x ^ s.k }
func (s *S2) Step(x uint32) uint32 { return x * s.k }
func (s S3) Step(x uint32) uint32  { return x + s.k }
func (s S4) Step(x uint32) uint32  { return x<<s.shift | x>>(32-s.shift) }
func (s *S5) Step(x uint32) uint32 { return x&s.mask + 3 }
func (s S6) Step(x uint32) uint32  { return x - s.k }
func (s S7) Step(x uint32) uint32  { return x*s.k + s.j }

func main() {
	stages := []Stage{S0{}, S1{0x5bd1e995}, &S2{16777619}, S3{0x9e3779b9}, S4{13}, &S5{0x7fffffff}, S6{12345}, S7{1103515245, 12345}}
	var x uint32 = 1
	counts := make([]int, len(stages))
	for i := 0; i < 800000; i++ {
		j := i % 8
		x = stages[j].Step(x)
		counts[j]++
	}
	fmt.Println(x, counts)

	seed := uint64(88172645463325252)
	x = 1
	for i := range counts {
		counts[i] = 0
	}
	for i := 0; i < 400000; i++ {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		j := int(seed % 8)
		counts[j]++
		x = stages[j].Step(x)
	}
	fmt.Println(x, counts)
}
