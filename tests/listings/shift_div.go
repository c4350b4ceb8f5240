// Shifts and division: zero divisors, -1 divisors, oversized shift counts.
// listing: main.div DivS
// listing: main.rem RemS
// listing: main.udiv DivU
// listing: main.shl Shl
// listing: main.shr ShrS
// listing: main.ushr ShrU
package main

import "fmt"

func div(a, b int) int    { return a / b }
func rem(a, b int) int    { return a % b }
func udiv(a, b uint) uint { return a / b }
func shl(a int, s uint) int  { return a << s }
func shr(a int, s uint) int  { return a >> s }
func ushr(a, s uint) uint    { return a >> s }

func main() {
	fmt.Println(div(-7, 2), rem(-7, 2), udiv(7, 2), shl(1, 3), shr(-8, 1), ushr(8, 1))
}
