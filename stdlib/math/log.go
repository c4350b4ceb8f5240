package math

// Log returns the natural logarithm of x (the runtime's: Go's amd64
// assembly, which splits x into fraction and exponent on the bits).
func Log(x float64) float64

// Log10 returns the decimal logarithm of x.
func Log10(x float64) float64 {
	return Log(x) * (1 / Ln10)
}

// Log2 returns the binary logarithm of x, exact for powers of two.
func Log2(x float64) float64 {
	frac, exp := Frexp(x)
	if frac == 0.5 {
		return float64(exp - 1)
	}
	return Log(frac)*(1/Ln2) + float64(exp)
}

// Log1p returns ln(1+x), accurate for x near 0 (FreeBSD's s_log1p.c).
func Log1p(x float64) float64 {
	const (
		sqrt2m1     = 4.142135623730950488017e-01  // Sqrt(2)-1
		sqrt2halfm1 = -2.928932188134524755992e-01 // Sqrt(2)/2-1
		small       = 1.0 / (1 << 29)
		tiny        = 1.0 / (1 << 54)
		two53       = 1 << 53
		// ln((1+s)/(1-s)) = 2s + 2s³/3 + ...: the series' tail in s².
		lp1 = 6.666666666666735130e-01 // 3FE5555555555593
		lp2 = 3.999999999940941908e-01 // 3FD999999997FA04
		lp3 = 2.857142874366239149e-01 // 3FD2492494229359
		lp4 = 2.222219843214978396e-01 // 3FCC71C51D8E78AF
		lp5 = 1.818357216161805012e-01 // 3FC7466496CB03DE
		lp6 = 1.531383769920937332e-01 // 3FC39A09D078C69F
		lp7 = 1.479819860511658591e-01 // 3FC2F112DF3E5244
	)
	if x < -1 || IsNaN(x) {
		return NaN()
	}
	if x == -1 {
		return Inf(-1)
	}
	if IsInf(x, 1) {
		return Inf(1)
	}

	ax := Abs(x)
	k := 1
	var f, c float64
	var hu uint64 // the fraction bits of 1+x (0: a power of two)
	if ax < sqrt2m1 {
		if ax < small {
			if ax < tiny {
				return x
			}
			return x - x*x*0.5
		}
		if x > sqrt2halfm1 {
			// 1+x within [√2/2, √2): f is x itself.
			k, f, hu = 0, x, 1
		}
	}
	if k != 0 {
		var u float64
		if ax < two53 {
			u = 1.0 + x
			hu = Float64bits(u)
			k = int((hu >> 52) - 1023)
			// c: the rounding error of 1+x, relative to u.
			if k > 0 {
				c = 1.0 - (u - x)
			} else {
				c = x - (u - 1.0)
			}
			c /= u
		} else {
			u = x
			hu = Float64bits(u)
			k = int((hu >> 52) - 1023)
			c = 0
		}
		hu &= 0x000fffffffffffff
		if hu < 0x0006a09e667f3bcd { // below √2's fraction
			u = Float64frombits(hu | 0x3ff0000000000000)
		} else {
			k++
			u = Float64frombits(hu | 0x3fe0000000000000)
			hu = (0x0010000000000000 - hu) >> 2
		}
		f = u - 1.0
	}

	hfsq := 0.5 * f * f
	fk := float64(k)
	if hu == 0 {
		if f == 0 {
			if k == 0 {
				return 0
			}
			c += fk * ln2Lo
			return fk*ln2Hi + c
		}
		R := hfsq * (1.0 - 0.66666666666666666*f)
		if k == 0 {
			return f - R
		}
		return fk*ln2Hi - ((R - (fk*ln2Lo + c)) - f)
	}
	s := f / (2.0 + f)
	z := s * s
	R := z * (lp1 + z*(lp2+z*(lp3+z*(lp4+z*(lp5+z*(lp6+z*lp7))))))
	if k == 0 {
		return f - (hfsq - s*(hfsq+R))
	}
	return fk*ln2Hi - ((hfsq - (s*(hfsq+R) + (fk*ln2Lo + c))) - f)
}
