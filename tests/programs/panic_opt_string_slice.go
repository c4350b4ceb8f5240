// A string sliced past its end after the optimizing tier compiled the
// inline form: Go's message, from the slow path.
package main

import "fmt"

func cut(s string, lo, hi int) string { return s[lo:hi] }

func main() {
	s := "abcdef"
	t := 0
	for i := 0; i < 2000; i++ {
		t += len(cut(s, i%3, 3+i%4))
	}
	fmt.Println(t)
	fmt.Println(cut(s, 2, 7))
}
