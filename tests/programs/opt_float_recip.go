package main

import "fmt"

// Float division by constants, as the optimizing tier compiles it: by a
// power of two whose reciprocal is a normal number it multiplies by that
// reciprocal (the same bits: both round the exact quotient once); by
// anything else (3, 2^1023 whose reciprocal is subnormal, 2^-1023
// subnormal itself, 0) it divides. Every kind of dividend: zeros of both
// signs, subnormals, the largest and smallest normals, infinities, NaN.
// Hot loops so that the functions are compiled.

func quotients(x float64) [12]float64 {
	return [12]float64{
		x / 2, x / 4, x / 0.5, x / -8, x / 0.125,
		x / 0x1p1022, x / 0x1p-1022, x / 0x1p1023, x / 0x1p-1023,
		x / 3, x / -0.1, x / 1,
	}
}

func zero() float64 { return 0 }

func bits(f float64) string {
	return fmt.Sprintf("%v", f)
}

func main() {
	inf := 1 / zero()
	nan := zero() / zero()
	xs := []float64{
		0, -zero(), 1, -1, 3.7, 1e308, -1e308, 5e-324, -5e-324,
		2.2250738585072014e-308, 1.7976931348623157e308, 0.1, inf, -inf, nan,
	}
	for _, x := range xs {
		q := quotients(x)
		for _, v := range q {
			fmt.Print(bits(v), " ")
		}
		fmt.Println()
	}
	// Division by zero constants of both signs: infinities and NaN.
	for _, x := range []float64{1, -1, 0} {
		fmt.Println(x/zero(), x/-zero())
	}
	// Hot: sums of quotients, and Newton's square root with g /= 2.
	s := 0.0
	for i := 0; i < 300000; i++ {
		f := float64(i%1000) - 500.5
		q := quotients(f)
		for _, v := range q {
			s += v
		}
		g := 1.0
		for y := f * f; y > 4; y /= 4 {
			g *= 2
		}
		for y := f * f; y < 0.25; y *= 4 {
			g /= 2
		}
		s += g
	}
	fmt.Println(s)
}
