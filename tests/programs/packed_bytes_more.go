// Packed bytes with the library and generics: sort, slices, bytes,
// bufio, utf8 into arrays, instantiations over byte, channels and
// interfaces of byte arrays, overlapping copies, appends that alias.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

type B byte

type Pair[T any] struct {
	A, B T
}

func rev[T any](s []T) []T {
	out := make([]T, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

func first[T any](s []T) *T { return &s[0] }

type Hdr struct {
	tag  [4]byte
	n    uint16
	flag bool
	id   [2]uint8
}

func main() {
	b := []byte("the quick brown fox")
	sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
	fmt.Printf("%q\n", b)
	c := []byte("zyxwvu")
	slices.Sort(c)
	fmt.Println(string(c), slices.Index(c, 'w'), slices.Contains(c, 'a'))
	fmt.Println(string(rev([]byte("abcdef"))), rev([]B{1, 2, 3}))
	p := Pair[byte]{'x', 'y'}
	q := Pair[[3]byte]{[3]byte{1, 2, 3}, [3]byte{4}}
	fmt.Println(p, q, p.A+p.B)
	*first(b) = '#'
	fmt.Println(string(b[:3]))
	arr := [6]byte{'a', 'b', 'c', 'd', 'e', 'f'}
	pa := &arr
	for i, v := range pa {
		if i%2 == 0 {
			pa[i] = v - 32
		}
	}
	fmt.Println(string(arr[:]), string(pa[1:4]))
	s := []byte("0123456789")
	copy(s[2:], s)
	fmt.Println(string(s))
	s = []byte("0123456789")
	copy(s, s[3:])
	fmt.Println(string(s))
	base := []byte("abcdefgh")
	x := append(base[:3], 'X', 'Y')
	fmt.Println(string(base), string(x), len(x), cap(x))
	y := append(base[:8:8], '!')
	y[0] = '?'
	fmt.Println(string(base), string(y))
	var h Hdr
	copy(h.tag[:], "GOPK")
	h.n = 513
	h.id[1] = 9
	h2 := h
	h2.tag[3] = 'X'
	fmt.Printf("%v %+v %x %s %v\n", h, h2, h.tag, h.tag[:], h == h2)
	fmt.Printf("%x %X % x %v %d\n", []byte{1, 171, 255}, [2]byte{10, 11}, []byte("hi"), [3]B{1, 2, 3}, []byte{7, 8})
	var buf bytes.Buffer
	buf.Write([]byte("line one\nline two\n"))
	buf.WriteRune('✓')
	line, _ := buf.ReadString('\n')
	rest := buf.Bytes()
	fmt.Printf("%q %q %d\n", line, rest, utf8.RuneCount(rest))
	sc := bufio.NewScanner(strings.NewReader("alpha beta\ngamma\n\ndelta"))
	n := 0
	for sc.Scan() {
		n++
		fmt.Println(n, sc.Text(), len(sc.Bytes()))
	}
	r := strings.NewReplacer("a", "4", "e", "3", "o", "0")
	fmt.Println(r.Replace("hello world, a test"))
	fmt.Println(strings.Map(func(r rune) rune { return r + 1 }, "HAL"), strings.ToUpper("mixed Case ß"))
	var enc [utf8.UTFMax]byte
	k := utf8.EncodeRune(enc[:], '世')
	fmt.Println(k, enc, string(enc[:k]))
	rb := utf8.AppendRune(nil, 'é')
	fmt.Println(rb, utf8.Valid(rb), utf8.Valid([]byte{0xff}))
	grid := [3][4]byte{}
	for i := 0; i < 3; i++ {
		for j := 0; j < 4; j++ {
			grid[i][j] = byte(i*4 + j)
		}
	}
	g2 := grid
	g2[2][3] = 100
	fmt.Println(grid, g2[2], grid == g2)
	big := make([]byte, 100000)
	for i := range big {
		big[i] = byte(i * 31)
	}
	sum := 0
	for _, v := range big {
		sum += int(v)
	}
	fmt.Println(sum, bytes.Count(big, []byte{0}), bytes.IndexByte(big, 200))
	fmt.Println(bytes.ToUpper([]byte("abc")), bytes.TrimSpace([]byte("  x  ")), bytes.Split([]byte("a,b,c"), []byte(",")))
	m := map[string][]byte{}
	m["k"] = append(m["k"], "val"...)
	fmt.Println(string(m["k"]), m)
	var iface any = [2]byte{3, 4}
	if a, ok := iface.([2]byte); ok {
		fmt.Println(a[1], iface)
	}
	ch := make(chan [3]byte, 2)
	ch <- [3]byte{7, 8, 9}
	fmt.Println(<-ch)
}
