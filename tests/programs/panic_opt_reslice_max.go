// A three-index slice whose max exceeds the capacity, in a hot loop the
// optimizing tier compiled with its inline reslice: the slow path raises
// Go's panic.
package main

import "fmt"

func window(xs []int, lo, hi, max int) []int { return xs[lo:hi:max] }

func main() {
	xs := make([]int, 4, 8)
	t := 0
	for i := 0; i < 2000; i++ {
		t += len(window(xs, 1, 2, 2+i%7))
	}
	fmt.Println(t)
	fmt.Println(window(xs, 1, 2, 9))
}
