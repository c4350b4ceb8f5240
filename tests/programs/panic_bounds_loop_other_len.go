package main

import "fmt"

// An index below one slice's length used on a shorter slice: the check
// against the other length stays and panics.

func dot(a []int, b []int) int {
	t := 0
	for i := 0; i < len(a); i++ {
		t += a[i] * b[i]
	}
	return t
}

func main() {
	a := []int{1, 2, 3, 4, 5}
	fmt.Println(dot(a, a))
	fmt.Println(dot(a, a[:3]))
}
