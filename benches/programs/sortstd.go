package main

import (
	"fmt"
	"sort"
	"strings"
)

// Sorting through the standard library: sort.Sort over concrete types
// (its pdqsort's Less and Swap are interface calls, the sites pgojit
// profiles inside package sort), sort.Stable, and sort.Slice with a
// closure; checksums of the results.

// Rounds is how many times each data set is regenerated and sorted.
const Rounds = 60 // test: 2

// N is the length of each data set.
const N = 20000 // test: 300

type Person struct {
	Name string
	Age  int
}

// ByAge sorts people by age (many equal keys: the order of equals is
// pdqsort's, as Go's).
type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

// ByName sorts people by name.
type ByName []Person

func (a ByName) Len() int           { return len(a) }
func (a ByName) Less(i, j int) bool { return a[i].Name < a[j].Name }
func (a ByName) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

var seed uint64 = 42

func next() uint64 {
	seed = seed*6364136223846793005 + 1442695040888963407
	return seed >> 33
}

func people(n int) []Person {
	ps := make([]Person, n)
	for i := range ps {
		ps[i] = Person{Name: fmt.Sprintf("p%05d", next()%100000), Age: int(next() % 90)}
	}
	return ps
}

func checksum(ps []Person) uint64 {
	var h uint64 = 14695981039346656037
	for _, p := range ps {
		h ^= uint64(p.Age)
		h *= 1099511628211
		h ^= uint64(len(p.Name)) + uint64(p.Name[len(p.Name)-1])
		h *= 1099511628211
	}
	return h
}

func main() {
	var total uint64
	for r := 0; r < Rounds; r++ {
		ps := people(N)
		sort.Sort(ByAge(ps))
		total ^= checksum(ps)
		sort.Stable(ByName(ps))
		total += checksum(ps)
		ints := make([]int, N)
		for i := range ints {
			ints[i] = int(next() % 1000)
		}
		sort.Ints(ints)
		words := strings.Fields(strings.Repeat("delta alpha charlie bravo echo ", N/50))
		sort.Slice(words, func(i, j int) bool { return words[i] < words[j] })
		total += uint64(ints[N/2]) + uint64(len(words[0]))
		if !sort.IsSorted(ByAge(ps)) && sort.SliceIsSorted(words, func(i, j int) bool { return words[i] < words[j] }) {
			total++
		}
	}
	fmt.Println("checksum", total)
}
