package main

import "fmt"

// Loops whose guarded site's calls compiled code may count by the loop's
// trips instead of one by one (the site runs once per trip), beside loops
// where it may not (the site under an `if`, a `break`, a step of two, a
// site in an inner loop): every site's calls must come out as the
// interpreter counts them, whatever the tier.

type Op interface{ Do(x int) int }
type Add struct{ k int }
type Mul struct{ k int }
type Neg struct{}

func (a *Add) Do(x int) int { return x + a.k }
func (m *Mul) Do(x int) int { return x * m.k }
func (Neg) Do(x int) int    { return -x }

// The site once per trip: counted by trips.
func plain(ops []Op, lo, hi int) int {
	s := 0
	for i := lo; i < hi; i++ {
		s += ops[i&7].Do(i)
	}
	return s
}

// Work before the site, in a diamond: the site still runs once per trip.
func diamond(ops []Op, n int) int {
	s := 0
	for i := 0; i < n; i++ {
		if i%3 == 0 {
			s += 2
		} else {
			s--
		}
		s += ops[i&7].Do(s & 255)
		s &= 0xFFFFFF
	}
	return s
}

// The site under an `if`: counted one by one.
func guarded(ops []Op, n int) int {
	s := 0
	for i := 0; i < n; i++ {
		if i%5 != 0 {
			s += ops[i&7].Do(i)
		}
	}
	return s
}

// A loop left by `break`: counted one by one.
func early(ops []Op, n, stop int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += ops[i&7].Do(i)
		if s > stop {
			break
		}
	}
	return s
}

// A step of two.
func stride(ops []Op, n int) int {
	s := 0
	for i := 0; i < n; i += 2 {
		s += ops[i&7].Do(i)
	}
	return s
}

// The site in the outer loop, an inner loop after it.
func outer(ops []Op, n, m int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += ops[i&7].Do(i)
		for j := 0; j < m; j++ {
			s += j
		}
	}
	return s
}

// The site in the inner loop.
func inner(ops []Op, n, m int) int {
	s := 0
	for i := 0; i < n; i++ {
		for j := i; j < i+m; j++ {
			s += ops[j&7].Do(j)
		}
	}
	return s
}

// A loop counting down.
func down(ops []Op, n int) int {
	s := 0
	for i := n; i > 0; i-- {
		s += ops[i&7].Do(i)
	}
	return s
}

func main() {
	mono := make([]Op, 8)
	mixed := make([]Op, 8)
	for j := 0; j < 8; j++ {
		mono[j] = &Add{j}
		mixed[j] = &Add{j}
	}
	// One trip in eight misses (another type), one in eight a third.
	mixed[3] = &Mul{3}
	mixed[6] = Neg{}
	t := 0
	for r := 0; r < 40; r++ {
		t += plain(mono, r, r+5000)
		t += plain(mixed, -r, 3000)
		t += diamond(mixed, 4000+r)
		t += guarded(mono, 3000)
		t += early(mixed, 5000, 1000000+r*10000)
		t += stride(mono, 4000)
		t += outer(mixed, 500, 7)
		t += inner(mono, 300, 1+r%9)
		t += down(mixed, 3000+r)
		t &= 0xFFFFFFFFFF
	}
	fmt.Println(t)
}
