package main

import "fmt"

func main() {
	vals := []any{1, 2, "three", 4}
	sum := 0
	for _, v := range vals {
		sum += v.(int)
		fmt.Println("sum", sum)
	}
}
