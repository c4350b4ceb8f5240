package main

import "fmt"

// A panic in an init function, through a method value and a promoted
// method of an embedded struct.

type Base struct{ vals []int }

func (b *Base) At(i int) int { return b.vals[i] }

type Derived struct {
	*Base
	name string
}

var table = []int{1, 2, 3}

func init() {
	d := Derived{&Base{table}, "d"}
	at := d.At
	for i := 0; i <= len(table); i++ {
		fmt.Println(d.name, at(i))
	}
}

func main() {
	fmt.Println("unreachable")
}
