// Interface boxing, conversion, assertions and comparison.
// listing: main.box MakeIface
// listing: main.widen IfaceToIface
// listing: main.asInt AssertType
// listing: main.asStringer AssertIface
// listing: main.same IfaceEq
package main

import "fmt"

type named int

func (n named) String() string { return "named" }

func box(n named) fmt.Stringer { return n }

func widen(s fmt.Stringer) any { return s }

func asInt(x any) (int, bool) {
	v, ok := x.(int)
	return v, ok
}

func asStringer(x any) fmt.Stringer { return x.(fmt.Stringer) }

func same(a, b any) bool { return a == b }

func main() {
	s := box(3)
	fmt.Println(widen(s), asStringer(s))
	fmt.Println(asInt(4))
	fmt.Println(same(1, 1))
}
