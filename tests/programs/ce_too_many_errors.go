package main

import "fmt"

// More than ten errors: Go reports the first ten it finds, sorted, then
// `too many errors`.

func check(xs []int) int {
	a := xs[0]
	b := xs[1]
	var c string = xs[2]
	d := xs[3]
	e, f := xs[4]
	g := undefinedFunc(xs)
	h := xs[5]
	var i int = "i"
	j := xs[6]
	k := xs[7]
	return 0
}

func main() {
	fmt.Println(check([]int{1, 2, 3}))
}
