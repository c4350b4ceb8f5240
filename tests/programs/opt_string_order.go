package main

import "fmt"

// String comparisons in a hot loop (optimized code compares the first
// bytes inline and calls the runtime when they are equal or a string is
// empty): every ordering case, including bytes above 0x7f, prefixes,
// empty strings and long common prefixes.

func less(a, b string) bool    { return a < b }
func lessEq(a, b string) bool  { return a <= b }
func greater(a, b string) bool { return a > b }

func main() {
	words := []string{
		"", "a", "b", "ab", "abc", "abd", "abcdefgh", "abcdefghi", "abcdefgi",
		"\xff", "\x7f", "\x80", "z", "zz", "zzzzzzzzzzzzzzzzzzzzzz", "zzzzzzzzzzzzzzzzzzzzzy",
		"héllo", "hello", "Hello", "hellO",
	}
	lt, le, gt := 0, 0, 0
	sig := 0
	for r := 0; r < 3000; r++ {
		for i, a := range words {
			for j, b := range words {
				if less(a, b) {
					lt++
					sig += i*31 + j
				}
				if lessEq(a, b) {
					le++
				}
				if greater(a, b) {
					gt++
					sig ^= i*17 + j*3
				}
			}
		}
	}
	fmt.Println(lt, le, gt, sig)
	// One row of the table, to see each pair's answer.
	for _, b := range words {
		fmt.Print(less("abc", b), " ")
	}
	fmt.Println()
}
