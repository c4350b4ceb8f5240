package main

import "fmt"

// fmt would call the String method promoted into an unnamed struct type.

type Named struct{ name string }

func (n Named) String() string { return "N:" + n.name }

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }

func main() {
	a := struct{ Named }{Named{"x"}}
	b := struct{ Counter }{Counter{2}}
	fmt.Println(a, b)
	fmt.Printf("%v %+v\n", a, b)
}
