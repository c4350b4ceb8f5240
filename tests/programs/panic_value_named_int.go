package main

import "fmt"

type ExitCode int

func main() {
	var c ExitCode = 7
	fmt.Println("code", c)
	panic(c)
}
