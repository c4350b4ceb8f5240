// Iterators over parts of a string (Go 1.24's Lines, SplitSeq,
// SplitAfterSeq, FieldsSeq and FieldsFuncSeq), as Go's strings package.
// (pgojit's standard library: written for pgojit, compiled by its front
// end like the program.) Each yields the strings its slice-building
// counterpart returns, one at a time, and stops when yield returns false.
package strings

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// Lines yields the newline-terminated lines of s, each with its '\n'
// (the last without one if s does not end in a newline); nothing for "".
func Lines(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			var line string
			if i := IndexByte(s, '\n'); i >= 0 {
				line, s = s[:i+1], s[i+1:]
			} else {
				line, s = s, ""
			}
			if !yield(line) {
				return
			}
		}
	}
}

// splitSeq yields the pieces of s around sep, each keeping sepSave bytes
// of the separator after it (0 for SplitSeq, len(sep) for SplitAfterSeq).
// An empty sep yields the runes of s.
func splitSeq(s, sep string, sepSave int) iter.Seq[string] {
	return func(yield func(string) bool) {
		if len(sep) == 0 {
			for len(s) > 0 {
				_, size := utf8.DecodeRuneInString(s)
				if !yield(s[:size]) {
					return
				}
				s = s[size:]
			}
			return
		}
		for {
			i := Index(s, sep)
			if i < 0 {
				break
			}
			if !yield(s[:i+sepSave]) {
				return
			}
			s = s[i+len(sep):]
		}
		yield(s)
	}
}

// SplitSeq yields the strings Split(s, sep) returns.
func SplitSeq(s, sep string) iter.Seq[string] { return splitSeq(s, sep, 0) }

// SplitAfterSeq yields the strings SplitAfter(s, sep) returns.
func SplitAfterSeq(s, sep string) iter.Seq[string] { return splitSeq(s, sep, len(sep)) }

// FieldsSeq yields the strings Fields(s) returns: the runs of s between
// white space (unicode.IsSpace).
func FieldsSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i := 0; i < len(s); {
			size := 1
			r := rune(s[i])
			isSpace := asciiSpace(s[i])
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
				isSpace = unicode.IsSpace(r)
			}
			if isSpace {
				if start >= 0 {
					if !yield(s[start:i]) {
						return
					}
					start = -1
				}
			} else if start < 0 {
				start = i
			}
			i += size
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}

// FieldsFuncSeq yields the strings FieldsFunc(s, f) returns: the runs of
// s between runes satisfying f.
func FieldsFuncSeq(s string, f func(rune) bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if f(r) {
				if start >= 0 {
					if !yield(s[start:i]) {
						return
					}
					start = -1
				}
			} else if start < 0 {
				start = i
			}
			i += size
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}
