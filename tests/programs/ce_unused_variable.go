package main

import "fmt"

func main() {
	count := 0
	for i := 0; i < 3; i++ {
		fmt.Println(i)
	}
	result := count * 2
}
