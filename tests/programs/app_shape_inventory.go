package main

import "fmt"

// An inventory of shapes: interfaces with value and pointer receivers,
// insertion sort through an interface, grouped totals, a formatted report.

type Shape interface {
	Area() float64
	Perimeter() float64
	Kind() string
}

type Scaler interface {
	Scale(f float64)
}

type Rect struct{ W, H float64 }
type Square struct{ Side float64 }
type Circle struct{ R float64 }
type Triangle struct{ A, B, C float64 }

const pi = 3.141592653589793

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) Kind() string       { return "rect" }

func (s *Square) Area() float64      { return s.Side * s.Side }
func (s *Square) Perimeter() float64 { return 4 * s.Side }
func (s *Square) Kind() string       { return "square" }
func (s *Square) Scale(f float64)    { s.Side *= f }

func (c *Circle) Area() float64      { return pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * pi * c.R }
func (c *Circle) Kind() string       { return "circle" }
func (c *Circle) Scale(f float64)    { c.R *= f }

func (t Triangle) Area() float64 {
	// Heron's formula with a hand-rolled square root (Newton's method)
	s := t.Perimeter() / 2
	return sqrt(s * (s - t.A) * (s - t.B) * (s - t.C))
}
func (t Triangle) Perimeter() float64 { return t.A + t.B + t.C }
func (t Triangle) Kind() string       { return "triangle" }

func sqrt(x float64) float64 {
	if x == 0 {
		return 0
	}
	z := x
	for i := 0; i < 60; i++ {
		z = (z + x/z) / 2
	}
	return z
}

type Item struct {
	SKU   string
	Shape Shape
	Qty   int
}

type Inventory struct {
	items []Item
}

func (inv *Inventory) Add(sku string, s Shape, qty int) {
	for i := range inv.items {
		if inv.items[i].SKU == sku {
			inv.items[i].Qty += qty
			return
		}
	}
	inv.items = append(inv.items, Item{sku, s, qty})
}

type Less func(a, b Item) bool

func (inv *Inventory) Sort(less Less) {
	items := inv.items
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && less(items[j], items[j-1]); j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

func (inv *Inventory) Report(title string) {
	fmt.Printf("== %s ==\n", title)
	fmt.Printf("%-6s %-9s %4s %10s %10s\n", "sku", "kind", "qty", "area", "total")
	var total float64
	for _, it := range inv.items {
		t := it.Shape.Area() * float64(it.Qty)
		total += t
		fmt.Printf("%-6s %-9s %4d %10.3f %10.2f\n", it.SKU, it.Shape.Kind(), it.Qty, it.Shape.Area(), t)
	}
	fmt.Printf("%-6s %-9s %4s %10s %10.2f\n", "", "", "", "sum", total)
}

func (inv *Inventory) ByKind() ([]string, []int) {
	var kinds []string
	var counts []int
	for _, it := range inv.items {
		k := it.Shape.Kind()
		found := false
		for i, existing := range kinds {
			if existing == k {
				counts[i] += it.Qty
				found = true
				break
			}
		}
		if !found {
			kinds = append(kinds, k)
			counts = append(counts, it.Qty)
		}
	}
	return kinds, counts
}

func main() {
	inv := &Inventory{}
	inv.Add("R1", Rect{3, 4}, 2)
	inv.Add("S1", &Square{2.5}, 4)
	inv.Add("C1", &Circle{1}, 3)
	inv.Add("T1", Triangle{3, 4, 5}, 1)
	inv.Add("R2", Rect{0.5, 10}, 7)
	inv.Add("C2", &Circle{0.25}, 10)
	inv.Add("S1", &Square{99}, 1) // existing SKU: only qty changes
	inv.Report("as added")

	inv.Sort(func(a, b Item) bool { return a.Shape.Area() < b.Shape.Area() })
	inv.Report("by area")

	inv.Sort(func(a, b Item) bool {
		if a.Shape.Kind() != b.Shape.Kind() {
			return a.Shape.Kind() < b.Shape.Kind()
		}
		return a.SKU < b.SKU
	})
	kinds, counts := inv.ByKind()
	for i, k := range kinds {
		fmt.Printf("%s=%d ", k, counts[i])
	}
	fmt.Println()

	// scale everything that can be scaled; value-receiver shapes cannot
	scaled, fixed := 0, 0
	for _, it := range inv.items {
		if s, ok := it.Shape.(Scaler); ok {
			s.Scale(2)
			scaled++
		} else {
			fixed++
		}
	}
	fmt.Println("scaled", scaled, "fixed", fixed)
	inv.Report("after scaling")

	// perimeter extremes
	var longest, shortest Shape
	for _, it := range inv.items {
		if longest == nil || it.Shape.Perimeter() > longest.Perimeter() {
			longest = it.Shape
		}
		if shortest == nil || it.Shape.Perimeter() < shortest.Perimeter() {
			shortest = it.Shape
		}
	}
	fmt.Printf("longest %s %.4f, shortest %s %.4f\n", longest.Kind(), longest.Perimeter(), shortest.Kind(), shortest.Perimeter())
	fmt.Println(sqrt(2), sqrt(144), Triangle{3, 4, 5}.Area())
	fmt.Printf("%v %+v %v\n", inv.items[0].Shape, inv.items[len(inv.items)-1], Rect{1, 2})
}
