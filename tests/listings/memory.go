// Loads and stores through pointers, globals and slices, in a loop so that
// slots sit in registers.
// listing: main.sum SliceLoad
// listing: main.fill SliceStore
// listing: main.grow Append
// listing: main.bump Load
// listing: main.bump Store
// listing: main.counted LoadG
// listing: main.counted StoreG
// listing: main.window SliceSlice
// listing: main.masked AndImmSliceLoad
package main

import "fmt"

type point struct{ x, y int }

var calls int

func sum(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]
	}
	return t
}

func fill(s []int, v int) {
	for i := range s {
		s[i] = v
	}
}

func grow(s []int, v int) []int { return append(s, v) }

func bump(p *point) { p.y = p.x + 1 }

func counted() { calls = calls + 1 }

func window(s []int, i, j int) []int { return s[i:j] }

func masked(s []int, i int) int { return s[i&7] }

func main() {
	s := make([]int, 8)
	fill(s, 2)
	p := &point{1, 2}
	bump(p)
	counted()
	fmt.Println(sum(grow(s, 3)), p.y, calls, len(window(s, 1, 3)), masked(s, 9))
}
