package main

import "fmt"

// println formats floats like %v (shortest round-trip; exponent form when
// the decimal exponent is below -4 or at least 6) in Go 1.27, not in the
// old +1.000000e+006 style.

type Celsius float64

func main() {
	x, y := 0.1, 0.2
	z := 0.0
	println(x+y, 1e21, 1e20, 123456789.0, 1e-5, 0.0001, 100.0, -2.5, 1/z, -1/z, z/z, -z, 5e-324, 1e6, 100000.0, 1234567.0, Celsius(36.6))
	fmt.Println(x+y, 1/z)
}
