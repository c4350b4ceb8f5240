package main

import "fmt"

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }
func (c *Counter) Inc()    { c.n++ }

type Named struct{ name string }

func (n Named) String() string { return "named:" + n.name }

type Getter interface{ Get() int }
type Incer interface {
	Get() int
	Inc()
}

type Shape interface{ Area() float64 }
type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

func total(gs []Getter) int {
	t := 0
	for _, g := range gs {
		t += g.Get()
	}
	return t
}

func main() {
	s := struct{ Counter }{Counter{3}}
	// A method value and a method expression of the unnamed type.
	f := s.Get
	s.Inc()
	fmt.Println(f(), s.Get())
	g := struct{ Counter }.Get
	fmt.Println(g(s))
	// In interfaces: the value, and a pointer for the pointer method.
	var gi Getter = s
	var ii Incer = &s
	ii.Inc()
	fmt.Println(gi.Get(), ii.Get(), s.n)
	// Pointer-embedded: both methods in the value's method set.
	p := struct{ *Counter }{&Counter{10}}
	var ip Incer = p
	ip.Inc()
	fmt.Println(ip.Get(), p.n)
	// fmt calls the promoted String.
	nm := struct {
		Named
		x int
	}{Named{"a"}, 1}
	fmt.Println(nm)
	fmt.Printf("%v %s\n", nm, nm)
	var st fmt.Stringer = nm
	fmt.Println(st.String())
	// An embedded interface.
	e := struct{ Shape }{Sq{2}}
	var sh Shape = e
	fmt.Println(sh.Area(), e.Area())
	// Type switches and assertions over such values.
	for _, v := range []any{s, &s, p, nm, e, 5} {
		switch x := v.(type) {
		case Incer:
			fmt.Println("incer", x.Get())
		case Getter:
			fmt.Println("getter", x.Get())
		case fmt.Stringer:
			fmt.Println("stringer", x.String())
		case Shape:
			fmt.Println("shape", x.Area())
		default:
			fmt.Println("other", x)
		}
		if gg, ok := v.(Getter); ok {
			fmt.Println("  is a Getter:", gg.Get())
		}
	}
	// A hot site reached by one unnamed type: devirtualized and inlined.
	gs := make([]Getter, 0, 1000)
	for i := 0; i < 1000; i++ {
		gs = append(gs, struct{ Counter }{Counter{i}})
	}
	sum := 0
	for r := 0; r < 300; r++ {
		sum += total(gs)
	}
	fmt.Println(sum)
	fmt.Printf("%T %T\n", gs[0], ii)
}
