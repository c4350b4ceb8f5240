package main

// maps: Keys, Values, All (printed sorted), Clone, Copy, DeleteFunc,
// Equal, EqualFunc, Collect, Insert.

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

type inventory map[string]int

func main() {
	inv := inventory{"apple": 5, "pear": 0, "fig": 12, "kiwi": 3}
	c := maps.Clone(inv)
	fmt.Printf("%T %v %v\n", c, c, maps.Equal(inv, c))
	c["apple"] = 6
	fmt.Println(inv["apple"], c["apple"], maps.Equal(inv, c))
	var nilMap map[string]int
	fmt.Println(maps.Clone(nilMap) == nil, maps.Equal(nilMap, map[string]int{}), len(maps.Clone(map[int]int{})))

	maps.Copy(c, map[string]int{"plum": 9, "fig": 1})
	fmt.Println(c)
	maps.DeleteFunc(c, func(k string, v int) bool { return v < 4 || strings.HasPrefix(k, "p") })
	fmt.Println(c)

	a := map[int][]int{1: {1}, 2: {2, 2}}
	b := map[int][]int{1: {1}, 2: {2, 2}}
	eq := func(x, y []int) bool { return slices.Equal(x, y) }
	fmt.Println(maps.EqualFunc(a, b, eq))
	b[2] = []int{2}
	fmt.Println(maps.EqualFunc(a, b, eq), maps.EqualFunc(a, map[int][]int{1: {1}}, eq))
	fmt.Println(maps.EqualFunc(map[string]int{"a": 1}, map[string]string{"a": "1"}, func(x int, s string) bool { return fmt.Sprint(x) == s }))

	keys := slices.Collect(maps.Keys(inv))
	slices.Sort(keys)
	fmt.Println(keys)
	vals := slices.Sorted(maps.Values(inv))
	fmt.Println(vals)
	pairs := []string{}
	for k, v := range maps.All(inv) {
		pairs = append(pairs, fmt.Sprint(k, "=", v))
	}
	slices.Sort(pairs)
	fmt.Println(pairs)

	sq := maps.Collect(func(yield func(int, int) bool) {
		for i := 0; i < 6; i++ {
			if !yield(i, i*i) {
				return
			}
		}
	})
	fmt.Println(sq)
	maps.Insert(sq, maps.All(map[int]int{0: -1, 10: 100}))
	fmt.Println(sq)

	// word counts, merged and filtered in a loop
	total := map[string]int{}
	text := strings.Fields("a b c a b a d e f a b c d e a")
	for r := 0; r < 500; r++ {
		part := map[string]int{}
		for i, w := range text {
			if (i+r)%3 != 0 {
				part[w]++
			}
		}
		for k, v := range part {
			total[k] += v
		}
		maps.DeleteFunc(part, func(k string, v int) bool { return v > 2 })
		if r%100 == 0 {
			fmt.Println(r, part)
		}
	}
	fmt.Println(total)
}
