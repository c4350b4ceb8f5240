// The optimizing tier's short forms: masks of 8, 16 and 32 bits as
// zero-extending moves, multiplications by 3, 5 and 9 as one lea, on
// negative numbers and values near the word's edges too.
package main

import "fmt"

func mix(x int) int {
	return (x&0xFF)*3 + (x&0xFFFF)*5 - (x&0xFFFFFFFF)*9
}

func masks(x int) (int, int, int) {
	return x & 0xFF, x & 0xFFFF, x & 0xFFFFFFFF
}

func main() {
	vals := []int{0, 1, -1, 255, 256, 65535, 65536, -65536, 1 << 31, -(1 << 31), 1<<32 - 1, 1 << 40, -(1 << 62), 9223372036854775807, -9223372036854775808}
	s := 0
	for r := 0; r < 200; r++ {
		for _, v := range vals {
			s += mix(v + r)
			a, b, c := masks(v - r)
			s ^= a*9 + b*5 + c*3
		}
	}
	fmt.Println(s)
	for _, v := range vals {
		a, b, c := masks(v)
		fmt.Println(v, a, b, c, mix(v), v*3, v*5, v*9)
	}
}
