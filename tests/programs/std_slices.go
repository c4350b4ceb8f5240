package main

// The rest of slices: comparison, search, Insert/Delete/Replace (with
// overlapping arguments), Compact, Clone, Clip, Grow, Concat, Repeat,
// Reverse, and their panics.

import (
	"fmt"
	"slices"
	"strings"
)

type point struct{ x, y int }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	f()
}

func main() {
	a := []int{1, 2, 3, 4, 5}
	fmt.Println(slices.Equal(a, []int{1, 2, 3, 4, 5}), slices.Equal(a, a[:4]), slices.Equal([]int{}, nil))
	nan := 0.0
	nan /= nan
	fmt.Println(slices.Equal([]float64{nan}, []float64{nan}))
	fmt.Println(slices.EqualFunc(a, []string{"1", "2", "3", "4", "5"}, func(x int, s string) bool { return fmt.Sprint(x) == s }))
	fmt.Println(slices.Compare(a, []int{1, 2, 4}), slices.Compare(a, a), slices.Compare(a[:2], a), slices.Compare(a, a[:2]), slices.Compare([]string{"b"}, []string{"a", "z"}))
	fmt.Println(slices.CompareFunc(a, []float64{1, 2, 3.5}, func(x int, y float64) int {
		if float64(x) < y {
			return -1
		}
		if float64(x) > y {
			return 1
		}
		return 0
	}))
	fmt.Println(slices.Index(a, 4), slices.Index(a, 9), slices.IndexFunc(a, func(x int) bool { return x%2 == 0 }), slices.Contains(a, 5), slices.Contains(a[:2], 5))
	pts := []point{{1, 2}, {3, 4}, {5, 6}}
	fmt.Println(slices.Index(pts, point{3, 4}), slices.ContainsFunc(pts, func(p point) bool { return p.x > 4 }), slices.ContainsFunc(pts, func(p point) bool { return p.y > 6 }))

	// Insert: at the front, middle, end, nothing, with room and without
	s := make([]int, 3, 10)
	copy(s, []int{10, 20, 30})
	s = slices.Insert(s, 1, 11, 12)
	fmt.Println(s, len(s), cap(s))
	s = slices.Insert(s, 0, 1)
	s = slices.Insert(s, len(s), 99, 100)
	s = slices.Insert(s, 2)
	fmt.Println(s, len(s), cap(s))
	s = slices.Insert(s, 3, 7, 7, 7, 7)
	fmt.Println(s, len(s))
	// inserting part of the slice itself
	t := make([]int, 6, 12)
	for i := range t {
		t[i] = i
	}
	t = slices.Insert(t, 1, t[3:6]...)
	fmt.Println(t)
	u := make([]int, 5, 20)
	for i := range u {
		u[i] = i * 10
	}
	u = slices.Insert(u, 2, u[:4]...)
	fmt.Println(u)
	try("insert", func() { slices.Insert(a, 6, 1) })
	try("insert", func() { slices.Insert(a, -1) })

	// Delete and DeleteFunc zero the tail
	d := []int{0, 1, 2, 3, 4, 5, 6, 7}
	full := d
	d = slices.Delete(d, 2, 5)
	fmt.Println(d, full)
	d = slices.Delete(d, 0, 0)
	d = slices.Delete(d, len(d)-1, len(d))
	fmt.Println(d, full)
	try("delete", func() { slices.Delete(a, 3, 2) })
	try("delete", func() { slices.Delete(a, 2, 6) })
	e := []string{"a", "bb", "c", "dd", "eee", "f"}
	all := e
	e = slices.DeleteFunc(e, func(s string) bool { return len(s) > 1 })
	fmt.Printf("%q %q\n", e, all)
	fmt.Println(slices.DeleteFunc([]int{1, 3}, func(x int) bool { return x%2 == 0 }))

	// Replace: shorter, longer, same length, at the end, growing, overlapping
	r := make([]int, 8, 10)
	for i := range r {
		r[i] = i
	}
	whole := r[:cap(r)]
	r = slices.Replace(r, 1, 4, 42)
	fmt.Println(r, whole)
	r = slices.Replace(r, 1, 2, 7, 8, 9)
	fmt.Println(r, whole)
	r = slices.Replace(r, 0, 2, -1, -2)
	fmt.Println(r, len(r), cap(r))
	r = slices.Replace(r, 5, len(r), 100)
	fmt.Println(r, whole)
	r = slices.Replace(r, 2, 3, 1, 2, 3, 4, 5, 6, 7, 8)
	fmt.Println(r, len(r))
	q := make([]int, 6, 12)
	for i := range q {
		q[i] = i
	}
	q = slices.Replace(q, 1, 2, q[3:6]...)
	fmt.Println(q)
	w := make([]int, 7, 9)
	for i := range w {
		w[i] = 100 + i
	}
	w = slices.Replace(w, 2, 4, w[:3]...)
	fmt.Println(w)
	try("replace", func() { slices.Replace(a, 4, 2) })

	// Compact
	c := []int{1, 1, 2, 2, 2, 3, 1, 1, 4}
	cAll := c
	c = slices.Compact(c)
	fmt.Println(c, cAll)
	fmt.Println(slices.Compact([]string{"a"}), slices.Compact([]int{1, 2, 3}), slices.Compact([]int(nil)) == nil)
	words := strings.Fields("Hello hello HELLO world World go Go GO go")
	words = slices.CompactFunc(words, strings.EqualFold)
	fmt.Println(words)

	// Clone, Clip, Grow, Concat, Repeat, Reverse
	var nilSlice []int
	fmt.Println(slices.Clone(nilSlice) == nil, slices.Clone([]int{}) == nil, slices.Clone(a))
	cl := slices.Clone(a)
	cl[0] = 100
	fmt.Println(a[0], cl[0])
	clip := slices.Clip(make([]int, 2, 9))
	fmt.Println(len(clip), cap(clip))
	g := slices.Grow([]int{1, 2}, 10)
	fmt.Println(len(g), cap(g) >= 12, g)
	g2 := make([]int, 1, 50)
	g3 := slices.Grow(g2, 10)
	fmt.Println(cap(g3), &g2[0] == &g3[0])
	try("grow", func() { slices.Grow(a, -1) })
	fmt.Println(slices.Concat([]int{1}, nil, []int{2, 3}, []int{}), slices.Concat[[]int]() == nil, len(slices.Concat([]int{}, []int{})))
	fmt.Println(slices.Repeat([]string{"ab", "c"}, 3), len(slices.Repeat([]int{1}, 0)), slices.Repeat([]int{}, 5))
	try("repeat", func() { slices.Repeat(a, -1) })
	try("repeat", func() { slices.Repeat(a, 1<<62) })
	rv := []string{"a", "b", "c", "d"}
	slices.Reverse(rv)
	fmt.Println(rv)
	slices.Reverse(rv[1:])
	fmt.Println(rv)

	// hot: Insert/Delete/Index in a loop
	buf := []int{}
	total := 0
	for i := 0; i < 3000; i++ {
		pos := (i * 7) % (len(buf) + 1)
		buf = slices.Insert(buf, pos, i)
		if len(buf) > 40 {
			k := slices.Index(buf, buf[len(buf)/2])
			buf = slices.Delete(buf, k, k+1)
		}
		total += slices.Index(buf, i) + len(buf)
	}
	fmt.Println("hot", total, buf[:10])
}
