package main

import "fmt"

func helper() int { return 1 }

func main() {
	x := helper()
	var x int = 2
	fmt.Println(x)
}
