package main

import "fmt"

// A type switch case naming fmt.Stringer (a package-qualified type).

type S interface{ String() string }

type P2 struct{ k string }

func (p P2) String() string { return "P2" }

func main() {
	var y any = P2{}
	switch y.(type) {
	case fmt.Stringer:
		fmt.Println("fmt.Stringer")
	default:
		fmt.Println("default")
	}
	switch y.(type) {
	case S:
		fmt.Println("S")
	default:
		fmt.Println("default")
	}
	switch v := y.(type) {
	case fmt.Stringer:
		fmt.Println("fmt.Stringer", v)
	default:
		fmt.Println("default")
	}
}
