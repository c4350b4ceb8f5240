package main

import "fmt"

func main() {
	m := map[string]int{
		"a": 1,
		"b": 2,
		"a": 3,
	}
	fmt.Println(m)
}
