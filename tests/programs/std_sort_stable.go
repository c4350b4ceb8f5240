package main

// sort.Stable: equal elements keep their order, and the Less and Swap
// calls (insertion-sorted blocks of 20, then SymMerge) are Go's.

import (
	"fmt"
	"sort"
)

type item struct {
	key, seq int
}

type items struct {
	v           []item
	less, swaps int
}

func (s *items) Len() int { return len(s.v) }
func (s *items) Less(i, j int) bool {
	s.less++
	return s.v[i].key < s.v[j].key
}
func (s *items) Swap(i, j int) {
	s.swaps++
	s.v[i], s.v[j] = s.v[j], s.v[i]
}

var seed uint32 = 12345

func rnd() int {
	seed = seed*1664525 + 1013904223
	return int(seed >> 8)
}

func input(shape, n, distinct int) *items {
	s := &items{v: make([]item, n)}
	for i := range s.v {
		k := 0
		switch shape {
		case 0:
			k = rnd()
		case 1:
			k = i
		case 2:
			k = n - i
		case 3:
			k = i % 13
		case 4:
			k = (i * 7919) % (n + 1)
		}
		if distinct > 0 {
			k %= distinct
		}
		s.v[i] = item{k, i}
	}
	return s
}

func stable(s *items) bool {
	for i := 1; i < len(s.v); i++ {
		a, b := s.v[i-1], s.v[i]
		if a.key > b.key || a.key == b.key && a.seq > b.seq {
			return false
		}
	}
	return true
}

func main() {
	names := []string{"random", "sorted", "reversed", "sawtooth", "scattered"}
	for shape := range names {
		less, swaps, bad := 0, 0, 0
		for n := 0; n <= 200; n++ {
			s := input(shape, n, 1+n/5)
			sort.Stable(s)
			if !stable(s) {
				bad++
			}
			less += s.less
			swaps += s.swaps
			if n == 21 || n == 64 || n == 199 {
				fmt.Println(names[shape], n, s.less, s.swaps)
			}
		}
		fmt.Println(names[shape], "0..200: less", less, "swaps", swaps, "unstable", bad)
	}
	for _, n := range []int{1000, 2000} {
		for _, d := range []int{0, 2, 50} {
			s := input(0, n, d)
			sort.Stable(s)
			fmt.Println(n, d, s.less, s.swaps, stable(s), s.v[0], s.v[n/2], s.v[n-1])
		}
	}
	// sort.Stable with sort.Reverse: descending, equal keys still in order
	s := input(0, 30, 4)
	sort.Stable(sort.Reverse(s))
	fmt.Println(s.v, s.less)
	// the library's slice types through Stable
	x := sort.StringSlice{"b", "a", "c", "a"}
	sort.Stable(x)
	fmt.Println(x)
	// hot loop
	t := 0
	for r := 0; r < 100; r++ {
		s := input(r%5, 45, 6)
		sort.Stable(s)
		t += s.less*3 + s.swaps + s.v[0].seq
	}
	fmt.Println("hot", t)
}
