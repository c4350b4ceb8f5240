// An element at a masked index (bytecode::peephole's AndImmSliceLoad):
// one-word, two-word (interface, string) and three-word (slice) elements,
// masks that keep the index in range, a mask of -1 (negative indices
// pass through), the masked value reused after the load, in a hot loop,
// and finally a mask wider than the slice: Go's index panic.
package main

import "fmt"

type Named interface {
	Name() string
}

type A struct{ n int }

func (a *A) Name() string { return fmt.Sprint("A", a.n) }

func ring(xs []int, i int) int {
	return xs[i&7]
}

func nameAt(ns []Named, i int) string {
	return ns[i&3].Name()
}

func strAt(ss []string, i int) string {
	return ss[i&3]
}

func sliceAt(sl [][]int, i int) []int {
	return sl[i&3]
}

// The masked value is used again after the load.
func reuse(xs []int, i int) int {
	k := i & 7
	v := xs[k]
	return v*100 + k
}

func anyMask(ys []int, i int) int {
	return ys[i&-1]
}

func hot(xs []int, ss []string) int {
	sum := 0
	for i := 0; i < 200000; i++ {
		sum += xs[i&7] + len(ss[i&3])
	}
	return sum
}

func main() {
	xs := make([]int, 8)
	for j := 0; j < 8; j++ {
		xs[j] = j * j
	}
	ns := []Named{&A{1}, &A{2}, &A{3}, &A{4}}
	ss := []string{"zero", "one", "two", "three"}
	sl := [][]int{{1}, {2, 2}, {3, 3, 3}, {4, 4, 4, 4}}
	for _, i := range []int{0, 1, 7, 8, 9, -1, -8, 1<<63 - 1, -1 << 63, 12345} {
		k := i & 3
		fmt.Println(i, ring(xs, i), nameAt(ns, i), strAt(ss, i), len(sliceAt(sl, i)), k, reuse(xs, i))
	}
	fmt.Println(hot(xs, ss))
	ys := []int{5, 6, 7}
	for _, i := range []int{0, 1, 2} {
		fmt.Println(anyMask(ys, i))
	}
	fmt.Println(ring(xs[:3], 11))
}
