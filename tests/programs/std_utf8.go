package main

import (
	"fmt"
	"unicode/utf8"
)

// countRunes is hot: decode s rune by rune.
func countRunes(s string) (int, int) {
	n, bad := 0, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		}
		n++
		i += size
	}
	return n, bad
}

func encodeAll(rs []rune) []byte {
	var out []byte
	for _, r := range rs {
		out = utf8.AppendRune(out, r)
	}
	return out
}

func main() {
	samples := []string{
		"", "a", "é", "€", "😀", "\xff", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xc0\x80", "\xc1\xbf",
		"\xe0\x80\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xee\x80\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80",
		"\xf5\x80\x80\x80", "\x80", "\xbf", "a\xffb", "é\x80", "\xf0\x90\x80\x80", "\xef\xbf\xbd", "\xc2\x80",
		"\xdf\xbf", "\xe0\xa0\x80", "\xf8\x88\x80\x80\x80",
	}
	for _, s := range samples {
		r, n := utf8.DecodeRuneInString(s)
		r2, n2 := utf8.DecodeRune([]byte(s))
		lr, ln := utf8.DecodeLastRuneInString(s)
		lr2, ln2 := utf8.DecodeLastRune([]byte(s))
		fmt.Printf("%-22q first=%U/%d %U/%d last=%U/%d %U/%d count=%d/%d valid=%v/%v full=%v/%v\n",
			s, r, n, r2, n2, lr, ln, lr2, ln2,
			utf8.RuneCountInString(s), utf8.RuneCount([]byte(s)),
			utf8.ValidString(s), utf8.Valid([]byte(s)),
			utf8.FullRuneInString(s), utf8.FullRune([]byte(s)))
	}

	runes := []rune{0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xfffd, 0xffff, 0x10000, 0x10ffff, 0x110000, -1, 0xd800, 0xdfff, 0xd7ff, 0xe000, 0x7fffffff}
	for _, r := range runes {
		buf := make([]byte, 4)
		n := utf8.EncodeRune(buf, r)
		fmt.Printf("%U: RuneLen=%d EncodeRune=%d % x ValidRune=%v AppendRune=% x\n", r, utf8.RuneLen(r), n, buf[:n], utf8.ValidRune(r), utf8.AppendRune([]byte("x"), r))
	}

	fmt.Println("RuneStart:", utf8.RuneStart('a'), utf8.RuneStart(0x80), utf8.RuneStart(0xbf), utf8.RuneStart(0xc3), utf8.RuneStart(0xff))
	fmt.Println("constants:", utf8.RuneError, utf8.RuneSelf, utf8.MaxRune, utf8.UTFMax)

	// Decoding forward and backward over a mixed string
	mixed := "aé€😀\xff\xe2\x82z\xed\xa0\x80!"
	fmt.Print("forward:")
	for i := 0; i < len(mixed); {
		r, n := utf8.DecodeRuneInString(mixed[i:])
		fmt.Printf(" %U/%d", r, n)
		i += n
	}
	fmt.Println()
	fmt.Print("backward:")
	for j := len(mixed); j > 0; {
		r, n := utf8.DecodeLastRuneInString(mixed[:j])
		fmt.Printf(" %U/%d", r, n)
		j -= n
	}
	fmt.Println()
	fmt.Print("range:")
	for i, r := range mixed {
		fmt.Printf(" %d:%U", i, r)
	}
	fmt.Println()
	fmt.Println("count mixed:", utf8.RuneCountInString(mixed), len([]rune(mixed)))

	// FullRune on prefixes of a 4-byte rune
	four := []byte("😀")
	for i := 0; i <= 4; i++ {
		fmt.Printf("FullRune(%d bytes)=%v ", i, utf8.FullRune(four[:i]))
	}
	fmt.Println()
	fmt.Println("FullRune invalid lead:", utf8.FullRune([]byte{0xff}), utf8.FullRune([]byte{0xe2}), utf8.FullRuneInString("\xc3"), utf8.FullRuneInString("\xed\xa0"))

	// Round trip
	rs := []rune{'G', 'o', ' ', 'é', '世', '界', '😀', 0xd800, 0x110000}
	enc := encodeAll(rs)
	fmt.Printf("encoded: % x valid=%v count=%d\n", enc, utf8.Valid(enc), utf8.RuneCount(enc))
	fmt.Printf("as string: %q\n", string(enc))

	// Valid on longer ASCII and mixed
	long := make([]byte, 0, 300)
	for i := 0; i < 100; i++ {
		long = append(long, byte('a'+i%26))
	}
	fmt.Println("long ascii valid:", utf8.Valid(long))
	long = append(long, 0xe2, 0x82)
	fmt.Println("long truncated valid:", utf8.Valid(long))
	long = append(long, 0xac)
	fmt.Println("long completed valid:", utf8.Valid(long), utf8.RuneCount(long))

	// hot loop
	text := "héllo, wörld — 世界 😀 \xff\xfe end"
	tn, tb := 0, 0
	for i := 0; i < 3000; i++ {
		n, bad := countRunes(text)
		tn += n
		tb += bad
	}
	fmt.Println("hot decode:", tn, tb)
	sz := 0
	for i := 0; i < 3000; i++ {
		e := encodeAll([]rune{rune(i), rune(i * 37), rune(i * 1009)})
		sz += len(e)
		if utf8.Valid(e) {
			sz++
		}
		r, _ := utf8.DecodeLastRune(e)
		sz += utf8.RuneLen(r)
	}
	fmt.Println("hot encode:", sz)
}
