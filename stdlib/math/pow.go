package math

// oddInt reports whether x is an odd integer.
func oddInt(x float64) bool {
	if Abs(x) >= 1<<53 {
		return false // every float this large is even
	}
	whole, frac := Modf(x)
	return frac == 0 && int64(whole)&1 == 1
}

// Pow returns x**y, with C99's special cases: e**(frac(y) ln x) for y's
// fraction (rounded into [-0.5, 0.5]) times x**int(y) by repeated
// squaring of Frexp's fraction, the exponents kept apart.
func Pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case y == 1:
		return x
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0:
		if y < 0 {
			if Signbit(x) && oddInt(y) {
				return Inf(-1)
			}
			return Inf(1)
		}
		if y > 0 {
			if Signbit(x) && oddInt(y) {
				return x
			}
			return 0
		}
	case IsInf(y, 0):
		if x == -1 {
			return 1
		}
		if (Abs(x) < 1) == IsInf(y, 1) {
			return 0
		}
		return Inf(1)
	case IsInf(x, 0):
		if IsInf(x, -1) {
			return Pow(1/x, -y) // as (-0)**-y
		}
		if y < 0 {
			return 0
		}
		if y > 0 {
			return Inf(1)
		}
	case y == 0.5:
		return Sqrt(x)
	case y == -0.5:
		return 1 / Sqrt(x)
	}

	yi, yf := Modf(Abs(y))
	if yf != 0 && x < 0 {
		return NaN()
	}
	if yi >= 1<<63 {
		// y is an even integer, too large for the loop: the result is 0,
		// 1 or +Inf.
		if x == -1 {
			return 1
		}
		if (Abs(x) < 1) == (y > 0) {
			return 0
		}
		return Inf(1)
	}

	acc, accExp := 1.0, 0
	if yf != 0 {
		if yf > 0.5 {
			yf--
			yi++
		}
		acc = Exp(yf * Log(x))
	}

	sq, sqExp := Frexp(x)
	for n := int64(yi); n != 0; n >>= 1 {
		if sqExp < -1<<12 || 1<<12 < sqExp {
			// The exponent alone overflows or underflows: Ldexp below
			// gives 0 or Inf.
			accExp += sqExp
			break
		}
		if n&1 == 1 {
			acc *= sq
			accExp += sqExp
		}
		sq *= sq
		sqExp <<= 1
		if sq < .5 {
			sq += sq
			sqExp--
		}
	}

	if y < 0 {
		acc = 1 / acc
		accExp = -accExp
	}
	return Ldexp(acc, accExp)
}
