package main

import "fmt"

// Arrays held in the frame, indexed at run time in hot loops: words,
// floats, strings, structs of several words and pointers (which the
// collector must still see while the loop allocates), then an index out
// of range with Go's message.

type cell struct {
	n    int
	w    float64
	name string
}

type node struct {
	v    int
	next *node
}

func histogram(n int) [8]int {
	var h [8]int
	x := 12345
	for i := 0; i < n; i++ {
		x = x*1103515245 + 12345
		h[(x>>16)&7]++
	}
	return h
}

func floats(n int) float64 {
	var f [5]float64
	for i := 0; i < n; i++ {
		f[i%5] += float64(i) * 0.5
		f[(i+2)%5] = f[(i+2)%5]*0.5 - f[i%5]/3
	}
	return f[0] + f[1] + f[2] + f[3] + f[4]
}

func cells(n int) (int, float64, string) {
	var c [3]cell
	names := []string{"a", "bb", "ccc"}
	for i := 0; i < n; i++ {
		k := i % 3
		c[k].n += i
		c[k].w += float64(k) / 4
		c[k].name = names[(i/3)%3]
	}
	total := 0
	w := 0.0
	s := ""
	for k := 0; k < 3; k++ {
		total += c[k].n
		w += c[k].w
		s += c[k].name
	}
	return total, w, s
}

func lists(n int) int {
	var heads [4]*node
	for i := 0; i < n; i++ {
		k := i & 3
		heads[k] = &node{i, heads[k]}
		if i%1000 == 999 {
			heads[(k+1)&3] = nil
		}
	}
	sum := 0
	for k := 0; k < 4; k++ {
		for p := heads[k]; p != nil; p = p.next {
			sum += p.v
		}
	}
	return sum
}

func strs(n int) string {
	var s [4]string
	words := []string{"x", "yy", "zzz"}
	for i := 0; i < n; i++ {
		s[i&3] = words[i%3] + s[(i+1)&3][:0]
	}
	return s[0] + s[1] + s[2] + s[3]
}

func pick(i int) int {
	var a [6]int
	for k := 0; k < 6; k++ {
		a[k] = k * k
	}
	return a[i]
}

func main() {
	fmt.Println(histogram(200000))
	fmt.Println(floats(100000))
	fmt.Println(cells(90000))
	fmt.Println(lists(50000))
	fmt.Println(strs(30000))
	sum := 0
	for i := 0; i < 20000; i++ {
		sum += pick(i % 6)
	}
	fmt.Println(sum)
	fmt.Println(pick(sum%7 + 6))
}
