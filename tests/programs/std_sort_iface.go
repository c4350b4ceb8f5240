package main

// sort.Sort over user types: the order of equal elements after the
// unstable sort and the number of Less and Swap calls must be Go's, for
// every length 0..200 and input shape, and for a few thousand elements.

import (
	"fmt"
	"sort"
)

type rec struct {
	key, id int
}

// byKey orders records by key only: ties are many, and where they end
// up is the algorithm's choice.
type byKey struct {
	r           []rec
	less, swaps *int
}

func (b byKey) Len() int { return len(b.r) }
func (b byKey) Less(i, j int) bool {
	*b.less++
	return b.r[i].key < b.r[j].key
}
func (b byKey) Swap(i, j int) {
	*b.swaps++
	b.r[i], b.r[j] = b.r[j], b.r[i]
}

// byKeyDesc is a second receiver type at the same call sites.
type byKeyDesc struct {
	r    []rec
	less *int
}

func (b *byKeyDesc) Len() int { return len(b.r) }
func (b *byKeyDesc) Less(i, j int) bool {
	*b.less++
	return b.r[i].key > b.r[j].key
}
func (b *byKeyDesc) Swap(i, j int) { b.r[i], b.r[j] = b.r[j], b.r[i] }

var seed uint64 = 42

func rnd() int {
	seed = seed*6364136223846793005 + 1442695040888963407
	return int(seed >> 33)
}

// shape k of length n, with keys drawn from `distinct` values (0: all
// distinct)
func makeInput(shape, n, distinct int) []rec {
	r := make([]rec, n)
	for i := range r {
		var k int
		switch shape {
		case 0: // random
			k = rnd()
		case 1: // sorted
			k = i
		case 2: // reversed
			k = n - i
		case 3: // sawtooth
			k = i % 17
		case 4: // organ pipe
			k = i
			if i > n/2 {
				k = n - i
			}
		case 5: // sorted with a few swaps
			k = i
		case 6: // all equal
			k = 7
		case 7: // random, descending runs
			k = (n-i)/5*5 + rnd()%3
		}
		if distinct > 0 {
			k %= distinct
			if k < 0 {
				k = -k
			}
		}
		r[i] = rec{k, i}
	}
	if shape == 5 && n > 3 {
		for t := 0; t < 3; t++ {
			a, b := rnd()%n, rnd()%n
			r[a], r[b] = r[b], r[a]
		}
	}
	return r
}

func hash(r []rec) uint64 {
	h := uint64(14695981039346656037)
	for _, x := range r {
		h ^= uint64(x.id)
		h *= 1099511628211
		h ^= uint64(x.key)
		h *= 1099511628211
	}
	return h
}

func checkSorted(r []rec) bool {
	for i := 1; i < len(r); i++ {
		if r[i].key < r[i-1].key {
			return false
		}
	}
	return true
}

func ids(r []rec) []int {
	out := make([]int, len(r))
	for i, x := range r {
		out[i] = x.id
	}
	return out
}

var names = []string{"random", "sorted", "reversed", "sawtooth", "organ", "nearly", "equal", "runs"}

func main() {
	// every length 0..200, every shape, keys with many ties
	for shape := 0; shape < 8; shape++ {
		totalLess, totalSwaps := 0, 0
		h := uint64(0)
		for n := 0; n <= 200; n++ {
			r := makeInput(shape, n, 1+n/8)
			less, swaps := 0, 0
			sort.Sort(byKey{r, &less, &swaps})
			if !checkSorted(r) {
				fmt.Println("NOT SORTED", names[shape], n)
			}
			totalLess += less
			totalSwaps += swaps
			h = h*31 + hash(r)
			if n == 13 || n == 50 || n == 200 {
				fmt.Println(names[shape], n, "less", less, "swaps", swaps)
			}
			if n == 50 {
				fmt.Println(" ids", ids(r))
			}
		}
		fmt.Println(names[shape], "0..200: less", totalLess, "swaps", totalSwaps, "hash", h)
	}

	// larger inputs
	for _, n := range []int{1000, 3000, 5000} {
		for _, shape := range []int{0, 2, 3, 7} {
			for _, distinct := range []int{0, 3, 100} {
				r := makeInput(shape, n, distinct)
				less, swaps := 0, 0
				sort.Sort(byKey{r, &less, &swaps})
				fmt.Println(n, names[shape], distinct, "less", less, "swaps", swaps, "sorted", checkSorted(r), "hash", hash(r))
			}
		}
	}

	// a second type through the same sort.Sort sites, and sort.Reverse
	for _, n := range []int{10, 60, 300} {
		r := makeInput(0, n, 9)
		less := 0
		sort.Sort(&byKeyDesc{r, &less})
		fmt.Println("desc", n, less, hash(r))
		r = makeInput(0, n, 9)
		less2, swaps2 := 0, 0
		data := byKey{r, &less2, &swaps2}
		sort.Sort(sort.Reverse(data))
		counted := less2
		rev, fwd := sort.IsSorted(sort.Reverse(data)), sort.IsSorted(data)
		fmt.Println("reverse", n, counted, swaps2, hash(r), rev, fwd, less2)
		if n == 10 {
			fmt.Println(" ", r)
		}
	}

	// the library's own slice types
	xs := sort.IntSlice{5, 2, 8, -1, 2, 9, 0}
	xs.Sort()
	fmt.Println(xs, xs.Search(2), xs.Search(3), xs.Search(100), sort.IsSorted(xs), xs.Len())
	ss := sort.StringSlice{"pear", "apple", "fig", "banana", ""}
	sort.Sort(ss)
	fmt.Println(ss, ss.Search("fig"), ss.Search("cherry"), ss.Less(0, 1))
	nan := 0.0
	nan = nan / nan
	fs := sort.Float64Slice{2.5, nan, -1, 3, nan, 0}
	fs.Sort()
	fmt.Println(fs, fs.Search(2.5), sort.IsSorted(fs))
	ys := []int{3, 1, 2}
	sort.Sort(sort.Reverse(sort.IntSlice(ys)))
	fmt.Println(ys)

	// a hot loop: the same sites called many times
	total := 0
	for round := 0; round < 300; round++ {
		r := makeInput(round%8, 64, 5)
		less, swaps := 0, 0
		sort.Sort(byKey{r, &less, &swaps})
		total += less + swaps + r[0].id + r[63].id*3
	}
	fmt.Println("hot", total)
}
