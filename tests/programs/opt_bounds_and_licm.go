package main

import "fmt"

// Bounds checks the optimizing tier proves away and loop-invariant code it
// moves out of loops, with the edge cases that must keep their checks and
// loads: lengths that change in the loop, stores to what the loop reads,
// nil pointers in loops that do not run.

type Box struct {
	k    int
	vals []int
}

var scale = 3

func sum(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]
	}
	return t
}

func sumFrom(s []int, lo int) int {
	t := 0
	for i := 2; i < len(s); i++ {
		t += s[i] * lo
	}
	return t
}

func sumRange(s []int) int {
	t := 0
	for i := range s {
		t += s[i] ^ i
	}
	return t
}

func sumN(s []int) int {
	t := 0
	n := len(s)
	for i := 0; i < n; i++ {
		if s[i] < 0 {
			continue
		}
		t += s[i]
	}
	return t
}

func dot(a []int) int {
	b := a[:len(a)]
	t := 0
	for i := 0; i < len(a); i++ {
		t += a[i] * b[i]
	}
	return t
}

func masked(s []int, n int) int {
	_ = s[1023]
	t := 0
	for i := 0; i < n; i++ {
		t += s[i&1023]
	}
	return t
}

func down(s []int) int {
	t := 0
	for i := len(s) - 1; i >= 0; i-- {
		t += s[i] * i
	}
	return t
}

func shrinking(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]
		if i%3 == 0 {
			s = s[:len(s)-1]
		}
	}
	return t + len(s)
}

func stepTwo(s []int) int {
	t := 0
	for i := 0; i < len(s); i += 2 {
		t += s[i]
	}
	return t
}

func bytesOf(str string) int {
	t := 0
	for i := 0; i < len(str); i++ {
		t = t*31 + int(str[i])
	}
	return t
}

func grid(m [][]int) int {
	t := 0
	for i := 0; i < len(m); i++ {
		row := m[i]
		for j := 0; j < len(row); j++ {
			t += row[j] * (i + 1)
		}
	}
	return t
}

func fill(s []int, k int) {
	for i := 0; i < len(s); i++ {
		s[i] = k*7 + i + scale
	}
}

func invariantLoad(b *Box, n int) int {
	t := b.k
	for i := 0; i < n; i++ {
		t += b.k*2 + scale
	}
	return t
}

func storeInLoop(b *Box, n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += b.k
		b.k = i
	}
	return t
}

func globalInLoop(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += scale
		if i == 5 {
			scale = 10
		}
	}
	return t
}

func maybeNil(b *Box, n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += b.k
	}
	return t
}

func boxVals(b *Box) int {
	t := 0
	for i := 0; i < len(b.vals); i++ {
		t += b.vals[i] + b.k
	}
	return t
}

func pick(a []int, n int) int {
	t := -1
	if n >= 0 && n < len(a) {
		t = a[n]
	}
	if n < 0 || n >= len(a) {
		return t
	}
	return t + a[n]
}

func frame(n int) int {
	var a [16]int
	var m [4][4]int
	for i := 0; i < n; i++ {
		a[i&15] += i
		m[i&3][(i>>2)&3] += a[i&15]
	}
	return a[3] + m[1][2]
}

func main() {
	s := make([]int, 1024)
	for i := range s {
		s[i] = i*5 - 900
	}
	fmt.Println(sum(s), sum(nil), sum(s[:1]))
	fmt.Println(sumFrom(s, 3), sumFrom(s[:2], 3), sumFrom(s[:3], 3))
	fmt.Println(sumRange(s), sumN(s), sumN(s[:0]))
	fmt.Println(dot(s), dot(s[10:20]))
	fmt.Println(masked(s, 5000), masked(s, 0))
	fmt.Println(down(s), down(nil))
	c := make([]int, 20)
	copy(c, s)
	fmt.Println(shrinking(c), stepTwo(s), stepTwo(s[:5]))
	fmt.Println(bytesOf("hello, world"), bytesOf(""))
	fmt.Println(grid([][]int{s[:3], nil, s[5:9], s[:1]}))
	f := make([]int, 6)
	fill(f, 2)
	fmt.Println(f)
	b := &Box{k: 4, vals: s[:7]}
	fmt.Println(invariantLoad(b, 10), invariantLoad(b, 0))
	fmt.Println(storeInLoop(b, 6), b.k)
	fmt.Println(globalInLoop(10), scale)
	fmt.Println(maybeNil(nil, 0), maybeNil(b, 3))
	fmt.Println(boxVals(b))
	fmt.Println(frame(100))
	fmt.Println(pick(s, -1), pick(s, 0), pick(s, 1023), pick(s, 1024), pick(nil, 0))
}
