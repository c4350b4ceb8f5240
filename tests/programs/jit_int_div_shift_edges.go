package main

import "fmt"

// Integer division and shifts at their edges, in hot functions that get
// compiled: MinInt / -1 wraps and MinInt % -1 is 0 for every signed size
// (x86 idiv would trap), truncation toward zero, unsigned division above
// 2^63, shifts by counts >= the width (0 or -1, never masked to the low
// bits as the hardware does), counts of every unsigned type and huge ones.

const minI64 = -1 << 63

func div64(a, b int64) (int64, int64) { return a / b, a % b }
func div32(a, b int32) (int32, int32) { return a / b, a % b }
func div16(a, b int16) (int16, int16) { return a / b, a % b }
func div8(a, b int8) (int8, int8)     { return a / b, a % b }
func divInt(a, b int) (int, int)      { return a / b, a % b }
func divU64(a, b uint64) (uint64, uint64) {
	return a / b, a % b
}
func divU8(a, b uint8) (uint8, uint8) { return a / b, a % b }

func shl64(x int64, s uint) int64    { return x << s }
func shr64(x int64, s uint) int64    { return x >> s }
func shlU64(x uint64, s uint) uint64 { return x << s }
func shrU64(x uint64, s uint) uint64 { return x >> s }
func shl32(x int32, s uint8) int32   { return x << s }
func shr32(x int32, s uint8) int32   { return x >> s }
func shrU32(x uint32, s uint16) uint32 {
	return x >> s
}
func shl8(x int8, s uint32) int8   { return x << s }
func shr8(x int8, s uint64) int8   { return x >> s }
func shlU16(x uint16, s int) uint16 { return x << s }

func main() {
	var h uint64 = 17
	mix := func(v uint64) { h = (h ^ v) * 0x100000001b3 }

	ds := []int64{-1, 1, -2, 2, 3, -3, 7, -7, 1 << 32, minI64, 1<<63 - 1}
	as := []int64{minI64, minI64 + 1, -1, 0, 1, -7, 7, 1<<63 - 1, -1 << 31, 1 << 31}
	for r := 0; r < 300; r++ {
		for _, a := range as {
			for _, b := range ds {
				q, m := div64(a, b)
				mix(uint64(q))
				mix(uint64(m))
				qi, mi := divInt(int(a), int(b))
				mix(uint64(qi) ^ uint64(mi)<<1)
				q32, m32 := div32(int32(a), int32(b|1))
				mix(uint64(q32))
				mix(uint64(m32))
				q16, m16 := div16(int16(a), int16(b|1))
				mix(uint64(q16) + uint64(m16))
				q8, m8 := div8(int8(a), int8(b|1))
				mix(uint64(q8)*3 + uint64(m8))
				uq, um := divU64(uint64(a), uint64(b))
				mix(uq ^ um)
				bq, bm := divU8(uint8(a), uint8(b|1))
				mix(uint64(bq)<<8 | uint64(bm))
			}
		}
	}
	fmt.Println("div hash", h)

	// the edges themselves, printed
	q, m := div64(minI64, -1)
	fmt.Println(q, m)
	qi, mi := divInt(minI64, -1)
	fmt.Println(qi, mi)
	q32, m32 := div32(-1<<31, -1)
	fmt.Println(q32, m32)
	q16, m16 := div16(-1<<15, -1)
	fmt.Println(q16, m16)
	q8, m8 := div8(-128, -1)
	fmt.Println(q8, m8)
	q8, m8 = div8(-7, 2)
	fmt.Println(q8, m8)
	q8, m8 = div8(7, -2)
	fmt.Println(q8, m8)
	uq, um := divU64(1<<63+5, 3)
	fmt.Println(uq, um)
	uq, um = divU64(18446744073709551615, 1<<63)
	fmt.Println(uq, um)
	bq, bm := divU8(255, 7)
	fmt.Println(bq, bm)

	// constant divisors in a hot loop of main (OSR)
	var cs int64
	var c8 int8
	for i := int64(0); i < 100000; i++ {
		x := minI64 + i%3
		cs += x/-1 + x%-1 + x/7 + x%7 + x/minI64 + x%minI64
		b := int8(i%3) + -128
		c8 += b/-1 + b%-1 + b/-128
	}
	fmt.Println("const div", cs, c8)

	h = 17
	for r := 0; r < 200; r++ {
		for s := uint(0); s < 140; s += 3 {
			mix(uint64(shl64(-0x123456789, s)))
			mix(uint64(shr64(-0x123456789, s)))
			mix(uint64(shr64(0x7123456789, s)))
			mix(shlU64(0xdeadbeefcafe, s))
			mix(shrU64(1<<63|0xff, s))
			mix(uint64(shl32(-12345, uint8(s))))
			mix(uint64(shr32(-12345, uint8(s))))
			mix(uint64(shrU32(0x80000001, uint16(s))))
			mix(uint64(shl8(-3, uint32(s))))
			mix(uint64(shr8(-128, uint64(s))))
			mix(uint64(shlU16(0xf00f, int(s))))
		}
	}
	fmt.Println("shift hash", h)
	for _, s := range []uint{0, 1, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256, 1<<32 + 1, 1 << 63, 18446744073709551615} {
		fmt.Println(s, shl64(-3, s), shr64(-3, s), shr64(3, s), shlU64(3, s), shrU64(1<<63, s),
			shl32(-3, uint8(s)), shr32(-1<<31, uint8(s)), shrU32(1<<31, uint16(s)),
			shl8(-1, uint32(s)), shr8(-100, uint64(s)), shlU16(1, int(s&0xffff)))
	}
}
