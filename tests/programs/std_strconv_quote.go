package main

import (
	"fmt"
	"strconv"
)

// Quote, QuoteToASCII, QuoteToGraphic, QuoteRune*, Unquote, UnquoteChar,
// QuotedPrefix, CanBackquote, IsPrint and IsGraphic over many inputs,
// including invalid UTF-8, every escape form and malformed literals; then
// quote/unquote round trips of LCG byte strings.

var strs = []string{
	"", "abc", "a\"b", "a'b", "a\\b", "tab\there", "nl\nx", "cr\r", "bell\a\b\f\v",
	"\x00\x01\x1f\x7f", "\xff", "a\xc3", "\xc3\xa9", "é", "日本語", "\u00a0nbsp", "\u2028\u2029",
	"\U0001F600", "\u200b", "\ufeff", "\U0010ffff", "\ufffd", "`raw`", "\xed\xa0\x80", "~",
	"\u0300", "\u061c", "\u3000",
}

var runes = []rune{0, 'a', '\'', '"', '\\', '\n', '\t', 0x7f, 0x80, 0xa0, 0xe9, 0x2028,
	0xfeff, 0xffff, 0x10000, 0x1f600, 0x10ffff, 0x110000, -1, 0xd800, 0xfffd, 0x3000, 0x0300}

var unq = []string{
	`""`, `"abc"`, `"a\"b"`, `"a'b"`, `"a\'b"`, `'a'`, `'\''`, `'"'`, `'\"'`, `'ab'`, `''`,
	"`raw\\n`", "`a\rb`", "`no", `"\x41\101\u0041\U00000041"`, `"\x4"`, `"\400"`, `"\377"`,
	`"\8"`, `"\z"`, `"\uD800"`, `"\U00110000"`, `"\u00e9"`, `'\u00e9'`, `'\xff'`, `"\xff"`,
	`"a`, `a"`, `"`, `x`, `"a"b"`, "\"a\nb\"", `"\a\b\f\n\r\t\v\\"`, `'\x80'`, `'é'`,
	"'\xff'", "\"\xff\"", "\"\xc3\xa9\"", `"日本"`, `'日'`, `'日本'`, "`\xff`", `"\`, `'\`,
	`"tail"x`, `"\"`,
}

func main() {
	for _, s := range strs {
		fmt.Println(strconv.Quote(s), strconv.QuoteToASCII(s), strconv.QuoteToGraphic(s), strconv.CanBackquote(s))
	}
	fmt.Println(strconv.CanBackquote("a`b"), strconv.CanBackquote("a\tb"), strconv.CanBackquote("a\nb"), strconv.CanBackquote("\ufeff"))
	for _, r := range runes {
		fmt.Println(r, strconv.QuoteRune(r), strconv.QuoteRuneToASCII(r), strconv.QuoteRuneToGraphic(r),
			strconv.IsPrint(r), strconv.IsGraphic(r))
	}
	for _, s := range unq {
		v, err := strconv.Unquote(s)
		p, perr := strconv.QuotedPrefix(s + "rest")
		fmt.Printf("Unquote(%s) = %q %v | prefix %q %v\n", strconv.QuoteToASCII(s), v, err, p, perr)
	}
	for _, s := range []string{`\n`, `\x41z`, `\101z`, `\u00e9z`, `\U0001F600`, `\'`, `\"`, `'`, `"`,
		"é!", `\q`, `\`, ``, `\x4`, `\uD800`, "\xffz", `\777`, `\0`, `a`} {
		for _, q := range []byte{'"', '\'', 0} {
			v, mb, tail, err := strconv.UnquoteChar(s, q)
			fmt.Printf("UnquoteChar(%q,%q) = %q %v %q %v\n", s, q, v, mb, tail, err)
		}
	}
	printable, graphic := 0, 0
	for r := rune(0); r < 0x3100; r++ {
		if strconv.IsPrint(r) {
			printable++
		}
		if strconv.IsGraphic(r) {
			graphic++
		}
	}
	for r := rune(0x10000); r < 0x30000; r += 7 {
		if strconv.IsPrint(r) {
			printable++
		}
	}
	fmt.Println("printable", printable, "graphic", graphic)

	buf := strconv.AppendQuoteRune([]byte("r:"), '☺')
	buf = strconv.AppendQuoteRuneToASCII(buf, '☺')
	buf = strconv.AppendQuoteToASCII(buf, "☺\n")
	fmt.Println(string(buf))

	// LCG byte strings: quote, unquote, compare; hash the quoted forms.
	var h uint64 = 14695981039346656037
	x := uint64(12345)
	bad := 0
	alphabet := "ab\"\\'\n\t\x00\x7f\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80\xff\x80 z"
	for i := 0; i < 2500; i++ {
		n := i % 9
		b := make([]byte, 0, n)
		for j := 0; j < n; j++ {
			x = x*6364136223846793005 + 1442695040888963407
			b = append(b, alphabet[(x>>33)%uint64(len(alphabet))])
		}
		s := string(b)
		var q string
		switch i % 3 {
		case 0:
			q = strconv.Quote(s)
		case 1:
			q = strconv.QuoteToASCII(s)
		default:
			q = strconv.QuoteToGraphic(s)
		}
		back, err := strconv.Unquote(q)
		if err != nil {
			bad++
		} else if back != s {
			// invalid UTF-8 comes back as U+FFFD; count those separately
			h = (h ^ 0xabc) * 1099511628211
		}
		if strconv.CanBackquote(s) {
			if r, err := strconv.Unquote("`" + s + "`"); err != nil || len(r) > len(s) {
				bad++
			}
		}
		for j := 0; j < len(q); j++ {
			h = (h ^ uint64(q[j])) * 1099511628211
		}
	}
	fmt.Println("bad", bad, "hash", h)
}
