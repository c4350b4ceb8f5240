package main

import (
	"fmt"
	"strings"
	"unicode"
)

func isVowel(r rune) bool { return strings.ContainsRune("aeiouAEIOUéö", r) }

// countMatches is hot: it is called thousands of times.
func countMatches(hay string, needles []string) int {
	n := 0
	for _, nd := range needles {
		if strings.Contains(hay, nd) {
			n++
		}
		n += strings.Count(hay, nd)
		if i := strings.Index(hay, nd); i >= 0 {
			n += i
		}
		if j := strings.LastIndex(hay, nd); j >= 0 {
			n += j
		}
	}
	return n
}

func main() {
	s := "chicken kitchen héllo wörld 😀 chicken"
	for _, sub := range []string{"chicken", "ken", "kit", "dmr", "", "wörld", "😀", "n", "chicken kitchen héllo wörld 😀 chicken!", "o w"} {
		fmt.Printf("%q: Index=%d LastIndex=%d Contains=%v Count=%d\n", sub,
			strings.Index(s, sub), strings.LastIndex(s, sub), strings.Contains(s, sub), strings.Count(s, sub))
	}
	fmt.Println("Count empty sep:", strings.Count("five", ""), strings.Count("héllo", ""), strings.Count("", ""))
	fmt.Println("Count overlapping:", strings.Count("aaaa", "aa"), strings.Count("cheese", "e"))
	fmt.Println("Index on empty:", strings.Index("", "a"), strings.Index("", ""), strings.LastIndex("", ""), strings.LastIndex("abc", ""))

	for _, c := range []byte{'c', 'k', 'z', 'h', 0xC3} {
		fmt.Printf("IndexByte(%q)=%d LastIndexByte=%d\n", c, strings.IndexByte(s, c), strings.LastIndexByte(s, c))
	}
	for _, r := range []rune{'c', 'é', 'ö', '😀', 'Z', utf8Error(), 0xD800, -1} {
		fmt.Printf("IndexRune(%U)=%d ContainsRune=%v\n", r, strings.IndexRune(s, r), strings.ContainsRune(s, r))
	}
	fmt.Println("IndexRune RuneError on invalid:", strings.IndexRune("ab\xffc", utf8Error()), strings.IndexRune("ab\uFFFDc", utf8Error()))

	for _, chars := range []string{"xyz", "kz", "öé", "", "😀a", "\xff"} {
		fmt.Printf("IndexAny(%q)=%d LastIndexAny=%d ContainsAny=%v\n", chars,
			strings.IndexAny(s, chars), strings.LastIndexAny(s, chars), strings.ContainsAny(s, chars))
	}
	fmt.Println("IndexAny invalid:", strings.IndexAny("ab\xffc", "\uFFFD"), strings.LastIndexAny("a\xffb\xff", "\uFFFD"))

	fmt.Println("IndexFunc vowel:", strings.IndexFunc(s, isVowel), strings.LastIndexFunc(s, isVowel))
	fmt.Println("IndexFunc upper:", strings.IndexFunc(s, unicode.IsUpper), strings.LastIndexFunc(s, unicode.IsUpper))
	fmt.Println("IndexFunc nonASCII:", strings.IndexFunc(s, func(r rune) bool { return r > 127 }),
		strings.LastIndexFunc(s, func(r rune) bool { return r > 127 }))
	fmt.Println("ContainsFunc:", strings.ContainsFunc(s, unicode.IsDigit), strings.ContainsFunc("a1", unicode.IsDigit))
	fmt.Println("LastIndexFunc space:", strings.LastIndexFunc("a b  c", unicode.IsSpace))

	for _, p := range []string{"", "chi", "chicken", "Chi", s, s + "x"} {
		fmt.Printf("HasPrefix(%q)=%v HasSuffix=%v\n", p, strings.HasPrefix(s, p), strings.HasSuffix(s, p))
	}
	fmt.Println("HasSuffix 😀 chicken:", strings.HasSuffix(s, "😀 chicken"))

	pairs := [][2]string{{"a", "b"}, {"b", "a"}, {"a", "a"}, {"", "a"}, {"", ""}, {"abc", "ab"}, {"é", "z"}, {"Z", "a"}}
	for _, p := range pairs {
		fmt.Printf("Compare(%q,%q)=%d\n", p[0], p[1], strings.Compare(p[0], p[1]))
	}
	c := strings.Clone(s[8:15])
	fmt.Printf("Clone: %q %v\n", c, c == "kitchen")
	fmt.Printf("Clone empty: %q\n", strings.Clone(""))

	// long needle / haystack
	long := strings.Repeat("ab", 500) + "abc" + strings.Repeat("ab", 500)
	fmt.Println("long:", strings.Index(long, "abc"), strings.LastIndex(long, "bab"), strings.Count(long, "ba"), strings.Index(long, "abcab"))
	fmt.Println("long needle:", strings.Index(long, strings.Repeat("ab", 300)+"c"), strings.Index(long, "c"+strings.Repeat("ab", 501)))

	hay := "the quick brown fox jumps over the lazy dog; the end"
	needles := []string{"the", "o", "fox", "cat", "e ", "dog;"}
	total := 0
	for i := 0; i < 3000; i++ {
		total += countMatches(hay, needles)
	}
	fmt.Println("hot search:", total)

	// a hot IndexByte/IndexRune/IndexAny scanner
	acc := 0
	for i := 0; i < 2000; i++ {
		t := hay[i%20:]
		acc += strings.IndexByte(t, 'z') + strings.IndexRune(t, 'y') + strings.IndexAny(t, "xq") + strings.LastIndexAny(t, "th")
		if strings.HasPrefix(t, "e") || strings.HasSuffix(t, "end") {
			acc++
		}
	}
	fmt.Println("hot index:", acc)
}

func utf8Error() rune { return '\uFFFD' }
