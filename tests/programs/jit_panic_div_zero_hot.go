package main

import "fmt"

// Integer division by zero raised by compiled code: the divisor comes from
// data and is zero only after the function has been called (and compiled)
// many times. MinInt32 % -1 and / -1 on the way must not trap.

func step(acc int32, d int32) int32 {
	return acc/d + acc%d + 1
}

func main() {
	ds := make([]int32, 5000)
	for i := range ds {
		ds[i] = int32(i%9) - 4
		if ds[i] == 0 {
			ds[i] = -1
		}
	}
	var acc int32 = -1 << 31
	for round := 0; round < 20; round++ {
		for _, d := range ds {
			acc = step(acc^int32(round), d)
		}
		if round%5 == 0 {
			fmt.Println("round", round, acc, step(-1<<31, -1))
		}
	}
	ds[3333] = 0
	for _, d := range ds {
		acc = step(acc, d)
	}
	fmt.Println("unreachable", acc)
}
