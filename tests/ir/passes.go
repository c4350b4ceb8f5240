// ir: main.fold
// ir: main.(*Stack).pop
// ir: main.twice
// ir: main.loop
// ir: main.run
// ir: main.divz
package main

import "fmt"

type Stack struct {
	items []int
}

func get(s *Stack, i int) int { return s.items[i] }

func size(s *Stack) int { return len(s.items) }

// simplify: constants fold, x+0 and x*1 go, a constant branch becomes a
// jump and its dead side goes; a division by zero stays (it panics).
func fold(x int, z int) int {
	a := 6 * 7
	b := x + 0
	c := b * 1
	if a > 40 {
		c += a
	} else {
		c -= a
	}
	return c / (z - z + 1)
}

// A division by a constant zero is not folded: it panics (never called).
func divz(x int) int {
	d := 0
	return x / d
}

// loads: s.items is read once, not per use; the store is forwarded.
func (s *Stack) pop() int {
	n := size(s) - 1
	v := get(s, n)
	s.items = s.items[:n]
	return v + len(s.items)
}

// gvn: the same arithmetic and the same bounds check, done once.
func twice(xs []int, i int, k int) int {
	a := xs[i] * (k + 3)
	b := xs[i] * (3 + k)
	return a + b
}

// A loop: loads are not reused across its back-edge; the call kills.
func loop(s *Stack, n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += len(s.items)
		s.items = append(s.items, i)
	}
	return t + len(s.items)
}

func run() int {
	s := &Stack{}
	for i := 0; i < 50; i++ {
		s.items = append(s.items, i*i)
	}
	t := 0
	for i := 0; i < 20; i++ {
		t += s.pop() + fold(i, 9) + twice(s.items, i, i)
	}
	return t + loop(s, 5)
}

func main() {
	fmt.Println(run())
	fmt.Println(fold(3, 1), fold(-5, 2))
	fmt.Println(twice([]int{4, 5}, 1, 0))
}
