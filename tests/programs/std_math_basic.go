// The math package's constants, bit conversions, rounding, splitting,
// Sqrt, Cbrt, Hypot, Mod, Remainder, Max/Min/Dim, FMA, Nextafter: bit
// for bit as Go on amd64, at edge values and over thousands of inputs.
package main

import (
	"fmt"
	"math"
)

var seed uint64 = 0x9E3779B97F4A7C15

// next is a 64-bit LCG (Knuth's MMIX constants), high bits mixed down.
func next() uint64 {
	seed = seed*6364136223846793005 + 1442695040888963407
	return seed ^ seed>>29
}

// uniform returns a value in [lo, hi).
func uniform(lo, hi float64) float64 {
	return lo + (hi-lo)*(float64(next()>>11)/(1<<53))
}

// mixed returns an input from one of several families: any bit pattern,
// moderate values, integers and halves, near multiples of Pi/2,
// subnormals and tiny values, huge values, [-1, 1].
func mixed() float64 {
	r := next()
	switch r % 8 {
	case 0:
		return math.Float64frombits(next())
	case 1:
		return float64(int64(next())>>11) / (1 << 50)
	case 2:
		b := next()
		e := 1023 - 60 + (b>>52)%120
		return math.Float64frombits(b&(1<<63|(1<<52-1)) | e<<52)
	case 3:
		return float64(int64(next()%4001)-2000) / 2
	case 4:
		k := float64(int64(next()%20001) - 10000)
		v := k * (math.Pi / 2)
		d := int64(next()%9) - 4
		if v > 0 {
			return math.Float64frombits(uint64(int64(math.Float64bits(v)) + d))
		}
		return v
	case 5:
		b := next()
		return math.Float64frombits(b >> (12 + (b>>58)%40))
	case 6:
		b := next()
		e := 2046 - (b>>52)%60
		return math.Float64frombits(b&(1<<63|(1<<52-1)) | e<<52)
	}
	return uniform(-1, 1)
}

// mix folds v into the running hash h.
func mix(h uint64, v uint64) uint64 {
	h ^= v
	h *= 0x100000001b3
	return h ^ h>>32
}

func fb(x float64) uint64 { return math.Float64bits(x) }

var negZero = math.Copysign(0, -1)

var edges = []float64{
	0, negZero, math.Inf(1), math.Inf(-1), math.NaN(),
	math.Float64frombits(0x7FF0000000000001), math.Float64frombits(0xFFF8000000000000),
	1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 2, 3, 10, 0.1, -0.3,
	5e-324, -5e-324, 1e-310, 2.2250738585072014e-308, 1e-300,
	math.MaxFloat64, -math.MaxFloat64, 1e300, 1e22, 1e20, 1e10,
	math.Pi, math.Pi / 2, -math.Pi / 2, math.Pi / 4, 3 * math.Pi / 2, 2 * math.Pi,
	1 << 29, 1<<29 + 0.5, 4503599627370495.5, 0x1p52, 0x1p53, -0x1p53 - 2, 0x1p58,
	0.7071067811865476, 1e-9, -1e-9, 33.5, -33.5, 171.6, 0.84375, 1.25, 6, 28, -6.5,
	709.7, -745.1, 1.4616321449683622, 0.9, 7.5, 0.25, 0.625,
}

// run1 prints f at every edge value and a hash of f over n mixed inputs
// and n uniform ones in [lo, hi).
func run1(name string, f func(float64) float64, n int, lo, hi float64) {
	for _, x := range edges {
		fmt.Printf("%s(%x) = %x\n", name, fb(x), fb(f(x)))
	}
	h := uint64(0)
	for i := 0; i < n; i++ {
		h = mix(h, fb(f(mixed())))
		h = mix(h, fb(f(uniform(lo, hi))))
	}
	fmt.Printf("%s: %d inputs, hash %x\n", name, len(edges)+2*n, h)
}

// run2 hashes f over pairs of edge values and n pairs of mixed inputs
// (half of them with a small integer or half-integer second argument).
func run2(name string, f func(float64, float64) float64, n int) {
	h := uint64(0)
	for _, x := range edges {
		for _, y := range edges {
			h = mix(h, fb(f(x, y)))
		}
	}
	fmt.Printf("%s: edges hash %x\n", name, h)
	for i := 0; i < n; i++ {
		x, y := mixed(), mixed()
		if i%2 == 0 {
			y = float64(int64(next()%41)-20) / 2
		}
		v := f(x, y)
		if i%(n/4) == 0 {
			fmt.Printf("%s(%x, %x) = %x\n", name, fb(x), fb(y), fb(v))
		}
		h = mix(h, fb(v))
	}
	fmt.Printf("%s: %d inputs, hash %x\n", name, len(edges)*len(edges)+n, h)
}

func constants() {
	fmt.Println(math.E, math.Pi, math.Phi, math.Sqrt2, math.SqrtE, math.SqrtPi, math.SqrtPhi)
	fmt.Println(math.Ln2, math.Log2E, math.Ln10, math.Log10E)
	fmt.Printf("%x %x %x %x\n", fb(math.E), fb(math.Log2E), fb(math.Log10E), fb(math.Pi/180))
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.SmallestNonzeroFloat32)
	fmt.Println(float32(math.MaxFloat32), float32(math.SmallestNonzeroFloat32), math.Float32bits(math.MaxFloat32))
	fmt.Println(math.MaxInt, math.MinInt, math.MaxInt8, math.MinInt8, math.MaxInt16, math.MinInt16)
	fmt.Println(math.MaxInt32, math.MinInt32, math.MaxInt64, math.MinInt64)
	fmt.Println(math.MaxUint8, math.MaxUint16, math.MaxUint32, uint64(math.MaxUint64), uint(math.MaxUint))
	var i8 int8 = math.MinInt8
	var u16 uint16 = math.MaxUint16
	fmt.Println(i8, u16, math.MaxInt32+1, math.MaxUint32*2)
}

func bitsAndClasses() {
	for _, x := range edges {
		fmt.Println(fb(x), math.IsNaN(x), math.IsInf(x, 0), math.IsInf(x, 1), math.IsInf(x, -1), math.Signbit(x),
			math.Float32bits(float32(x)), fb(float64(math.Float32frombits(math.Float32bits(float32(x))))))
	}
	fmt.Printf("%x %x %x %x\n", fb(math.Inf(1)), fb(math.Inf(-1)), fb(math.Inf(0)), fb(math.NaN()))
	fmt.Println(math.Float64frombits(0x3FF8000000000000), math.Float32frombits(0x40490fdb), math.Float32bits(-0.1))
	// float32 NaNs keep their payloads, signaling or not, through moves.
	for _, b := range []uint32{0x7F800001, 0xFFC00000, 0x7FBFFFFF, 0x7FC00001, 0xFF800123, 0x7F800000, 1, 0x80000001} {
		f := math.Float32frombits(b)
		s := []float32{f}
		fmt.Printf("%x %x %x\n", math.Float32bits(f), math.Float32bits(s[0]), math.Float32bits(math.Nextafter32(f, 1)))
	}
	h := uint64(0)
	for i := 0; i < 3000; i++ {
		b := next()
		f := math.Float64frombits(b)
		h = mix(h, math.Float64bits(f))
		h = mix(h, uint64(math.Float32bits(float32(f))))
		f32 := math.Float32frombits(uint32(b >> 7))
		if f32 == f32 {
			h = mix(h, uint64(math.Float32bits(f32)))
		}
		h = mix(h, fb(math.Abs(f)))
		h = mix(h, fb(math.Copysign(uniform(-5, 5), f)))
	}
	fmt.Printf("bits: hash %x\n", h)
}

func frexp(x float64) float64 {
	f, e := math.Frexp(x)
	return math.Float64frombits(fb(f) ^ uint64(e)*0x9E3779B97F4A7C15)
}

func modf(x float64) float64 {
	i, f := math.Modf(x)
	return math.Float64frombits(fb(i)*31 ^ fb(f))
}

func ilogb(x float64) float64 { return float64(math.Ilogb(x)) }

func ldexp(x, y float64) float64 {
	return math.Ldexp(x, int(y*97)%2300)
}

func nextafter32(x, y float64) float64 {
	return float64(math.Float32bits(math.Nextafter32(float32(x), float32(y))))
}

func fma(x, y float64) float64 {
	a, b := math.FMA(x, y, uniform(-4, 4)), math.FMA(x, x, -y)
	return math.Float64frombits(fb(a)*3 ^ fb(b))
}

// Floor, Ceil, Trunc and RoundToEven are called directly (Go's
// intrinsics, which quiet a signaling NaN; called through a func value
// Go's assembly returns it as it is).

func main() {
	constants()
	bitsAndClasses()
	run1("Abs", math.Abs, 1000, -10, 10)
	run1("Floor", func(x float64) float64 { return math.Floor(x) }, 1000, -10, 10)
	run1("Ceil", func(x float64) float64 { return math.Ceil(x) }, 1000, -10, 10)
	run1("Trunc", func(x float64) float64 { return math.Trunc(x) }, 1000, -10, 10)
	run1("Round", math.Round, 1000, -10, 10)
	run1("RoundToEven", func(x float64) float64 { return math.RoundToEven(x) }, 1000, -10, 10)
	run1("Modf", modf, 1000, -10, 10)
	run1("Frexp", frexp, 1000, -1e10, 1e10)
	run1("Logb", math.Logb, 1000, 0, 1e6)
	run1("Ilogb", ilogb, 1000, 0, 1e6)
	run1("Sqrt", math.Sqrt, 1000, 0, 100)
	run1("Cbrt", math.Cbrt, 1000, -100, 100)
	p10 := uint64(0)
	for n := -340; n <= 320; n++ {
		p10 = mix(p10, fb(math.Pow10(n)))
	}
	fmt.Printf("Pow10: %x %x %x %x %x hash %x\n", fb(math.Pow10(-324)), fb(math.Pow10(-323)), fb(math.Pow10(23)), fb(math.Pow10(308)), fb(math.Pow10(309)), p10)
	run2("Copysign", math.Copysign, 1000)
	run2("Ldexp", ldexp, 1500)
	run2("Mod", math.Mod, 1500)
	run2("Remainder", math.Remainder, 1500)
	run2("Hypot", math.Hypot, 1000)
	run2("Max", math.Max, 1000)
	run2("Min", math.Min, 1000)
	run2("Dim", math.Dim, 1000)
	run2("Nextafter", math.Nextafter, 1000)
	run2("Nextafter32", nextafter32, 1000)
	run2("FMA", fma, 1500)
	fmt.Println(math.FMA(0.1, 10, -1), 0.1*10-1, math.FMA(1e308, 10, -1e308), math.FMA(math.Inf(1), 0, 1))
	fmt.Println(math.Sqrt(-1), math.Hypot(3, 4), math.Mod(-7, 3), math.Remainder(7, 4), math.Max(negZero, 0), math.Min(0, negZero))
}
