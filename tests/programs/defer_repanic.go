package main

import "fmt"

func work(xs []int, i int) int {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("logging:", r)
			panic(r)
		}
	}()
	return xs[i]
}

func main() {
	xs := []int{1, 2, 3}
	fmt.Println(work(xs, 1))
	fmt.Println(work(xs, 7))
}
