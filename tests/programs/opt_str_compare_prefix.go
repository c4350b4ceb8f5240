package main

import "fmt"

// String ordering in compiled code: pairs that differ in the first
// byte, in the next three, or only later, strings of 0 to 9 bytes,
// prefixes of each other, bytes above 0x7f (compared unsigned), through
// <, <=, >, >= and an insertion sort. Hot loops, so that the functions
// are compiled.

var alphabet = []string{"", "a", "b", "\x7f", "\x80", "\xff", "ab", "aa", "abc", "abd",
	"abcd", "abce", "abcc", "abcde", "abcdf", "abdd", "b\x00", "aaaa", "aaab",
	"zzzzzzzz", "zzzzzzzy", "zzzz\xffzzz", "abcdefghi", "abcdefgh", "abcdefgi"}

func cmp(a, b string) int {
	r := 0
	if a < b {
		r |= 1
	}
	if a <= b {
		r |= 2
	}
	if a > b {
		r |= 4
	}
	if a >= b {
		r |= 8
	}
	return r
}

type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s ^= r.s << 13
	r.s ^= r.s >> 7
	r.s ^= r.s << 17
	return r.s
}

// word: a shared prefix of p bytes, then random bytes from a small set.
func word(r *rng, p int) string {
	b := make([]byte, p+int(r.next()%5))
	for i := range b {
		if i < p {
			b[i] = "mmmmmm"[i]
		} else {
			b[i] = "lmn\xf0"[r.next()%4]
		}
	}
	return string(b)
}

func sort(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func main() {
	h := 0
	for round := 0; round < 40; round++ {
		for _, a := range alphabet {
			for _, b := range alphabet {
				h = h*7 + cmp(a, b)
			}
		}
	}
	fmt.Println("table", h)
	r := &rng{2463534242}
	for p := 0; p <= 6; p++ {
		s := make([]string, 300)
		for i := range s {
			s[i] = word(r, p)
		}
		sort(s)
		ok := true
		for i := 1; i < len(s); i++ {
			if s[i] < s[i-1] {
				ok = false
			}
		}
		fmt.Printf("prefix %d: %q %q %q %v\n", p, s[0], s[150], s[299], ok)
	}
}
