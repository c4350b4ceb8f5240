// The optimizing tier's native forms of reslicing, append, string
// comparison, indexing and slicing (fast paths inline, the generic
// instruction as the slow path): growth, full slices, three-index
// slices, empty results, pointers kept at an empty capacity, and
// strings compared by every operator, including empty ones and ones
// that share a prefix.
package main

import "fmt"

type Stack struct {
	items []int
}

func (s *Stack) push(v int) { s.items = append(s.items, v) }

func (s *Stack) pop() int {
	n := len(s.items) - 1
	v := s.items[n]
	s.items = s.items[:n]
	return v
}

type Pair struct {
	k string
	v int
}

func pairs(n int) []Pair {
	var out []Pair
	for i := 0; i < n; i++ {
		out = append(out, Pair{fmt.Sprint("k", i%7), i})
	}
	return out
}

func three(xs []int, lo, hi, max int) []int { return xs[lo:hi:max] }

func tail(xs []int, lo int) []int { return xs[lo:] }

func head(xs []int, hi int) []int { return xs[:hi] }

func sub(s string, lo, hi int) string { return s[lo:hi] }

func from(s string, lo int) string { return s[lo:] }

func upto(s string, hi int) string { return s[:hi] }

func cmpAll(a, b string) [6]bool {
	return [6]bool{a == b, a != b, a < b, a <= b, a > b, a >= b}
}

func sumBytes(s string) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += int(s[i])
	}
	return t
}

// Constants of every length up to 8 bytes are compared inline (in
// pieces of 4, 2 and 1 bytes, or 8 at once); longer ones by the runtime.
func kind(s string) int {
	switch s {
	case "":
		return 1
	case "a":
		return 2
	case "ab":
		return 3
	case "abc":
		return 4
	case "\xff\xfe\xfd\xfc":
		return 5
	case "abcde":
		return 6
	case "abcdef":
		return 7
	case "abcdefg":
		return 8
	case "\xffbcdefgh":
		return 9
	case "abcdefghi":
		return 10
	}
	if "zz" != s {
		return 11
	}
	return 0
}

func appendMany(xs []int, a, b, c int) []int { return append(xs, a, b, c) }

func main() {
	st := &Stack{}
	total := 0
	for r := 0; r < 300; r++ {
		for i := 0; i < r%40; i++ {
			st.push(i * r)
		}
		for len(st.items) > 3 {
			total += st.pop()
		}
	}
	fmt.Println(total, len(st.items), cap(st.items) >= len(st.items))

	ps := pairs(50)
	fmt.Println(len(ps), ps[0], ps[49], ps[13].k)

	xs := make([]int, 6, 10)
	for i := range xs {
		xs[i] = i * i
	}
	for r := 0; r < 100; r++ {
		a := three(xs, 2, 4, 7)
		b := tail(xs, 6)
		c := head(xs, 10)
		d := three(xs, 10, 10, 10)
		e := tail(xs[:0], 0)
		if r == 99 {
			fmt.Println(a, len(a), cap(a), b, len(b), cap(b), c, len(c), cap(c), d, len(d), cap(d), e, len(e), cap(e))
		}
	}
	ys := appendMany(xs[:2:2], 7, 8, 9)
	zs := appendMany(xs[:2], 7, 8, 9)
	fmt.Println(ys, zs, xs)

	words := []string{"", "a", "ab", "abc", "abd", "b", "ba", "\xff", "a\x00"}
	n := 0
	for r := 0; r < 50; r++ {
		for _, a := range words {
			for _, b := range words {
				c := cmpAll(a, b)
				for k, x := range c {
					if x {
						n += k + 1
					}
				}
			}
		}
	}
	fmt.Println(n)
	for _, a := range words[:4] {
		fmt.Println(cmpAll(a, "ab"))
	}

	keys := []string{"", "a", "ab", "abc", "abd", "\xff\xfe\xfd\xfc", "\xff\xfe\xfd\xfd", "abcde", "abcdef", "abcdefg", "abcdefh", "\xffbcdefgh", "abcdefgh", "abcdefghi", "abcdefghj", "zz", "b"}
	kk := 0
	for r := 0; r < 100; r++ {
		for j, k := range keys {
			kk += kind(k) * (j + 1)
		}
	}
	fmt.Println(kk)
	for _, k := range keys {
		fmt.Print(kind(k), " ")
	}
	fmt.Println()

	s := "hello, world"
	t := 0
	for r := 0; r < 200; r++ {
		t += sumBytes(s[r%5:])
		t += len(sub(s, r%6, 6+r%6)) + len(from(s, r%12)) + len(upto(s, r%12))
	}
	fmt.Println(t, sub(s, 3, 9), from(s, 7), upto(s, 5), sub(s, 4, 4) == "", from(s, 12) == "")
}
