package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ Code int }

func (e *MyErr) Error() string {
	if e == nil {
		return "nil MyErr"
	}
	return fmt.Sprint("code ", e.Code)
}

type Shape interface{ Area() int }

type Sq struct{ S int }

func (s Sq) Area() int { return s.S * s.S }

type PSq struct{ S int }

func (p *PSq) Area() int {
	if p == nil {
		return -1
	}
	return p.S * p.S
}

// the classic mistake: returns a non-nil error holding a nil pointer
func mayFail(fail bool) error {
	var e *MyErr
	if fail {
		e = &MyErr{42}
	}
	return e
}

// the correct version
func mayFailOK(fail bool) error {
	if fail {
		return &MyErr{42}
	}
	return nil
}

type Color int
type Shade int

func main() {
	e1 := mayFail(false)
	e2 := mayFailOK(false)
	fmt.Println(e1 == nil, e2 == nil, e1 != nil)
	fmt.Println(e1, e2)
	fmt.Printf("%T %T %v\n", e1, e2, e1.Error())
	fmt.Println(mayFail(true), mayFailOK(true))

	// a nil pointer in an interface can still have methods called on it
	var ps *PSq
	var s Shape = ps
	fmt.Println(s != nil, s.Area())

	// equality: same dynamic type and equal values
	var a, b Shape = Sq{2}, Sq{2}
	fmt.Println(a == b, a == Shape(Sq{3}), a != b)
	p1, p2 := &PSq{2}, &PSq{2}
	a, b = p1, p2
	fmt.Println(a == b, a.Area() == b.Area())
	b = p1
	fmt.Println(a == b)

	// different dynamic types are never equal, even with equal values
	var x, y any = Color(1), Shade(1)
	fmt.Println(x == y, x == any(1), x == any(Color(1)))
	fmt.Println(any(int64(1)) == any(1), any(uint8(1)) == any(byte(1)), any('a') == any(int32(97)))
	fmt.Println(any("s") == any("s"), any(1.5) == any(1.5), any(nil) == nil)

	// comparing an interface with a concrete value converts the value
	var sh Shape = Sq{4}
	fmt.Println(sh == Sq{4}, sh == Sq{5})
	var anyv any = 3
	fmt.Println(anyv == 3, anyv == 3.0, anyv == "3")

	// nil interface vs interface holding typed nil of different types
	var n1 Shape
	var n2 Shape = (*PSq)(nil)
	var n3 any = (*PSq)(nil)
	var n4 any = (*MyErr)(nil)
	fmt.Println(n1 == nil, n2 == nil, n3 == nil, n2 == n3, n3 == n4, n1 == n2)

	// errors created by errors.New are compared by identity
	sentinel := errors.New("not found")
	other := errors.New("not found")
	err := sentinel
	fmt.Println(err == sentinel, err == other, err.Error() == other.Error())

	// interface holding a struct with an interface field compares deeply
	type Box struct{ V any }
	fmt.Println(any(Box{1}) == any(Box{1}), any(Box{"a"}) == any(Box{1}), Box{nil} == Box{})

	// pointers compare by identity
	v := 5
	pa, pb := &v, &v
	pc := new(int)
	*pc = 5
	fmt.Println(pa == pb, pa == pc, *pa == *pc, any(pa) == any(pb))

	// switch on interface equality
	for _, c := range []any{Color(2), Shade(2), 2, nil} {
		switch c {
		case Color(2):
			fmt.Print("Color2 ")
		case 2:
			fmt.Print("int2 ")
		case nil:
			fmt.Print("nil ")
		default:
			fmt.Print("other ")
		}
	}
	fmt.Println()
}
