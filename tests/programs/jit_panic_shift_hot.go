package main

import "fmt"

// A negative shift count reaching compiled code: counts are signed ints
// from data; shifts by 64 and more are fine (0 or -1), a negative count
// panics.

func mix(x int64, s int) int64 {
	return x<<s ^ x>>(s/2) ^ int64(uint64(x)>>(s+1))
}

func main() {
	counts := make([]int, 1000)
	for i := range counts {
		counts[i] = (i * 37) % 130
	}
	var h int64 = 0x5DEECE66D
	for r := 0; r < 100; r++ {
		for _, s := range counts {
			h = h*6364136223846793005 + mix(h, s) + int64(s)
		}
		if r%25 == 0 {
			fmt.Println("r", r, h)
		}
	}
	counts[777] = -3
	for _, s := range counts {
		h = mix(h, s)
	}
	fmt.Println("unreachable", h)
}
