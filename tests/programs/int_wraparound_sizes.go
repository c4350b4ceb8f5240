package main

import "fmt"

func main() {
	// signed overflow wraps (two's complement) at run time
	var i8 int8 = 127
	i8++
	fmt.Println("int8 127+1 =", i8)
	i8 = -128
	i8--
	fmt.Println("int8 -128-1 =", i8)
	var i16 int16 = 32767
	i16 += 2
	fmt.Println("int16:", i16)
	var i32 int32 = 2147483647
	i32 *= 2
	fmt.Println("int32 max*2:", i32)
	var i64 int64 = 9223372036854775807
	i64++
	fmt.Println("int64 max+1:", i64)
	n := 1 << 62
	n *= 4
	fmt.Println("int 1<<62 * 4:", n)

	// unsigned wraps modulo 2^n
	var u8 uint8 = 200
	u8 += 100
	fmt.Println("uint8 200+100 =", u8)
	var b byte = 0
	b--
	fmt.Println("byte 0-1 =", b)
	var u16 uint16 = 65535
	u16++
	fmt.Println("uint16:", u16)
	var u32 uint32 = 1 << 31
	u32 *= 2
	fmt.Println("uint32:", u32)
	var u uint = 0
	u--
	fmt.Println("uint 0-1 =", u)
	var u64 uint64 = 1<<64 - 1
	fmt.Println("uint64 max:", u64, u64+1, u64*u64)

	// negation of the minimum value is itself
	m8 := int8(-128)
	fmt.Println("-(-128) as int8:", -m8)
	minInt := -1 << 63
	fmt.Println("-minInt:", -minInt, minInt-1)

	// division truncates toward zero; remainder has the dividend's sign
	for _, p := range [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {1, 3}, {-1, 3}} {
		fmt.Printf("%d/%d=%d %d%%%d=%d\n", p[0], p[1], p[0]/p[1], p[0], p[1], p[0]%p[1])
	}
	// the one overflow case of division: no panic, result wraps
	minusOne := -1
	fmt.Println("minInt / -1 =", minInt/minusOne, "minInt % -1 =", minInt%minusOne)
	d8 := int8(-128)
	m1 := int8(-1)
	fmt.Println("int8 -128 / -1 =", d8/m1, d8%m1)

	// narrowing conversions keep the low bits
	big := 300
	neg := -129
	fmt.Println(int8(big), uint8(big), int8(neg), uint8(neg), uint16(neg), int16(70000+big))
	var x64 int64 = -1
	fmt.Println(uint32(x64), uint64(x64), uint8(x64), int32(uint32(x64)))
	var h uint64 = 0xdeadbeefcafebabe
	fmt.Println(uint32(h), uint16(h), uint8(h), int8(h), int32(h))
	fmt.Printf("%x %x %x\n", uint32(h), uint16(h>>16), h>>56)

	// widening conversions sign- or zero-extend
	var s8 int8 = -5
	var z8 uint8 = 251
	fmt.Println(int64(s8), uint64(s8), int64(z8), int16(z8), uint16(s8))

	// bitwise ops
	xa, xb := 0b1100_1010, 0b1010_0110
	fmt.Println(xa&xb, xa|xb, xa^xb, xa&^xb, ^xa)
	var ub uint8 = 0xF0
	fmt.Println(^ub, ub&^0x30, -ub)
	fmt.Printf("%d %x %x\n", 0o17, 0xFF, 1_000_000)

	// unsigned comparison vs signed after conversion
	var big32 uint32 = 3000000000
	fmt.Println(big32 > 2000000000, int32(big32) > 0, int32(big32))

	// accumulate with wrapping (a hash)
	var hash uint32 = 2166136261
	for _, c := range []byte("wraparound") {
		hash ^= uint32(c)
		hash *= 16777619
	}
	fmt.Println("fnv32a:", hash)
	var hash64 uint64 = 14695981039346656037
	for _, c := range []byte("wraparound") {
		hash64 ^= uint64(c)
		hash64 *= 1099511628211
	}
	fmt.Println("fnv64a:", hash64)

	// int and int64 are distinct types of the same size
	var ii int = 5
	var jj int64 = 7
	fmt.Println(int64(ii)+jj, ii+int(jj))
	fmt.Printf("%T %T %T %T\n", ii, jj, rune(0), byte(0))
}
