package main

import (
	"cmp"
	"fmt"
)

// The cmp import is used only by a constraint (of a generic function
// never instantiated, and of one instantiated): it counts as used.

func never[T cmp.Ordered](x T) T { return x }

func twice[T cmp.Ordered](x T) T { return x + x }

func main() {
	fmt.Println(twice(21), twice("ab"))
}
