// A masked value scaled (bytecode::peephole's AndImmMulImm), as the
// dispatch scenarios' method bodies compute it: masks of every width,
// negative masks and factors, products that wrap, the masked value reused,
// the same slot masked and scaled in place, and a hot loop.
package main

import "fmt"

type Scaler interface {
	Scale(x int) int
}

type K3 struct{ base int }

func (t *K3) Scale(x int) int { return (x&65535)*3 + t.base }

type KBig struct{ base int }

func (t *KBig) Scale(x int) int { return (x&-1)*(1<<62+7) + t.base }

func low8(x int) int { return (x & 255) * -3 }

func keep(x int) int {
	m := x & 1023
	return m*9 + m
}

func inPlace(x int) int {
	x = x & 4095
	x = x * 1000003
	return x
}

func u(x uint64) uint64 { return (x & 0xFFFFFFFF) * 0x9E3779B97F4A7C15 }

func hot(s Scaler) int {
	sum := 0
	for i := 0; i < 300000; i++ {
		sum += s.Scale(i) + low8(i)
	}
	return sum
}

func main() {
	const maxInt = 1<<63 - 1
	const minInt = -1 << 63
	for _, x := range []int{0, 1, -1, 255, 256, 65535, 65536, -65536, maxInt, minInt, 123456789} {
		fmt.Println(x, (&K3{7}).Scale(x), (&KBig{-1}).Scale(x), low8(x), keep(x), inPlace(x), u(uint64(x)))
	}
	fmt.Println(hot(&K3{5}), hot(&KBig{3}))
}
