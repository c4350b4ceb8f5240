package main

import "fmt"

// Sorting through an interface, as the standard library's sort package
// did before generics: an introsort (quicksort with median-of-three
// pivots, heapsort when the recursion gets too deep, insertion sort for
// short runs) over Len/Less/Swap, applied to several concrete types.

// Rounds is how many times each data set is regenerated and sorted.
const Rounds = 250 // test: 2

// N is the length of each data set.
const N = 5000 // test: 300

type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

func insertionSort(data Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

func siftDown(data Interface, lo, hi, first int) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			return
		}
		if child+1 < hi && data.Less(first+child, first+child+1) {
			child++
		}
		if !data.Less(first+root, first+child) {
			return
		}
		data.Swap(first+root, first+child)
		root = child
	}
}

func heapSort(data Interface, a, b int) {
	first := a
	lo := 0
	hi := b - a
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDown(data, i, hi, first)
	}
	for i := hi - 1; i >= 0; i-- {
		data.Swap(first, first+i)
		siftDown(data, lo, i, first)
	}
}

func medianOfThree(data Interface, m1, m0, m2 int) {
	if data.Less(m1, m0) {
		data.Swap(m1, m0)
	}
	if data.Less(m2, m1) {
		data.Swap(m2, m1)
		if data.Less(m1, m0) {
			data.Swap(m1, m0)
		}
	}
}

func doPivot(data Interface, lo, hi int) (midlo, midhi int) {
	m := lo + (hi-lo)/2
	if hi-lo > 40 {
		s := (hi - lo) / 8
		medianOfThree(data, lo, lo+s, lo+2*s)
		medianOfThree(data, m, m-s, m+s)
		medianOfThree(data, hi-1, hi-1-s, hi-1-2*s)
	}
	medianOfThree(data, lo, m, hi-1)

	// Invariants: data[lo] is the pivot, data[lo+1:a] < pivot,
	// data[a:b] unexamined, data[b:hi] >= pivot.
	pivot := lo
	a, c := lo+1, hi-1
	for ; a < c && data.Less(a, pivot); a++ {
	}
	b := a
	for {
		for ; b < c && !data.Less(pivot, b); b++ {
		}
		for ; b < c && data.Less(pivot, c-1); c-- {
		}
		if b >= c {
			break
		}
		data.Swap(b, c-1)
		b++
		c--
	}
	data.Swap(pivot, b-1)
	return b - 1, b
}

func quickSort(data Interface, a, b, maxDepth int) {
	for b-a > 12 {
		if maxDepth == 0 {
			heapSort(data, a, b)
			return
		}
		maxDepth--
		mlo, mhi := doPivot(data, a, b)
		if mlo-a < b-mhi {
			quickSort(data, a, mlo, maxDepth)
			a = mhi
		} else {
			quickSort(data, mhi, b, maxDepth)
			b = mlo
		}
	}
	if b-a > 1 {
		insertionSort(data, a, b)
	}
}

// Sort sorts data in increasing order; it is not stable.
func Sort(data Interface) {
	n := data.Len()
	maxDepth := 0
	for i := n; i > 0; i >>= 1 {
		maxDepth++
	}
	quickSort(data, 0, n, maxDepth*2)
}

func IsSorted(data Interface) bool {
	for i := data.Len() - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

// Reverse sorts in decreasing order of the data it wraps.
type reverse struct{ data Interface }

func (r reverse) Len() int           { return r.data.Len() }
func (r reverse) Less(i, j int) bool { return r.data.Less(j, i) }
func (r reverse) Swap(i, j int)      { r.data.Swap(i, j) }

func Reverse(data Interface) Interface { return reverse{data} }

type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

type Float64Slice []float64

func (x Float64Slice) Len() int           { return len(x) }
func (x Float64Slice) Less(i, j int) bool { return x[i] < x[j] }
func (x Float64Slice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

type StringSlice []string

func (x StringSlice) Len() int           { return len(x) }
func (x StringSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

type Employee struct {
	Name   string
	Age    int
	Salary float64
}

// ByAgeThenName orders employees by age, then by name.
type ByAgeThenName []Employee

func (x ByAgeThenName) Len() int { return len(x) }
func (x ByAgeThenName) Less(i, j int) bool {
	if x[i].Age != x[j].Age {
		return x[i].Age < x[j].Age
	}
	return x[i].Name < x[j].Name
}
func (x ByAgeThenName) Swap(i, j int) { x[i], x[j] = x[j], x[i] }

// BySalary sorts pointers to employees by salary.
type BySalary []*Employee

func (x BySalary) Len() int           { return len(x) }
func (x BySalary) Less(i, j int) bool { return x[i].Salary < x[j].Salary }
func (x BySalary) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Rand is a xorshift generator.
type Rand struct{ state uint64 }

func (r *Rand) Next() uint64 {
	x := r.state
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	r.state = x
	return x
}

func (r *Rand) Intn(n int) int { return int(r.Next() % uint64(n)) }

func (r *Rand) Word() string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	b := make([]byte, 3+r.Intn(6))
	for i := range b {
		b[i] = letters[r.Intn(len(letters))]
	}
	return string(b)
}

func main() {
	rng := &Rand{88172645463325252}
	ints := make(IntSlice, N)
	floats := make(Float64Slice, N)
	words := make(StringSlice, N)
	staff := make(ByAgeThenName, N)
	sum := 0
	for round := 0; round < Rounds; round++ {
		for i := 0; i < N; i++ {
			ints[i] = rng.Intn(1000000)
			floats[i] = float64(rng.Intn(1000000)) / 997
			words[i] = rng.Word()
			staff[i] = Employee{rng.Word(), 20 + rng.Intn(45), float64(30000 + rng.Intn(90000))}
		}
		// Already sorted input, reversed: quicksort's easy and hard cases.
		sorted := make(IntSlice, N)
		for i := range sorted {
			sorted[i] = i / 3
		}

		Sort(ints)
		Sort(floats)
		Sort(words)
		Sort(Reverse(sorted))
		Sort(staff)
		bySalary := make(BySalary, N)
		for i := range staff {
			bySalary[i] = &staff[i]
		}
		Sort(bySalary)
		if !IsSorted(ints) || !IsSorted(floats) || !IsSorted(words) ||
			!IsSorted(Reverse(sorted)) || !IsSorted(staff) || !IsSorted(bySalary) {
			panic("not sorted")
		}
		mid := N / 2
		sum = sum*31 + ints[mid] + int(floats[mid]) + len(words[mid]) + sorted[mid] + staff[mid].Age
		for i := 0; i < N; i += N / 10 {
			sum = sum*7 + int(words[i][0]) + int(bySalary[i].Salary)
		}
		if round == Rounds-1 {
			fmt.Println("ints:", ints[0], ints[mid], ints[N-1])
			fmt.Println("floats:", fmt.Sprintf("%.3f %.3f %.3f", floats[0], floats[mid], floats[N-1]))
			fmt.Println("words:", words[0], words[mid], words[N-1])
			fmt.Println("reversed:", sorted[0], sorted[N-1])
			fmt.Println("youngest:", staff[0].Name, staff[0].Age, "oldest:", staff[N-1].Name, staff[N-1].Age)
			fmt.Println("salaries:", bySalary[0].Salary, bySalary[N-1].Salary)
		}
	}
	fmt.Println("checksum:", sum)
}
