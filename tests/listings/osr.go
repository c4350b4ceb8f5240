// A long loop entered by OSR at its header, and the loop's branches.
// listing: main.run OSR
// listing: main.run JfCmpI
// listing: main.run Jmp
package main

import "fmt"

func run(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += i & 7
	}
	return sum
}

func main() {
	fmt.Println(run(5000))
}
