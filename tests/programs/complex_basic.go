package main

import "fmt"

type Point complex128

func mandel(c complex128) int {
	z := complex(0, 0)
	for i := 0; i < 200; i++ {
		z = z*z + c
		if real(z)*real(z)+imag(z)*imag(z) > 4 {
			return i
		}
	}
	return 200
}

func main() {
	a := 1 + 2i
	b := complex(3.5, -1)
	fmt.Println(a, b, a+b, a-b, a*b, a/b)
	fmt.Println(real(a), imag(b), -a, a == b, a != b, a == 1+2i)
	var c64 complex64 = complex64(a)
	c64 *= 1.1
	fmt.Println(c64, complex128(c64), real(c64))
	fmt.Printf("%v %.2f %g %e %T %T\n", a, b, a*b, a, a, c64)
	const k = 2i * 2i
	fmt.Println(k, real(k), imag(3+4i))
	var z complex128
	fmt.Println(z, z == 0, 1/z, a/z)
	zero := 0.0
	inf := 1 / zero
	fmt.Println(complex(inf, 1)/complex(2, 3), complex(1, 1)/complex(inf, inf))
	m := map[complex128]string{1i: "i", 1: "one"}
	fmt.Println(m[1i], m[complex(1, 0)], len(m))
	var i any = a
	fmt.Println(i == any(1+2i), i)
	rows := ""
	for y := -1.0; y <= 1.0; y += 0.5 {
		for x := -2.0; x <= 0.5; x += 0.25 {
			if mandel(complex(x, y)) > 50 {
				rows += "#"
			} else {
				rows += "."
			}
		}
		rows += "\n"
	}
	fmt.Print(rows)
	p := Point(a)
	fmt.Println(p, complex128(p)*2)
	a++
	fmt.Println(a)
	sum := complex64(0)
	for j := 0; j < 1000; j++ {
		sum += complex(float32(j)*0.1, 0.01)
	}
	fmt.Println(sum)
	println(a, c64)
}
