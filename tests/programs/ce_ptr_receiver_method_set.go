package main

import "fmt"

type Counter interface{ Inc() }

type Clicks struct{ n int }

func (c *Clicks) Inc() { c.n++ }

func main() {
	c := Clicks{}
	var ctr Counter = c
	ctr.Inc()
	fmt.Println(c.n)
}
