package main

import "fmt"

// The index goes out of range only after many iterations, when a JIT
// will have compiled the loop.

type Reader interface{ At(i int) int }

type Data struct{ xs []int }

func (d *Data) At(i int) int { return d.xs[i] }

func main() {
	d := &Data{xs: make([]int, 300000)}
	for i := range d.xs {
		d.xs[i] = i & 0xff
	}
	var r Reader = d
	sum := 0
	for i := 0; ; i++ {
		sum += r.At(i)
		if i%100000 == 0 {
			fmt.Println(i, sum)
		}
	}
}
