package main

import (
	"fmt"
	"io"
	"strings"
)

// buildRow is called many times so the JIT tiers compile it.
func buildRow(i int) string {
	var b strings.Builder
	b.Grow(16)
	b.WriteString("row")
	b.WriteByte('-')
	for d := i; ; d /= 10 {
		b.WriteByte(byte('0' + d%10))
		if d < 10 {
			break
		}
	}
	b.WriteRune('→')
	b.WriteRune('é')
	return b.String()
}

func readerSum(s string) (int, int) {
	r := strings.NewReader(s)
	sum, runes := 0, 0
	for {
		c, size, err := r.ReadRune()
		if err == io.EOF {
			break
		}
		sum += int(c) * size
		runes++
	}
	return sum, runes
}

func main() {
	var b strings.Builder
	fmt.Println("empty:", b.Len(), fmt.Sprintf("%q", b.String()))
	b.Grow(64)
	fmt.Println("after grow:", b.Len(), b.Cap() >= 64)
	n, err := b.WriteString("héllo")
	fmt.Println("WriteString:", n, err, b.Len())
	err = b.WriteByte(' ')
	fmt.Println("WriteByte:", err, b.Len())
	for _, r := range []rune{'w', 'ö', '€', '😀', -1, 0x10FFFF + 1, 0xD800} {
		n, err = b.WriteRune(r)
		fmt.Println("WriteRune", r, "->", n, err)
	}
	k, err := b.Write([]byte{'!', '?'})
	fmt.Println("Write:", k, err)
	fmt.Printf("%q len=%d\n", b.String(), b.Len())
	b.Reset()
	fmt.Println("reset:", b.Len(), fmt.Sprintf("%q", b.String()))
	b.WriteString("again")
	fmt.Println(b.String())

	// Builder via io.Writer interface
	var w io.Writer = &b
	io.WriteString(w, fmt.Sprintf(" %d-%s", 42, "x"))
	io.WriteString(w, "!")
	fmt.Println(b.String())

	// Reader
	r := strings.NewReader("abcdefghij")
	fmt.Println("Len/Size:", r.Len(), r.Size())
	buf := make([]byte, 4)
	for {
		n, err := r.Read(buf)
		fmt.Printf("Read n=%d err=%v data=%q len=%d\n", n, err, buf[:n], r.Len())
		if err != nil {
			break
		}
	}
	pos, err := r.Seek(2, io.SeekStart)
	fmt.Println("Seek start:", pos, err)
	c, err := r.ReadByte()
	fmt.Println("ReadByte:", string(c), err)
	fmt.Println("UnreadByte:", r.UnreadByte())
	c, _ = r.ReadByte()
	fmt.Println("ReadByte again:", string(c))
	pos, err = r.Seek(-3, io.SeekEnd)
	fmt.Println("Seek end:", pos, err, r.Len())
	pos, err = r.Seek(1, io.SeekCurrent)
	fmt.Println("Seek cur:", pos, err, r.Len())
	pos, err = r.Seek(-100, io.SeekStart)
	fmt.Println("Seek neg:", pos, err)
	pos, err = r.Seek(100, io.SeekStart)
	fmt.Println("Seek past:", pos, err, r.Len())
	n, err = r.Read(buf)
	fmt.Println("Read past end:", n, err)
	c, err = r.ReadByte()
	fmt.Println("ReadByte at end:", c, err)

	r2 := strings.NewReader("")
	fmt.Println("UnreadByte at start:", r2.UnreadByte())
	fmt.Println("UnreadRune at start:", r2.UnreadRune())

	r3 := strings.NewReader("aé€😀\xffz")
	for {
		ch, size, err := r3.ReadRune()
		if err != nil {
			fmt.Println("ReadRune end:", err)
			break
		}
		fmt.Printf("ReadRune %q %U size=%d remaining=%d\n", ch, ch, size, r3.Len())
		if ch == '€' {
			fmt.Println("  UnreadRune:", r3.UnreadRune(), r3.Len())
			fmt.Println("  UnreadRune twice:", r3.UnreadRune())
			ch, size, _ = r3.ReadRune()
			fmt.Printf("  reread %q %d\n", ch, size)
		}
	}
	r3.Reset("xyz")
	all, err := io.ReadAll(r3)
	fmt.Printf("Reset+ReadAll: %q %v\n", all, err)

	// ReadAt
	r4 := strings.NewReader("0123456789")
	p := make([]byte, 3)
	for _, off := range []int64{0, 5, 8, 10, 12} {
		n, err := r4.ReadAt(p, off)
		fmt.Printf("ReadAt(%d) n=%d err=%v %q\n", off, n, err, p[:n])
	}
	_, err = r4.ReadAt(p, -1)
	fmt.Println("ReadAt(-1):", err)

	// WriteTo
	var sb strings.Builder
	r5 := strings.NewReader("write to builder")
	r5.ReadByte()
	wn, err := r5.WriteTo(&sb)
	fmt.Println("WriteTo:", wn, err, sb.String(), r5.Len())

	// hot loops
	total := 0
	last := ""
	for i := 0; i < 3000; i++ {
		s := buildRow(i)
		total += len(s)
		last = s
	}
	fmt.Println("hot builder:", total, last)
	sum, runes := 0, 0
	for i := 0; i < 2000; i++ {
		s, n := readerSum("héllo, wörld € 😀")
		sum += s
		runes += n
	}
	fmt.Println("hot reader:", sum, runes)
}
