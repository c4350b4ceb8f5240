// Package sort: sorting of slices and user-defined collections, as Go's
// sort package, with Go's algorithms (pattern-defeating quicksort, and
// insertion sort plus SymMerge for the stable sort) making the same
// comparisons and swaps in the same order, so that equal elements end up
// where Go leaves them. (pgojit's standard library: written for pgojit,
// compiled by its front end like the program, so the Less and Swap call
// sites in here are profiled and devirtualized like the program's own.)
package sort

import "slices"

// An Interface is a collection sortable by index: its length, an order
// on its elements (a strict weak ordering), and exchange of two of them.
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

// Sort sorts data in ascending order of Less; equal elements may be
// reordered. O(n log n) calls of Less and Swap.
func Sort(data Interface) {
	n := data.Len()
	if n <= 1 {
		return
	}
	pdqsort(data, 0, n, bitLen(uint(n)))
}

// Stable sorts data in ascending order of Less, equal elements keeping
// their order. O(n log n) calls of Less, O(n log² n) of Swap.
func Stable(data Interface) {
	stable(data, data.Len())
}

// IsSorted reports whether data is in ascending order.
func IsSorted(data Interface) bool {
	for i := data.Len() - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

// reverse orders the Interface it embeds backwards.
type reverse struct {
	Interface
}

// Less is the embedded Less with its operands exchanged.
func (r reverse) Less(i, j int) bool {
	return r.Interface.Less(j, i)
}

// Reverse is data in descending order of its Less.
func Reverse(data Interface) Interface {
	return &reverse{data}
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

// IntSlice sorts a []int in increasing order.
type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Sort sorts x through Sort (the Interface).
func (x IntSlice) Sort() { Sort(x) }

// Search is SearchInts(x, v).
func (x IntSlice) Search(v int) int { return SearchInts(x, v) }

// Float64Slice sorts a []float64 in increasing order, NaNs first.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }

// Less orders NaN before every other value (and not before another NaN).
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (isNaN(x[i]) && !isNaN(x[j]))
}
func (x Float64Slice) Swap(i, j int) { x[i], x[j] = x[j], x[i] }

func isNaN(f float64) bool { return f != f }

// Sort sorts x through Sort (the Interface).
func (x Float64Slice) Sort() { Sort(x) }

// Search is SearchFloat64s(x, v).
func (x Float64Slice) Search(v float64) int { return SearchFloat64s(x, v) }

// StringSlice sorts a []string in increasing order.
type StringSlice []string

func (x StringSlice) Len() int           { return len(x) }
func (x StringSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Sort sorts x through Sort (the Interface).
func (x StringSlice) Sort() { Sort(x) }

// Search is SearchStrings(x, v).
func (x StringSlice) Search(v string) int { return SearchStrings(x, v) }

// Ints sorts x in increasing order (slices.Sort, as Go's).
func Ints(x []int) { slices.Sort(x) }

// Float64s sorts x in increasing order, NaNs first.
func Float64s(x []float64) { slices.Sort(x) }

// Strings sorts x in increasing order.
func Strings(x []string) { slices.Sort(x) }

func IntsAreSorted(x []int) bool         { return slices.IsSorted(x) }
func Float64sAreSorted(x []float64) bool { return slices.IsSorted(x) }
func StringsAreSorted(x []string) bool   { return slices.IsSorted(x) }
