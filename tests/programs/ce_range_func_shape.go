package main

import "fmt"

func main() {
	f := func(yield func(int)) {}
	for x := range f {
		fmt.Println(x)
	}
}
