package main

import "fmt"

type Node struct {
	Val      int
	Children []*Node
}

type Pair struct{ A, B int }

func swap(a, b *int) { *a, *b = *b, *a }

func incAll(ps []*int) {
	for _, p := range ps {
		*p++
	}
}

// returning the address of a local is fine: it escapes to the heap
func newCounter(start int) *int {
	c := start
	return &c
}

func (n *Node) Add(v int) *Node {
	child := &Node{Val: v}
	n.Children = append(n.Children, child)
	return child
}

func (n *Node) Sum() int {
	s := n.Val
	for _, c := range n.Children {
		s += c.Sum()
	}
	return s
}

func main() {
	x, y := 1, 2
	swap(&x, &y)
	fmt.Println(x, y)

	px := &x
	ppx := &px
	**ppx = 10
	*px += 5
	fmt.Println(x, *px == **ppx, px == *ppx)

	c1 := newCounter(5)
	c2 := newCounter(5)
	*c1++
	fmt.Println(*c1, *c2, c1 == c2)

	// pointers to struct fields and slice/array elements
	p := Pair{1, 2}
	pa := &p.A
	*pa = 100
	fmt.Println(p)
	arr := [3]int{1, 2, 3}
	pe := &arr[2]
	*pe *= 10
	fmt.Println(arr)
	s := []int{1, 2, 3}
	ps := &s[0]
	s2 := s // shares the array
	*ps = -1
	fmt.Println(s, s2)

	// a pointer into a slice keeps pointing at the old array after a
	// reallocation (len == cap forces the append to copy)
	full := make([]int, 2, 2)
	first := &full[0]
	full = append(full, 3)
	*first = 99
	fmt.Println(full, *first)

	// several pointers to several variables
	a, b, cc := 1, 2, 3
	incAll([]*int{&a, &b, &cc, &a})
	fmt.Println(a, b, cc)

	// new for every kind of type
	ni := new(int)
	nsl := new([]string)
	*nsl = append(*nsl, "x", "y")
	npair := new(Pair)
	npair.B = 7
	fmt.Println(*ni, *nsl, len(*nsl), *npair)

	// pointer to a pointer to a struct: explicit dereference needed once
	pp := &npair
	(*pp).A = 3
	fmt.Println(**pp, (*pp).A+(**pp).B)

	// a tree built through pointer methods
	root := &Node{Val: 1}
	l := root.Add(2)
	r := root.Add(3)
	l.Add(4).Add(5)
	r.Add(6)
	fmt.Println(root.Sum(), len(root.Children), l.Children[0].Children[0].Val)

	// comparing pointers: identity, not contents
	q1, q2 := &Pair{1, 1}, &Pair{1, 1}
	q3 := q1
	fmt.Println(q1 == q2, q1 == q3, *q1 == *q2)
	var nilp *Pair
	fmt.Println(nilp == nil, nilp != q1)

	// pointers captured in closures
	counter := 0
	pc := &counter
	inc := func() { *pc++ }
	inc()
	inc()
	fmt.Println(counter)

	// struct of pointers copied: both copies share pointees
	type Refs struct{ P, Q *int }
	v1, v2 := 1, 2
	r1 := Refs{&v1, &v2}
	r2 := r1
	*r2.P = 50
	fmt.Println(v1, *r1.P, r1 == r2)
}
