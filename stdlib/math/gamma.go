package math

// stirling returns Gamma(x) for x > 33 by Stirling's formula, as two
// factors whose product is the result (to avoid overflow above 143).
func stirling(x float64) (float64, float64) {
	if x > 200 {
		return Inf(1), 1
	}
	const (
		sqrtTwoPi   = 2.506628274631000502417
		maxStirling = 143.01608
		s0          = 7.87311395793093628397e-04
		s1          = -2.29549961613378126380e-04
		s2          = -2.68132617805781232825e-03
		s3          = 3.47222221605458667310e-03
		s4          = 8.33333333333482257126e-02
	)
	w := 1 / x
	w = 1 + w*((((s0*w+s1)*w+s2)*w+s3)*w+s4)
	a := Exp(x)
	b := 1.0
	if x > maxStirling {
		v := Pow(x, 0.5*x-0.25)
		a, b = v, v/a
	} else {
		a = Pow(x, x-0.5) / a
	}
	return a, sqrtTwoPi * w * b
}

// Gamma returns the Gamma function of x (Cephes' gamma.c): Stirling's
// formula above 33 (and the reflection formula below -33), otherwise a
// rational approximation on [2, 3] after shifting x there.
func Gamma(x float64) float64 {
	switch {
	case negInt(x) || IsInf(x, -1) || IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return Inf(1)
	case x == 0:
		if Signbit(x) {
			return Inf(-1)
		}
		return Inf(1)
	}
	q := Abs(x)
	p := Floor(q)
	if q > 33 {
		if x >= 0 {
			a, b := stirling(x)
			return a * b
		}
		// Gamma(x) = -Pi / (x sin(Pi x) Gamma(-x)).
		sign := 1
		if int64(p)&1 == 0 {
			sign = -1
		}
		z := q - p
		if z > 0.5 {
			p = p + 1
			z = q - p
		}
		z = q * Sin(Pi*z)
		if z == 0 {
			return Inf(sign)
		}
		a, b := stirling(q)
		az := Abs(z)
		d := az * a * b
		if IsInf(d, 0) {
			z = Pi / az / a / b
		} else {
			z = Pi / d
		}
		return float64(sign) * z
	}

	// Shift x into [2, 3), z collecting the factors.
	z := 1.0
	for x >= 3 {
		x = x - 1
		z = z * x
	}
	for x < 0 {
		if x > -1e-09 {
			return gammaNearZero(x, z)
		}
		z = z / x
		x = x + 1
	}
	for x < 2 {
		if x < 1e-09 {
			return gammaNearZero(x, z)
		}
		z = z / x
		x = x + 1
	}
	if x == 2 {
		return z
	}
	x = x - 2
	const (
		p0 = 1.60119522476751861407e-04
		p1 = 1.19135147006586384913e-03
		p2 = 1.04213797561761569935e-02
		p3 = 4.76367800457137231464e-02
		p4 = 2.07448227648435975150e-01
		p5 = 4.94214826801497100753e-01
		p6 = 9.99999999999999996796e-01
		q0 = -2.31581873324120129819e-05
		q1 = 5.39605580493303397842e-04
		q2 = -4.45641913851797240494e-03
		q3 = 1.18139785222060435552e-02
		q4 = 3.58236398605498653373e-02
		q5 = -2.34591795718243348568e-01
		q6 = 7.14304917030273074085e-02
		q7 = 1.00000000000000000320e+00
	)
	p = (((((x*p0+p1)*x+p2)*x+p3)*x+p4)*x+p5)*x + p6
	q = ((((((x*q0+q1)*x+q2)*x+q3)*x+q4)*x+q5)*x+q6)*x + q7
	return z * p / q
}

// gammaNearZero finishes Gamma for |x| < 1e-9: Gamma(x) ≈ 1/(x(1+γx)).
func gammaNearZero(x, z float64) float64 {
	const euler = 0.57721566490153286060651209008240243104215933593992
	if x == 0 {
		return Inf(1)
	}
	return z / ((1 + euler*x) * x)
}

// negInt reports whether x is a negative integer.
func negInt(x float64) bool {
	if x < 0 {
		_, frac := Modf(x)
		return frac == 0
	}
	return false
}
