package main

import "fmt"

// Slice expressions in a hot function: s[lo:hi] with hi up to the
// capacity is fine (beyond the length), one past the capacity panics
// with Go's message after the function is compiled.

func window(s []int, lo, hi int) int {
	w := s[lo:hi]
	t := len(w)*1000 + cap(w)
	if len(w) > 0 {
		t += w[len(w)-1]
	}
	return t
}

func main() {
	buf := make([]int, 10, 16)
	for i := range buf {
		buf[i] = i * i
	}
	t := 0
	for r := 0; r < 50000; r++ {
		lo := r % 7
		hi := lo + r%10
		t += window(buf, lo, hi)
	}
	fmt.Println("ok", t, window(buf, 3, 16), window(buf, 16, 16))
	for r := 0; r < 100; r++ {
		hi := 12 + r%6
		fmt.Println(r, hi, window(buf, 2, hi))
	}
}
