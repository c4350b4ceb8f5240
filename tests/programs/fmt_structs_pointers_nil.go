package main

import (
	"errors"
	"fmt"
)

type Inner struct {
	A int
	B string
}

type Outer struct {
	Name  string
	In    Inner
	Tags  []string
	Arr   [2]bool
	Ptr   *Inner // printed only when nil: non-nil nested pointers print addresses
	Any   any
	Err   error
	Fn    func()
	Bytes []byte
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1fC", float64(c)) }

type Hidden struct {
	temp Celsius // unexported: fmt cannot call String on it
	Temp Celsius // exported: fmt calls String
	err  error   // unexported nil interface prints <nil>
}

type List []int
type Grid [2][2]int

func main() {
	o := Outer{Name: "o", In: Inner{1, "x"}, Tags: []string{"a", "b"}}
	fmt.Println(o)
	fmt.Printf("%v\n%+v\n", o, o)
	o.Any = Inner{2, "y"}
	o.Err = errors.New("failed")
	o.Bytes = []byte("hi")
	fmt.Printf("%v\n%+v\n", o, o)

	// pointer to struct at top level prints &{...}
	p := &Inner{3, "z"}
	fmt.Println(p)
	fmt.Printf("%v %+v %s\n", p, p, p)
	pp := &o
	pp.Any = nil
	pp.Err = nil
	fmt.Printf("%+v\n", pp)

	// nil values of every kind
	var np *Inner
	var ns []int
	var ni any
	var ne error
	var nf func()
	fmt.Println(np, ns, ni, ne, nf == nil)
	fmt.Printf("[%v] [%+v] [%v] [%v] [%v] [%d] [%s]\n", np, np, ns, ni, ne, ns, ns)
	fmt.Printf("[%T] [%T] [%T] [%T]\n", np, ns, ni, ne)

	// String is not called on unexported fields
	h := Hidden{temp: 21.5, Temp: 22.5}
	fmt.Println(h)
	fmt.Printf("%+v\n", h)
	fmt.Println(h.temp, []Celsius{1, 2}, [1]Celsius{3})

	// named slice/array types print like their underlying types
	fmt.Println(List{1, 2, 3}, Grid{{1, 2}, {3, 4}}, List(nil), List{})
	fmt.Printf("%v %d %T\n", List{4}, Grid{}, Grid{})

	// slices of structs, of pointers (nil only), of interfaces
	fmt.Println([]Inner{{1, "a"}, {2, "b"}})
	fmt.Printf("%+v\n", []Inner{{1, "a"}})
	fmt.Println([]*Inner{nil, nil}, []any{1, "a", nil, Inner{}, []int{2}, 2.5, true})
	fmt.Printf("%v|%+v|%d\n", []any{Inner{5, "e"}}, []any{Inner{6, "f"}}, []any{7, Inner{8, "g"}})

	// anonymous struct, empty struct, nested anonymous
	fmt.Println(struct {
		X int
		Y struct{ Z string }
	}{1, struct{ Z string }{"zz"}}, struct{}{})
	fmt.Printf("%+v\n", struct {
		X int
		y []string
	}{2, nil})

	// %s and %d on structs apply to each field
	fmt.Printf("%s|%d|%x\n", Inner{10, "s"}, Inner{11, "t"}, Inner{255, "hi"})

	// strings inside composites are not quoted by %v, but are by %q
	fmt.Printf("%v %q\n", []string{"a b", ""}, []string{"a b", ""})
	fmt.Println([]string{"", "", ""}, len([]string{"", ""}))

	// a pointer to a struct inside an interface
	var ai any = &Inner{9, "p"}
	fmt.Println(ai)
	fmt.Printf("%v %+v %T\n", ai, ai, ai)

	// byte slices print as numbers with %v, as text with %s
	b := []byte("go!")
	fmt.Println(b)
	fmt.Printf("%v %s %q %x\n", b, b, b, b)

	// Println separates every operand by a space
	fmt.Println("a", "b", 1, "c", nil, Inner{})
	fmt.Println()
	fmt.Println("")
}
