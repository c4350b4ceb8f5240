package main

// min and max of floats as Go's: a NaN argument gives NaN wherever it
// is, and -0 is less than +0; float32, named float types, several
// arguments, generic instances, and hot loops in compiled code.

import "fmt"

type temp float64

func gmin[T int | float64 | float32](a, b T) T { return min(a, b) }
func gmax[T int | float64 | float32](a, b T) T { return max(a, b) }

func sign(f float64) string {
	if f < 0 || f == 0 && 1/f < 0 {
		return "-"
	}
	return "+"
}

func main() {
	z := 0.0
	nan := z / z
	negz := -z
	one := 1.0
	fmt.Println(min(nan, -1.0), min(-1.0, nan), max(nan, 1.0), max(1.0, nan))
	fmt.Println(min(one, nan, 2), max(one, 2, nan), min(one, 2, -3), max(one, 2, -3))
	fmt.Println(gmin(nan, -1), gmin(-1, nan), gmax(nan, 7), gmax(3, 4), gmin(3, -4))
	fmt.Println(sign(min(z, negz)), sign(min(negz, z)), sign(max(z, negz)), sign(max(negz, z)))
	fmt.Println(sign(min(z, z)), sign(max(negz, negz)), sign(gmin(z, negz)), sign(gmax(negz, z)))
	inf := 1 / z
	fmt.Println(min(inf, -inf), max(inf, nan), min(-inf, nan))
	var f32 float32 = 1.5
	n32 := float32(nan)
	fmt.Println(min(f32, n32), max(n32, f32), min(f32, 2, 0.5), gmin(f32, n32))
	t := temp(21.5)
	fmt.Println(min(t, temp(nan)), max(t, 30), min(t, -273.15))
	fmt.Println(min(3, 1, 2), max("b", "c", "a"), min(int8(-3), 4))

	// hot loops
	xs := make([]float64, 1000)
	for i := range xs {
		xs[i] = float64((i*7919)%1000) - 500
	}
	xs[777] = negz
	lo, hi := xs[0], xs[0]
	nanSeen := 0
	for r := 0; r < 200; r++ {
		for i, x := range xs {
			lo = min(lo, x)
			hi = max(hi, x)
			if r == 150 && i == 3 {
				m := min(x, nan)
				if m != m {
					nanSeen++
				}
			}
		}
	}
	fmt.Println(lo, hi, nanSeen)
	m := 1.0
	for i := 0; i < 5000; i++ {
		v := float64(i%10) - 4.5
		if i == 4000 {
			v = nan
		}
		m = min(m, v)
	}
	fmt.Println(m)
	zs := 0.0
	for i := 0; i < 5000; i++ {
		if i%2 == 0 {
			zs = min(zs, negz)
		} else {
			zs = max(zs, z)
		}
	}
	fmt.Println(sign(zs))
}
