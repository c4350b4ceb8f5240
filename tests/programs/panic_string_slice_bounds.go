package main

import "fmt"

func prefix(s string, n int) string { return s[:n] }

func main() {
	s := "héllo"
	fmt.Println(prefix(s, 3), len(s))
	fmt.Println(prefix(s, 7))
}
