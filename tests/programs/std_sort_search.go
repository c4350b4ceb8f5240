package main

// sort.Search, Find, SearchInts/Strings/Float64s and the slice types'
// Search, edge cases included: empty, all below, all above, duplicates.

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	xs := []int{1, 3, 3, 3, 7, 9, 12}
	for _, v := range []int{-5, 1, 2, 3, 4, 7, 8, 12, 13} {
		fmt.Print(sort.SearchInts(xs, v), " ")
	}
	fmt.Println()
	fmt.Println(sort.SearchInts(nil, 3), sort.SearchInts([]int{5}, 5), sort.SearchInts([]int{5}, 6))

	ss := []string{"apple", "banana", "cherry", "cherry", "date"}
	for _, v := range []string{"", "apple", "b", "cherry", "zzz"} {
		fmt.Print(sort.SearchStrings(ss, v), " ")
	}
	fmt.Println()
	fs := []float64{-1.5, 0, 0, 2.25, 1e10}
	for _, v := range []float64{-2, -1.5, 0, 1, 1e10, 1e11} {
		fmt.Print(sort.SearchFloat64s(fs, v), " ")
	}
	fmt.Println()

	// Search counts its calls: never more than bits(n)+1, never out of range
	for _, n := range []int{0, 1, 2, 3, 7, 8, 100, 1000, 1 << 20} {
		for _, target := range []int{-1, 0, n / 3, n - 1, n} {
			calls := 0
			bad := false
			i := sort.Search(n, func(k int) bool {
				calls++
				if k < 0 || k >= n {
					bad = true
				}
				return k >= target
			})
			fmt.Print(n, ":", target, "->", i, "/", calls, bad, " ")
		}
		fmt.Println()
	}

	// Find: cmp positive before, zero at, negative after
	words := []string{"ant", "bee", "cat", "cat", "dog", "emu"}
	for _, w := range []string{"aardvark", "ant", "cat", "cow", "emu", "fox"} {
		i, found := sort.Find(len(words), func(k int) int { return strings.Compare(w, words[k]) })
		fmt.Print(w, "=", i, found, " ")
	}
	fmt.Println()
	i, found := sort.Find(0, func(int) int { panic("no calls") })
	fmt.Println(i, found)

	// the slice types' Search
	fmt.Println(sort.IntSlice(xs).Search(7), sort.StringSlice(ss).Search("cherry"), sort.Float64Slice(fs).Search(2))

	// a first-true search over a predicate, hot
	total := 0
	for r := 0; r < 20000; r++ {
		n := r%500 + 1
		total += sort.Search(n, func(k int) bool { return k*k >= r }) + sort.SearchInts(xs, r%14)
	}
	fmt.Println("hot", total)
}
