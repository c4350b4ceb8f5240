package main

import "fmt"

// The builtins print and println write to stderr, not stdout. Only the
// first stderr line is compared, so it carries the interesting values.

type Level int8

func main() {
	fmt.Println("stdout: start")
	var i8 int8 = -8
	var u64 uint64 = 1<<64 - 1
	n := 0
	for i := 1; i <= 10; i++ {
		n += i
	}
	println("ints:", n, -n, i8, u64, 'a', byte(65), Level(-3), uint16(65535), "bools:", true, false, "empty:", "", "end")
	fmt.Println("stdout: middle", n)
	println("second line", 2)
	print("no", "spaces", 1, 2, "\n")
	fmt.Println("stdout: end")
}
