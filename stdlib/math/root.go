package math

// Sqrt returns the square root of x (the runtime's: SQRTSD, correctly
// rounded).
func Sqrt(x float64) float64

// Hypot returns Sqrt(p*p + q*q) without the intermediate overflow (the
// runtime's: Go's amd64 assembly).
func Hypot(p, q float64) float64

// Cbrt returns the cube root of x (FreeBSD's s_cbrt.c: a 5-bit estimate
// from the bits, a rational step to 23 bits, a rounded 32-bit Newton step).
func Cbrt(x float64) float64 {
	const (
		b1         = 715094163                   // (682-0.03306235651)*2**20
		b2         = 696219795                   // (664-0.03306235651)*2**20
		c          = 5.42857142857142815906e-01  // 19/35
		d          = -7.05306122448979611050e-01 // -864/1225
		e          = 1.41428571428571436819e+00  // 99/70
		f          = 1.60714285714285720630e+00  // 45/28
		g          = 3.57142857142857150787e-01  // 5/14
		minNormal  = 2.22507385850720138309e-308 // 2**-1022
		twoTo54    = 1 << 54
		keep32bits = 0xFFFFFFFFC << 28
	)
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	neg := x < 0
	if neg {
		x = -x
	}
	// Cube root of the exponent (and of the fraction's top bits).
	t := Float64frombits(Float64bits(x)/3 + b1<<32)
	if x < minNormal {
		t = float64(twoTo54)
		t *= x
		t = Float64frombits(Float64bits(t)/3 + b2<<32)
	}
	// To 23 bits.
	r := t * t / x
	s := c + r*t
	t *= g + f/(s+e+d/s)
	// Round to 32 bits, then one Newton step to 53.
	t = Float64frombits(Float64bits(t)&keep32bits + 1<<30)
	s = t * t
	r = x / s
	w := t + t
	r = (r - t) / (w + r)
	t = t + t*r
	if neg {
		t = -t
	}
	return t
}
