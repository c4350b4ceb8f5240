// boxing: values boxed into interfaces in a hot loop (a struct, a float and
// a string through `any` and through a method set), and linked lists built
// and dropped: short-lived objects of a few words, as an event loop or a
// visitor makes them.
package main

import "fmt"

type Point struct{ X, Y int }

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

type Node struct {
	v    int
	next *Node
}

func sum(xs []any) int {
	t := 0
	for _, x := range xs {
		switch v := x.(type) {
		case Point:
			t += v.X - v.Y
		case int:
			t += v
		case string:
			t += len(v)
		}
	}
	return t
}

func main() {
	total := 0
	batch := make([]any, 64)
	for i := 0; i < 30000000; i++ {
		switch i % 3 {
		case 0:
			batch[i&63] = Point{i, i >> 1}
		case 1:
			batch[i&63] = i * 7
		default:
			batch[i&63] = "xy"
		}
		if i&63 == 63 {
			total += sum(batch)
		}
	}
	area := 0.0
	shapes := make([]Shape, 32)
	for i := range shapes {
		shapes[i] = Rect{1, 1}
	}
	for i := 0; i < 20000000; i++ {
		if i%4 == 0 {
			shapes[i&31] = Circle{float64(i & 7)}
		} else {
			shapes[i&31] = Rect{float64(i & 15), 2}
		}
		area += shapes[(i*7)&31].Area()
	}
	lists := 0
	for round := 0; round < 1000; round++ {
		var head *Node
		for i := 0; i < 10000; i++ {
			head = &Node{i, head}
		}
		for n := head; n != nil; n = n.next {
			lists += n.v & 15
		}
	}
	fmt.Println(total, area, lists)
}
