package main

import "fmt"

func main() {
	for s := 2; ; s-- {
		fmt.Println(1 << s)
	}
}
