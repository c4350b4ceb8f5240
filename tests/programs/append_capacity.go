package main

import "fmt"

// The capacity append gives a grown slice is Go's runtime's: the next
// capacity (double up to 256 elements, then 1.25x and a bit), rounded
// up to the allocator's size class by Go's element sizes, with the
// 8-byte header of pointerful arrays past 512 bytes. Every slice here
// escapes (kept in a package variable), so Go's compiler gives none of
// them a stack buffer of its own. Hot loops, so that the appends run
// compiled too.

type rec struct {
	a, b int
	p    *int
	c    int
}

type small struct{ x, y byte }

var keep []interface{}


func main() {
	var ints []int
	var strs []string
	var bytes []byte
	var recs []rec
	var smalls []small
	var flags []bool
	last := [6]int{-1, -1, -1, -1, -1, -1}
	show := func(k, c int) {
		if c != last[k] {
			last[k] = c
			fmt.Print(c, " ")
		}
	}
	for i := 0; i < 3000; i++ {
		ints = append(ints, i)
		show(0, cap(ints))
	}
	fmt.Println()
	for i := 0; i < 1500; i++ {
		strs = append(strs, "s")
		show(1, cap(strs))
	}
	fmt.Println()
	for i := 0; i < 5000; i++ {
		bytes = append(bytes, byte(i))
		show(2, cap(bytes))
	}
	fmt.Println()
	for i := 0; i < 600; i++ {
		recs = append(recs, rec{a: i})
		show(3, cap(recs))
	}
	fmt.Println()
	for i := 0; i < 2000; i++ {
		smalls = append(smalls, small{1, 2})
		show(4, cap(smalls))
	}
	fmt.Println()
	for i := 0; i < 2000; i++ {
		flags = append(flags, i%2 == 0)
		show(5, cap(flags))
	}
	fmt.Println()
	// Several at once, and appending a slice.
	a := []int{0, 1}
	a = append(a, 2, 3, 4)
	var b []int
	b = append(b, 1, 2, 3)
	c := append([]string{"x"}, strs[:40]...)
	d := append([]byte("hello, "), "world"...)
	fmt.Println(len(a), cap(a), len(b), cap(b), len(c), cap(c), len(d), cap(d))
	keep = append(keep, ints, strs, bytes, recs, smalls, flags, a, b, c, d)
}
