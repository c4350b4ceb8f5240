package main

import "fmt"

// Calls of methods promoted into unnamed struct types (value and pointer
// receivers, value and pointer embedding, through a pointer to the
// struct, in a hot loop, and through a nil embedded pointer).

type Counter struct{ n int }

func (c *Counter) Inc()      { c.n++ }
func (c Counter) Get() int   { return c.n }
func (c Counter) Add(k int) Counter { return Counter{c.n + k} }

type Named struct{ name string }

func (n *Named) Name() string { return n.name }

func main() {
	var s struct {
		Counter
		label string
	}
	s.Inc()
	s.Inc()
	fmt.Println(s.Get(), s.n, s.Add(10).Get())
	p := &struct {
		*Named
		Counter
	}{Named: &Named{"p"}}
	p.Inc()
	fmt.Println(p.Name(), p.Get())
	items := []struct{ Counter }{{Counter{1}}, {Counter{2}}}
	total := 0
	for i := 0; i < 1000; i++ {
		for j := range items {
			items[j].Inc()
			total += items[j].Get()
		}
	}
	fmt.Println(total, items[0].Get(), items[1].Get())
	defer func() { fmt.Println("recovered:", recover()) }()
	var q struct{ *Counter }
	fmt.Println(q.Get())
}
