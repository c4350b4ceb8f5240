package sort

// Slice sorts the slice x by less, a function of two indices; equal
// elements may be reordered. Go's takes x as an `any` and swaps through
// reflection; pgojit has no reflection, so here the element type is a
// type parameter: every call with a slice argument compiles as Go's
// does, but an x of interface type is refused.
func Slice[S ~[]E, E any](x S, less func(i, j int) bool) {
	n := len(x)
	pdqsort_func([]E(x), 0, n, bitLen(uint(n)), less)
}

// SliceStable sorts the slice x by less keeping equal elements in order.
func SliceStable[S ~[]E, E any](x S, less func(i, j int) bool) {
	stable_func([]E(x), len(x), less)
}

// SliceIsSorted reports whether the slice x is in ascending order of less.
func SliceIsSorted[S ~[]E, E any](x S, less func(i, j int) bool) bool {
	for i := len(x) - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}
