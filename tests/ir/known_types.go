// ir: main.run
// Interface values boxed in the loop (or by an inlined callee) whose type
// the graph shows: called directly with no guard, inlined, and the boxes
// replaced by their words (nothing allocated in the loop).
package main

import "fmt"

type Shape interface{ Area() int }

type Rect struct{ w, h int }

func (r Rect) Area() int { return r.w * r.h }

type Sq struct{ s int }

func (q *Sq) Area() int { return q.s * q.s }

func box(i int) Shape { return Rect{i, i + 1} }

func run(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		var s Shape = Rect{i & 7, 3}
		t += s.Area()
		var q Shape = &Sq{i & 3}
		t += q.Area()
		t += box(i & 5).Area()
	}
	return t
}

func main() {
	fmt.Println(run(1000))
}
