package math

// Frexp splits f into a fraction in [0.5, 1) and a power of two,
// f == frac × 2**exp; ±0, ±Inf and NaN come back as they are, with 0.
func Frexp(f float64) (frac float64, exp int) {
	if f == 0 || IsInf(f, 0) || IsNaN(f) {
		return f, 0
	}
	f, exp = normal(f)
	b := Float64bits(f)
	exp += int(b>>expShift&expMask) - (expBias - 1)
	b = b&^(expMask<<expShift) | (expBias-1)<<expShift
	return Float64frombits(b), exp
}

// Ldexp returns frac × 2**exp, rounding once when the result is
// subnormal.
func Ldexp(frac float64, exp int) float64 {
	if frac == 0 || IsInf(frac, 0) || IsNaN(frac) {
		return frac
	}
	frac, shift := normal(frac)
	exp += shift
	b := Float64bits(frac)
	exp += int(b>>expShift)&expMask - expBias
	if exp < -1075 {
		return Copysign(0, frac)
	}
	if exp > 1023 {
		if frac < 0 {
			return Inf(-1)
		}
		return Inf(1)
	}
	scale := 1.0
	if exp < -1022 {
		// Build 2**53 times the result, then scale down: one rounding.
		exp += 53
		scale = 1.0 / (1 << 53)
	}
	b = b&^(expMask<<expShift) | uint64(exp+expBias)<<expShift
	return scale * Float64frombits(b)
}

// Logb returns x's binary exponent (Frexp's exponent minus one).
func Logb(x float64) float64 {
	if x == 0 {
		return Inf(-1)
	}
	if IsInf(x, 0) {
		return Inf(1)
	}
	if IsNaN(x) {
		return x
	}
	return float64(binaryExp(x))
}

// Ilogb returns x's binary exponent as an integer (MinInt32 for 0,
// MaxInt32 for infinities and NaN).
func Ilogb(x float64) int {
	if x == 0 {
		return MinInt32
	}
	if IsNaN(x) || IsInf(x, 0) {
		return MaxInt32
	}
	return binaryExp(x)
}

func binaryExp(x float64) int {
	x, e := normal(x)
	return int(Float64bits(x)>>expShift&expMask) - expBias + e
}

// Nextafter returns the float64 after x toward y.
func Nextafter(x, y float64) (r float64) {
	switch {
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == y:
		return x
	case x == 0:
		return Copysign(Float64frombits(1), y)
	case (y > x) == (x > 0):
		return Float64frombits(Float64bits(x) + 1)
	}
	return Float64frombits(Float64bits(x) - 1)
}

// Nextafter32 returns the float32 after x toward y.
func Nextafter32(x, y float32) (r float32) {
	switch {
	case IsNaN(float64(x)) || IsNaN(float64(y)):
		return float32(NaN())
	case x == y:
		return x
	case x == 0:
		return float32(Copysign(float64(Float32frombits(1)), float64(y)))
	case (y > x) == (x > 0):
		return Float32frombits(Float32bits(x) + 1)
	}
	return Float32frombits(Float32bits(x) - 1)
}
