package main

import "fmt"

type Celsius float64

func main() {
	// %v / Println use the shortest representation that round-trips,
	// (strconv 'g', -1), in exponent form when the decimal exponent is
	// below -4 or at least 6: 100000 but 1e+06, 0.0001 but 1e-05
	vals := []float64{0, 1, -1, 0.5, 0.1, 1.0 / 3, 2.0 / 3, 100, 100000, 999999, 1e6, 1234567, 123456789, 1e20, 1e21, 1.5e21,
		1e-4, 1e-5, 0.000123, 12345.678, 1e100, 5e-324, 1.7976931348623157e308, 9007199254740993}
	for _, v := range vals {
		fmt.Print(v, " ")
	}
	fmt.Println()
	fmt.Println(vals[:4])

	// arithmetic results
	a, b := 0.1, 0.2
	fmt.Println(a+b, a*3, 1-0.9, a+b == 0.3)
	x := 1.0
	for i := 0; i < 10; i++ {
		x += 0.1
	}
	fmt.Println(x)

	// special values from run-time arithmetic (no panic for floats)
	zero := 0.0
	posInf := 1 / zero
	negInf := -1 / zero
	nan := zero / zero
	negZero := -zero
	fmt.Println(posInf, negInf, nan, negZero, zero)
	fmt.Println(nan == nan, nan != nan, posInf > 1e308, negZero == zero, 1/negZero)
	fmt.Printf("%f %f %f %.2f %v\n", posInf, negInf, nan, negZero, -0.0)
	fmt.Printf("[%6.1f] [%-6v] [%06.1f]\n", posInf, nan, negInf)

	// %f and %.Nf round half to even on the exact binary value
	for _, v := range []float64{0.5, 1.5, 2.5, 3.5, -0.5, 0.125, 0.375, 1.005, 2.675, 0.05, 0.15, 0.25} {
		fmt.Printf("%.0f|%.1f|%.2f  ", v, v, v)
	}
	fmt.Println()
	fmt.Printf("%f %f %f %.3f %.10f\n", 1.0, 1e-7, 123456.7890123, -1e-4, 1.0/7)
	fmt.Printf("%.0f %.0f %f\n", 1e21, 123456789012345678.0, 1e20)
	fmt.Printf("[%8.3f] [%-8.2f] [%08.3f] [%8.0f] [%.1f]\n", 3.14159, 2.5, -1.5, 7.5, 99.95)

	// conversions
	t1, t2 := 3.99, -3.99
	fmt.Println(float64(7)/2, float64(7/2), int(t1), int(t2), int64(2.5e9))
	big := int64(1<<53 + 1)
	fmt.Println(float64(big), float64(uint64(1<<64-1)), int(float64(1<<62)))
	f := 2.9
	var i8 = int8(f)
	var u = uint(f * 10)
	fmt.Println(i8, u)

	// named float types print like float64
	c := Celsius(36.6)
	fmt.Println(c, c*2, c/3, Celsius(100))
	fmt.Printf("%v %.1f %T\n", c, c+0.04, c)

	// accumulated sums
	sum := 0.0
	for i := 1; i <= 100; i++ {
		sum += 1.0 / float64(i*i)
	}
	fmt.Println(sum)
	prod := 1.0
	for i := 1; i <= 25; i++ {
		prod *= float64(i)
	}
	fmt.Println(prod)
	tiny := 1.0
	for i := 0; i < 30; i++ {
		tiny /= 10
	}
	fmt.Println(tiny)

	// comparisons and mixed constant expressions
	fmt.Println(0.1+0.2 > 0.3, a+b > 0.3, 3/2*2.0, 3.0/2*2)
	fmt.Println(1e300*1e10 > 1e308, -1e300*1e10/1e20)
	var z float64 = 1e300
	fmt.Println(z*1e10, -z*1e10)

	// Sprint and Sprintf agree with Println
	fmt.Println(fmt.Sprint(2.50), fmt.Sprintf("%v", 1e-7), fmt.Sprintf("%v", float64(1<<60)))
}
