package main

import "fmt"

func main() {
	for i := 3; i >= 0; i-- {
		if i == 1 {
			panic(fmt.Errorf("countdown aborted at %d (%s)", i, "too low"))
		}
		fmt.Println(i)
	}
}
