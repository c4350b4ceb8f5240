package main

import "fmt"

// 2^47 bytes of ints: within Go's maxAlloc (2^48), but no machine here has
// them: Go's "fatal error: runtime: out of memory", not a crash.
func main() {
	fmt.Println("before")
	n := 1 << 44
	s := make([]int, n)
	fmt.Println(len(s))
}
