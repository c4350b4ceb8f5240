package main

import "fmt"

// Hot loops inside goroutines calling methods through interfaces, so that
// a tiering JIT warms up code that runs on goroutine stacks.

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Square struct{ S float64 }
type Tri struct{ A, B, C float64 }

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64    { return 3.0 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 6.0 * c.R }
func (s Square) Area() float64     { return s.S * s.S }
func (s Square) Perimeter() float64 { return 4 * s.S }
func (t Tri) Area() float64        { return t.A * t.B / 2 }
func (t Tri) Perimeter() float64   { return t.A + t.B + t.C }

type Counter interface {
	Inc(int) int
}

type acc struct{ total int }

func (a *acc) Inc(d int) int { a.total += d; return a.total }

type stats struct {
	worker int
	area   float64
	perim  float64
	calls  int
	kinds  map[string]int
}

func worker(id int, shapes []Shape, iters int, out chan<- stats) {
	st := stats{worker: id, kinds: map[string]int{}}
	for i := 0; i < iters; i++ {
		s := shapes[(i+id)%len(shapes)]
		st.area += s.Area()
		st.perim += s.Perimeter()
		st.calls += 2
		switch s.(type) {
		case Rect:
			st.kinds["rect"]++
		case *Circle:
			st.kinds["circle"]++
		case Square:
			st.kinds["square"]++
		default:
			st.kinds["other"]++
		}
	}
	out <- st
}

func countWorker(c Counter, n int, done chan<- int) {
	last := 0
	for i := 0; i < n; i++ {
		last = c.Inc(i % 7)
	}
	done <- last
}

func main() {
	shapes := []Shape{
		Rect{2, 3},
		&Circle{1.5},
		Square{4},
		Tri{3, 4, 5},
		Rect{0.5, 10},
		&Circle{0.25},
	}
	const nw = 4
	outs := make([]chan stats, nw)
	for i := range outs {
		outs[i] = make(chan stats, 1)
		go worker(i, shapes, 200000+i*1000, outs[i])
	}
	var totalArea float64
	totalCalls := 0
	for i, c := range outs {
		st := <-c
		fmt.Printf("worker %d: area=%.3f perim=%.3f calls=%d kinds=%v\n",
			i, st.area, st.perim, st.calls, st.kinds)
		totalArea += st.area
		totalCalls += st.calls
	}
	fmt.Printf("total area %.2f calls %d\n", totalArea, totalCalls)

	// Each goroutine owns its own counter; results in goroutine order.
	n := 300000
	dones := make([]chan int, 3)
	counters := []*acc{{}, {total: 1000}, {total: -5}}
	for i := range dones {
		dones[i] = make(chan int)
		go countWorker(counters[i], n+i, dones[i])
	}
	for i, d := range dones {
		last := <-d
		fmt.Println("counter", i, last, counters[i].total)
	}

	// Same hot function run first in main, then in a goroutine: results equal.
	direct := make(chan stats, 1)
	worker(9, shapes, 250000, direct)
	a := <-direct
	go worker(9, shapes, 250000, direct)
	b := <-direct
	fmt.Printf("main %.4f goroutine %.4f equal=%v\n", a.area, b.area, a.area == b.area && a.perim == b.perim)

	// A goroutine doing an interface-heavy loop with Stringer-like dispatch.
	res := make(chan string)
	go func() {
		var sum float64
		cnt := 0
		for round := 0; round < 50000; round++ {
			for _, s := range shapes {
				if s.Area() > 5 {
					cnt++
				}
				sum += s.Perimeter() - s.Area()
			}
		}
		res <- fmt.Sprintf("cnt=%d sum=%.2f", cnt, sum)
	}()
	fmt.Println(<-res)
}
