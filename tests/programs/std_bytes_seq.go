package main

import (
	"bytes"
	"fmt"
	"unicode"
)

// Go 1.24's byte-slice iterators: each yields parts of the input (sharing
// its storage), capped at their length so appends copy.

func collect(seq func(func([]byte) bool)) [][]byte {
	var out [][]byte
	for b := range seq {
		out = append(out, b)
	}
	return out
}

func same(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) || cap(a[i]) != len(a[i]) {
			return false
		}
	}
	return true
}

func show(bs [][]byte) string {
	s := "["
	for i, b := range bs {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%q/%d", b, cap(b))
	}
	return s + "]"
}

func main() {
	inputs := []string{"", ",", "a,b,c", ",a,,b,", "héllo, wörld", "日本,語", "\xff,\xfe"}
	seps := []string{",", ", ", "", "x"}
	for _, s := range inputs {
		for _, sep := range seps {
			got := collect(bytes.SplitSeq([]byte(s), []byte(sep)))
			gotA := collect(bytes.SplitAfterSeq([]byte(s), []byte(sep)))
			fmt.Printf("%q %q split=%s after=%s same=%v,%v\n", s, sep, show(got), show(gotA),
				same(got, bytes.Split([]byte(s), []byte(sep))), same(gotA, bytes.SplitAfter([]byte(s), []byte(sep))))
		}
	}
	for _, s := range []string{"", "\n", "one", "one\ntwo\n", "\n\nx"} {
		fmt.Printf("lines %q: %s\n", s, show(collect(bytes.Lines([]byte(s)))))
	}
	var nilLines int
	for range bytes.Lines(nil) {
		nilLines++
	}
	fmt.Println("nil lines", nilLines)
	for _, s := range []string{"", "  ", " a b  c ", "a\u00a0b\u2003c", "\xffa b"} {
		got := collect(bytes.FieldsSeq([]byte(s)))
		fmt.Printf("fields %q: %s same=%v\n", s, show(got), same(got, bytes.Fields([]byte(s))))
	}
	for _, s := range []string{"", "ab12cd;;ef", "x"} {
		got := collect(bytes.FieldsFuncSeq([]byte(s), unicode.IsPunct))
		fmt.Printf("fieldsfunc %q: %s\n", s, show(got))
	}

	// The pieces share the input's storage; appending to one does not
	// overwrite the next piece.
	buf := []byte("ab,cd,ef")
	var parts [][]byte
	for p := range bytes.SplitSeq(buf, []byte(",")) {
		parts = append(parts, p)
	}
	parts[0][0] = 'A'
	parts[0] = append(parts[0], '!')
	fmt.Printf("%s %s\n", buf, show(parts))

	// Early break.
	for line := range bytes.Lines([]byte("l1\nl2\nl3")) {
		fmt.Printf("%q\n", line)
		if bytes.HasPrefix(line, []byte("l2")) {
			break
		}
	}
	for f := range bytes.FieldsSeq([]byte("x y z")) {
		fmt.Printf("%s\n", f)
		break
	}
	for f := range bytes.SplitSeq([]byte("é日x"), nil) {
		fmt.Printf("%q\n", f)
		if len(f) == 3 {
			break
		}
	}
	for f := range bytes.SplitAfterSeq([]byte("1;2;3"), []byte(";")) {
		if string(f) == "2;" {
			break
		}
		fmt.Printf("%s\n", f)
	}
	for f := range bytes.FieldsFuncSeq([]byte("1a2b3"), unicode.IsLetter) {
		fmt.Printf("%s\n", f)
		if string(f) == "2" {
			break
		}
	}
}
