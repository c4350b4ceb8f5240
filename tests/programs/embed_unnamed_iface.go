package main

import "fmt"

// A value of an unnamed struct type in an interface whose method is
// promoted into it (calls of such methods run).

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }

type Getter interface{ Get() int }

func main() {
	s := struct{ Counter }{Counter{3}}
	var g Getter = s
	fmt.Println(g.Get())
}
