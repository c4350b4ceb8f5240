package main

import "fmt"

// Keeps every 1 MB slice it makes: live heap without bound.
func main() {
	var keep [][]int
	for i := 0; i < 1000000; i++ {
		keep = append(keep, make([]int, 1<<17))
		if i%100 == 0 {
			fmt.Println(i)
		}
	}
	fmt.Println(len(keep))
}
