package main

import "fmt"

var x = "package"

func show() string { return x }

type T struct{ v int }

func main() {
	fmt.Println(x, show())
	x := "main" // shadows the package variable
	fmt.Println(x, show())
	{
		x := "block"
		x += "!"
		fmt.Println(x)
	}
	fmt.Println(x)

	// if/else chains share the init scope
	if x := 1; x > 5 {
		fmt.Println("big")
	} else if y := x * 10; y > 5 {
		fmt.Println("else-if sees x and y:", x, y)
	} else {
		fmt.Println("never", x, y)
	}

	// := with at least one new variable reuses the existing ones
	a, err := 1, "none"
	b, err := 2, "second"
	fmt.Println(a, b, err)

	// shadowing in a loop body does not affect the loop variable
	for i := 0; i < 3; i++ {
		i := i * 10
		fmt.Print(i, " ")
	}
	fmt.Println()

	// a shadowed err inside a block is a different variable
	var result error
	if true {
		result := fmt.Errorf("inner")
		_ = result
	}
	fmt.Println(result == nil)

	// predeclared identifiers can be shadowed too
	len := func(s string) int { return 42 }
	fmt.Println(len("abc"))
	true := false
	fmt.Println(true, !true)
	{
		type int string // a local type named int, shadowing the predeclared one
		var s int = "now a string"
		fmt.Printf("%v %T\n", s, s)
	}
	var n int = 5 // the predeclared int again
	fmt.Printf("%v %T\n", n, n)

	// switch case clauses are separate scopes
	switch v := 3; v {
	case 3:
		w := "three"
		fmt.Println(w)
	default:
		w := 0
		fmt.Println(w)
	}

	// function parameters can be shadowed in inner blocks
	f := func(p int) int {
		{
			p := p * 2
			p++
			_ = p
		}
		return p
	}
	fmt.Println(f(7))

	// method names don't clash with variables
	t := T{v: 1}
	v := t.v + 1
	fmt.Println(v, t.v)

	// closures see the variable in the scope where they were written
	msg := "outer"
	get := func() string { return msg }
	{
		msg := "inner"
		fmt.Println(get(), msg)
	}
}
