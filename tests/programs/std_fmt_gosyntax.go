// fmt's %#v (Go syntax) for every kind of value, and %p on values that
// are no pointer.
package main

import "fmt"

type P struct {
	X, Y int
	S    string
	F    float64
	B    bool
	U    uint8
	E    error
	A    any
	Q    *P
	L    []int
	M    map[string]int
	Ar   [2]bool
	Fn   func()
	in   struct{ a int }
}

type Celsius float64
type Name string
type Ints []int

func main() {
	p := P{X: 1, Y: -2, S: "hi\n", F: 2.5, B: true, U: 7, A: 3}
	fmt.Printf("%#v\n", p)
	fmt.Printf("%#v\n", &p)
	q := P{Q: &p, L: []int{1, 2}, M: map[string]int{"z": 1, "a": 2}, A: "s", E: fmt.Errorf("e")}
	fmt.Printf("%#v\n", q.L)
	fmt.Printf("%#v %#v %#v\n", []int(nil), map[int]bool(nil), []string{})
	fmt.Printf("%#v %#v %#v %#v\n", Celsius(3), Name("x"), Ints{1}, Ints(nil))
	fmt.Printf("%#v %#v %#v\n", []any{1, "a", nil, 2.0, uint(3)}, [3]int{}, struct{ A, b int }{1, 2})
	fmt.Printf("%#v\n", [][]string{{"a"}, nil})
	var e error
	var a any
	fmt.Printf("%#v %#v %#v\n", e, a, []error{nil})
	fmt.Printf("%#v %#v %#x %#o %#q\n", 'x', byte(3), 255, 8, "a`b")
	fmt.Printf("%#v %#v\n", 1e21, float32(0.1))
	fmt.Printf("%+v\n", q.M)
	fmt.Printf("%#v\n", map[Name]int{})
	var pp *P
	fmt.Printf("%#v\n", pp)
	fmt.Printf("%#v\n", []*int{nil})
	fmt.Printf("%p %p %p\n", true, 3, "s")
	fmt.Printf("%p %p\n", []int(nil), map[int]int(nil))
}
