package main

import "fmt"

// println formats floats like %v (shortest round-trip, exponent form
// below 1e-4 and from 1e21) in Go 1.27.

type Celsius float64

func main() {
	x, y := 0.1, 0.2
	z := 0.0
	println(x+y, 1e21, 1e20, 123456789.0, 1e-5, 0.0001, 100.0, -2.5, 1/z, -1/z, z/z, -z, 5e-324, 1e6, Celsius(36.6))
	fmt.Println(x+y, 1/z)
}
