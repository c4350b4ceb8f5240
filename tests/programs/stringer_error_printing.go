package main

import (
	"errors"
	"fmt"
)

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	case Blue:
		return "Blue"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

// String on the pointer receiver only: values do not have it
type Vec struct{ X, Y int }

func (v *Vec) String() string { return fmt.Sprintf("<%d,%d>", v.X, v.Y) }

// both Error and String: Error wins
type Both struct{ N int }

func (b Both) Error() string  { return fmt.Sprint("error#", b.N) }
func (b Both) String() string { return fmt.Sprint("string#", b.N) }

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

// value-receiver String reached through a nil pointer: fmt prints <nil>
type Temp struct{ C int }

func (t Temp) String() string { return fmt.Sprint(t.C, "°") }

// pointer-receiver String that handles nil itself
type Node struct{ V int }

func (n *Node) String() string {
	if n == nil {
		return "(empty)"
	}
	return fmt.Sprint("node:", n.V)
}

type Path []string

func (p Path) String() string {
	s := ""
	for i, part := range p {
		if i > 0 {
			s += "/"
		}
		s += part
	}
	return "/" + s
}

type Wrapper struct {
	C    Color
	Name string
}

func find(key string) error {
	if key == "" {
		return errors.New("empty key")
	}
	if key[0] == 'x' {
		return &NotFound{key}
	}
	return nil
}

func main() {
	fmt.Println(Red, Blue, Color(7))
	fmt.Printf("%v %s %d %q %x %5s|%-6v|\n", Green, Green, Green, Green, Green, Red, Blue)
	fmt.Println([]Color{Blue, Red}, [2]Color{Green})
	fmt.Printf("%v %+v %d\n", Wrapper{Blue, "w"}, Wrapper{Green, "g"}, Wrapper{Red, "r"})
	s := fmt.Sprint(Red, Green)
	fmt.Println(s, len(s))

	v := Vec{1, 2}
	fmt.Println(v, &v)
	fmt.Printf("%v %v %s\n", v, &v, &v)
	fmt.Println([]*Vec{{3, 4}}, []Vec{{5, 6}})

	b := Both{7}
	fmt.Println(b)
	fmt.Printf("%v %s %d\n", b, b, b)
	var err error = b
	var st fmt.Stringer = b
	fmt.Println(err, st, st.String())

	for _, k := range []string{"", "xyz", "abc"} {
		e := find(k)
		fmt.Printf("%q -> %v (nil=%t) %T\n", k, e, e == nil, e)
	}
	fmt.Println(&NotFound{"direct"})

	var tp *Temp
	fmt.Println(tp, Temp{30}, &Temp{31})
	fmt.Printf("[%v] [%s] [%d]\n", tp, tp, Temp{32})
	var nn *Node
	fmt.Println(nn, &Node{4})
	fmt.Printf("%v %s\n", nn, []*Node{nil, {5}})
	var si fmt.Stringer = nn
	fmt.Println(si, si == nil)

	fmt.Println(Path{"usr", "local", "bin"}, Path{}, Path(nil))
	fmt.Printf("%v|%s|%q|%d\n", Path{"a"}, Path{"b", "c"}, Path{"d"}, Path{"e"})

	// Errorf builds an error from a format; %v of the error uses Error()
	e2 := fmt.Errorf("lookup %q failed: %v", "k", find("xk"))
	fmt.Println(e2)
	fmt.Printf("%s|%v|%q\n", e2, e2, errors.New("quoted"))
	e3 := fmt.Errorf("color %v code %d", Blue, Blue)
	fmt.Println(e3.Error())

	// Sprint of a Stringer inside an any slice
	items := []any{Red, &v, b, Path{"x"}, Temp{1}, tp, nn}
	fmt.Println(items...)
	fmt.Println(items)
}
