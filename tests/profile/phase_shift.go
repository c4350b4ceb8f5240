package main

import "fmt"

// One site whose receivers change type halfway through the run (all A,
// then all B) and a second site with a steady 3:1 split: the first site's
// guard goes stale and is recompiled; the second keeps its code.

type Shape interface{ Area() int }
type A struct{ n int }
type B struct{ n int }
type C struct{ n int }

func (a A) Area() int  { return a.n }
func (b *B) Area() int { return b.n * 2 }
func (c C) Area() int  { return c.n + 3 }

func phase(a, b Shape, n int) int {
	t := 0
	for i := 0; i < n; i++ {
		s := a
		if i >= n/2 {
			s = b
		}
		t += s.Area()
	}
	return t
}

func split(ss []Shape, n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += ss[i%4].Area()
	}
	return t
}

func main() {
	ss := []Shape{A{1}, A{2}, A{3}, C{4}}
	fmt.Println(phase(A{1}, &B{2}, 400000))
	fmt.Println(split(ss, 400000))
}
