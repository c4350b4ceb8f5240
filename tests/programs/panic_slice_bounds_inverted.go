package main

import "fmt"

func main() {
	xs := []int{1, 2, 3, 4, 5}
	lo, hi := 1, 4
	for lo <= 4 {
		fmt.Println(xs[lo:hi])
		lo++
		hi--
	}
}
