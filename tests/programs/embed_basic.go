package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) Sum() int      { return p.X + p.Y }
func (p *Point) Move(dx int)  { p.X += dx }
func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Named struct {
	Point
	Name string
}

type Tagged struct {
	*Named
	Tag string
	X   int // shadows Named.Point.X
}

type Logger interface{ Log(string) string }

type prefix struct{ p string }

func (l prefix) Log(s string) string { return l.p + s }

type Service struct {
	Logger
	name string
}

type Shape interface {
	Area() int
	Describe() string
}

type base struct{ kind string }

func (b base) Describe() string { return "a " + b.kind }

type Sq struct {
	base
	s int
}

func (q Sq) Area() int { return q.s * q.s }

type Rect struct {
	base
	w, h int
}

func (r *Rect) Area() int { return r.w * r.h }

// Describe overrides the promoted one.
func (r *Rect) Describe() string { return "rect " + r.base.Describe() }

type Counter struct{ n int }

func (c *Counter) Inc() int { c.n++; return c.n }

type Wrapped struct{ Counter }

type Deep struct {
	Outer Wrapped
}

type Level1 struct{ Counter }
type Level2 struct{ Level1 }
type Level3 struct{ *Level2 }

func main() {
	n := Named{Point{1, 2}, "a"}
	fmt.Println(n.X, n.Y, n.Sum(), n.Point.Sum(), n.Name)
	n.Move(10)
	n.Y = 7
	fmt.Println(n.X, n.Y, n.Sum())
	fmt.Println(n)
	fmt.Printf("%v %+v %s\n", n, n, n)
	fmt.Printf("%v %+v\n", n.Point, struct{ A, B int }{1, 2})

	t := Tagged{&n, "t", 99}
	fmt.Println(t.X, t.Point.X, t.Named.X, t.Y, t.Name, t.Sum())
	t.Move(1)
	t.Y++
	fmt.Println(n.X, n.Y, t.Named.Point)

	s := Service{prefix{"> "}, "svc"}
	fmt.Println(s.Log("hello"), s.name)
	var l Logger = s
	fmt.Println(l.Log("via iface"))

	shapes := []Shape{Sq{base{"square"}, 3}, &Rect{base{"rectangle"}, 2, 5}, &Sq{base{"ptr square"}, 1}}
	total := 0
	for _, sh := range shapes {
		total += sh.Area()
		fmt.Println(sh.Describe(), sh.Area())
	}
	fmt.Println(total)

	d := Deep{}
	d.Outer.Inc()
	d.Outer.Inc()
	fmt.Println(d.Outer.n, d.Outer.Counter.n)

	l3 := Level3{&Level2{}}
	l3.Inc()
	l3.Level2.Inc()
	fmt.Println(l3.n, l3.Level1.n, l3.Counter.n)

	// Method values and expressions of promoted methods.
	f := n.Sum
	g := Named.Sum
	h := (*Named).Move
	h(&n, 100)
	fmt.Println(f(), g(n), n.X)

	// Literals with embedded field names.
	k := Named{Point: Point{Y: 3}, Name: "k"}
	fmt.Println(k, k.Y)
	pm := map[string]Named{"a": k}
	fmt.Println(pm["a"].Y, pm["a"].Sum())
	arr := []Sq{{base{"x"}, 2}}
	arr[0].kind = "changed"
	fmt.Println(arr[0].Describe())

	// A hot loop through promoted methods behind an interface.
	var sum int
	items := []Shape{}
	for i := 0; i < 100; i++ {
		if i%3 == 0 {
			items = append(items, &Rect{base{"r"}, i, 2})
		} else {
			items = append(items, Sq{base{"s"}, i})
		}
	}
	for r := 0; r < 3000; r++ {
		for _, it := range items {
			sum += it.Area() + len(it.Describe())
		}
	}
	fmt.Println(sum)
}
