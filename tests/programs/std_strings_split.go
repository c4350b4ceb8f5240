package main

import (
	"fmt"
	"strings"
	"unicode"
)

func show(name string, parts []string) {
	fmt.Printf("%s: %d %q\n", name, len(parts), parts)
}

// parseKV is hot: split a "k=v;k=v" line into pairs and rejoin them.
func parseKV(line string) (string, int) {
	fields := strings.Split(line, ";")
	keys := make([]string, 0, len(fields))
	sum := 0
	for _, f := range fields {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			continue
		}
		keys = append(keys, strings.TrimSpace(k))
		for _, c := range v {
			if c >= '0' && c <= '9' {
				sum = sum*3 + int(c-'0')
				sum %= 1000003
			}
		}
	}
	return strings.Join(keys, ","), sum
}

func main() {
	show("Fields", strings.Fields("  foo bar\tbaz\n\v\f\r qux  "))
	show("Fields empty", strings.Fields(""))
	show("Fields spaces", strings.Fields(" \t\n "))
	show("Fields unicode", strings.Fields("a\u00a0b\u2003c\u3000d\u0085e f"))
	show("Fields nonspace", strings.Fields("héllo wörld 😀"))
	show("FieldsFunc", strings.FieldsFunc("  foo1;bar2,baz3...", func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsNumber(c)
	}))
	show("FieldsFunc digits", strings.FieldsFunc("a1b22c333", unicode.IsDigit))
	show("FieldsFunc none", strings.FieldsFunc("abc", func(rune) bool { return false }))
	show("FieldsFunc all", strings.FieldsFunc("abc", func(rune) bool { return true }))

	show("Split", strings.Split("a,b,c", ","))
	show("Split trailing", strings.Split("a,b,c,", ","))
	show("Split none", strings.Split("abc", ","))
	show("Split empty s", strings.Split("", ","))
	show("Split empty sep", strings.Split("héllo", ""))
	show("Split empty both", strings.Split("", ""))
	show("Split multi", strings.Split("a--b----c", "--"))
	show("Split invalid", strings.Split("a\xffb", ""))
	show("Split whole", strings.Split("abc", "abc"))
	show("Split unicode sep", strings.Split("x→y→z", "→"))

	for _, n := range []int{-1, 0, 1, 2, 3, 10} {
		show(fmt.Sprintf("SplitN %d", n), strings.SplitN("a,b,c,d", ",", n))
		show(fmt.Sprintf("SplitAfterN %d", n), strings.SplitAfterN("a,b,c,d", ",", n))
	}
	show("SplitN empty sep 3", strings.SplitN("abcdef", "", 3))
	show("SplitAfter", strings.SplitAfter("a,b,c", ","))
	show("SplitAfter trailing", strings.SplitAfter("a,b,c,", ","))
	show("SplitAfter empty sep", strings.SplitAfter("añb", ""))
	show("SplitAfter empty", strings.SplitAfter("", "x"))

	fmt.Printf("Join: %q\n", strings.Join([]string{"a", "b", "c"}, ", "))
	fmt.Printf("Join one: %q\n", strings.Join([]string{"only"}, ", "))
	fmt.Printf("Join none: %q\n", strings.Join(nil, ", "))
	fmt.Printf("Join empty sep: %q\n", strings.Join([]string{"x", "", "y"}, ""))
	fmt.Printf("Join roundtrip: %q\n", strings.Join(strings.Split("1 2 3 4", " "), "+"))

	for _, s := range []string{"key=value", "key=", "=value", "novalue", "a=b=c", ""} {
		before, after, found := strings.Cut(s, "=")
		fmt.Printf("Cut(%q) = %q %q %v\n", s, before, after, found)
	}
	before, after, found := strings.Cut("héllo wörld", "ö")
	fmt.Printf("Cut unicode = %q %q %v\n", before, after, found)
	before, after, found = strings.Cut("abc", "")
	fmt.Printf("Cut empty sep = %q %q %v\n", before, after, found)

	for _, s := range []string{"prefix-body", "prefix", "pre", "body"} {
		a, ok := strings.CutPrefix(s, "prefix")
		fmt.Printf("CutPrefix(%q) = %q %v\n", s, a, ok)
	}
	for _, s := range []string{"body.go", ".go", "go", "body.rs"} {
		b, ok := strings.CutSuffix(s, ".go")
		fmt.Printf("CutSuffix(%q) = %q %v\n", s, b, ok)
	}
	a, ok := strings.CutPrefix("abc", "")
	fmt.Printf("CutPrefix empty = %q %v\n", a, ok)

	// hot loop
	lines := []string{
		"alpha=1; beta=22; gamma=333",
		" x=9;y=8 ;z=7;bad;w=6",
		"",
		"one=1234567890",
	}
	sum := 0
	joined := ""
	for i := 0; i < 3000; i++ {
		j, s := parseKV(lines[i%len(lines)])
		sum += s
		joined = j
	}
	fmt.Println("hot parseKV:", sum, joined)

	words := 0
	for i := 0; i < 2000; i++ {
		words += len(strings.Fields(lines[i%len(lines)])) + len(strings.SplitN(lines[i%2], "=", 3))
		words += len(strings.SplitAfter(lines[1], ";"))
	}
	fmt.Println("hot fields:", words)
}
