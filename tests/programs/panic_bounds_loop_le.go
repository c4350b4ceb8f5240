package main

import "fmt"

// A loop tested `i <= len(s)`: its last access is out of range and must
// still panic with Go's message (no bounds check may be proved away).

func sum(s []int) int {
	t := 0
	for i := 0; i <= len(s); i++ {
		t += s[i]
	}
	return t
}

func main() {
	s := []int{1, 2, 3, 4}
	fmt.Println(s[0])
	fmt.Println(sum(s))
}
