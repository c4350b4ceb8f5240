package strings

import "io"

// A Replacer replaces a list of strings with replacements; it is safe
// for concurrent use.
type Replacer struct {
	oldnew []string
	// byByte: every old string is one byte (a table lookup per byte).
	byByte  bool
	table   [256]int
	hasNone bool
}

// NewReplacer returns a Replacer from old, new pairs. Replacements happen
// in the order they appear in the target, without overlapping; at one
// position the pairs are tried in argument order.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	r := &Replacer{oldnew: append([]string(nil), oldnew...)}
	r.byByte = true
	for i := range r.table {
		r.table[i] = -1
	}
	for i := 0; i < len(oldnew); i += 2 {
		if len(oldnew[i]) != 1 {
			r.byByte = false
		}
	}
	if r.byByte {
		// The first pair for a byte wins.
		for i := len(oldnew) - 2; i >= 0; i -= 2 {
			r.table[oldnew[i][0]] = i
		}
	}
	return r
}

// Replace returns s with all replacements performed.
func (r *Replacer) Replace(s string) string {
	if r.byByte {
		var b []byte
		for i := 0; i < len(s); i++ {
			k := r.table[s[i]]
			if k < 0 {
				if b != nil {
					b = append(b, s[i])
				}
				continue
			}
			if b == nil {
				b = make([]byte, 0, len(s))
				b = append(b, s[:i]...)
			}
			b = append(b, r.oldnew[k+1]...)
		}
		if b == nil {
			return s
		}
		return string(b)
	}
	// At each position the first pair (in argument order) whose old
	// string starts there; an empty old string matches once per position
	// (after it, the other pairs are tried there), and the scan moves on
	// by one byte when nothing matches.
	var b []byte
	changed := false
	last := 0
	prevEmpty := false
	for i := 0; i <= len(s); {
		k := r.match(s[i:], prevEmpty)
		if k < 0 {
			prevEmpty = false
			i++
			continue
		}
		old, new := r.oldnew[k], r.oldnew[k+1]
		prevEmpty = old == ""
		if !changed {
			b = make([]byte, 0, len(s))
			changed = true
		}
		b = append(b, s[last:i]...)
		b = append(b, new...)
		i += len(old)
		last = i
	}
	if !changed {
		return s
	}
	b = append(b, s[last:]...)
	return string(b)
}

// match is the first pair (index of its old) whose old starts s; an
// empty old matches unless one matched here already.
func (r *Replacer) match(s string, emptyDone bool) int {
	for k := 0; k < len(r.oldnew); k += 2 {
		old := r.oldnew[k]
		if old == "" {
			if emptyDone {
				continue
			}
			return k
		}
		if HasPrefix(s, old) {
			return k
		}
	}
	return -1
}

// WriteString writes s with all replacements performed to w.
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	return io.WriteString(w, r.Replace(s))
}
