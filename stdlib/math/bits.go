package math

// The fields of an IEEE 754 double.
const (
	signBit    = 1 << 63
	expShift   = 52 // the exponent field starts at bit 52
	expMask    = 0x7FF
	expBias    = 1023
	fracMask   = 1<<expShift - 1
	oneBits    = 0x3FF0000000000000
	posInfBits = 0x7FF0000000000000
	negInfBits = 0xFFF0000000000000
	// The NaN that NaN returns (and Go's functions return for undefined
	// results): quiet, payload 1.
	nanBits = 0x7FF8000000000001
)

// Float64bits returns the IEEE 754 representation of f (the runtime's:
// the same word).
func Float64bits(f float64) uint64

// Float64frombits returns the float64 whose representation is b.
func Float64frombits(b uint64) float64

// Float32bits returns the IEEE 754 representation of f.
func Float32bits(f float32) uint32

// Float32frombits returns the float32 whose representation is b.
func Float32frombits(b uint32) float32

// Abs returns |x|: x with its sign bit cleared (the runtime's, a bit
// operation as in Go).
func Abs(x float64) float64

// Copysign returns the magnitude of f with the sign of sign (the
// runtime's, a bit operation as in Go).
func Copysign(f, sign float64) float64

// Signbit reports whether x's sign bit is set (true for -0 too).
func Signbit(x float64) bool { return Float64bits(x)&signBit != 0 }

// Inf returns +Inf for sign >= 0 and -Inf otherwise.
func Inf(sign int) float64 {
	if sign < 0 {
		return Float64frombits(negInfBits)
	}
	return Float64frombits(posInfBits)
}

// NaN returns a quiet not-a-number.
func NaN() float64 { return Float64frombits(nanBits) }

// IsNaN reports whether f is not a number.
func IsNaN(f float64) (is bool) { return f != f }

// IsInf reports whether f is an infinity: +Inf for sign > 0, -Inf for
// sign < 0, either for 0.
func IsInf(f float64, sign int) bool {
	if sign > 0 {
		return f > MaxFloat64
	}
	if sign < 0 {
		return f < -MaxFloat64
	}
	return f > MaxFloat64 || f < -MaxFloat64
}

// normal scales a subnormal x by 2**52 and reports the scale's exponent
// (-52), so that its exponent field is valid; other values are returned
// with 0.
func normal(x float64) (float64, int) {
	if Abs(x) < 0x1p-1022 {
		return x * (1 << 52), -52
	}
	return x, 0
}
