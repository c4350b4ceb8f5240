package main

import "fmt"

// An iterator that keeps its yield function and calls it after the whole
// loop is over: Go's panic (one value each time, so a recovered one
// raised again is a repanic), in a deferred call, with its traceback.

var kept func(int) bool

func seq(yield func(int) bool) {
	kept = yield
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func main() {
	for x := range seq {
		fmt.Println(x)
	}
	defer func() {
		fmt.Println("recovered:", recover())
		for x := range seq {
			if x == 1 {
				break
			}
		}
		kept(7)
	}()
	kept(5)
}
