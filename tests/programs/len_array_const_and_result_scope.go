package main

import "fmt"

var grid [4][6]int

func size() (n int, err error) {
	n, err = 3, nil
	if n > 2 {
		x, err := 5, error(nil)
		_ = x
		_ = err
	}
	return
}

func named() (r int) {
	r, ok := 4, true
	if ok {
		r++
	}
	return
}

func main() {
	var a [5]int
	var p *[3]int
	const n = len(a)
	const m = cap(p)
	const rows, cols = len(grid), len(grid[0])
	var b [n * 2]int
	fmt.Println(n, m, rows, cols, len(b))
	fmt.Println(size())
	fmt.Println(named())
}
