package main

import (
	"fmt"
	"strings"
	"unicode"
)

// Go 1.24's string iterators: Lines, SplitSeq, SplitAfterSeq, FieldsSeq,
// FieldsFuncSeq, checked against the slice-building functions on many
// inputs, with early breaks and empty inputs.

func collect(seq func(func(string) bool)) []string {
	var out []string
	for s := range seq {
		out = append(out, s)
	}
	return out
}

func same(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func main() {
	inputs := []string{"", ",", "a", "a,b,c", ",a,,b,", "a, b, c", "héllo, wörld", "日本,語", "a,,", ",,,", "\xff,\xfe"}
	seps := []string{",", ", ", "", ",,", "x", "語"}
	for _, s := range inputs {
		for _, sep := range seps {
			got := collect(strings.SplitSeq(s, sep))
			gotA := collect(strings.SplitAfterSeq(s, sep))
			fmt.Printf("%q %q split=%q after=%q same=%v,%v\n", s, sep, got, gotA,
				same(got, strings.Split(s, sep)), same(gotA, strings.SplitAfter(s, sep)))
		}
	}

	for _, s := range []string{"", "\n", "one", "one\n", "one\ntwo", "one\ntwo\n", "\n\nx\n\n", "a\r\nb\r\n"} {
		fmt.Printf("lines %q: %q\n", s, collect(strings.Lines(s)))
	}

	for _, s := range []string{"", "   ", "a", " a b  c ", "\tx\ny\vz\fw\rq", "a\u00a0b\u2003c\u0085d", "日本 語", "\xffa b\xfe"} {
		got := collect(strings.FieldsSeq(s))
		fmt.Printf("fields %q: %q same=%v\n", s, got, same(got, strings.Fields(s)))
	}

	notLetter := func(r rune) bool { return !unicode.IsLetter(r) }
	for _, s := range []string{"", "123", "ab12cd;;ef", "  héllo--wörld!!", "x"} {
		got := collect(strings.FieldsFuncSeq(s, notLetter))
		fmt.Printf("fieldsfunc %q: %q same=%v\n", s, got, same(got, strings.FieldsFunc(s, notLetter)))
	}

	// Early break: the iterator stops when yield returns false.
	n := 0
	for part := range strings.SplitSeq("a,b,c,d,e", ",") {
		n++
		if part == "c" {
			break
		}
	}
	fmt.Println("broke after", n)
	for line := range strings.Lines("first\nsecond\nthird\n") {
		fmt.Printf("first line %q\n", line)
		break
	}
	for f := range strings.FieldsSeq("  alpha beta gamma") {
		if f == "beta" {
			fmt.Println("found beta")
			break
		}
		fmt.Println("field", f)
	}
	for r := range strings.SplitSeq("日本語", "") {
		fmt.Println("rune piece", r)
		if r == "本" {
			break
		}
	}
	for f := range strings.FieldsFuncSeq("a1b2c3", unicode.IsDigit) {
		fmt.Println("ff", f)
		if f == "b" {
			break
		}
	}
	for f := range strings.SplitAfterSeq("k=v;k2=v2;", ";") {
		fmt.Printf("after %q\n", f)
		if strings.HasPrefix(f, "k2") {
			break
		}
	}

	// An early return from inside the loop, and a label continue.
	find := func(s, want string) int {
		i := 0
		for w := range strings.FieldsSeq(s) {
			if w == want {
				return i
			}
			i++
		}
		return -1
	}
	fmt.Println(find("the quick brown fox", "brown"), find("the fox", "dog"))
	count := 0
outer:
	for line := range strings.Lines("a b\nc d e\nf\n") {
		for w := range strings.FieldsSeq(line) {
			if w == "d" {
				continue outer
			}
			count++
		}
	}
	fmt.Println("count", count)

	// Each call is a fresh iterator; a stored Seq is reusable since it
	// re-captures nothing but s.
	seq := strings.SplitSeq("x-y", "-")
	fmt.Println(collect(seq), collect(seq))
}
