package main

import "fmt"

func parse(s string) (n int, err error) {
	if s != "" {
		n := len(s)
		if n > 3 {
			return
		}
	}
	return
}

func main() {
	fmt.Println(parse("abcd"))
}
