package main

import "fmt"

// String methods that print their neighbours through fmt, so fmt calls
// back into Go, which calls fmt, ... as deep as the list is long. The
// methods are hot (compiled) first on short lists; then the nesting goes
// past 200 levels, which Go's growable stack holds without effort.

type List struct {
	v    int
	next *List
}

func (l *List) String() string {
	if l.next == nil {
		return fmt.Sprint(l.v)
	}
	return fmt.Sprintf("%d,%v", l.v, l.next)
}

type Tree struct {
	l, r *Tree
	k    int
}

func (t *Tree) String() string {
	if t == nil {
		return "."
	}
	return fmt.Sprint("(", t.l, t.k, t.r, ")")
}

func list(n int) *List {
	var l *List
	for i := 0; i < n; i++ {
		l = &List{i, l}
	}
	return l
}

func spine(n int) *Tree {
	var t *Tree
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			t = &Tree{l: t, k: i}
		} else {
			t = &Tree{r: t, k: i}
		}
	}
	return t
}

func main() {
	total := 0
	for i := 0; i < 300; i++ {
		total += len(list(i%8 + 1).String())
		total += len(fmt.Sprint(spine(i % 6)))
	}
	fmt.Println("warm", total)
	for _, n := range []int{10, 150, 199, 250, 1000} {
		s := list(n).String()
		t := spine(n).String()
		fmt.Println(n, len(s), s[:12], len(t), t[:12])
	}
}
