package main

import "fmt"

// Method values of promoted methods bind the method they promote to the
// embedded receiver reached at the binding (a value receiver copied then,
// a nil embedded pointer panicking then), as Go's do.

type Engine struct{ hp int }

func (e Engine) Value() int  { return e.hp }
func (e *Engine) Ptr() int   { return e.hp * 10 }
func (e *Engine) Bump()      { e.hp++ }

type Car struct {
	*Engine
	name string
}

type Truck struct {
	Engine
	load int
}

func main() {
	c := Car{&Engine{150}, "a"}
	f := c.Value // copies the engine now
	g := c.Ptr   // binds the pointer
	c.Engine.hp = 200
	fmt.Println(f(), g())
	t := Truck{Engine{7}, 1}
	h := t.Value
	b := t.Bump
	b()
	b()
	fmt.Println(h(), t.hp, t.Value())
	pt := &t
	k := pt.Ptr
	pt.hp = 9
	fmt.Println(k())
	var none Car
	fmt.Println("before")
	v := none.Value
	fmt.Println("unreachable", v())
}
