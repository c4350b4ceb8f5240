package main

import "fmt"

// print adds no spaces and no newline between or after its operands.

func main() {
	a, b := 3, 4
	print("sum=", a+b, " prod=", a*b, true, false, 'x', 2.5, "|")
	print("same line", "\n")
	fmt.Println("stdout only")
}
