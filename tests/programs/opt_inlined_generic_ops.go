// Small methods whose slow paths run the interpreter's code (append
// growing its array, string concatenation, boxing) inlined into hot
// callers: the generic instruction runs on a scratch frame of the callee,
// and what it allocates survives collections (run with --gc-stress too).
package main

import "fmt"

type Node struct {
	v    int
	name string
}

type Bag struct {
	items []*Node
	names []string
	total int
}

func (b *Bag) add(n *Node) { b.items = append(b.items, n) }

func (b *Bag) label(s string, i int) string { return s + "-" + fmt.Sprint(i%10) }

func (b *Bag) keep(s string) {
	b.names = append(b.names, s)
	b.total += len(s)
}

type Shape interface{ Area() int }

type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

func box(n int) Shape { return Sq{n} }

func main() {
	sum := 0
	var last *Bag
	for r := 0; r < 60; r++ {
		b := &Bag{}
		for i := 0; i < 500; i++ {
			b.add(&Node{v: i + r, name: "n"})
			if i%50 == 0 {
				b.keep(b.label("x", i))
			}
		}
		for _, n := range b.items {
			sum += n.v + len(n.name)
		}
		var shapes []Shape
		for i := 0; i < 100; i++ {
			shapes = append(shapes, box(i%7))
		}
		for _, s := range shapes {
			sum += s.Area()
		}
		last = b
	}
	fmt.Println(sum, len(last.items), last.items[499].v, last.names, last.total)
}
