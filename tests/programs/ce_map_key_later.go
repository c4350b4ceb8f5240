package main

import "fmt"

// A map key type that is not complete where the map type is written: Go
// checks it once it is, at the map type's position.
type T struct {
	next map[T]int
	x    int
}

func main() {
	var t T
	fmt.Println(t.x)
}
