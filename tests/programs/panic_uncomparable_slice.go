package main

import "fmt"

type Tags []string

func same(a, b any) bool { return a == b }

func main() {
	fmt.Println(same(1, 1), same("a", "b"), same(Tags{"x"}, 3))
	fmt.Println("comparing two slices inside interfaces")
	fmt.Println(same(Tags{"x"}, Tags{"x"}))
}
