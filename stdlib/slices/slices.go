// Package slices: generic functions over slices of any element type, as
// Go's slices package, its sorts making Go's comparisons in Go's order.
// (pgojit's standard library: written for pgojit, compiled by its front
// end like the program; each instantiation is a function of its own,
// profiled and compiled like the program's.)
package slices

import "cmp"

// Equal reports whether s1 and s2 have the same length and equal
// elements (a NaN is not equal to itself).
func Equal[S ~[]E, E comparable](s1, s2 S) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

// EqualFunc reports whether s1 and s2 have the same length and eq holds
// for each pair of elements, compared in index order.
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i, v1 := range s1 {
		if !eq(v1, s2[i]) {
			return false
		}
	}
	return true
}

// Compare orders s1 and s2 lexicographically by cmp.Compare: -1, 0 or +1.
func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp.Compare(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// CompareFunc orders s1 and s2 lexicographically by cmp: the first
// non-zero result, else by length.
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// Index is the index of the first v in s, or -1.
func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

// IndexFunc is the index of the first element satisfying f, or -1.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

// Contains reports whether v is in s.
func Contains[S ~[]E, E comparable](s S, v E) bool {
	return Index(s, v) >= 0
}

// ContainsFunc reports whether some element of s satisfies f.
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool {
	return IndexFunc(s, f) >= 0
}

// Insert puts v before s[i] (at the end for i == len(s)) and returns the
// result, in s's array when it has room; it panics for i out of range.
func Insert[S ~[]E, E any](s S, i int, v ...E) S {
	_ = s[i:]
	m, n := len(v), len(s)
	if m == 0 {
		return s
	}
	if i == n {
		return append(s, v...)
	}
	if n+m > cap(s) {
		// a new array, of the capacity Go's growth gives s[:i] with
		// n+m-i more elements
		grown := append(s[:i], make(S, n+m-i)...)
		copy(grown[i:], v)
		copy(grown[i+m:], s[i:])
		return grown
	}
	s = s[:n+m]
	if overlaps(v, s) {
		// v lives in the part being moved: take it out first
		v = append([]E(nil), v...)
	}
	copy(s[i+m:], s[i:n])
	copy(s[i:], v)
	return s
}

// Delete removes s[i:j] and returns the shorter slice, zeroing the
// elements past its end; it panics for i, j out of range.
func Delete[S ~[]E, E any](s S, i, j int) S {
	_ = s[i:j:len(s)]
	if i == j {
		return s
	}
	n := len(s)
	s = append(s[:i], s[j:]...)
	clear(s[len(s):n])
	return s
}

// DeleteFunc removes the elements satisfying del (called once each, in
// order) and returns the shorter slice, zeroing the elements past its end.
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	kept := IndexFunc(s, del)
	if kept < 0 {
		return s
	}
	for j := kept + 1; j < len(s); j++ {
		if v := s[j]; !del(v) {
			s[kept] = v
			kept++
		}
	}
	clear(s[kept:])
	return s[:kept]
}

// Replace puts v in place of s[i:j] and returns the result, in s's array
// when it has room (zeroing what the result no longer covers); it panics
// for i, j out of range.
func Replace[S ~[]E, E any](s S, i, j int, v ...E) S {
	_ = s[i:j]
	if i == j {
		return Insert(s, i, v...)
	}
	if j == len(s) {
		r := append(s[:i], v...)
		if len(r) < len(s) {
			clear(s[len(r):])
		}
		return r
	}
	total := i + len(v) + len(s) - j
	if total > cap(s) {
		grown := append(s[:i], make(S, total-i)...)
		copy(grown[i:], v)
		copy(grown[i+len(v):], s[j:])
		return grown
	}
	r := s[:total]
	if overlaps(v, s[:cap(s)]) {
		v = append([]E(nil), v...)
	}
	copy(r[i+len(v):], s[j:])
	copy(r[i:], v)
	if total < len(s) {
		clear(s[total:])
	}
	return r
}

// overlaps reports whether a and b share an element of one array: then
// one's first element is one of the other's.
func overlaps[E any](a, b []E) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for k := range b {
		if &b[k] == &a[0] {
			return true
		}
	}
	for k := range a {
		if &a[k] == &b[0] {
			return true
		}
	}
	return false
}

// Clone is a copy of s in a new array (nil for nil).
func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(S{}, s...)
}

// Compact replaces each run of equal elements by its first and returns
// the shorter slice, zeroing the elements past its end.
func Compact[S ~[]E, E comparable](s S) S {
	if len(s) < 2 {
		return s
	}
	for k := 1; k < len(s); k++ {
		if s[k] != s[k-1] {
			continue
		}
		// s[k] is the first duplicate: from here, keep an element only
		// when it differs from the one before it in the original order
		rest := s[k:]
		for r := 1; r < len(rest); r++ {
			if rest[r] != rest[r-1] {
				s[k] = rest[r]
				k++
			}
		}
		clear(s[k:])
		return s[:k]
	}
	return s
}

// CompactFunc is Compact with eq deciding equality.
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	if len(s) < 2 {
		return s
	}
	for k := 1; k < len(s); k++ {
		if !eq(s[k], s[k-1]) {
			continue
		}
		rest := s[k:]
		for r := 1; r < len(rest); r++ {
			if !eq(rest[r], rest[r-1]) {
				s[k] = rest[r]
				k++
			}
		}
		clear(s[k:])
		return s[:k]
	}
	return s
}

// Grow makes room for n more elements (s's own array when it has it);
// it panics for a negative n.
func Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

// Clip drops s's capacity past its length.
func Clip[S ~[]E, E any](s S) S {
	return s[:len(s):len(s)]
}

// Reverse reverses s in place.
func Reverse[S ~[]E, E any](s S) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Concat is the slices one after the other, in a new array.
func Concat[S ~[]E, E any](slices ...S) S {
	size := 0
	for _, s := range slices {
		size += len(s)
		if size < 0 {
			panic("len out of range")
		}
	}
	var none S
	all := Grow(none, size)
	for _, s := range slices {
		all = append(all, s...)
	}
	return all
}

// Repeat is x count times over, in a new array; it panics for a negative
// count or a length past the largest int.
func Repeat[S ~[]E, E any](x S, count int) S {
	if count < 0 {
		panic("cannot be negative")
	}
	const maxInt = int(^uint(0) >> 1)
	if count > 0 && len(x) > maxInt/count {
		panic("the result of (len(x) * count) overflows")
	}
	r := make(S, len(x)*count)
	n := copy(r, x)
	for n < len(r) {
		n += copy(r[n:], r[:n])
	}
	return r
}
