package main

import (
	"fmt"
	"unicode"
)

func b(v bool) byte {
	if v {
		return '1'
	}
	return '.'
}

func classes(r rune) string {
	out := []byte{
		b(unicode.IsLetter(r)), b(unicode.IsDigit(r)), b(unicode.IsNumber(r)), b(unicode.IsSpace(r)),
		b(unicode.IsUpper(r)), b(unicode.IsLower(r)), b(unicode.IsTitle(r)), b(unicode.IsPunct(r)),
		b(unicode.IsSymbol(r)), b(unicode.IsControl(r)), b(unicode.IsPrint(r)), b(unicode.IsGraphic(r)),
		b(unicode.IsMark(r)),
	}
	return string(out)
}

// classify is hot: it sums class bits over many runes.
func classify(r rune) int {
	n := 0
	if unicode.IsLetter(r) {
		n += 1
	}
	if unicode.IsDigit(r) {
		n += 2
	}
	if unicode.IsSpace(r) {
		n += 4
	}
	if unicode.IsUpper(r) {
		n += 8
	}
	if unicode.IsLower(r) {
		n += 16
	}
	if unicode.IsPunct(r) {
		n += 32
	}
	if unicode.IsPrint(r) {
		n += 64
	}
	return n + int(unicode.ToUpper(r)-r) + int(unicode.ToLower(r)-r)
}

func main() {
	fmt.Println("legend: Letter Digit Number Space Upper Lower Title Punct Symbol Control Print Graphic Mark")
	runes := []rune{
		'a', 'Z', '0', '9', ' ', '\t', '\n', '\v', '\f', '\r', 0, 0x7f, '!', '_', '-', '$', '+', '<', '^', '`', '~', '@',
		0x85, 0xa0, 0xa7, 0xa9, 0xab, 0xb2, 0xb5, 0xbc, 0xbf, 0xc0, 0xd7, 0xdf, 0xe9, 0xf7, 0xff, 0xad,
		'Ā', 'ı', 'İ', 'ǅ', 'ǆ', 'Ǆ', 'Σ', 'σ', 'ς', 'Ω', 'Ж', 'ж', 'א', '中', 'ー', '한',
		'٣', '०', '௫', 'Ⅻ', 'ⅻ', '½', '€', '→', '∑', '😀', '♥', '\u0301', '\u064B', '\u0903',
		'\u2000', '\u2028', '\u2029', '\u200b', '\u3000', '\ufeff', 0x1F, 0x80, 0x9f, 0xe000, 0xfffd,
		0x10ffff, 0x110000, -1, 0xd800, 'ẞ', 'K', 'Ⓐ', 'ⓐ', 'ǈ', 'ﬁ', '〔', '¿', '«', '′',
	}
	for _, r := range runes {
		fmt.Printf("%-10U %s up=%U lo=%U ti=%U\n", r, classes(r), unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r))
	}

	fmt.Println("To:", unicode.To(unicode.UpperCase, 'q'), unicode.To(unicode.LowerCase, 'Q'), unicode.To(unicode.TitleCase, 'ǆ'), unicode.To(unicode.MaxCase, 'x'))

	fmt.Println("SimpleFold:")
	for _, r := range []rune{'A', 'a', 'K', 'k', '\u212A', '1', 'é', 'É', 'ÿ', 'Ÿ', 'Σ', 'σ', 'ς', 'ß', 'ẞ', 'ǅ', 'Ǆ', 'ǆ', 'µ', 'Μ', 'μ', 'ı', 'İ', 'Ж', 'ж', -2, 0x110000} {
		fmt.Printf("  %U ->", r)
		x := r
		for i := 0; i < 5; i++ {
			x = unicode.SimpleFold(x)
			fmt.Printf(" %U", x)
			if x == r {
				break
			}
		}
		fmt.Println()
	}

	// ASCII sweep: counts per class
	var counts [13]int
	for r := rune(0); r < 0x300; r++ {
		c := classes(r)
		for i := 0; i < len(c); i++ {
			if c[i] == '1' {
				counts[i]++
			}
		}
	}
	fmt.Println("class counts 0..0x2ff:", counts)

	up, lo := 0, 0
	for r := rune(0); r < 0x600; r++ {
		if unicode.ToUpper(r) != r {
			up++
		}
		if unicode.ToLower(r) != r {
			lo++
		}
	}
	fmt.Println("case-changing runes below 0x600:", up, lo)

	fmt.Println("constants:", unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1)

	// hot loop
	total := 0
	for i := 0; i < 4000; i++ {
		total += classify(rune(i % 700))
	}
	fmt.Println("hot classify:", total)
}
