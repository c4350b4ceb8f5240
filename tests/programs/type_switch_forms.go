package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() int }
type Named interface{ Name() string }

type Sq struct{ S int }
type Circle struct{ R int }
type Label string

func (s Sq) Area() int         { return s.S * s.S }
func (c *Circle) Area() int    { return 3 * c.R * c.R }
func (c *Circle) Name() string { return "circle" }
func (l Label) Name() string   { return string(l) }

type MyInt int

func classify(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", v+1)
	case MyInt:
		return fmt.Sprintf("MyInt %d", v*2)
	case int8, int16:
		// v has the type of x (any) when a case lists several types
		return fmt.Sprintf("small int %v %T", v, v)
	case string:
		return "string of len " + fmt.Sprint(len(v))
	case []int:
		return fmt.Sprint("slice ", len(v), v)
	case [2]int:
		return fmt.Sprint("array ", v[0]+v[1])
	case error:
		return "error: " + v.Error()
	case Named:
		// the first matching case wins, in source order
		return "named: " + v.Name()
	case Shape:
		return fmt.Sprint("shape with area ", v.Area())
	case func(int) int:
		return fmt.Sprint("func gives ", v(20))
	case bool, float64:
		return fmt.Sprintf("bool-or-float %v", v)
	case *int:
		return fmt.Sprint("ptr to int ", *v)
	case struct{ A int }:
		return fmt.Sprint("anon struct ", v.A)
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func kind(s Shape) string {
	switch s.(type) { // no binding
	case Sq:
		return "Sq"
	case *Circle:
		return "*Circle"
	case nil:
		return "nil shape"
	}
	return "?"
}

func source(i int) any {
	if i%2 == 0 {
		return i
	}
	return fmt.Sprint(i)
}

func main() {
	n := 7
	vals := []any{
		nil, 41, MyInt(21), int8(3), int16(-4), "hello", []int{1, 2}, [2]int{3, 4},
		errors.New("boom"), Label("lbl"), &Circle{1}, Sq{5}, func(x int) int { return x + 1 },
		true, 2.5, &n, struct{ A int }{9}, uint(3), []string{"x"}, Circle{2},
	}
	for i, v := range vals {
		fmt.Printf("%2d %s\n", i, classify(v))
	}

	// any and interface{} are the same type
	var e1 interface{} = vals[1]
	var e2 any = e1
	fmt.Println(e1 == e2, classify(e2))
	fmt.Printf("%T %T\n", []interface{}{}, struct{ V any }{})

	var s Shape
	fmt.Println(kind(s), kind(Sq{}), kind(&Circle{}))
	var cp *Circle
	s = cp // typed nil: matches *Circle, not nil
	fmt.Println(kind(s))

	// switch with an init statement
	for i := 0; i < 4; i++ {
		switch x := source(i); y := x.(type) {
		case int:
			fmt.Print("int:", y*100, " ")
		case string:
			fmt.Print("str:", y+y, " ")
		}
	}
	fmt.Println()

	// the bound variable in default has the original interface type
	var sh Shape = Sq{3}
	switch v := sh.(type) {
	case *Circle:
		fmt.Println("circle", v.R)
	default:
		fmt.Printf("default %T %d\n", v, v.Area())
	}

	// interface case catches every implementer; order matters
	for _, x := range []Shape{Sq{1}, &Circle{1}} {
		switch v := x.(type) {
		case Named:
			fmt.Println("Named first:", v.Name())
		case Shape:
			fmt.Println("Shape:", v.Area())
		}
	}

	// break inside a type switch leaves the switch only
	count := 0
	for _, x := range []any{1, "a", 2, "b", 3} {
		switch x.(type) {
		case string:
			if x == "b" {
				break
			}
			count += 10
		case int:
			count++
		}
	}
	fmt.Println("count", count)
}
