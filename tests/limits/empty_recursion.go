package main

import "fmt"

// An empty frame: no VM stack, so only the frame count (interpreter) and
// the native stack (compiled code) bound it.
func g() { g() }

func main() {
	fmt.Println("start")
	g()
}
