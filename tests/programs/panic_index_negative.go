package main

import "fmt"

func main() {
	xs := []string{"a", "b"}
	i := 1
	for {
		fmt.Println("at", i, xs[i])
		i--
	}
}
