package main

import "fmt"

type Counter struct {
	hits map[string]int
}

func (c *Counter) Hit(k string) {
	c.hits[k]++
}

func main() {
	var c Counter
	fmt.Println(len(c.hits), c.hits["x"])
	for k, v := range c.hits {
		fmt.Println(k, v)
	}
	delete(c.hits, "x")
	c.Hit("page")
	fmt.Println("unreachable")
}
