package main

import "fmt"

func pair() (int, string) { return 1, "one" }

func main() {
	a, b, c := pair()
	fmt.Println(a, b, c)
}
