package main

import (
	"errors"
	"fmt"
)

// fmt calls String and Error methods and turns their panics into
// %!v(PANIC=String method: ...) text (a nil pointer receiver prints
// <nil>). Here those methods are compiled, called from compiled loops,
// and panic deep inside further compiled calls: each panic must unwind
// only to fmt, and the loop must go on with its own state intact.

type Cell struct {
	vals []int
	at   int
}

func (c *Cell) String() string {
	return fmt.Sprint("cell", c.vals[c.at]) // nil c, or at out of range
}

type Ratio struct{ num, den int }

func (r Ratio) String() string {
	return fmt.Sprintf("%d/%d=%d", r.num, r.den, divide(r.num, r.den))
}

func divide(a, b int) int {
	if b == 100 {
		panic(errors.New("den 100"))
	}
	return deeper(a, b, 3)
}

func deeper(a, b, n int) int {
	if n == 0 {
		return a / b
	}
	return deeper(a, b, n-1)
}

type Code int

func (c Code) Error() string {
	if c < 0 {
		panic(fmt.Sprint("negative code ", int(c)))
	}
	if c == 13 {
		var p *Cell
		return p.String() + "!"
	}
	return fmt.Sprint("code ", int(c))
}

type Wrap struct{ inner fmt.Stringer }

func (w Wrap) String() string { return "[" + w.inner.String() + "]" }

func main() {
	cells := []*Cell{{[]int{1, 2, 3}, 1}, {[]int{4}, 0}, {[]int{5, 6}, 2}, nil, {nil, -1}}
	lens := 0
	var last [5]string
	for i := 0; i < 3000; i++ {
		c := cells[i%len(cells)]
		s := fmt.Sprint(c)
		lens += len(s)
		last[i%len(cells)] = s
	}
	fmt.Println(lens)
	for _, s := range last {
		fmt.Println(s)
	}

	rs := []Ratio{{7, 2}, {1, 0}, {5, 100}, {-9, 4}}
	var out []string
	for i := 0; i < 2000; i++ {
		s := fmt.Sprintf("%v|%s", rs[i%4], rs[(i+1)%4])
		if i >= 1996 {
			out = append(out, s)
		}
		lens += len(s)
	}
	fmt.Println(lens, out)

	codes := []error{Code(1), Code(-4), Code(13), Code(200)}
	for i := 0; i < 2000; i++ {
		lens += len(fmt.Sprint(codes[i%4]))
	}
	fmt.Println(lens)
	for _, c := range codes {
		fmt.Println(c)
		fmt.Printf("%v %s %d\n", c, c, c)
	}

	ws := []fmt.Stringer{Wrap{cells[0]}, Wrap{cells[2]}, Wrap{Wrap{rs[1]}}, Wrap{rs[0]}}
	for i := 0; i < 1000; i++ {
		lens += len(fmt.Sprint(ws[i%4], i))
	}
	fmt.Println(lens)
	for _, w := range ws {
		fmt.Println(w)
	}
}
