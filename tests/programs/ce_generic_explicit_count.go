package main

import "fmt"

func Pair[A, B any](a A, b B) string { return fmt.Sprint(a, b) }

func main() {
	fmt.Println(Pair[int, string, bool](1, "x"))
}
