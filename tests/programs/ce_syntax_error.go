package main

import "fmt"

func main() {
	xs := []int{1, 2, 3}
	for i := range xs {
		fmt.Println(xs[i]
	}
}
