package main

import "fmt"

type Engine struct{ hp int }

func (e *Engine) Power() int { return e.hp }

type Car struct {
	*Engine
	name string
}

func main() {
	c := Car{&Engine{150}, "a"}
	fmt.Println(c.Power(), c.hp)
	d := Car{name: "b"}
	fmt.Println(d.name, d.Engine == nil)
	fmt.Println(d.Power())
}
