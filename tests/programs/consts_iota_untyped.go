package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
	Friday = Thursday + 10
	Saturday
)

type Flag uint8

const (
	FlagA Flag = 1 << iota
	FlagB
	FlagC
	FlagD
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f = "e", iota
)

// untyped constants are exact and arbitrary precision
const Huge = 1 << 100
const Small = Huge >> 98
const Third = 1.0 / 3
const Big = 1e300 * 1e300 / 1e300 // intermediate exceeds float64
const MaxI64 = 1<<63 - 1
const MinI64 = -1 << 63

const typedStr string = "typed"
const untypedStr = "untyped"

type Name string

const greeting = "hello"

func main() {
	fmt.Println(Sunday, Monday, Tuesday, Thursday, Friday, Saturday)
	fmt.Printf("%T %v\n", Saturday, Saturday)
	fmt.Println(FlagA, FlagB, FlagC, FlagD, FlagA|FlagD)
	fmt.Printf("%T %d\n", FlagC, FlagB|FlagC)
	fmt.Println(KB, MB, GB, TB)
	fmt.Println(a, b, c, d, e, f)
	fmt.Println(Small, Huge/Huge, Huge>>90)
	fmt.Println(Third, Third*3 == 1, Big)
	fmt.Println(MaxI64, MinI64)

	// constant arithmetic is exact; the same on float64 variables is not
	x, y := 0.1, 0.2
	fmt.Println(0.1+0.2, x+y, 0.1+0.2 == 0.3, x+y == 0.3)

	// untyped constants take the type the context needs
	var i8 int8 = 100
	var u16 uint16 = 65535
	var fl float64 = 3
	var fl2 = 7 / 2
	var fl3 = 7 / 2.0
	fmt.Println(i8, u16, fl, fl2, fl3)
	fmt.Printf("%T %T %T %T\n", fl2, fl3, 'a', 1+'a')
	fmt.Println('a'+1, string(rune('a'+1)))

	// integer constant division truncates; mixed becomes float
	const q = 7 / 2
	const r = 7 / 2.
	fmt.Println(q, r, -7/2, -7%3, 7%-3)

	// typed vs untyped strings
	var n Name = untypedStr // untyped converts implicitly
	n2 := Name(typedStr)    // typed needs a conversion
	fmt.Println(n, n2, greeting+" "+string(n))
	fmt.Printf("%T %T %T\n", n, typedStr, greeting)

	// local constants with iota and expressions
	const (
		w0 = iota * iota
		w1
		w2
		w3
	)
	fmt.Println(w0, w1, w2, w3)

	// constants in array sizes and shifts
	const size = 2 + 3
	var arr [size * 2]int
	fmt.Println(len(arr), cap(arr))

	// Weekday arithmetic stays in the named type
	day := Monday
	day += 2
	fmt.Printf("%v %T\n", day, day)
	fmt.Println(day == Tuesday+1, Sunday < Saturday)

	// boolean constants
	const debug = 1 > 2
	const yes = !debug
	fmt.Println(debug, yes)

	// rune constants
	const nl = '\n'
	const hexr = '\x41'
	const uni = '\u00e9'
	fmt.Println(nl, hexr, uni, string(uni))
}
