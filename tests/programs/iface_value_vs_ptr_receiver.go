package main

import "fmt"

// Method sets: T has the value-receiver methods, *T has both.
// A value stored in an interface is a copy; a pointer shares.

type Counter interface {
	Inc()
	Get() int
}

type Getter interface {
	Get() int
}

type ValCounter struct{ n int }

func (c ValCounter) Inc()     { c.n++ } // mutates a copy: lost
func (c ValCounter) Get() int { return c.n }

type PtrCounter struct{ n int }

func (c *PtrCounter) Inc()     { c.n++ }
func (c *PtrCounter) Get() int { return c.n }

type Mixed struct{ n int }

func (m Mixed) Get() int { return m.n }
func (m *Mixed) Inc()    { m.n += 10 }

func bump(c Counter, times int) int {
	for i := 0; i < times; i++ {
		c.Inc()
	}
	return c.Get()
}

func main() {
	// value receiver through a value in an interface: increments are lost
	v := ValCounter{n: 1}
	fmt.Println("val via iface:", bump(v, 3), "original:", v.n)

	// value receiver through a pointer in an interface: still a copy per call
	fmt.Println("val via ptr iface:", bump(&v, 3), "original:", v.n)

	// pointer receiver: increments stick
	p := &PtrCounter{n: 1}
	got := bump(p, 3)
	fmt.Println("ptr via iface:", got, "original:", p.n)

	// automatic & on an addressable value for a pointer method
	var pc PtrCounter
	pc.Inc()
	pc.Inc()
	fmt.Println("addressable value, ptr method:", pc.Get(), pc.n)

	// automatic * for a value method through a pointer
	vp := &ValCounter{n: 7}
	fmt.Println("value method via pointer:", vp.Get())

	// Mixed: only *Mixed satisfies Counter, but Mixed satisfies Getter
	m := Mixed{n: 2}
	var g Getter = m
	m.Inc() // (&m).Inc()
	fmt.Println("getter holds copy:", g.Get(), "m now:", m.n)
	var c Counter = &m
	c.Inc()
	fmt.Println("counter shares:", c.Get(), m.n, m.Get())
	g = &m // *Mixed also has Get
	m.n = 99
	fmt.Println("getter via pointer sees update:", g.Get())

	// storing into an interface copies the struct at that moment
	s := ValCounter{n: 5}
	var gs Getter = s
	s.n = 6
	fmt.Println(gs.Get(), s.Get())

	// slice of interfaces mixing value and pointer dynamic types
	items := []Getter{ValCounter{1}, &ValCounter{2}, &PtrCounter{3}, Mixed{4}, &Mixed{5}}
	sum := 0
	for i, it := range items {
		sum += it.Get() * (i + 1)
		fmt.Printf("%d:%T=%d ", i, it, it.Get())
	}
	fmt.Println()
	fmt.Println("weighted sum:", sum)

	// assert back to the concrete pointer and mutate through it
	if pp, ok := items[2].(*PtrCounter); ok {
		pp.Inc()
	}
	fmt.Println("after assert+Inc:", items[2].Get())
	if vv, ok := items[0].(ValCounter); ok {
		vv.n = 100 // copy of the boxed value
	}
	fmt.Println("boxed value unchanged:", items[0].Get())
}
