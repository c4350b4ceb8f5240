package main

import "fmt"

// Sites whose guard misses about one call in six, the missed receivers
// drawn from more types than compiled code keeps miss rows for, in a
// pseudo-random order: the profile's per-type counts must come out the
// same in every tier.

type Shape interface{ Area() int }
type A struct{ n int }
type B struct{ n int }
type C struct{ n int }
type D struct{ n int }
type E struct{ n int }
type F struct{ n int }
type G struct{ n int }

func (a A) Area() int  { return a.n }
func (b B) Area() int  { return b.n + 1 }
func (c *C) Area() int { return c.n + 2 }
func (d D) Area() int  { return d.n + 3 }
func (e E) Area() int  { return e.n + 4 }
func (f *F) Area() int { return f.n + 5 }
func (g G) Area() int  { return g.n + 6 }

func sum(ss []Shape, n int) int {
	t := 0
	x := 12345
	for i := 0; i < n; i++ {
		x = (x*1103515245 + 12345) & 2147483647
		t += ss[(x>>8)%40].Area()
	}
	return t
}

func inc(i int) int { return i + 1 }
func dbl(i int) int { return i * 2 }
func neg(i int) int { return -i }
func sq(i int) int  { return i * i }

func apply(fs []func(int) int, n int) int {
	t := 0
	x := 7
	for i := 0; i < n; i++ {
		x = (x*1103515245 + 12345) & 2147483647
		t += fs[(x>>8)%20](i & 1023)
	}
	return t
}

func main() {
	var ss []Shape
	for i := 0; i < 34; i++ {
		ss = append(ss, A{i})
	}
	ss = append(ss, B{1}, &C{2}, D{3}, E{4}, &F{5}, G{6})
	var fs []func(int) int
	for i := 0; i < 17; i++ {
		fs = append(fs, inc)
	}
	fs = append(fs, dbl, neg, sq)
	fmt.Println(sum(ss, 1000000), apply(fs, 1000000))
}
