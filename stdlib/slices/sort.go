package slices

import "cmp"

// Sort sorts x in increasing order (floats: NaNs first). Equal elements
// are indistinguishable, so the sort need not be stable.
func Sort[S ~[]E, E cmp.Ordered](x S) {
	n := len(x)
	pdqsortOrdered([]E(x), 0, n, bitLen(uint(n)))
}

// SortFunc sorts x in increasing order of cmp (negative: a before b);
// equal elements may be reordered. cmp must be a strict weak ordering.
func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	n := len(x)
	pdqsortCmpFunc([]E(x), 0, n, bitLen(uint(n)), cmp)
}

// SortStableFunc sorts x in increasing order of cmp, equal elements
// keeping their order.
func SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	stableCmpFunc([]E(x), len(x), cmp)
}

// IsSorted reports whether x is in increasing order.
func IsSorted[S ~[]E, E cmp.Ordered](x S) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp.Less(x[i], x[i-1]) {
			return false
		}
	}
	return true
}

// IsSortedFunc reports whether x is in increasing order of cmp.
func IsSortedFunc[S ~[]E, E any](x S, cmp func(a, b E) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

// Min is the least element of x (a NaN if any); it panics on an empty x.
func Min[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) == 0 {
		panic("slices.Min: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		m = min(m, v)
	}
	return m
}

// MinFunc is the first of the least elements of x by cmp; it panics on
// an empty x.
func MinFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) == 0 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		if cmp(v, m) < 0 {
			m = v
		}
	}
	return m
}

// Max is the greatest element of x (a NaN if any); it panics on an
// empty x.
func Max[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) == 0 {
		panic("slices.Max: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		m = max(m, v)
	}
	return m
}

// MaxFunc is the first of the greatest elements of x by cmp; it panics
// on an empty x.
func MaxFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) == 0 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		if cmp(v, m) > 0 {
			m = v
		}
	}
	return m
}

// BinarySearch is where target is, or would be inserted, in the sorted
// x, and whether it is there.
func BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool) {
	lo, hi := 0, len(x)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if cmp.Less(x[h], target) {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo, lo < len(x) && (x[lo] == target || (isNaN(x[lo]) && isNaN(target)))
}

// BinarySearchFunc is BinarySearch with cmp(element, target) giving the
// order (x must be sorted by it).
func BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool) {
	lo, hi := 0, len(x)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if cmp(x[h], target) < 0 {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo, lo < len(x) && cmp(x[lo], target) == 0
}

// sortedHint is what choosePivot learned of the order around its samples.
type sortedHint int

const (
	unknownHint sortedHint = iota
	increasingHint
	decreasingHint
)

// xorshift is Marsaglia's xorshift generator (shifts 13, 7, 17), the
// deterministic source breakPatterns draws from.
type xorshift uint64

func (r *xorshift) Next() uint64 {
	x := uint64(*r)
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	*r = xorshift(x)
	return x
}

// nextPowerOfTwo is the least power of two above n (n > 0).
func nextPowerOfTwo(n int) uint {
	return 1 << uint(bitLen(uint(n)))
}

// bitLen is the number of bits needed to write x (math/bits.Len).
func bitLen(x uint) int {
	n := 0
	for x != 0 {
		x >>= 1
		n++
	}
	return n
}

func isNaN[T cmp.Ordered](x T) bool {
	return x != x
}
