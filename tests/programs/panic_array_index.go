package main

import "fmt"

type Grid [4][4]int

func main() {
	var g Grid
	r, c := 0, 0
	for step := 0; step < 10; step++ {
		g[r][c] = step
		fmt.Println("set", r, c)
		r++
		c += 2
	}
	fmt.Println(g)
}
