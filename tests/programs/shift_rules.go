package main

import "fmt"

func main() {
	// shift counts at or beyond the width: 0 for left shifts and unsigned
	// right shifts, sign fill for signed right shifts
	var s uint = 64
	one := 1
	var u64 uint64 = 1<<64 - 1
	fmt.Println(one<<s, one<<(s-1), u64>>s, u64>>(s-1))
	neg := -8
	fmt.Println(neg>>1, neg>>3, neg>>s, neg>>200, neg<<1)
	var i8 int8 = -128
	fmt.Println(i8>>7, i8>>8, i8<<1, uint8(i8)>>7)
	var u8 uint8 = 0x81
	fmt.Println(u8<<1, u8>>1, u8<<7, u8<<8)
	var i32 int32 = 1
	fmt.Println(i32<<31, i32<<32, i32<<31>>31)

	// signed shift counts are allowed (must not be negative)
	var sc int = 3
	var sc8 int8 = 2
	fmt.Println(5<<sc, 40>>sc8, uint16(1)<<sc8)

	// count types do not affect the result type
	var cnt uint8 = 4
	x := int64(3) << cnt
	fmt.Printf("%T %v\n", x, x)

	// an untyped constant shifted by a variable takes its type from context
	var n uint = 9
	var small uint8 = 1 << n // the 1 is a uint8: overflow wraps to 0
	var wide int = 1 << n
	var w64 uint64 = 1 << (n + 50)
	fmt.Println(small, wide, w64)
	fmt.Printf("%T %v\n", 1<<n, 1<<n)

	// constant shifts are exact
	const c1 = 1 << 10
	const c2 = c1 >> 3
	const c3 = -1 >> 1
	const c4 = 1 << 70 >> 68
	fmt.Println(c1, c2, c3, c4)

	// rotate built from shifts
	rotl := func(v uint32, k uint) uint32 { return v<<k | v>>(32-k) }
	fmt.Println(rotl(0x80000001, 1), rotl(0x12345678, 8), rotl(1, 31))
	fmt.Printf("%x\n", rotl(0x12345678, 12))

	// bit tricks
	v := 0b1011_0000
	fmt.Println(v&-v, v&(v-1), v|(v>>1)|(v>>2))
	popcount := func(x uint64) int {
		c := 0
		for x != 0 {
			x &= x - 1
			c++
		}
		return c
	}
	fmt.Println(popcount(0), popcount(0xFF), popcount(1<<63|1), popcount(u64))

	// precedence: << binds like *, & like *, | like +
	fmt.Println(1+2<<3, (1+2)<<3, 6&3<<1, 6|3<<2, 1<<2*3)

	// shifting in a loop
	acc := uint64(1)
	for i := 0; i < 70; i += 7 {
		acc = acc<<7 | uint64(i)
	}
	fmt.Println(acc)
	var sh uint = 0
	total := 0
	for sh < 70 {
		total += int(uint64(1) << sh >> sh)
		sh += 5
	}
	fmt.Println(total)
}
