package main

import "fmt"

// A field past the first 4 KB of its struct: a nil pointer plus its
// offset is not in the never-mapped first page, so the check stays an
// explicit test (and must still panic, not read memory).

type Big struct {
	pad [1000]int
	far int
}

func far(b *Big) int { return b.far + 1 }

func main() {
	b := &Big{}
	s := 0
	for i := 0; i < 20000; i++ {
		b.far = i
		s += far(b)
	}
	fmt.Println(s)
	var none *Big
	fmt.Println(far(none))
}
