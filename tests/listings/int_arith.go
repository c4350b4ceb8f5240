// Integer arithmetic and compares, on ints and sized integers.
// listing: main.arith AddI
// listing: main.arith SubI
// listing: main.arith MulI
// listing: main.inc AddImm
// listing: main.narrow Trunc
// listing: main.less CmpI
// listing: main.scaled AndImmMulImm
package main

import "fmt"

func arith(a, b int) int { return (a+b)*(a-b) + 1 }

func inc(a int) int {
	a++
	return a
}

func narrow(a, b int8) int8 { return a * b }

func less(a, b int) bool { return a < b }

func scaled(x int) int { return (x & 255) * 3 }

func main() {
	fmt.Println(arith(7, 3), inc(4), narrow(100, 3), less(1, 2), scaled(1000))
}
