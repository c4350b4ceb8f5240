package main

import (
	"errors"
	"fmt"
)

var ErrCorrupt = errors.New("corrupt header")

func load(ok bool) string {
	if !ok {
		panic(ErrCorrupt)
	}
	return "loaded"
}

func main() {
	fmt.Println(load(true))
	fmt.Println(load(false))
}
