package main

import "fmt"

// Loops indexing a slice with `i & mask`, whose length the function
// cannot know: the optimizing tier copies such a loop behind a test of
// `len(s) > mask` and runs the copy without bounds checks when it holds,
// the original (checked) loop otherwise. Both copies must give the same
// sums, count the same calls at their guarded sites, and a loop whose
// slice is too short must still panic at the very trip that goes out of
// range, after the earlier trips' effects (the prints before it).

type Shape interface {
	Area() int
}

type Square struct{ side int }

func (s *Square) Area() int { return s.side * s.side }

type Rect struct{ w, h int }

func (r *Rect) Area() int { return r.w * r.h }

// Two slices, two masks, an interface call in the body.
func run(xs []Shape, ys []int, lo, hi int) int {
	sum := 0
	for i := lo; i < hi; i++ {
		sum += xs[i&1023].Area() + ys[i&7]
	}
	return sum
}

// A store through the masked index.
func fill(dst []int, n int) {
	for i := 0; i < n; i++ {
		dst[i&255] += i
	}
}

// The last trip's index is out of range when len(s) <= mask and n is
// large enough: the panic comes at that trip.
func walk(s []int, n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += s[i&15]
		if i%4 == 3 {
			fmt.Println("trip", i, t)
		}
	}
	return t
}

func main() {
	xs := make([]Shape, 1024)
	for j := range xs {
		if j%5 == 0 {
			xs[j] = &Rect{j % 7, 3}
		} else {
			xs[j] = &Square{j % 11}
		}
	}
	ys := []int{1, 2, 3, 4, 5, 6, 7, 8}
	// Hot: the fast copy (both lengths above their masks).
	total := 0
	for k := 0; k < 300; k++ {
		total += run(xs, ys, k, k+2000)
	}
	fmt.Println("fast", total)
	// The checked copy: ys too short for i&7 only when i&7 >= 5, which
	// the range below never reaches.
	short := ys[:5]
	fmt.Println("checked", run(xs, short, 8, 13), run(xs, short, 16, 21))
	// Empty ranges.
	fmt.Println("empty", run(xs, ys, 5, 5), run(nil, nil, 3, 1))
	dst := make([]int, 256)
	for k := 0; k < 200; k++ {
		fill(dst, 1000)
	}
	fmt.Println("fill", dst[0], dst[1], dst[255])
	long := make([]int, 16)
	for j := range long {
		long[j] = j * j
	}
	w := 0
	for k := 0; k < 3000; k++ {
		w += walk(long, 20)
	}
	fmt.Println("walk", w)
	// Too short: index 12 is the first out of range, at trip 12.
	fmt.Println(walk(long[:12], 40))
}
