package main

import "fmt"

// Package variables initialized by functions with hot loops (tier-up and
// OSR while the package initializer runs), and package variables of every
// shape read and written by compiled code: structs, arrays indexed by a
// variable, strings, slices, interfaces reassigned mid-loop, and function
// variables whose target changes under a guarded call site.

type Op interface{ Apply(x int) int }

type Add struct{ k int }
type Mul struct{ k int }

func (a Add) Apply(x int) int  { return x + a.k }
func (m *Mul) Apply(x int) int { return x * m.k % 1000003 }

type Stats struct {
	n, sum int
	name   string
	hist   [8]int
}

var (
	primes  = sieve(20000)
	squares = table(5000)
	total   = sum(squares) + len(primes)
	label   = build(300)
	stats   Stats
	grid    [16][16]int
	cur     Op = Add{1}
	step        = func(x int) int { return x + 1 }
	ops     []Op
)

func sieve(n int) []int {
	comp := make([]bool, n+1)
	var ps []int
	for i := 2; i <= n; i++ {
		if comp[i] {
			continue
		}
		ps = append(ps, i)
		for j := i * i; j <= n; j += i {
			comp[j] = true
		}
	}
	return ps
}

func table(n int) []int {
	t := make([]int, n)
	for i := range t {
		t[i] = i * i % 9973
	}
	return t
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func build(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += string(rune('A' + i%26))
		if len(s) > 40 {
			s = s[len(s)-20:]
		}
	}
	return s
}

func record(v int) {
	stats.n++
	stats.sum += v
	stats.hist[v&7]++
	if v%1000 == 0 {
		stats.name = fmt.Sprint("v", v)
	}
}

func paint(r int) {
	for i := 0; i < 16; i++ {
		for j := 0; j < 16; j++ {
			grid[(i+r)&15][j] += i ^ j ^ r
		}
	}
}

func run(n int) int {
	x := n
	for i := 0; i < n; i++ {
		x = cur.Apply(x)
		x = step(x) % 1000003
		record(x)
		if i == n/2 {
			if _, ok := cur.(Add); ok {
				cur = &Mul{3}
				step = func(v int) int { return v - 2 }
			} else {
				cur = Add{7}
				step = func(v int) int { return v * 5 }
			}
		}
	}
	return x
}

func main() {
	fmt.Println(len(primes), primes[len(primes)-1], total, label)
	fmt.Println(run(100000), stats.n, stats.sum, stats.name, stats.hist)
	fmt.Println(run(50000), stats.n, stats.sum, stats.name, stats.hist)
	for r := 0; r < 500; r++ {
		paint(r)
	}
	fmt.Println(grid[0], grid[15][15], grid[7][3])
	for i := 0; i < 8; i++ {
		if i%3 == 0 {
			ops = append(ops, &Mul{i + 2})
		} else {
			ops = append(ops, Add{i})
		}
	}
	x := 5
	for i := 0; i < 200000; i++ {
		x = ops[i&7].Apply(x)
		if i == 100000 {
			ops[0], ops[1] = ops[1], ops[0]
		}
	}
	fmt.Println(x, len(ops))
}
