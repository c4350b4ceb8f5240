package main

import (
	"errors"
	"fmt"
)

func double(x int) int { return 2 * x }

func apply(f func(int) int, x int) int { return f(x) }

func main() {
	g := double
	fmt.Println(apply(g, 3), apply(double, 4))
	p := fmt.Sprint
	fmt.Println(p("a", 1))
	q := fmt.Sprintf
	fmt.Println(q("%03d", 7))
	mk := errors.New
	fmt.Println(mk("boom"))
	pr := fmt.Println
	pr("via value", 1, true)
	fs := []func(...any) string{fmt.Sprint, fmt.Sprintln}
	fmt.Print(fs[1]("x", 2))
}
