package main

import "fmt"

type Shape interface{ Area() int }

func Total[S Shape](xs []S) int {
	t := 0
	for _, x := range xs {
		t += x.Area()
	}
	return t
}

func main() {
	fmt.Println(Total([]int{1}))
}
