// A function-value call site that always sees the same function: a guard
// on the closure's function, its body inlined.
// listing: main.run CallClosure
package main

import "fmt"

func double(x int) int { return 2 * x }

func run(f func(int) int, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += f(i)
	}
	return sum
}

func main() {
	fmt.Println(run(double, 5000))
}
