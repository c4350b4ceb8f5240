// Float arithmetic, compares and conversions.
// listing: main.fma AddF
// listing: main.fma MulF
// listing: main.fless CmpF
// listing: main.tofloat IToF
// listing: main.toint FToI
package main

import "fmt"

func fma(a, b, c float64) float64 { return a*b + c }
func fless(a, b float64) bool      { return a < b }
func tofloat(i int) float64        { return float64(i) }
func toint(f float64) int          { return int(f) }

func main() {
	fmt.Println(fma(1.5, 2, 0.25), fless(1, 2), tofloat(3), toint(2.5))
}
