package main

import "fmt"

func get(xs []int, i int) int { return xs[i] }

func main() {
	xs := []int{10, 20, 30}
	for i := 0; i < 3; i++ {
		fmt.Println("xs", i, "=", get(xs, i))
	}
	fmt.Println("now reading index 5")
	fmt.Println(get(xs, 5))
	fmt.Println("unreachable")
}
