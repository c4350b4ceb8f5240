// A string indexed past its end in compiled code: Go's index panic.
package main

import "fmt"

func at(s string, i int) byte { return s[i] }

func main() {
	s := "abcdef"
	t := 0
	for i := 0; i < 2000; i++ {
		t += int(at(s, i%6))
	}
	fmt.Println(t)
	fmt.Println(at(s, len(s)))
}
