package main

import "fmt"

type A struct{ ID int }
type B struct{ ID int }

type C struct {
	A
	B
}

func main() {
	c := C{A{1}, B{2}}
	fmt.Println(c.A.ID, c.B.ID)
	fmt.Println(c.ID)
}
