package math

// ln 2 in two parts: the high one has 32 significant bits, so that k×hi
// is exact for the k these functions use.
const (
	ln2Hi = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
	ln2Lo = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
)

// Exp returns e**x (the runtime's: Go's amd64 assembly, a Taylor series
// of x/16 squared four times, with FMA when the processor has it).
func Exp(x float64) float64

// Exp2 returns 2**x.
func Exp2(x float64) float64 {
	const (
		overflow  = 1.0239999999999999e+03
		underflow = -1.0740e+03
	)
	if IsNaN(x) {
		return x
	}
	if x > overflow {
		return Inf(1)
	}
	if x < underflow {
		return 0
	}
	// 2**x = 2**k × e**(t ln 2) for the integer k nearest x.
	k := 0
	if x > 0 {
		k = int(x + 0.5)
	} else if x < 0 {
		k = int(x - 0.5)
	}
	t := x - float64(k)
	return expReduced(t*ln2Hi, -t*ln2Lo, k)
}

// expReduced returns e**(hi-lo) × 2**k for |hi-lo| <= ln2/2, by a
// rational approximation (FreeBSD's __ieee754_exp reduction step).
func expReduced(hi, lo float64, k int) float64 {
	const (
		p1 = 1.66666666666666657415e-01  // 0x3FC55555; 0x55555555
		p2 = -2.77777777770155933842e-03 // 0xBF66C16C; 0x16BEBD93
		p3 = 6.61375632143793436117e-05  // 0x3F11566A; 0xAF25DE2C
		p4 = -1.65339022054652515390e-06 // 0xBEBBBD41; 0xC5D26BF1
		p5 = 4.13813679705723846039e-08  // 0x3E663769; 0x72BEA4D0
	)
	r := hi - lo
	rr := r * r
	c := r - rr*(p1+rr*(p2+rr*(p3+rr*(p4+rr*p5))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	return Ldexp(y, k)
}

// Expm1 returns e**x - 1, accurate for x near 0.
func Expm1(x float64) float64 {
	const (
		overflowAt = 7.09782712893383973096e+02 // 0x40862E42FEFA39EF
		ln2x56     = 3.88162421113569373274e+01 // 0x4043687a9f1af2b1
		ln2x3half  = 1.03972077083991796413e+00 // 0x3ff0a2b23f3bab73
		ln2half    = 3.46573590279972654709e-01 // 0x3fd62e42fefa39ef
		invLn2     = 1.44269504088896338700e+00 // 0x3ff71547652b82fe
		tiny       = 1.0 / (1 << 54)
		// The scaled polynomial in x²/2.
		q1 = -3.33333333333331316428e-02 // 0xBFA11111111110F4
		q2 = 1.58730158725481460165e-03  // 0x3F5A01A019FE5585
		q3 = -7.93650757867487942473e-05 // 0xBF14CE199EAADBB7
		q4 = 4.00821782732936239552e-06  // 0x3ED0CFCA86E65239
		q5 = -2.01099218183624371326e-07 // 0xBE8AFDB76E09C32D
	)
	if IsInf(x, 1) || IsNaN(x) {
		return x
	}
	if IsInf(x, -1) {
		return -1
	}
	neg := x < 0
	ax := x
	if neg {
		ax = -ax
	}
	if ax >= ln2x56 {
		if neg {
			return -1
		}
		if ax >= overflowAt {
			return Inf(1)
		}
	}

	// Reduce: x = k ln2 + r, r = hi - lo, c the rounding error of r.
	var c float64
	k := 0
	if ax > ln2half {
		var hi, lo float64
		if ax < ln2x3half {
			if neg {
				hi, lo, k = x+ln2Hi, -ln2Lo, -1
			} else {
				hi, lo, k = x-ln2Hi, ln2Lo, 1
			}
		} else {
			if neg {
				k = int(invLn2*x - 0.5)
			} else {
				k = int(invLn2*x + 0.5)
			}
			fk := float64(k)
			hi = x - fk*ln2Hi
			lo = fk * ln2Lo
		}
		x = hi - lo
		c = (hi - x) - lo
	} else if ax < tiny {
		return x
	}

	half := 0.5 * x
	hxs := x * half
	r1 := 1 + hxs*(q1+hxs*(q2+hxs*(q3+hxs*(q4+hxs*q5))))
	t := 3 - r1*half
	e := hxs * ((r1 - t) / (6.0 - x*t))
	if k == 0 {
		return x - (x*e - hxs)
	}
	e = x*(e-c) - c
	e -= hxs
	if k == -1 {
		return 0.5*(x-e) - 0.5
	}
	if k == 1 {
		if x < -0.25 {
			return -2 * (e - (x + 0.5))
		}
		return 1 + 2*(x-e)
	}
	if k <= -2 || k > 56 {
		y := 1 - (e - x)
		y = Float64frombits(Float64bits(y) + uint64(k)<<52) // y × 2**k
		return y - 1
	}
	if k < 20 {
		y := Float64frombits(0x3ff0000000000000-(0x20000000000000>>uint(k))) - (e - x) // (1 - 2**-k) - (e-x)
		return Float64frombits(Float64bits(y) + uint64(k)<<52)
	}
	y := x - (e + Float64frombits(uint64(0x3ff-k)<<52)) // x - (e + 2**-k)
	y++
	return Float64frombits(Float64bits(y) + uint64(k)<<52)
}
