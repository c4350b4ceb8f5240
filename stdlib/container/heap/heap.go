// Package heap: heap operations over any sort.Interface that can also
// push and pop, as Go's container/heap (a binary min-heap by Less, its
// root at index 0). (pgojit's standard library: written for pgojit,
// compiled by its front end like the program, so the Less and Swap
// calls in here are profiled and devirtualized like the program's own.)
package heap

import "sort"

// Interface is a collection heap's functions keep in heap order: Push
// adds x at index Len(), Pop removes and returns the element at Len()-1.
type Interface interface {
	sort.Interface
	Push(x any)
	Pop() any
}

// Init puts h in heap order. O(n).
func Init(h Interface) {
	n := h.Len()
	for i := n/2 - 1; i >= 0; i-- {
		down(h, i, n)
	}
}

// Push adds x to the heap. O(log n).
func Push(h Interface, x any) {
	h.Push(x)
	up(h, h.Len()-1)
}

// Pop removes and returns the least element. O(log n).
func Pop(h Interface) any {
	last := h.Len() - 1
	h.Swap(0, last)
	down(h, 0, last)
	return h.Pop()
}

// Remove removes and returns the element at index i. O(log n).
func Remove(h Interface, i int) any {
	last := h.Len() - 1
	if i != last {
		h.Swap(i, last)
		if !down(h, i, last) {
			up(h, i)
		}
	}
	return h.Pop()
}

// Fix restores heap order after the element at index i changed. O(log n).
func Fix(h Interface, i int) {
	if !down(h, i, h.Len()) {
		up(h, i)
	}
}

// up moves the element at j toward the root while it is less than its
// parent.
func up(h Interface, j int) {
	for {
		parent := (j - 1) / 2
		if parent == j || !h.Less(j, parent) {
			return
		}
		h.Swap(parent, j)
		j = parent
	}
}

// down moves the element at i0 toward the leaves (below n) while a child
// is less than it; it reports whether it moved.
func down(h Interface, i0, n int) bool {
	i := i0
	for {
		child := 2*i + 1
		if child >= n || child < 0 { // child < 0: 2*i+1 overflowed
			break
		}
		if right := child + 1; right < n && h.Less(right, child) {
			child = right
		}
		if !h.Less(child, i) {
			break
		}
		h.Swap(i, child)
		i = child
	}
	return i > i0
}
