package main

import "fmt"

// Instantiated generic interfaces embedded in interfaces, and a call
// through the embedding interface in a generic function.

type Getter[T any] interface{ Get() T }

type GetSetter[T any] interface {
	Getter[T]
	Set(v T)
}

type IntGetter interface {
	Getter[int]
	fmt.Stringer
}

type Cell[T any] struct{ v T }

func (c *Cell[T]) Get() T      { return c.v }
func (c *Cell[T]) Set(v T)     { c.v = v }
func (c *Cell[T]) String() string { return fmt.Sprint("cell ", c.v) }

func bump[T int | float64](g GetSetter[T]) { g.Set(g.Get() + 1) }

func main() {
	c := &Cell[int]{4}
	bump[int](c)
	var ig IntGetter = c
	fmt.Println(ig.Get(), ig)
	f := &Cell[float64]{1.5}
	bump(GetSetter[float64](f))
	fmt.Println(f.Get())
}
