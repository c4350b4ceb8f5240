// fmt.Formatter (every verb, State's flags, width and precision,
// FormatString), GoStringer under %#v, and their panics.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// Money prints itself for every verb through fmt.Formatter.
type Money struct {
	Cents int64
	Cur   string
}

func (m Money) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		if f.Flag('+') {
			fmt.Fprintf(f, "%s %d.%02d", m.Cur, m.Cents/100, m.Cents%100)
			return
		}
		if f.Flag('#') {
			fmt.Fprintf(f, "Money{%d, %q}", m.Cents, m.Cur)
			return
		}
		fmt.Fprintf(f, "%d.%02d", m.Cents/100, m.Cents%100)
	case 'd':
		fmt.Fprintf(f, fmt.FormatString(f, verb), m.Cents)
	default:
		fmt.Fprintf(f, "%%!%c(Money)", verb)
	}
}

// Echo reports what the directive carried.
type Echo int

func (e Echo) Format(f fmt.State, verb rune) {
	w, wok := f.Width()
	p, pok := f.Precision()
	flags := ""
	for _, c := range "-+# 0" {
		if f.Flag(int(c)) {
			flags += string(c)
		}
	}
	fmt.Fprintf(f, "[%c w=%d,%v p=%d,%v flags=%q %s]", verb, w, wok, p, pok, flags, fmt.FormatString(f, verb))
}

// Point has a GoString for %#v and a String for the rest.
type Point struct{ X, Y int }

func (p Point) GoString() string { return fmt.Sprintf("Pt(%d,%d)", p.X, p.Y) }
func (p Point) String() string   { return fmt.Sprintf("<%d,%d>", p.X, p.Y) }

// Ptr's Format has a pointer receiver.
type Ptr struct{ n int }

func (p *Ptr) Format(f fmt.State, verb rune) {
	if p == nil {
		fmt.Fprint(f, "nil Ptr")
		return
	}
	fmt.Fprintf(f, "Ptr#%d", p.n)
}

// Bad panics in Format.
type Bad struct{}

func (Bad) Format(f fmt.State, verb rune) { panic("no format") }

// BadGo panics in GoString.
type BadGo struct{}

func (BadGo) GoString() string { return strings.Repeat("x", 3) + string(rune(panicWith())) }

func panicWith() int { panic(errors.New("boom")) }

// NotFormatter has a Format method of another signature.
type NotFormatter int

func (NotFormatter) Format() string { return "never" }

type Wrapper struct {
	M Money
	P Point
	m Money
}

func main() {
	m := Money{12345, "EUR"}
	fmt.Println(m)
	fmt.Printf("%v|%+v|%#v|%s|%d|%08d|%-8d|%x\n", m, m, m, m, m, m, m, m)
	fmt.Printf("%T %p\n", m, &m == nil)
	fmt.Println(fmt.Sprint(m, m), fmt.Sprintf("%10.3v", Echo(1)))
	fmt.Printf("%v %+v %#v %-5d %+.2f %x %X % x %08s %*d %.*q\n", Echo(1), Echo(2), Echo(3), Echo(4), Echo(5), Echo(6), Echo(7), Echo(8), Echo(9), 7, Echo(10), 3, Echo(11))
	p := Point{1, 2}
	fmt.Printf("%v %s %#v %+v %d\n", p, p, p, p, p)
	fmt.Printf("[%12s] [%-12v] [%#12v] [%.3v]\n", p, p, p, p)
	fmt.Printf("%#v\n", []Point{{1, 2}, {3, 4}})
	fmt.Printf("%#v %v\n", map[string]Point{"a": {5, 6}}, map[string]Point{"a": {5, 6}})
	var np *Ptr
	fmt.Println(&Ptr{3}, np)
	fmt.Printf("%v %d %s\n", &Ptr{4}, &Ptr{5}, np)
	fmt.Println(Ptr{6})
	fmt.Println(Bad{})
	fmt.Printf("%d %s\n", Bad{}, Bad{})
	fmt.Printf("%#v\n", BadGo{})
	fmt.Println(NotFormatter(3))
	fmt.Printf("%v %+v\n", Wrapper{m, p, m}, Wrapper{m, p, m})
	fmt.Printf("%#v\n", Wrapper{m, p, m})
	var s fmt.Stringer = p
	fmt.Printf("%v %#v\n", s, s)
	var fm fmt.Formatter = m
	fmt.Println(fm)
	err := fmt.Errorf("paid %v: %w", m, os.ErrNotExist)
	fmt.Println(err, errors.Is(err, os.ErrNotExist))
	var gs fmt.GoStringer = p
	fmt.Println(gs.GoString())
	fmt.Fprintf(os.Stdout, "%6.2v|\n", Echo(12))
}
