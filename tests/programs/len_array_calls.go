package main

import "fmt"

var calls int

func arr() [3]int { calls++; return [3]int{} }

func ptr() *[4]int { calls++; return nil }

func main() {
	n := len(arr())
	m := cap(ptr())
	var p *[7]int
	fmt.Println(n, m, len(p), calls)
	var q [2][5]string
	fmt.Println(len(q[1]), len(q), cap(&q))
}
