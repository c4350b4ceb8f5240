// Immediate forms and superinstructions made by the bytecode peephole
// (AndImm, MulImm, AddImm from x-K, CmpImm and JfCmpImm with the constant
// on either side, LoadAddI, fused loop increment and test), at edge values.
package main

import "fmt"

type box struct {
	base int
	next *box
}

func (b *box) add(x int) int {
	return x + b.base
}

func (b *box) addFirst(x int) int {
	return b.base + x
}

func masks(x int) (int, int, int, int) {
	return x & 65535, x & -1, x & 0x7fffffffffffffff, x & 0x100000000
}

func muls(x int) (int, int, int, int) {
	return x * 3, x * -1, x * 0x100000001, 7 * x
}

func subs(x int) (int, int) {
	return x - 5, x - (-9223372036854775807 - 1)
}

func cmps(x int) (bool, bool, bool, bool, bool, bool) {
	return x < 10, 10 < x, x >= -3, -3 >= x, x == 4294967296, 4294967296 != x
}

func sized(x int32, y uint8) (int32, uint8, int32) {
	return x * 3, y & 0xf0, x & 0x7fff
}

func count(lo, hi int) int {
	n := 0
	for i := lo; i < hi; i++ {
		n += i & 3
	}
	return n
}

func countDown(n int) int {
	s := 0
	for i := n; i > 0; i -= 2 {
		s += i * 5
	}
	return s
}

func constLoop() int {
	s := 0
	for j := 0; j < 1024; j++ {
		s += j & 65535
	}
	for k := 9223372036854775800; k < 9223372036854775807 && k > 0; k++ {
		s++
	}
	return s
}

func nilAdd(b *box, x int) (r int) {
	return b.add(x)
}

func main() {
	vals := []int{0, 1, -1, 65535, 65536, -65536, 4294967296, 9223372036854775807, -9223372036854775807 - 1}
	for _, v := range vals {
		a, b, c, d := masks(v)
		fmt.Println("and", v, a, b, c, d)
		e, f, g, h := muls(v)
		fmt.Println("mul", v, e, f, g, h)
		s1, s2 := subs(v)
		fmt.Println("sub", v, s1, s2)
		fmt.Println(cmps(v))
	}
	fmt.Println(sized(2147483647, 255))
	fmt.Println(sized(-2147483648, 15))
	bx := &box{base: 9223372036854775807}
	fmt.Println(bx.add(1), bx.addFirst(-1), (&box{base: -5}).add(5))
	fmt.Println(count(0, 10), count(5, 5), count(10, 0), count(-3, 3))
	fmt.Println(countDown(9), countDown(0), countDown(-4))
	fmt.Println(constLoop())
	sum := 0
	for i := 0; i < 3; i++ {
		b := &box{base: i * 100}
		sum += b.add(i)
	}
	fmt.Println(sum)
	var nb *box
	fmt.Println(nilAdd(nb, 1))
}
