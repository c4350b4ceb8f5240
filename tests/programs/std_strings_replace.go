package main

import (
	"fmt"
	"strings"
)

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

// escapeAll is hot.
func escapeAll(lines []string) int {
	n := 0
	for _, l := range lines {
		n += len(htmlEscaper.Replace(l))
		n += len(strings.ReplaceAll(l, " ", "_"))
		n += strings.Count(strings.Replace(l, "a", "AA", 2), "A")
	}
	return n
}

func main() {
	s := "oink oink oink"
	fmt.Printf("Replace n=-1: %q\n", strings.Replace(s, "oink", "moo", -1))
	fmt.Printf("Replace n=2: %q\n", strings.Replace(s, "k", "ky", 2))
	fmt.Printf("Replace n=0: %q\n", strings.Replace(s, "k", "ky", 0))
	fmt.Printf("Replace n=10: %q\n", strings.Replace(s, "oink", "o", 10))
	fmt.Printf("Replace no match: %q\n", strings.Replace(s, "moo", "x", -1))
	fmt.Printf("Replace empty old: %q\n", strings.Replace("abc", "", "-", -1))
	fmt.Printf("Replace empty old n=2: %q\n", strings.Replace("abc", "", "-", 2))
	fmt.Printf("Replace empty old unicode: %q\n", strings.Replace("héé", "", "|", -1))
	fmt.Printf("Replace empty old empty s: %q\n", strings.Replace("", "", "X", -1))
	fmt.Printf("Replace to empty: %q\n", strings.Replace("a-b-c", "-", "", -1))
	fmt.Printf("Replace overlapping: %q\n", strings.Replace("aaaa", "aa", "b", -1))
	fmt.Printf("Replace unicode: %q\n", strings.Replace("héllo wörld", "ö", "oe", -1))
	fmt.Printf("ReplaceAll: %q %q\n", strings.ReplaceAll("banana", "a", "o"), strings.ReplaceAll("banana", "na", ""))
	fmt.Printf("ReplaceAll grow: %q\n", strings.ReplaceAll("x.y.z", ".", "..."))
	fmt.Printf("Replace invalid: %q\n", strings.Replace("a\xffb", "", ".", -1))

	fmt.Printf("html: %q\n", htmlEscaper.Replace(`<a href="x">Tom & Jerry's</a>`))
	fmt.Printf("html none: %q\n", htmlEscaper.Replace("plain text"))

	tests := []struct {
		name   string
		r      *strings.Replacer
		inputs []string
	}{
		{"bytes", strings.NewReplacer("a", "1", "b", "2", "c", "3"), []string{"abcabc", "xyz", "", "cab!"}},
		{"byte dup", strings.NewReplacer("a", "1", "a", "2"), []string{"aaa"}},
		{"byte to string", strings.NewReplacer("a", "<A>", "b", "", "é", "E"), []string{"abba", "café", "bbb"}},
		{"generic", strings.NewReplacer("hello", "HI", "world", "EARTH", "o", "0"), []string{"hello world", "oh hello", "wo"}},
		{"priority short first", strings.NewReplacer("a", "1", "aa", "2"), []string{"aaa"}},
		{"priority long first", strings.NewReplacer("aa", "2", "a", "1"), []string{"aaa", "aaaaa"}},
		{"empty old", strings.NewReplacer("", "X"), []string{"abc", "", "é"}},
		{"empty old mixed", strings.NewReplacer("a", "A", "", "-"), []string{"abc", "bab", "aa", ""}},
		{"empty old first", strings.NewReplacer("", "-", "a", "A"), []string{"abc", "bab"}},
		{"swap", strings.NewReplacer("a", "b", "b", "a"), []string{"abba", "baab"}},
		{"unicode keys", strings.NewReplacer("ö", "oe", "ü", "ue", "ß", "ss", "€", "EUR"), []string{"Grüße für 5€", "öööß"}},
		{"no pairs", strings.NewReplacer(), []string{"unchanged"}},
		{"multi-byte old", strings.NewReplacer("ab", "x", "bc", "y"), []string{"abc", "bcab", "aabbcc"}},
		{"to empty", strings.NewReplacer("--", "", "-", "+"), []string{"a--b-c---d"}},
	}
	for _, tc := range tests {
		for _, in := range tc.inputs {
			fmt.Printf("%s: %q -> %q\n", tc.name, in, tc.r.Replace(in))
		}
	}

	var sb strings.Builder
	n, err := htmlEscaper.WriteString(&sb, "1 < 2 & 3 > 2")
	fmt.Println("WriteString:", n, err, sb.String())
	n, err = strings.NewReplacer("x", "yy").WriteString(&sb, " xx")
	fmt.Println("WriteString bytes:", n, err, sb.String())

	func() {
		defer func() {
			fmt.Println("recovered:", recover())
		}()
		strings.NewReplacer("odd")
	}()

	lines := []string{
		"a <b> & 'c'",
		"plain line with spaces",
		`"quoted" and 'single'`,
		"aaaa bbbb",
	}
	total := 0
	for i := 0; i < 2000; i++ {
		total += escapeAll(lines)
	}
	fmt.Println("hot escape:", total)

	r := strings.NewReplacer("0", "zero ", "1", "one ")
	acc := 0
	for i := 0; i < 3000; i++ {
		acc += len(r.Replace(fmt.Sprint(i)))
	}
	fmt.Println("hot digits:", acc)
}
