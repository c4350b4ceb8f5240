package main

// The iterator functions of slices and maps: All, Values, Backward,
// Collect, AppendSeq, Sorted(Func), SortedStableFunc, Chunk, and the
// idiom slices.Sorted(maps.Keys(m)).

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

func evens(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	s := []string{"a", "b", "c", "d"}
	for i, v := range slices.All(s) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for i, v := range slices.Backward(s) {
		fmt.Print(i, v, " ")
		if i == 1 {
			break
		}
	}
	fmt.Println()
	for v := range slices.Values(s) {
		fmt.Print(v)
	}
	fmt.Println()

	fmt.Println(slices.Collect(evens(11)), slices.Collect(evens(0)) == nil)
	fmt.Println(slices.AppendSeq([]int{-1}, evens(7)))
	fmt.Println(slices.Sorted(slices.Values([]int{5, 2, 8, 1})))

	words := strings.Fields("pear fig apple kiwi banana date plum lime")
	byLen := func(a, b string) int { return cmp.Compare(len(a), len(b)) }
	fmt.Println(slices.SortedStableFunc(slices.Values(words), byLen))
	fmt.Println(slices.SortedFunc(slices.Values(words), func(a, b string) int { return strings.Compare(b, a) }))

	for c := range slices.Chunk([]int{1, 2, 3, 4, 5, 6, 7}, 3) {
		fmt.Print(c, len(c), cap(c), " ")
	}
	fmt.Println()
	for c := range slices.Chunk([]int{}, 2) {
		fmt.Println("never", c)
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		slices.Chunk([]int{1}, 0)
	}()

	m := map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	fmt.Println(slices.Sorted(maps.Values(m)))
	total := 0
	for k, v := range maps.All(m) {
		total += len(k) * v
	}
	fmt.Println(total)
	fromSeq := maps.Collect(slices.All([]string{"x", "y", "z"}))
	fmt.Println(fromSeq)
	inv := map[int]string{}
	maps.Insert(inv, func(yield func(int, string) bool) {
		for k, v := range m {
			if !yield(v, k) {
				return
			}
		}
	})
	fmt.Println(inv)

	// early exit from a map iterator
	n := 0
	for range maps.Keys(m) {
		n++
		if n == 2 {
			break
		}
	}
	fmt.Println(n)

	// hot: iterators in a loop
	sum := 0
	for r := 0; r < 2000; r++ {
		for i, v := range slices.All([]int{r, r + 1, r + 2}) {
			sum += i * v
		}
		for v := range evens(r % 20) {
			sum += v
		}
	}
	fmt.Println("hot", sum)
}
