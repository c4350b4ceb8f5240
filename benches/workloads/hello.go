// calls: 0
package main

import "fmt"

// Startup cost: parse, check, lower and run a trivial program.

func main() {
	fmt.Println("hello, world")
}
