// Arrays held in the frame, indexed by a variable; nested ones go through
// CheckIndex and a word offset.
// listing: main.pick FrameLoadIdx
// listing: main.set FrameStoreIdx
// listing: main.grid CheckIndex
// listing: main.grid FrameStoreDyn
// listing: main.grid FrameLoadDyn
package main

import "fmt"

func pick(i int) int {
	a := [4]int{1, 2, 3, 4}
	return a[i]
}

func set(i, v int) int {
	var a [4]int
	a[i] = v
	return a[1]
}

func grid(i, j int) int {
	var g [2][3]int
	g[i][j] = 7
	return g[j][i]
}

func main() {
	fmt.Println(pick(2), set(1, 5), grid(1, 1))
}
