package main

import (
	"errors"
	"fmt"
)

// Comparing an interface with nil, in compiled code, is a test of its
// type word alone: an interface holding a nil pointer is not nil, a
// zero interface is, whichever side nil is written on, for empty and
// non-empty interfaces and errors. Hot loops, so that the functions are
// compiled.

type Shape interface{ Area() int }

type Sq struct{ s int }

func (q *Sq) Area() int {
	if q == nil {
		return -1
	}
	return q.s * q.s
}

var errOdd = errors.New("odd")

func check(i int) error {
	if i%2 == 1 {
		return errOdd
	}
	return nil
}

func pick(i int) Shape {
	switch i % 3 {
	case 0:
		return nil
	case 1:
		var q *Sq // a nil *Sq in a non-nil interface
		return q
	}
	return &Sq{i}
}

func any3(i int) interface{} {
	if i%4 == 0 {
		return nil
	}
	if i%4 == 1 {
		var p *int
		return p
	}
	return i
}

func main() {
	nils, typedNils, areas, errs, anys := 0, 0, 0, 0, 0
	for i := 0; i < 30000; i++ {
		s := pick(i)
		if s == nil {
			nils++
		} else if nil != s {
			a := s.Area()
			if a < 0 {
				typedNils++
			} else {
				areas += a % 1000
			}
		}
		if err := check(i); err != nil {
			errs++
		}
		if x := any3(i); x != nil {
			anys++
		}
	}
	fmt.Println(nils, typedNils, areas, errs, anys)
}
