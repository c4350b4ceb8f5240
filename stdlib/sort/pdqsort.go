package sort

// The sorting algorithms over an Interface: pattern-defeating quicksort
// for Sort, insertion-sorted blocks merged by SymMerge for Stable. They
// take Go's decisions step for step (same pivots, same random source,
// same thresholds), so a program sees the same sequence of Less and Swap
// calls and the same final order of equal elements as under Go.
//
// This file is the template of three others: scripts/gen-sort-variants.py
// rewrites it into pdqsort_func.go (sort.Slice, over a less function of
// indices) and into slices' pdqsort_ordered.go and pdqsort_cmpfunc.go
// (over elements). Edit this one and regenerate.

// insertionSort sorts data[a:b]: each element sinks left past the
// greater ones before it.
func insertionSort(data Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		j := i
		for j > a && data.Less(j, j-1) {
			data.Swap(j, j-1)
			j--
		}
	}
}

// siftDown restores the max-heap order below root in the heap stored at
// data[first:first+hi] (heap indices are relative to first).
func siftDown(data Interface, root, hi, first int) {
	for {
		big := 2*root + 1
		if big >= hi {
			return
		}
		if big+1 < hi && data.Less(first+big, first+big+1) {
			big++
		}
		if !data.Less(first+root, first+big) {
			return
		}
		data.Swap(first+root, first+big)
		root = big
	}
}

// heapSort sorts data[a:b] in place with a binary max-heap (pdqsort's
// fallback after too many bad pivots).
func heapSort(data Interface, a, b int) {
	n := b - a
	for root := (n - 1) / 2; root >= 0; root-- {
		siftDown(data, root, n, a)
	}
	for last := n - 1; last >= 0; last-- {
		data.Swap(a, a+last)
		siftDown(data, 0, last, a)
	}
}

// pdqsort sorts data[a:b]; limit is how many badly unbalanced partitions
// are still tolerated before the rest goes to heapSort. The larger side
// of each partition is handled by the loop, the smaller by recursion.
func pdqsort(data Interface, a, b, limit int) {
	balanced := true    // the previous partition was not lopsided
	partitioned := true // the previous partition moved nothing
	for {
		n := b - a
		if n <= 12 {
			insertionSort(data, a, b)
			return
		}
		if limit == 0 {
			heapSort(data, a, b)
			return
		}
		if !balanced {
			breakPatterns(data, a, b)
			limit--
		}

		pivot, hint := choosePivot(data, a, b)
		if hint == decreasingHint {
			reverseRange(data, a, b)
			// the pivot moved to the mirror position
			pivot = b - 1 - (pivot - a)
			hint = increasingHint
		}
		if balanced && partitioned && hint == increasingHint && partialInsertionSort(data, a, b) {
			return
		}

		// data[a-1] (a pivot of an enclosing call) is not less than this
		// pivot: nothing here is smaller, so split off the run equal to it.
		if a > 0 && !data.Less(a-1, pivot) {
			a = partitionEqual(data, a, b, pivot)
			continue
		}

		mid, clean := partition(data, a, b, pivot)
		partitioned = clean
		left, right := mid-a, b-mid
		if left < right {
			balanced = left >= n/8
			pdqsort(data, a, mid, limit)
			a = mid + 1
		} else {
			balanced = right >= n/8
			pdqsort(data, mid+1, b, limit)
			b = mid
		}
	}
}

// partition moves data[pivot] to a, then gathers what is less than it on
// the left and the rest on the right, and puts it between them at the
// index returned. clean reports that no element had to be exchanged.
func partition(data Interface, a, b, pivot int) (mid int, clean bool) {
	data.Swap(a, pivot)
	lo, hi := a+1, b-1
	clean = true
	for {
		for lo <= hi && data.Less(lo, a) {
			lo++
		}
		for lo <= hi && !data.Less(hi, a) {
			hi--
		}
		if lo > hi {
			break
		}
		data.Swap(lo, hi)
		clean = false
		lo++
		hi--
	}
	data.Swap(hi, a)
	return hi, clean
}

// partitionEqual moves data[pivot] to a and gathers the elements equal to
// it (none is less) after it; it returns where the greater ones start.
func partitionEqual(data Interface, a, b, pivot int) int {
	data.Swap(a, pivot)
	lo, hi := a+1, b-1
	for {
		for lo <= hi && !data.Less(a, lo) {
			lo++
		}
		for lo <= hi && data.Less(a, hi) {
			hi--
		}
		if lo > hi {
			return lo
		}
		data.Swap(lo, hi)
		lo++
		hi--
	}
}

// partialInsertionSort reports whether data[a:b] is sorted, fixing up at
// most five adjacent inversions on the way (none when the range is
// shorter than 50), so a nearly sorted range needs no partitioning.
func partialInsertionSort(data Interface, a, b int) bool {
	i := a + 1
	for step := 0; step < 5; step++ {
		for i < b && !data.Less(i, i-1) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < 50 {
			return false
		}
		data.Swap(i, i-1)
		// the smaller element sinks left (the bound is the slice's start,
		// not a: the element before a stops it)
		if i-a >= 2 {
			for k := i - 1; k >= 1 && data.Less(k, k-1); k-- {
				data.Swap(k, k-1)
			}
		}
		// the greater one rises right
		if b-i >= 2 {
			for k := i + 1; k < b && data.Less(k, k-1); k++ {
				data.Swap(k, k-1)
			}
		}
	}
	return false
}

// breakPatterns swaps the three middle elements of data[a:b] with
// pseudo-random others, from a generator seeded with the length, after a
// lopsided partition.
func breakPatterns(data Interface, a, b int) {
	n := b - a
	if n < 8 {
		return
	}
	seed := xorshift(n)
	mask := nextPowerOfTwo(n) - 1
	center := a + n/4*2
	for at := center - 1; at <= center+1; at++ {
		other := int(uint(seed.Next()) & mask)
		if other >= n {
			other -= n
		}
		data.Swap(at, a+other)
	}
}

// choosePivot picks the pivot of data[a:b]: the middle index below 8
// elements, the median of the quartile positions below 50, the median of
// their neighbourhoods' medians (Tukey's ninther) from 50 on. The hint
// says whether every comparison found the samples in order (increasing)
// or every one out of order (decreasing).
func choosePivot(data Interface, a, b int) (pivot int, hint sortedHint) {
	n := b - a
	q := n / 4
	i, j, k := a+q, a+2*q, a+3*q
	swaps := 0
	if n >= 8 {
		if n >= 50 {
			i = medianAdjacent(data, i, &swaps)
			j = medianAdjacent(data, j, &swaps)
			k = medianAdjacent(data, k, &swaps)
		}
		j = median(data, i, j, k, &swaps)
	}
	if swaps == 0 {
		return j, increasingHint
	}
	if swaps == 12 {
		return j, decreasingHint
	}
	return j, unknownHint
}

// order2 returns a and b ordered by their elements, counting a swap when
// they were not.
func order2(data Interface, a, b int, swaps *int) (int, int) {
	if data.Less(b, a) {
		*swaps++
		return b, a
	}
	return a, b
}

// median returns which of a, b, c holds the median element.
func median(data Interface, a, b, c int, swaps *int) int {
	a, b = order2(data, a, b, swaps)
	b, c = order2(data, b, c, swaps)
	_, b = order2(data, a, b, swaps)
	return b
}

// medianAdjacent returns which of a-1, a, a+1 holds their median.
func medianAdjacent(data Interface, a int, swaps *int) int {
	return median(data, a-1, a, a+1, swaps)
}

// reverseRange reverses data[a:b].
func reverseRange(data Interface, a, b int) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		data.Swap(i, j)
	}
}

// swapRange exchanges data[a:a+n] with data[b:b+n], element by element.
func swapRange(data Interface, a, b, n int) {
	for i := 0; i < n; i++ {
		data.Swap(a+i, b+i)
	}
}

// stable sorts data[0:n] keeping equal elements in order: blocks of 20
// insertion-sorted, then merged pairwise in rounds of doubling width.
func stable(data Interface, n int) {
	width := 20
	start := 0
	for ; start+width <= n; start += width {
		insertionSort(data, start, start+width)
	}
	insertionSort(data, start, n)

	for ; width < n; width *= 2 {
		lo := 0
		for ; lo+2*width <= n; lo += 2 * width {
			symMerge(data, lo, lo+width, lo+2*width)
		}
		if lo+width < n {
			symMerge(data, lo, lo+width, n)
		}
	}
}

// symMerge merges the sorted runs data[a:m] and data[m:b] in place and
// stably, by Kim and Kutzner's SymMerge ("Stable Minimum Storage Merging
// by Symmetric Comparisons", ESA 2004): a binary search finds the split
// that makes the two middle blocks swappable by a rotation, then each
// side is merged recursively. Requires a < m < b.
func symMerge(data Interface, a, m, b int) {
	if m-a == 1 {
		// one element on the left: binary-search its place among
		// data[m:b] (before the first one not less than it) and bubble it
		// there
		lo, hi := m, b
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if data.Less(h, a) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		for k := a; k < lo-1; k++ {
			data.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		// one element on the right: its place among data[a:m] is after
		// the last one not greater than it
		lo, hi := a, m
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if !data.Less(m, h) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		for k := m; k > lo; k-- {
			data.Swap(k, k-1)
		}
		return
	}

	mid := int(uint(a+b) >> 1)
	n := mid + m
	lo, hi := a, m
	if m > mid {
		lo, hi = n-b, mid
	}
	last := n - 1
	for lo < hi {
		c := int(uint(lo+hi) >> 1)
		if !data.Less(last-c, c) {
			lo = c + 1
		} else {
			hi = c
		}
	}
	end := n - lo
	if lo < m && m < end {
		rotate(data, lo, m, end)
	}
	if a < lo && lo < mid {
		symMerge(data, a, lo, mid)
	}
	if mid < end && end < b {
		symMerge(data, mid, end, b)
	}
}

// rotate turns data[a:m] data[m:b] into data[m:b] data[a:m] with b-a
// swaps at most, by exchanging equal-length blocks (a < m < b).
func rotate(data Interface, a, m, b int) {
	left, right := m-a, b-m
	for left != right {
		if left > right {
			swapRange(data, m-left, m, right)
			left -= right
		} else {
			swapRange(data, m-left, m+right-left, left)
			right -= left
		}
	}
	swapRange(data, m-left, m, left)
}
