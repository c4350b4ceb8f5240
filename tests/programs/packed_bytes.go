// Packed bytes (bytecode::op::PACKED): []byte and [N]byte elements one byte
// each, through slices, pointers, frame arrays (constant and dynamic
// indexes, nested), struct fields, literals, maps, fmt, copy and append.
package main

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

type B uint8

type S struct {
	a   int
	buf [5]byte
	c   uint8
	d   [3][2]byte
}

func mod(p *byte) { *p += 3 }

func main() {
	b := []byte("hello, world")
	b[0] = 'H'
	b = append(b, '!', '?')
	b = append(b, " tail"...)
	fmt.Println(string(b), len(b), cap(b) >= len(b))
	fmt.Printf("%v %s %x %q\n", b[:3], b[:5], b[:4], b[7:])
	var arr [10]byte
	for i := range arr {
		arr[i] = byte(i * 7)
	}
	arr[3] += 100
	fmt.Println(arr, arr[9], len(arr))
	k := 4
	arr[k] = 250
	arr[k+1]++
	fmt.Println(arr[k], arr[k+1], arr)
	s := arr[2:6]
	s[0] = 1
	fmt.Println(s, arr)
	sl := arr[:]
	mod(&sl[9])
	fmt.Println(arr[9])
	x := uint8(5)
	mod(&x)
	fmt.Println(x)
	var st S
	st.buf[2] = 9
	st.c = 200
	st.d[1][1] = 44
	j := 1
	st.d[j][0] = 33
	fmt.Println(st, st.d[j])
	ps := &S{}
	ps.buf[4] = 77
	ps.d[2][j] = 88
	mod(&ps.buf[4])
	fmt.Printf("%+v\n", *ps)
	lit := [4]byte{1, 2, 3}
	lit2 := [...]B{4: 9, 1: 2}
	fmt.Println(lit, lit2, lit == [4]byte{1, 2, 3, 0}, lit != [4]byte{1, 2, 3, 4})
	m := map[[3]byte]int{{1, 2, 3}: 1, {0, 0, 1}: 2}
	m[[3]byte{1, 2, 3}] += 10
	fmt.Println(m, len(m))
	var buf bytes.Buffer
	buf.WriteString("abc")
	buf.WriteByte('d')
	fmt.Fprintf(&buf, "%d", 42)
	fmt.Println(buf.String(), buf.Len())
	var sb strings.Builder
	for i := 0; i < 20; i++ {
		sb.WriteString(strconv.Itoa(i))
		sb.WriteRune('é')
	}
	fmt.Println(sb.String())
	n := copy(b, "XY")
	fmt.Println(n, string(b[:4]))
	c := make([]byte, 3, 10)
	copy(c[1:], b)
	fmt.Println(c, len(c), cap(c))
	clear(c)
	fmt.Println(c)
	c = c[:cap(c)]
	fmt.Println(c, bytes.Equal(c[:2], []byte{0, 0}))
	var total int
	for i, v := range []byte("azAZ") {
		total += i * int(v)
	}
	for _, v := range arr {
		total += int(v)
	}
	fmt.Println(total)
	q := strconv.AppendInt(nil, -12345, 10)
	q = strconv.AppendQuote(q, "hi")
	fmt.Println(string(q))
	fields := bytes.Fields([]byte(" a bb  ccc "))
	fmt.Println(len(fields), string(fields[2]))
	u := []byte{}
	for i := 0; i < 300; i++ {
		u = append(u, byte(i))
	}
	fmt.Println(len(u), u[255], u[299], cap(u))
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	idx := 12
	fmt.Println(arr[idx%10], s[idx])
}
