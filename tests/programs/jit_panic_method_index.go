package main

import "fmt"

// Index out of range inside a small method called from a hot loop through
// an interface, after the method and the loop are compiled: the panic
// message carries the index and the length.

type Table interface {
	Get(i int) int
	Len() int
}

type Dense struct{ v []int }

func (d *Dense) Get(i int) int { return d.v[i] }
func (d *Dense) Len() int      { return len(d.v) }

type Ring struct{ v [8]int }

func (r Ring) Get(i int) int { return r.v[i&7] }
func (r Ring) Len() int      { return 8 }

func scan(t Table, n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += t.Get(i % t.Len())
	}
	return s
}

func main() {
	d := &Dense{make([]int, 1000)}
	for i := range d.v {
		d.v[i] = i * 3
	}
	r := Ring{[8]int{1, 2, 3, 4, 5, 6, 7, 8}}
	tot := 0
	for round := 0; round < 50; round++ {
		tot += scan(d, 2000)
		if round%10 == 0 {
			tot += scan(r, 100)
		}
	}
	fmt.Println("ok", tot)

	// now an index one past the end, from inside the hot method
	var t Table = d
	s := 0
	for i := 0; i <= 200000; i++ {
		j := i % 1000
		if i == 150000 {
			j = 1000 + i%7
		}
		s += t.Get(j)
		if i%50000 == 0 {
			fmt.Println("i", i, s)
		}
	}
	fmt.Println("unreachable", s)
}
