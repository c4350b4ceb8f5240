// Iterators over parts of a byte slice (Go 1.24's Lines, SplitSeq,
// SplitAfterSeq, FieldsSeq and FieldsFuncSeq), as Go's bytes package.
// (pgojit's standard library: written for pgojit, compiled by its front
// end like the program.) Each yields the slices its slice-building
// counterpart returns, one at a time: parts of s, capped at their length
// so appending to one does not overwrite the rest of s.
package bytes

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// Lines yields the newline-terminated lines of s, each with its '\n'
// (the last without one if s does not end in a newline); nothing for an
// empty s.
func Lines(s []byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		for len(s) > 0 {
			var line []byte
			if i := IndexByte(s, '\n'); i >= 0 {
				line, s = s[:i+1], s[i+1:]
			} else {
				line, s = s, nil
			}
			if !yield(line[:len(line):len(line)]) {
				return
			}
		}
	}
}

// splitSeq yields the pieces of s around sep, each keeping sepSave bytes
// of the separator after it (0 for SplitSeq, len(sep) for SplitAfterSeq).
// An empty sep yields the UTF-8 sequences of s.
func splitSeq(s, sep []byte, sepSave int) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		if len(sep) == 0 {
			for len(s) > 0 {
				_, size := utf8.DecodeRune(s)
				if !yield(s[:size:size]) {
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
			frag := s[:i+sepSave]
			if !yield(frag[:len(frag):len(frag)]) {
				return
			}
			s = s[i+len(sep):]
		}
		yield(s[:len(s):len(s)])
	}
}

// SplitSeq yields the slices Split(s, sep) returns.
func SplitSeq(s, sep []byte) iter.Seq[[]byte] { return splitSeq(s, sep, 0) }

// SplitAfterSeq yields the slices SplitAfter(s, sep) returns.
func SplitAfterSeq(s, sep []byte) iter.Seq[[]byte] { return splitSeq(s, sep, len(sep)) }

// FieldsSeq yields the slices Fields(s) returns: the runs of s between
// white space (unicode.IsSpace).
func FieldsSeq(s []byte) iter.Seq[[]byte] {
	return FieldsFuncSeq(s, unicode.IsSpace)
}

// FieldsFuncSeq yields the slices FieldsFunc(s, f) returns: the runs of
// s between runes satisfying f.
func FieldsFuncSeq(s []byte, f func(rune) bool) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		start := -1
		for i := 0; i < len(s); {
			r, size := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRune(s[i:])
			}
			if f(r) {
				if start >= 0 {
					if !yield(s[start:i:i]) {
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
			yield(s[start:len(s):len(s)])
		}
	}
}
