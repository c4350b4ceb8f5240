package main

import "fmt"

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Label    string
}

type Node struct {
	Val  int
	Next *Node
}

type Celsius float64

type Reading struct {
	Where string
	Temp  Celsius
	Ok    bool
}

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }

func moveCopy(r Rect) Rect {
	r.Min.X++
	return r
}

func movePtr(r *Rect) {
	r.Min.X++ // automatic dereference
	r.Max = r.Max.Add(Point{1, 1})
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p, q, p == q, p == Point{1, 2}, p != Point{Y: 2, X: 1})

	r := Rect{Min: Point{0, 0}, Max: Point{3, 4}, Label: "r"}
	r2 := moveCopy(r)
	fmt.Println(r, r2, r == r2)
	movePtr(&r)
	fmt.Println(r, r == r2)
	fmt.Printf("%v %+v\n", r, r)

	// pointers to structs share
	pp := &p
	pp.Y = 20
	pp.Scale(2)
	p.Scale(3) // (&p).Scale
	fmt.Println(p, *pp, pp.X)
	pp2 := &Point{1, 1}
	pp3 := &Point{1, 1}
	fmt.Println(pp2 == pp3, *pp2 == *pp3, pp == &p)

	// new and zero values
	np := new(Point)
	fmt.Println(*np, np.X, np.Add(Point{2, 3}))
	var zr Rect
	fmt.Printf("%+v %q\n", zr, zr.Label)

	// anonymous structs; identical anonymous types compare
	a1 := struct {
		Name string
		Age  int
	}{"ann", 30}
	a2 := struct {
		Name string
		Age  int
	}{Name: "ann", Age: 30}
	fmt.Println(a1 == a2, a1)
	a2.Age++
	fmt.Println(a1 == a2, a1.Age, a2.Age)
	// a named struct and an anonymous struct of the same shape
	type Pt struct{ X, Y int }
	anon := struct{ X, Y int }{5, 6}
	var named Pt = anon
	fmt.Println(named == anon, named, Point(named))

	// linked list through pointers
	var head *Node
	for i := 5; i >= 1; i-- {
		head = &Node{Val: i, Next: head}
	}
	sum := 0
	for n := head; n != nil; n = n.Next {
		sum += n.Val
		n.Val *= 10
	}
	fmt.Println(sum, head.Val, head.Next.Next.Val, head.Next.Next.Next.Next.Next == nil)
	// a copy of a struct copies its pointer fields, not the pointees
	h2 := *head
	h2.Val = -1
	h2.Next.Val = -2
	fmt.Println(head.Val, head.Next.Val, h2.Val)

	// slices of structs: index gives an addressable element
	pts := []Point{{1, 1}, {2, 2}}
	pts[0].X = 100
	pts[1].Scale(5)
	for _, pt := range pts {
		pt.X = -1 // copy
	}
	fmt.Println(pts)
	for i := range pts {
		pts[i].Y = 0
	}
	fmt.Println(pts)

	// struct values in interfaces compare by value
	var i1, i2 any = Point{1, 2}, Point{1, 2}
	fmt.Println(i1 == i2, i1 == any(Point{2, 1}), i1 == any(Pt{1, 2}))

	// nested struct literals and fields of named types
	rs := []Reading{{"lab", 21.5, true}, {Where: "roof"}}
	fmt.Println(rs, rs[1].Temp == 0)
	fmt.Printf("%+v\n", rs[0])

	// struct with an array field is comparable
	type Key struct {
		Parts [2]string
		N     int
	}
	k1 := Key{[2]string{"a", "b"}, 1}
	k2 := Key{Parts: [2]string{"a", "b"}, N: 1}
	fmt.Println(k1 == k2, k1)

	// swapping whole structs
	x, y := Point{1, 2}, Point{3, 4}
	x, y = y, x
	fmt.Println(x, y)

	// empty struct
	type Empty struct{}
	e1, e2 := Empty{}, struct{}{}
	fmt.Println(e1 == e2, e1)
}
