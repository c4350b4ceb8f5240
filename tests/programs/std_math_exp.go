// The math package's exponentials, logarithms and Pow: bit for bit as Go
// on amd64 (Exp and Log are Go's amd64 assembly, FMA paths included), at
// edge values and over thousands of inputs.
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

func main() {
	run1("Exp", math.Exp, 1500, -750, 710)
	run1("Exp2", math.Exp2, 1200, -1080, 1025)
	run1("Expm1", math.Expm1, 1200, -40, 40)
	run1("Log", math.Log, 1500, 0, 1e6)
	run1("Log2", math.Log2, 1200, 0, 1e6)
	run1("Log10", math.Log10, 1200, 0, 1e6)
	run1("Log1p", math.Log1p, 1200, -1, 2)
	run2("Pow", math.Pow, 3000)
	// Pow over typical arguments: positive bases with fractional exponents,
	// integer exponents (the squaring loop), negative bases.
	h := uint64(0)
	for i := 0; i < 1500; i++ {
		x, y := uniform(0, 10), uniform(-60, 60)
		h = mix(h, fb(math.Pow(x, y)))
		h = mix(h, fb(math.Pow(uniform(-3, 3), float64(int64(next()%401)-200))))
		h = mix(h, fb(math.Pow(uniform(0.9, 1.1), uniform(-5000, 5000))))
	}
	fmt.Printf("Pow typical: hash %x\n", h)
	for _, y := range []float64{0.5, -0.5, 2, 3, -1, 1 << 60, -(1 << 63), 1e300, 0.3} {
		for _, x := range []float64{2, -2, 0.5, -1, 1e-300, 1e300, negZero, math.Inf(-1)} {
			fmt.Printf("Pow(%v, %v) = %v %x\n", x, y, math.Pow(x, y), fb(math.Pow(x, y)))
		}
	}
	fmt.Println(math.Exp(1), math.Exp(709.7), math.Exp(709.78), math.Exp(-745.1), math.Log(5e-324), math.Log(math.E))
}
