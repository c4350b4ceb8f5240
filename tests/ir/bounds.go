// ir: main.sum
// ir: main.sumTop
// ir: main.masked
// ir: main.guarded
// ir: main.guardedAnd
// ir: main.guardedOr
// ir: main.down
// ir: main.upTo
// ir: main.hoist
// ir: main.stores
package main

import "fmt"

type Box struct{ k int }

// bounds: i starts at 0, steps by 1 and is tested i < len(s) at the
// bottom of the rotated loop (and by the guard before it): s[i] needs no
// check.
func sum(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]
	}
	return t
}

// The same with a loop whose test is at its top (a break in the body).
func sumTop(s []int, stop int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		if s[i] == stop {
			break
		}
		t += s[i]
	}
	return t
}

// s[1023] checked first: s[i&1023] is then in range.
func masked(s []int, n int) int {
	t := s[1023]
	for i := 0; i < n; i++ {
		t += s[i&1023]
	}
	return t
}

// An index compared with 0 and the length on the way: in range.
func guarded(a []int, n int) int {
	t := 0
	if n >= 0 {
		if n < len(a) {
			t = a[n]
		}
	}
	return t
}

// The same with `&&`: the two tests merge into one bool first.
func guardedAnd(a []int, n int) int {
	t := 0
	if n >= 0 && n < len(a) {
		t = a[n]
	}
	if n < 0 || n >= len(a) {
		return t
	}
	return t + a[n]
}

// Not removed: `||` where `&&` would do.
func guardedOr(a []int, n int) int {
	t := 0
	if n >= 0 || n < len(a) {
		t = a[n]
	}
	return t
}

// Not removed either: a decrementing index, and i <= len(s).
func down(s []int) int {
	t := 0
	for i := len(s) - 1; i >= 0; i-- {
		t += s[i]
	}
	return t
}

func upTo(s []int) int {
	t := 0
	for i := 0; i <= len(s); i++ {
		t += s[i]
	}
	return t
}

// licm: k*3 and the load of b.k (b dereferenced before the loop, which
// writes no memory) move before the loop.
func hoist(b *Box, k int, n int) int {
	t := b.k
	for i := 0; i < n; i++ {
		t += k*3 + b.k
	}
	return t
}

// A store in the loop: the load of b.k stays.
func stores(b *Box, n int) int {
	t := b.k
	for i := 0; i < n; i++ {
		t += b.k
		b.k = i
	}
	return t
}

func main() {
	s := make([]int, 1024)
	for i := range s {
		s[i] = i
	}
	b := &Box{k: 2}
	fmt.Println(sum(s), sumTop(s, 50), masked(s, 2000), guarded(s, 7), guardedAnd(s, 9), guardedOr(s, 3), down(s))
	fmt.Println(hoist(b, 3, 10), stores(b, 10))
}
