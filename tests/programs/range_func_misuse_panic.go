package main

import "fmt"

func twice(yield func(string) bool) {
	if !yield("a") {
		yield("b")
	}
}

func main() {
	for s := range twice {
		fmt.Println(s)
		break
	}
}
