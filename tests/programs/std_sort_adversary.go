package main

// McIlroy's "killer adversary" for quicksort against sort.Sort and
// slices.SortFunc: values are fixed lazily, at the comparisons, so as to
// make the sort's pivots as bad as possible. What gets fixed when depends
// on the exact sequence of comparisons, so the values, the number of
// comparisons and the final order match Go's only if the algorithm
// (pattern breaking, heapsort fallback included) makes Go's comparisons.

import (
	"fmt"
	"slices"
	"sort"
)

type adversary struct {
	val       []int // fixed value, or gas
	pos       []int // what sits at each index (for Swap)
	gas       int
	solid     int
	candidate int
	calls     int
}

func newAdversary(n int) *adversary {
	a := &adversary{val: make([]int, n), pos: make([]int, n), gas: n}
	for i := range a.val {
		a.val[i] = n
		a.pos[i] = i
	}
	return a
}

func (a *adversary) freeze(x int) {
	a.val[x] = a.solid
	a.solid++
}

// compare by item (not index)
func (a *adversary) less(x, y int) bool {
	a.calls++
	if a.val[x] == a.gas && a.val[y] == a.gas {
		if x == a.candidate {
			a.freeze(x)
		} else {
			a.freeze(y)
		}
	}
	if a.val[x] == a.gas {
		a.candidate = x
	} else if a.val[y] == a.gas {
		a.candidate = y
	}
	return a.val[x] < a.val[y]
}

func (a *adversary) Len() int           { return len(a.pos) }
func (a *adversary) Less(i, j int) bool { return a.less(a.pos[i], a.pos[j]) }
func (a *adversary) Swap(i, j int)      { a.pos[i], a.pos[j] = a.pos[j], a.pos[i] }

func checksum(xs []int) int {
	s := 0
	for i, x := range xs {
		s = (s*31 + x*(i+1)) % 1000000007
	}
	return s
}

func main() {
	for _, n := range []int{13, 50, 100, 257, 1000, 3000} {
		a := newAdversary(n)
		sort.Sort(a)
		ok := true
		for i := 1; i < n; i++ {
			if a.val[a.pos[i]] < a.val[a.pos[i-1]] {
				ok = false
			}
		}
		fmt.Println("sort.Sort", n, "calls", a.calls, "sorted", ok, "frozen", a.solid, "order", checksum(a.pos))
		if n == 50 {
			fmt.Println(" ", a.pos)
		}

		// the same adversary through slices.SortFunc (items are the
		// elements themselves)
		b := newAdversary(n)
		items := make([]int, n)
		for i := range items {
			items[i] = i
		}
		slices.SortFunc(items, func(x, y int) int {
			if b.less(x, y) {
				return -1
			}
			if b.less(y, x) {
				return 1
			}
			return 0
		})
		fmt.Println("slices.SortFunc", n, "calls", b.calls, "frozen", b.solid, "order", checksum(items))

		// and through sort.Slice
		c := newAdversary(n)
		its := make([]int, n)
		for i := range its {
			its[i] = i
		}
		sort.Slice(its, func(i, j int) bool { return c.less(its[i], its[j]) })
		fmt.Println("sort.Slice", n, "calls", c.calls, "order", checksum(its))
	}
}
