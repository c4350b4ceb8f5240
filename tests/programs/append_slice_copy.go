// append(s, t...) within capacity copies t's elements in place: short
// copies of every length around the inline cut-offs (1, 2, 4, 8, 16
// bytes), long ones, words and multi-word elements, strings' bytes,
// overlapping source and destination, empty and nil operands, slices held
// in struct fields and through pointers, and appends that grow.
package main

import (
	"fmt"
	"strings"
)

type pair struct {
	a int
	b string
}

type buf struct {
	n    int
	data []byte
	ws   []int
}

func (b *buf) write(s string) { b.data = append(b.data, s...) }

func (b *buf) writeInts(xs []int) { b.ws = append(b.ws, xs...) }

func checksum(b []byte) int {
	h := 0
	for i, c := range b {
		h = h*31 + int(c) + i
		h &= 0xffffff
	}
	return h
}

func bytesOfEveryLength() {
	src := []byte("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP")
	for n := 0; n <= 40; n++ {
		dst := make([]byte, 3, 64)
		copy(dst, "xyz")
		dst = append(dst, src[:n]...)
		fmt.Println(n, len(dst), cap(dst), string(dst))
	}
	// From a string, every length, into a buffer that never grows.
	s := string(src)
	out := make([]byte, 0, 1024)
	for n := 0; n <= 40; n++ {
		out = append(out, s[n:n+n%9]...)
	}
	fmt.Println(len(out), checksum(out))
}

func overlapping() {
	for shift := 0; shift < 12; shift++ {
		for n := 0; n < 20; n++ {
			b := []byte("0123456789abcdefghijklmnopqrstuvwxyz")
			// The source starts before the destination and overlaps it.
			t := append(b[:shift+n/2], b[shift:shift+n]...)
			fmt.Print(string(t), " ")
		}
		fmt.Println()
	}
	// Deleting from the middle: Go's idiom, source after destination.
	w := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	for len(w) > 1 {
		i := len(w) / 3
		w = append(w[:i], w[i+1:]...)
		fmt.Println(w)
	}
	// Appending a slice to itself, with room.
	x := make([]int, 3, 10)
	x[0], x[1], x[2] = 7, 8, 9
	x = append(x, x...)
	fmt.Println(x, len(x), cap(x))
	x = append(x[:2], x...)
	fmt.Println(x, len(x), cap(x))
}

func wordsAndStructs() {
	ps := make([]pair, 0, 8)
	more := []pair{{1, "one"}, {2, "two"}, {3, "three"}}
	ps = append(ps, more...)
	ps = append(ps, more[1:]...)
	more[0].b = "changed"
	fmt.Println(ps, len(ps), cap(ps))
	ps = append(ps, ps[:4]...)
	fmt.Println(ps, len(ps), cap(ps))
	fs := make([]float64, 1, 100)
	for i := 0; i < 12; i++ {
		fs = append(fs, []float64{float64(i) / 2, -float64(i)}...)
	}
	fmt.Println(fs, len(fs), cap(fs))
	var ss []string
	for i := 0; i < 6; i++ {
		ss = append(ss, strings.Fields("a bb ccc dddd")[i%4:]...)
	}
	fmt.Println(ss, len(ss))
}

func inFields() {
	var b buf
	for i := 0; i < 200; i++ {
		b.write("w")
		b.write(fmt.Sprint(i))
		b.write(" ")
		b.writeInts([]int{i, i * i})
	}
	fmt.Println(len(b.data), checksum(b.data), len(b.ws), b.ws[len(b.ws)-4:])
	p := &b
	p.data = p.data[:5]
	p.data = append(p.data, p.data...)
	fmt.Println(string(p.data), cap(p.data) >= 10)
	var sb strings.Builder
	for i := 0; i < 300; i++ {
		sb.WriteString("ab")
		sb.WriteString(strings.Repeat("z", i%19))
	}
	s := sb.String()
	fmt.Println(len(s), s[len(s)-30:])
}

func emptyAndNil() {
	var a []int
	a = append(a, a...)
	fmt.Println(a == nil, len(a))
	var e []int
	a = append(a, e...)
	fmt.Println(a == nil, len(a))
	a = append([]int{}, a...)
	fmt.Println(a == nil, len(a))
	var bs []byte
	bs = append(bs, ""...)
	fmt.Println(bs == nil, len(bs))
	bs = append(bs, "q"...)
	fmt.Println(string(bs), len(bs))
}

func main() {
	bytesOfEveryLength()
	overlapping()
	wordsAndStructs()
	inFields()
	emptyAndNil()
}
