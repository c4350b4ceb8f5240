package main

import "fmt"

// Division, remainder and shifts by constants, as the optimizing tier
// compiles them without `div` (a multiplication by a magic number, a
// shift and a mask for powers of two) and with one-instruction shifts:
// every sign, size and kind of divisor, the extreme dividends, and hot
// loops so that the functions are compiled.

const minInt = -1 << 63
const maxInt = 1<<63 - 1

func signed(n int) [16]int {
	return [16]int{
		n / 3, n % 3, n / -3, n % -3,
		n / 7, n % 7, n / 10, n % 10,
		n / 8, n % 8, n / -16, n % -16,
		n / 1000000007, n % 1000000007,
		n / minInt, n % minInt,
	}
}

func unsigned(n uint) [14]uint {
	return [14]uint{
		n / 3, n % 3, n / 7, n % 7,
		n / 10, n % 10, n / 26, n % 26,
		n / 16, n % 16, n / 10000000000, n % 10000000000,
		n / (1 << 63), n % (1 << 63),
	}
}

func narrow(a int8, b int16, c int32, d uint8, e uint16, f uint32) [12]int {
	return [12]int{
		int(a / 3), int(a % -5), int(b / 7), int(b % 128),
		int(c / -9), int(c % 1024), int(d / 3), int(d % 6),
		int(e / 1000), int(e % 256), int(f / 37), int(f % 65536),
	}
}

func shifts(x int, u uint) [10]uint {
	return [10]uint{
		uint(x << 13), uint(x >> 7), uint(x >> 63), uint(x >> 64), uint(x >> 200),
		u << 17, u >> 7, u >> 63, u << 64, u >> 99,
	}
}

// A xorshift generator: the shifts and the modulo of a hot loop.
type Rand struct{ state uint64 }

func (r *Rand) Next() uint64 {
	x := r.state
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	r.state = x
	return x
}

func (r *Rand) Intn(n int) int { return int(r.Next() % uint64(n)) }

func main() {
	edges := []int{0, 1, -1, 2, -2, 3, -3, 7, -7, 9, -9, 10, -10, 15, 16, -16, 17,
		1000000006, 1000000007, -1000000007, 1 << 40, -(1 << 40),
		maxInt, maxInt - 1, minInt, minInt + 1}
	for _, n := range edges {
		fmt.Println(n, signed(n))
		fmt.Println(uint(n), unsigned(uint(n)))
		fmt.Println(shifts(n, uint(n)))
	}
	small := []int{0, 1, -1, 5, -5, 127, -128, 100, -100, 255}
	for _, n := range small {
		fmt.Println(n, narrow(int8(n), int16(n*300), int32(n*1000003), uint8(n), uint16(n*300), uint32(n*1000003)))
	}

	// Hot: the same operations over many values, summed.
	var s, t, w uint
	x := 1
	for i := 0; i < 200000; i++ {
		x = x*6364136223846793005 + 1442695040888963407
		for _, v := range signed(x) {
			s = s*31 + uint(v)
		}
		for _, v := range unsigned(uint(x)) {
			t = t*31 + v
		}
		for _, v := range shifts(x, uint(x)) {
			w = w*31 + v
		}
		for _, v := range narrow(int8(x), int16(x), int32(x), uint8(x), uint16(x), uint32(x)) {
			s = s*7 + uint(v)
		}
	}
	fmt.Println("sums:", s, t, w)

	const letters = "abcdefghijklmnopqrstuvwxyz"
	r := &Rand{88172645463325252}
	counts := make([]int, 26)
	word := make([]byte, 0, 16)
	for i := 0; i < 300000; i++ {
		c := letters[r.Intn(len(letters))]
		counts[c-'a']++
		if i < 12 {
			word = append(word, c)
		}
	}
	fmt.Println(string(word), counts)
}
