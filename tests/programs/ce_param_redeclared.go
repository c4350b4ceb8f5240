package main

func f(x int) int {
	var x int
	return x
}

func main() { f(1) }
