// The math/bits package: counts, rotations, reversals and double-word
// arithmetic at edge values and over thousands of LCG inputs, as Go's.
package main

import (
	"fmt"
	"math/bits"
)

var seed uint64 = 0x2545F4914F6CDD1D

func next() uint64 {
	seed = seed*6364136223846793005 + 1442695040888963407
	return seed ^ seed>>31
}

func mix(h uint64, v uint64) uint64 {
	h ^= v
	h *= 0x100000001b3
	return h ^ h>>32
}

// word returns a value with a random number of significant bits.
func word() uint64 {
	return next() >> (next() % 65 % 64)
}

var edges = []uint64{0, 1, 2, 3, 0x80, 0xFF, 0x100, 0x8000, 0xFFFF, 0x10000, 0x80000000, 0xFFFFFFFF,
	1 << 32, 1 << 63, 1<<64 - 1, 0x0123456789ABCDEF, 0xF0F0F0F0F0F0F0F0, 0x5555555555555555}

func counts(x uint64) uint64 {
	h := uint64(0)
	h = mix(h, uint64(bits.LeadingZeros(uint(x))))
	h = mix(h, uint64(bits.LeadingZeros8(uint8(x))))
	h = mix(h, uint64(bits.LeadingZeros16(uint16(x))))
	h = mix(h, uint64(bits.LeadingZeros32(uint32(x))))
	h = mix(h, uint64(bits.LeadingZeros64(x)))
	h = mix(h, uint64(bits.TrailingZeros(uint(x))))
	h = mix(h, uint64(bits.TrailingZeros8(uint8(x))))
	h = mix(h, uint64(bits.TrailingZeros16(uint16(x))))
	h = mix(h, uint64(bits.TrailingZeros32(uint32(x))))
	h = mix(h, uint64(bits.TrailingZeros64(x)))
	h = mix(h, uint64(bits.OnesCount(uint(x))))
	h = mix(h, uint64(bits.OnesCount8(uint8(x))))
	h = mix(h, uint64(bits.OnesCount16(uint16(x))))
	h = mix(h, uint64(bits.OnesCount32(uint32(x))))
	h = mix(h, uint64(bits.OnesCount64(x)))
	h = mix(h, uint64(bits.Len(uint(x))))
	h = mix(h, uint64(bits.Len8(uint8(x))))
	h = mix(h, uint64(bits.Len16(uint16(x))))
	h = mix(h, uint64(bits.Len32(uint32(x))))
	h = mix(h, uint64(bits.Len64(x)))
	return h
}

func shuffles(x uint64, k int) uint64 {
	h := uint64(0)
	h = mix(h, uint64(bits.RotateLeft(uint(x), k)))
	h = mix(h, uint64(bits.RotateLeft8(uint8(x), k)))
	h = mix(h, uint64(bits.RotateLeft16(uint16(x), k)))
	h = mix(h, uint64(bits.RotateLeft32(uint32(x), k)))
	h = mix(h, bits.RotateLeft64(x, k))
	h = mix(h, uint64(bits.Reverse(uint(x))))
	h = mix(h, uint64(bits.Reverse8(uint8(x))))
	h = mix(h, uint64(bits.Reverse16(uint16(x))))
	h = mix(h, uint64(bits.Reverse32(uint32(x))))
	h = mix(h, bits.Reverse64(x))
	h = mix(h, uint64(bits.ReverseBytes(uint(x))))
	h = mix(h, uint64(bits.ReverseBytes16(uint16(x))))
	h = mix(h, uint64(bits.ReverseBytes32(uint32(x))))
	h = mix(h, bits.ReverseBytes64(x))
	return h
}

func arith(x, y, z uint64) uint64 {
	h := uint64(0)
	c := z & 1
	s, co := bits.Add(uint(x), uint(y), uint(c))
	h = mix(mix(h, uint64(s)), uint64(co))
	s32, co32 := bits.Add32(uint32(x), uint32(y), uint32(c))
	h = mix(mix(h, uint64(s32)), uint64(co32))
	s64, co64 := bits.Add64(x, y, c)
	h = mix(mix(h, s64), co64)
	d, bo := bits.Sub(uint(x), uint(y), uint(c))
	h = mix(mix(h, uint64(d)), uint64(bo))
	d32, bo32 := bits.Sub32(uint32(x), uint32(y), uint32(c))
	h = mix(mix(h, uint64(d32)), uint64(bo32))
	d64, bo64 := bits.Sub64(x, y, c)
	h = mix(mix(h, d64), bo64)
	hi, lo := bits.Mul(uint(x), uint(y))
	h = mix(mix(h, uint64(hi)), uint64(lo))
	hi32, lo32 := bits.Mul32(uint32(x), uint32(y))
	h = mix(mix(h, uint64(hi32)), uint64(lo32))
	hi64, lo64 := bits.Mul64(x, y)
	h = mix(mix(h, hi64), lo64)
	if z != 0 {
		h = mix(h, uint64(bits.Rem(uint(x), uint(y), uint(z))))
		h = mix(h, bits.Rem64(x, y, z))
		if uint32(z) != 0 {
			h = mix(h, uint64(bits.Rem32(uint32(x), uint32(y), uint32(z))))
		}
		if x < z {
			q, r := bits.Div(uint(x), uint(y), uint(z))
			h = mix(mix(h, uint64(q)), uint64(r))
			q64, r64 := bits.Div64(x, y, z)
			h = mix(mix(h, q64), r64)
		}
		if uint32(x) < uint32(z) {
			q32, r32 := bits.Div32(uint32(x), uint32(y), uint32(z))
			h = mix(mix(h, uint64(q32)), uint64(r32))
		}
	}
	return h
}

func try(name string, f func()) {
	defer func() {
		fmt.Println(name, "recovered:", recover())
	}()
	f()
}

func main() {
	fmt.Println(bits.UintSize)
	for _, x := range edges {
		fmt.Println(x, bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.OnesCount64(x), bits.Len32(uint32(x)),
			bits.TrailingZeros8(uint8(x)), bits.TrailingZeros16(uint16(x)), bits.TrailingZeros32(uint32(x)))
		fmt.Printf("%x %x %x %x %x %x\n", bits.RotateLeft64(x, 7), bits.RotateLeft32(uint32(x), -3), bits.RotateLeft8(uint8(x), 9),
			bits.Reverse64(x), bits.ReverseBytes64(x), bits.Reverse16(uint16(x)))
		for _, y := range edges {
			hi, lo := bits.Mul64(x, y)
			s, c := bits.Add64(x, y, 1)
			d, b := bits.Sub64(x, y, 1)
			if x == 1<<63 || x == 0xFF {
				fmt.Printf("%x %x %x %d %x %d %x\n", hi, lo, s, c, d, b, arith(x, y, y))
			}
		}
	}
	h := uint64(0)
	for i := 0; i < 4000; i++ {
		x, y, z := word(), word(), word()
		h = mix(h, counts(x))
		h = mix(h, shuffles(x, int(int64(y%300)-150)))
		h = mix(h, arith(x, y, z))
		if i%1000 == 0 {
			fmt.Printf("%x %x %x: %x\n", x, y, z, h)
		}
	}
	fmt.Printf("hash %x\n", h)
	q, r := bits.Div64(1, 0, 3)
	fmt.Println(q, r, bits.Rem64(5, 7, 3))
	var zero uint64
	try("Div64 by zero", func() { bits.Div64(0, 1, zero) })
	try("Div64 overflow", func() { bits.Div64(5, 1, 5) })
	try("Div32 overflow", func() { bits.Div32(7, 1, 2) })
	try("Div32 by zero", func() { bits.Div32(0, 1, uint32(zero)) })
	try("Rem64 by zero", func() { bits.Rem64(1, 1, zero) })
	try("Div by zero", func() { bits.Div(0, 1, uint(zero)) })
}
