package main

import "fmt"

type Incer interface{ Inc() }

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

type Box struct{ Counter }

func main() {
	b := &Box{}
	var i Incer = b
	i.Inc()
	fmt.Println(b.n)
	var j Incer = Box{}
	j.Inc()
}
