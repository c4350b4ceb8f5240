package main

import "fmt"

func main() {
	xs := []byte("abc")
	for i := 0; ; i += 2 {
		fmt.Println(string(xs[i:]))
	}
}
