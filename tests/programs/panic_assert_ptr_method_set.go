package main

import "fmt"

type Resetter interface{ Reset() }

type Counter struct{ n int }

func (c *Counter) Reset() { c.n = 0 }

func main() {
	var ok any = &Counter{5}
	ok.(Resetter).Reset()
	fmt.Println("pointer works")
	var bad any = Counter{5} // the value's method set lacks Reset
	bad.(Resetter).Reset()
}
