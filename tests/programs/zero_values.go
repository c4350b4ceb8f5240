package main

import "fmt"

type Point struct{ X, Y int }

type Record struct {
	Name  string
	Age   int
	Score float64
	OK    bool
	Tags  []string
	Loc   Point
	Next  *Record
	Meta  any
	Err   error
	Cb    func() int
	Grid  [2]int8
	Code  rune
	Flags uint16
}

type Shape interface{ Area() int }

var gInt int
var gStr string
var gRec Record
var gPtr *Point
var gSlice []Point
var gShape Shape
var gArr [3]string

func main() {
	var i int
	var i8 int8
	var u64 uint64
	var f float64
	var b bool
	var s string
	var r rune
	var by byte
	fmt.Println(i, i8, u64, f, b, s == "", len(s), r, by)
	fmt.Printf("%q %v %d\n", s, f, r)

	var p *Point
	var sl []int
	var fn func(int) int
	var sh Shape
	var e error
	var a any
	fmt.Println(p == nil, sl == nil, fn == nil, sh == nil, e == nil, a == nil)
	fmt.Println(p, sl, sh, e, a, len(sl), cap(sl))

	var rec Record
	fmt.Printf("%v\n%+v\n", rec, rec)
	fmt.Println(rec.Tags == nil, rec.Next == nil, rec.Meta == nil, rec.Cb == nil, rec.Loc == Point{})

	var arr [4]float64
	var grid [2][2]bool
	fmt.Println(arr, grid, len(arr))

	// package-level variables are zeroed too
	fmt.Println(gInt, gStr == "", gPtr == nil, gSlice == nil, gShape == nil, gArr, len(gArr[0]))
	fmt.Printf("%+v\n", gRec)

	// new returns a pointer to a zero value
	np := new(Point)
	ni := new(int)
	ns := new([]string)
	nr := new(Record)
	fmt.Println(*np, *ni, *ns == nil, nr.Name == "", nr.Grid)

	// composite literals with omitted fields zero them
	partial := Record{Name: "x", Loc: Point{Y: 2}}
	fmt.Printf("%+v\n", partial)
	fmt.Println(Point{}, []Point{{}, {X: 1}}, [2]Point{})

	// make zeroes elements; re-slicing exposes zeroed capacity
	ms := make([]Record, 1, 4)
	ms = ms[:3]
	fmt.Println(len(ms), cap(ms), ms[2].Age, ms[2].Tags == nil)

	// a variable declared in a loop body is fresh (zero) each iteration
	for k := 0; k < 3; k++ {
		var acc int
		acc += k
		var list []int
		list = append(list, k)
		fmt.Print(acc, list, " ")
	}
	fmt.Println()

	// zero values are usable: appending to nil, reading len of nil, ranging
	var names []string
	names = append(names, "first")
	var total int
	for _, x := range gSlice {
		total += x.X
	}
	fmt.Println(names, total)
}
