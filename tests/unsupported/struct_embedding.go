package main

import "fmt"

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprint("id ", b.ID) }

type User struct {
	Base
	Name string
}

func main() {
	u := User{Base{1}, "ann"}
	fmt.Println(u.Name)
}
