package main

import "fmt"

// mix is too big for Go's default inlining budget (80) and well under
// PGO's budget for hot call sites (2000): Go inlines its call in run only
// when the profile shows that call hot.
func mix(x, k int) int {
	h := x*31 + k
	h ^= h >> 7
	h *= 0x5bd1e995
	h ^= h >> 13
	h += k * 17
	h ^= h << 5
	h *= 0x2545f491
	h ^= h >> 11
	h += x ^ k
	h ^= h >> 3
	h *= 0x9e3779b1
	h ^= h >> 17
	h += x * 7
	h ^= h >> 9
	h *= 0x27d4eb2d
	h ^= h >> 15
	h += k << 3
	h ^= h >> 5
	h *= 0x165667b1
	h ^= h >> 12
	h += x - k
	h ^= h << 7
	h *= 0x61c88647
	h ^= h >> 19
	if h < 0 {
		h = -h
	}
	return h % 1000003
}

// A method on a concrete type: a direct call too.
type acc struct{ t int }

func (a *acc) add(v int) { a.t += v }

func run(n int) int {
	a := &acc{}
	for i := 0; i < n; i++ {
		a.add(mix(i, a.t&1023))
	}
	return a.t
}

func main() {
	fmt.Println(run(200000))
}
