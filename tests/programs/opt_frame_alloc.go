package main

import "fmt"

// Objects that nothing else can reach live in the optimizing tier's
// frame instead of the heap (as Go's escape analysis puts them on the
// stack): a `make([]byte, n)` buffer turned into a string (its size
// known only at run time, so it fits the frame's buffer or not), a
// constant-size table indexed at run time, a table of pointers to heap
// objects that must survive collections while only the frame table
// holds them, and a table in every frame of a recursion.
// Every result must be as if each allocation were new and zeroed. Hot
// loops so that the functions are compiled; run with --gc-stress too by
// the test suite. Ends with makeslice's panic for a negative length.

type rng struct{ state uint64 }

func (r *rng) next() uint64 {
	x := r.state
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	r.state = x
	return x
}

// word makes a string of n letters in a fresh buffer (zeroed: the
// letters past `fill` stay '\x00' and are counted).
func word(r *rng, n, fill int) string {
	b := make([]byte, n)
	for i := 0; i < fill && i < n; i++ {
		b[i] = byte('a' + r.next()%26)
	}
	return string(b)
}

// histogram counts digits in a table of constant size indexed at run
// time.
func histogram(x uint64) int {
	counts := make([]int, 10)
	for x > 0 {
		counts[x%10]++
		x /= 10
	}
	best := 0
	for d, c := range counts {
		if c > counts[best] {
			best = d
		}
	}
	return best*100 + counts[best]
}

type node struct {
	val  int
	next *node
}

// chain builds two heap lists held only by a frame table (indexed at
// run time, so it stays an object), allocating enough garbage in
// between for collections to run.
func chain(k int) int {
	heads := make([]*node, 2)
	n := 0
	for i := 0; i < k; i++ {
		junk := make([]int, 64)
		junk[i%64] = i
		heads[i%2] = &node{junk[i%64] * (1 + i%2), heads[i%2]}
		n++
	}
	sum := 0
	for q := heads[0]; q != nil; q = q.next {
		sum += q.val
	}
	for q := heads[1]; q != nil; q = q.next {
		sum -= q.val
	}
	return sum*1000 + n
}

// depth keeps a frame object in every level of a recursion.
func depth(n int) int {
	t := make([]int, 4)
	t[n%4] = n
	if n == 0 {
		return t[0]
	}
	r := depth(n - 1)
	return r + t[n%4]*len(t)
}

func main() {
	r := &rng{88172645463325252}
	lens := 0
	zeros := 0
	h := 0
	for i := 0; i < 20000; i++ {
		w := word(r, i%13, i%11)
		lens += len(w)
		for j := 0; j < len(w); j++ {
			if w[j] == 0 {
				zeros++
			}
		}
		if len(w) > 0 {
			h = h*31 + int(w[len(w)/2])
		}
		h = h*31 + histogram(r.next())
		if i%4000 == 0 {
			fmt.Printf("%q\n", w)
		}
	}
	fmt.Println("lens", lens, "zeros", zeros, "h", h)
	for i := 0; i < 300; i++ {
		if v := chain(100 + i%7); i%50 == 0 {
			fmt.Println("chain", i, v)
		}
	}
	s := 0
	for i := 0; i < 3000; i++ {
		s += depth(i % 40)
	}
	fmt.Println("depth", s)
	n := -1
	if r.next() == 0 {
		n = 3
	}
	fmt.Println(len(word(r, n, 0)))
}
