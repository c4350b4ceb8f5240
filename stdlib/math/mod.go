package math

// Mod returns the remainder of x/y with x's sign, exactly: subtracting
// from |x| the largest y × 2**k below it until less than |y| is left.
func Mod(x, y float64) float64 {
	if y == 0 || IsInf(x, 0) || IsNaN(x) || IsNaN(y) {
		return NaN()
	}
	y = Abs(y)
	yf, ye := Frexp(y)
	r := x
	if x < 0 {
		r = -x
	}
	for r >= y {
		rf, re := Frexp(r)
		if rf < yf {
			re--
		}
		r = r - Ldexp(y, re-ye)
	}
	if x < 0 {
		r = -r
	}
	return r
}

// Remainder returns IEEE 754's remainder of x/y: x - n×y for the integer
// n nearest x/y (ties to even).
func Remainder(x, y float64) float64 {
	const (
		tiny    = 4.45014771701440276618e-308 // 2**-1021
		halfMax = MaxFloat64 / 2
	)
	if IsNaN(x) || IsNaN(y) || IsInf(x, 0) || y == 0 {
		return NaN()
	}
	if IsInf(y, 0) {
		return x
	}
	neg := x < 0
	if neg {
		x = -x
	}
	if y < 0 {
		y = -y
	}
	if x == y {
		if neg {
			return Copysign(0, -1)
		}
		return 0
	}
	if y <= halfMax {
		x = Mod(x, y+y) // below 2y now
	}
	if y < tiny {
		if x+x > y {
			x -= y
			if x+x >= y {
				x -= y
			}
		}
	} else {
		half := 0.5 * y
		if x > half {
			x -= y
			if x >= half {
				x -= y
			}
		}
	}
	if neg {
		x = -x
	}
	return x
}

// Dim returns x-y if positive, else 0.
func Dim(x, y float64) float64 {
	d := x - y
	if d <= 0 {
		return 0
	}
	return d
}

// Max and Min are the runtime's (Go's amd64 assembly): +Inf (Max) or -Inf
// (Min) wins over NaN, then NaN over the rest; +0 is larger than -0.

// Max returns the larger of x and y.
func Max(x, y float64) float64

// Min returns the smaller of x and y.
func Min(x, y float64) float64

// FMA returns x*y+z rounded once (the runtime's).
func FMA(x, y, z float64) float64

// Powers of ten: 10**n as (10**32)**(n/32) × 10**(n%32), each factor exact
// or correctly rounded.
var (
	tens   = [32]float64{1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31}
	tens32 = [10]float64{1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288}
	tenths = [11]float64{1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320}
)

// Pow10 returns 10**n (0 below 1e-323, +Inf above 1e308).
func Pow10(n int) float64 {
	if n >= 0 && n <= 308 {
		return tens32[n/32] * tens[n%32]
	}
	if n < 0 && n >= -323 {
		return tenths[-n/32] / tens[-n%32]
	}
	if n > 0 {
		return Inf(1)
	}
	return 0
}
