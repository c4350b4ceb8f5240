package main

import "fmt"

// Allocations that nothing else can reach are given back to the heap by
// the optimizing tier right after their last use (`b := make([]byte, n)`
// filled and turned into a string, a struct used through its pointer in
// a loop): the next allocation reuses the slot at once. Every string
// made from such a buffer must survive the buffer's reuse; buffers that
// escape (kept in a slice, returned, stored in a package variable,
// passed to a function) must never be given back. Hot loops so that the
// functions are compiled; run with --gc-stress too by the test suite.

type rng struct{ state uint64 }

func (r *rng) next() uint64 {
	x := r.state
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	r.state = x
	return x
}

func (r *rng) word() string {
	b := make([]byte, 3+int(r.next()%9))
	for i := range b {
		b[i] = byte('a' + r.next()%26)
	}
	return string(b)
}

var kept [][]byte

// The buffer escapes into a package variable on one call in 64.
func (r *rng) maybeKeep() string {
	b := make([]byte, 2+int(r.next()%5))
	for i := range b {
		b[i] = byte('A' + r.next()%26)
	}
	if r.next()%64 == 0 {
		kept = append(kept, b)
	}
	return string(b)
}

func fill(b []byte, c byte) {
	for i := range b {
		b[i] = c
	}
}

// Passed to a function: escapes.
func passed(n int) string {
	b := make([]byte, n)
	fill(b, 'z')
	return string(b)
}

// Returned: escapes.
func returned(n int) []byte {
	b := make([]byte, n)
	b[0] = 'r'
	return b
}

type acc struct{ sum, count int }

// A struct used through its pointer in a loop, then read once more.
func average(xs []int) int {
	a := &acc{}
	for _, x := range xs {
		a.sum += x
		a.count++
	}
	if a.count == 0 {
		return 0
	}
	return a.sum / a.count
}

func main() {
	r := &rng{88172645463325252}
	words := make([]string, 0, 4000)
	for i := 0; i < 200000; i++ {
		w := r.word()
		if i%50 == 0 {
			words = append(words, w)
		}
	}
	h := 0
	for _, w := range words {
		for j := 0; j < len(w); j++ {
			h = h*31 + int(w[j])
		}
	}
	fmt.Println(len(words), words[0], words[1], words[len(words)-1], h)
	m := 0
	for i := 0; i < 100000; i++ {
		m += len(r.maybeKeep())
	}
	k := 0
	for _, b := range kept {
		for _, c := range b {
			k = k*7 + int(c)
		}
	}
	fmt.Println(m, len(kept), k)
	p := 0
	var rs [][]byte
	for i := 1; i < 30000; i++ {
		p += len(passed(i%7 + 1))
		if i%1000 == 0 {
			rs = append(rs, returned(i%5+1))
		}
	}
	fmt.Println(p, len(rs), string(rs[3]), len(rs[3]))
	xs := []int{3, 1, 4, 1, 5, 9, 2, 6}
	t := 0
	for i := 0; i < 100000; i++ {
		t += average(xs[:i%9])
	}
	fmt.Println(t)
}
