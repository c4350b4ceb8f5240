package main

// sort.Slice, sort.SliceStable and sort.SliceIsSorted: the order equal
// elements end in and the number of less calls must be Go's.

import (
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
	id   int
}

var seed uint64 = 7

const letters = "abcdefghijklmnopqrstuvwxyz"

func rnd() int {
	seed = seed*6364136223846793005 + 1442695040888963407
	return int(seed >> 33)
}

func people(shape, n int) []person {
	ps := make([]person, n)
	for i := range ps {
		age := 0
		switch shape {
		case 0:
			age = rnd() % 40
		case 1:
			age = i / 3
		case 2:
			age = (n - i) / 2
		case 3:
			age = i % 11
		case 4:
			age = 30
		}
		ps[i] = person{letters[i%26 : i%26+1], age, i}
	}
	return ps
}

func hash(ps []person) uint64 {
	h := uint64(1469598103934665603)
	for _, p := range ps {
		h = (h ^ uint64(p.id)) * 1099511628211
	}
	return h
}

func order(ps []person) []int {
	out := make([]int, len(ps))
	for i, p := range ps {
		out[i] = p.id
	}
	return out
}

type ages []int

func main() {
	shapes := []string{"random", "steps", "descending", "sawtooth", "equal"}
	for s := range shapes {
		total := 0
		h := uint64(0)
		stableTotal := 0
		for n := 0; n <= 200; n++ {
			ps := people(s, n)
			calls := 0
			sort.Slice(ps, func(i, j int) bool {
				calls++
				return ps[i].age < ps[j].age
			})
			total += calls
			h = h*33 + hash(ps)
			if n == 40 {
				fmt.Println(shapes[s], "slice", calls, order(ps))
			}
			if !sort.SliceIsSorted(ps, func(i, j int) bool { return ps[i].age < ps[j].age }) {
				fmt.Println("NOT SORTED", n)
			}

			qs := people(s, n)
			calls = 0
			sort.SliceStable(qs, func(i, j int) bool {
				calls++
				return qs[i].age < qs[j].age
			})
			stableTotal += calls
			for i := 1; i < len(qs); i++ {
				if qs[i].age == qs[i-1].age && qs[i].id < qs[i-1].id {
					fmt.Println("NOT STABLE", n, i)
				}
			}
			if n == 40 {
				fmt.Println(shapes[s], "stable", calls, order(qs))
			}
		}
		fmt.Println(shapes[s], "0..200:", total, stableTotal, h)
	}

	// by two keys, larger inputs
	for _, n := range []int{500, 2000, 4000} {
		ps := people(0, n)
		calls := 0
		sort.Slice(ps, func(i, j int) bool {
			calls++
			if ps[i].name != ps[j].name {
				return ps[i].name < ps[j].name
			}
			return ps[i].age < ps[j].age
		})
		fmt.Println(n, "two keys", calls, hash(ps), ps[0], ps[n-1])
		calls = 0
		sort.SliceStable(ps, func(i, j int) bool {
			calls++
			return ps[i].age > ps[j].age
		})
		fmt.Println(n, "stable desc", calls, hash(ps), ps[0], ps[n-1])
	}

	// a named slice type, a slice of strings, an empty and a nil slice
	a := ages{5, 3, 9, 3, 1}
	sort.Slice(a, func(i, j int) bool { return a[i] > a[j] })
	fmt.Println(a, sort.SliceIsSorted(a, func(i, j int) bool { return a[i] > a[j] }))
	words := []string{"delta", "alpha", "charlie", "bravo", "echo", "alpha"}
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) < len(words[j]) })
	fmt.Println(words)
	var none []int
	sort.Slice(none, func(i, j int) bool { panic("no calls") })
	sort.SliceStable([]int{}, func(i, j int) bool { panic("no calls") })
	fmt.Println(sort.SliceIsSorted(none, nil), sort.SliceIsSorted([]int{1}, nil))

	// hot: many small sorts through the same closures' sites
	sum := 0
	for r := 0; r < 400; r++ {
		ps := people(r%5, 50)
		sort.Slice(ps, func(i, j int) bool { return ps[i].age < ps[j].age })
		sum += ps[0].id + 7*ps[49].id
	}
	fmt.Println("hot", sum)
}
