package main

import "fmt"

func main() {
	fmt.Printf("%5d|%-4d|%+d|%x|\n", "a", "b", true, 1.5)
	fmt.Printf("%5d|\n", []string{"a"})
	fmt.Printf("%05d|\n", struct{ s string }{"a"})
}
