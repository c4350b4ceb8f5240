// Package bits: bit counting and manipulation of unsigned integers, and
// double-word arithmetic, as Go's math/bits. The 64-bit counts, reversals
// and Mul64/Div64 are the runtime's (Go's compiler makes them single
// instructions on amd64); the rest is Go here in terms of them.
package bits

// UintSize is the size of a uint in bits.
const UintSize = 64

// Len64 returns the number of bits needed to represent x (0 for 0).
func Len64(x uint64) (n int)

// TrailingZeros64 returns the number of trailing zero bits in x (64 for 0).
func TrailingZeros64(x uint64) int

// OnesCount64 returns the number of one bits in x.
func OnesCount64(x uint64) int

// Reverse64 returns x with its bits in reverse order.
func Reverse64(x uint64) uint64

// ReverseBytes64 returns x with its bytes in reverse order.
func ReverseBytes64(x uint64) uint64

// Mul64 returns the 128-bit product of x and y: (hi, lo).
func Mul64(x, y uint64) (hi, lo uint64)

// Div64 returns the quotient and remainder of (hi, lo) by y; it panics
// when y is 0 (division by zero) or y <= hi (the quotient overflows).
func Div64(hi, lo, y uint64) (quo, rem uint64)

// overflow panics with the runtime error "integer overflow".
func overflow()

// Lengths.

func Len(x uint) int         { return Len64(uint64(x)) }
func Len8(x uint8) int       { return Len64(uint64(x)) }
func Len16(x uint16) (n int) { return Len64(uint64(x)) }
func Len32(x uint32) (n int) { return Len64(uint64(x)) }

// LeadingZeros returns the number of leading zero bits in x (its width for 0).
func LeadingZeros(x uint) int     { return 64 - Len64(uint64(x)) }
func LeadingZeros8(x uint8) int   { return 8 - Len64(uint64(x)) }
func LeadingZeros16(x uint16) int { return 16 - Len64(uint64(x)) }
func LeadingZeros32(x uint32) int { return 32 - Len64(uint64(x)) }
func LeadingZeros64(x uint64) int { return 64 - Len64(x) }

// TrailingZeros returns the number of trailing zero bits in x (its width
// for 0).
func TrailingZeros(x uint) int { return TrailingZeros64(uint64(x)) }

func TrailingZeros8(x uint8) int {
	if x == 0 {
		return 8
	}
	return TrailingZeros64(uint64(x))
}

func TrailingZeros16(x uint16) int {
	if x == 0 {
		return 16
	}
	return TrailingZeros64(uint64(x))
}

func TrailingZeros32(x uint32) int {
	if x == 0 {
		return 32
	}
	return TrailingZeros64(uint64(x))
}

// OnesCount returns the number of one bits ("population count") in x.
func OnesCount(x uint) int     { return OnesCount64(uint64(x)) }
func OnesCount8(x uint8) int   { return OnesCount64(uint64(x)) }
func OnesCount16(x uint16) int { return OnesCount64(uint64(x)) }
func OnesCount32(x uint32) int { return OnesCount64(uint64(x)) }

// RotateLeft returns x rotated left by k mod its width bits; a negative
// k rotates right.
func RotateLeft(x uint, k int) uint {
	s := uint(k) & 63
	return x<<s | x>>(64-s)
}

func RotateLeft8(x uint8, k int) uint8 {
	s := uint(k) & 7
	return x<<s | x>>(8-s)
}

func RotateLeft16(x uint16, k int) uint16 {
	s := uint(k) & 15
	return x<<s | x>>(16-s)
}

func RotateLeft32(x uint32, k int) uint32 {
	s := uint(k) & 31
	return x<<s | x>>(32-s)
}

func RotateLeft64(x uint64, k int) uint64 {
	s := uint(k) & 63
	return x<<s | x>>(64-s)
}

// Reverse returns x with its bits in reverse order.
func Reverse(x uint) uint            { return uint(Reverse64(uint64(x))) }
func Reverse8(x uint8) uint8         { return uint8(Reverse64(uint64(x)) >> 56) }
func Reverse16(x uint16) uint16      { return uint16(Reverse64(uint64(x)) >> 48) }
func Reverse32(x uint32) uint32      { return uint32(Reverse64(uint64(x)) >> 32) }
func ReverseBytes(x uint) uint       { return uint(ReverseBytes64(uint64(x))) }
func ReverseBytes16(x uint16) uint16 { return x>>8 | x<<8 }
func ReverseBytes32(x uint32) uint32 { return uint32(ReverseBytes64(uint64(x)) >> 32) }

// Add returns x + y + carry and the carry out (carry must be 0 or 1).
func Add(x, y, carry uint) (sum, carryOut uint) {
	s, c := Add64(uint64(x), uint64(y), uint64(carry))
	return uint(s), uint(c)
}

func Add32(x, y, carry uint32) (sum, carryOut uint32) {
	wide := uint64(x) + uint64(y) + uint64(carry)
	return uint32(wide), uint32(wide >> 32)
}

func Add64(x, y, carry uint64) (sum, carryOut uint64) {
	sum = x + y + carry
	// A carry out of bit 63: both top bits set, or one set and the sum's
	// clear.
	carryOut = ((x & y) | ((x | y) &^ sum)) >> 63
	return
}

// Sub returns x - y - borrow and the borrow out (borrow must be 0 or 1).
func Sub(x, y, borrow uint) (diff, borrowOut uint) {
	d, b := Sub64(uint64(x), uint64(y), uint64(borrow))
	return uint(d), uint(b)
}

func Sub32(x, y, borrow uint32) (diff, borrowOut uint32) {
	diff = x - y - borrow
	borrowOut = ((^x & y) | (^(x ^ y) & diff)) >> 31
	return
}

func Sub64(x, y, borrow uint64) (diff, borrowOut uint64) {
	diff = x - y - borrow
	borrowOut = ((^x & y) | (^(x ^ y) & diff)) >> 63
	return
}

// Mul returns the double-width product of x and y.
func Mul(x, y uint) (hi, lo uint) {
	h, l := Mul64(uint64(x), uint64(y))
	return uint(h), uint(l)
}

func Mul32(x, y uint32) (hi, lo uint32) {
	p := uint64(x) * uint64(y)
	return uint32(p >> 32), uint32(p)
}

// Div returns the quotient and remainder of (hi, lo) by y; it panics
// when y is 0 or y <= hi.
func Div(hi, lo, y uint) (quo, rem uint) {
	q, r := Div64(uint64(hi), uint64(lo), uint64(y))
	return uint(q), uint(r)
}

func Div32(hi, lo, y uint32) (quo, rem uint32) {
	if y != 0 && y <= hi {
		overflow()
	}
	n := uint64(hi)<<32 | uint64(lo)
	return uint32(n / uint64(y)), uint32(n % uint64(y))
}

// Rem returns the remainder of (hi, lo) by y, which may be any nonzero
// value (no overflow panic); it panics when y is 0.
func Rem(hi, lo, y uint) uint {
	return uint(Rem64(uint64(hi), uint64(lo), uint64(y)))
}

func Rem32(hi, lo, y uint32) uint32 {
	return uint32((uint64(hi)<<32 | uint64(lo)) % uint64(y))
}

func Rem64(hi, lo, y uint64) uint64 {
	_, r := Div64(hi%y, lo, y)
	return r
}
