package main

import (
	"fmt"
	"strings"
	"unicode"
)

func rot13(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+13)%26
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+13)%26
	}
	return r
}

func dropVowels(r rune) rune {
	if strings.ContainsRune("aeiouAEIOU", r) {
		return -1
	}
	return r
}

// normalize is hot: lower-case, trim and collapse a word.
func normalize(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, ".,;:!?\"'")
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		if r == '-' {
			return -1
		}
		return r
	}, s)
}

func main() {
	inputs := []string{"Hello, World!", "héllo wörld", "ΑΒΓ αβγ Ωμέγα", "straße", "ǅungla ǈ ǋ", "İstanbul ı", "ÿ Ÿ ß ẞ", "", "MiXeD 123 _x_", "\xffab\xfe", "σς Σ ǆ", "ⓐⓑ Ⓒ", "ﬀ ﬁ"}
	for _, s := range inputs {
		fmt.Printf("%q upper=%q lower=%q title=%q\n", s, strings.ToUpper(s), strings.ToLower(s), strings.ToTitle(s))
	}
	fmt.Printf("Title: %q %q %q\n", strings.Title("hello wide-world o'neil"), strings.Title("héllo élan _x 1a"), strings.Title("ǆemal"))

	folds := [][2]string{
		{"Go", "GO"}, {"go", "gO"}, {"Gopher", "gopher!"}, {"straße", "STRASSE"}, {"straße", "STRAẞE"},
		{"σ", "Σ"}, {"ς", "Σ"}, {"ς", "σ"}, {"K", "\u212a"}, {"k", "\u212a"}, {"ǅ", "ǆ"}, {"Ǆ", "ǅ"},
		{"ÿ", "Ÿ"}, {"é", "É"}, {"", ""}, {"a", ""}, {"\xff", "\xff"}, {"\xff", "\uFFFD"},
		{"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, {"[", "{"}, {"@", "`"},
	}
	for _, p := range folds {
		fmt.Printf("EqualFold(%q,%q)=%v\n", p[0], p[1], strings.EqualFold(p[0], p[1]))
	}

	trims := []string{"  \t hello \n ", "xxhixx", "¡¡hola!!", "", "   ", "\u00a0nbsp\u3000", "\u0085x\u2028"}
	for _, s := range trims {
		fmt.Printf("%q: TrimSpace=%q Trim(x)=%q TrimLeft(x )=%q TrimRight(x )=%q Trim(¡!)=%q\n", s,
			strings.TrimSpace(s), strings.Trim(s, "x"), strings.TrimLeft(s, "x "), strings.TrimRight(s, "x "), strings.Trim(s, "¡!"))
	}
	fmt.Printf("Trim empty cutset: %q\n", strings.Trim("  a  ", ""))
	fmt.Printf("Trim invalid: %q %q\n", strings.Trim("\xffa\xff", "\xff"), strings.Trim("\xffa\uFFFD", "\uFFFD"))
	fmt.Printf("TrimLeft vs TrimPrefix: %q %q\n", strings.TrimLeft("abacus", "ab"), strings.TrimPrefix("abacus", "ab"))
	fmt.Printf("TrimRight vs TrimSuffix: %q %q\n", strings.TrimRight("filename.gogo", ".go"), strings.TrimSuffix("filename.gogo", ".go"))
	fmt.Printf("TrimPrefix no match: %q TrimSuffix no match: %q\n", strings.TrimPrefix("abc", "x"), strings.TrimSuffix("abc", "x"))
	fmt.Printf("TrimFunc digits: %q\n", strings.TrimFunc("123abc456", unicode.IsDigit))
	fmt.Printf("TrimFunc letters: %q\n", strings.TrimFunc("héllo123wörld", unicode.IsLetter))
	fmt.Printf("TrimLeftFunc: %q TrimRightFunc: %q\n", strings.TrimLeftFunc("  x  ", unicode.IsSpace), strings.TrimRightFunc("  x  ", unicode.IsSpace))
	fmt.Printf("TrimFunc all: %q\n", strings.TrimFunc("aaa", func(r rune) bool { return r == 'a' }))

	fmt.Printf("Map rot13: %q\n", strings.Map(rot13, "Hello, Gopher! é"))
	fmt.Printf("Map drop vowels: %q\n", strings.Map(dropVowels, "Programming in Go is fun"))
	fmt.Printf("Map expand: %q\n", strings.Map(func(r rune) rune {
		if r == 'a' {
			return '😀'
		}
		return r
	}, "banana"))
	fmt.Printf("Map identity: %q\n", strings.Map(func(r rune) rune { return r }, "same\xff"))
	fmt.Printf("Map invalid out: %q\n", strings.Map(func(r rune) rune {
		if r == 'x' {
			return 0xD800
		}
		return r
	}, "axb"))
	fmt.Printf("Map upper: %q\n", strings.Map(unicode.ToUpper, "ǆ ß ÿ"))

	fmt.Printf("Repeat: %q %q %q %q\n", strings.Repeat("ab", 3), strings.Repeat("é", 4), strings.Repeat("x", 0), strings.Repeat("", 5))
	fmt.Println("Repeat len:", len(strings.Repeat("abc", 1000)))

	fmt.Printf("ToValidUTF8: %q %q %q %q\n",
		strings.ToValidUTF8("a\xffb\xC0\xAFc\xff", "\uFFFD"),
		strings.ToValidUTF8("a\xff\xfeb", "?"),
		strings.ToValidUTF8("valid é", "?"),
		strings.ToValidUTF8("\xed\xa0\x80x\xf4\x90\x80\x80", ""))
	fmt.Printf("invalid upper/lower: %q %q\n", strings.ToUpper("a\xffb"), strings.ToLower("A\xc3B"))

	words := []string{"  Hello,", "WORLD!", "re-entry", "\"Quoted\"", "Straße.", "naïve;", "x"}
	total := 0
	last := ""
	for i := 0; i < 3000; i++ {
		w := normalize(words[i%len(words)])
		total += len(w)
		last = w
		if strings.EqualFold(w, "hello") {
			total += 100
		}
	}
	fmt.Println("hot normalize:", total, last)

	acc := 0
	for i := 0; i < 2000; i++ {
		u := strings.ToUpper(words[i%len(words)])
		acc += len(u) + len(strings.TrimLeft(u, " \"")) + len(strings.Map(rot13, u))
	}
	fmt.Println("hot upper:", acc)
}
