package math

// Floor, Ceil, Trunc and RoundToEven are the runtime's (SSE4.1's ROUNDSD,
// as Go's amd64 intrinsics): exact, ±0 and the sign of a zero result
// kept, NaN quieted.

// Floor returns the greatest integer value <= x.
func Floor(x float64) float64

// Ceil returns the least integer value >= x.
func Ceil(x float64) float64

// Trunc returns the integer value of x, toward zero.
func Trunc(x float64) float64

// RoundToEven returns the nearest integer, halves to even.
func RoundToEven(x float64) float64

// Round returns the nearest integer, halves away from zero: on the bits,
// adding half a unit of the integer position and clearing the fraction.
func Round(x float64) float64 {
	b := Float64bits(x)
	e := uint(b>>expShift) & expMask
	switch {
	case e < expBias-1: // |x| < 0.5
		b &= signBit
	case e == expBias-1: // 0.5 <= |x| < 1
		b = b&signBit | oneBits
	case e < expBias+expShift: // has a fraction
		e -= expBias
		b += (1 << (expShift - 1)) >> e
		b &^= fracMask >> e
	}
	// Integers, infinities and NaN as they are.
	return Float64frombits(b)
}

// Modf splits f into its integer and fractional parts, both with f's
// sign.
func Modf(f float64) (whole float64, frac float64) {
	whole = Trunc(f)
	frac = Copysign(f-whole, f)
	return
}
