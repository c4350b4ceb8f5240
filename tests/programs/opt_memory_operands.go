// The optimizing tier's addressing: slice elements of 1, 2, 3 and 4
// words ([base + index*8], a scaled index, an index times 24), loads
// folded into the arithmetic and comparison that use them, enough live
// values that pointers spill, and a nil pointer found by a folded load.
package main

import "fmt"

type pair struct{ a, b int }

type triple struct {
	x, y, z int
}

type quad struct {
	p, q, r, s int
}

type node struct {
	val  int
	next *node
}

func sumTriples(ts []triple) int {
	s := 0
	for i := 0; i < len(ts); i++ {
		s += ts[i].x*3 - ts[i].y + ts[i].z
	}
	return s
}

func sumQuads(qs []quad) int {
	s := 0
	for i := range qs {
		s ^= qs[i].p + qs[i].q*qs[i].r - qs[i].s
	}
	return s
}

func pairs(ps []*pair) int {
	s := 0
	for _, p := range ps {
		s += p.a - p.b
		s -= p.b
		s = s*p.a | p.b
		s &= 0xffffff
	}
	return s
}

func count(n *node, limit int) int {
	c := 0
	for n != nil {
		if n.val < limit {
			c++
		}
		n = n.next
	}
	return c
}

// Many values live at once: some pointers go to spill slots.
func pressure(ps []*pair, k int) int {
	a, b, c, d := ps[0], ps[1%len(ps)], ps[2%len(ps)], ps[3%len(ps)]
	e, f, g, h := ps[4%len(ps)], ps[5%len(ps)], ps[6%len(ps)], ps[7%len(ps)]
	s := 0
	for i := 0; i < k; i++ {
		s += a.a + b.a*c.b - d.a + e.b ^ f.a + g.b - h.a
		s += a.b - b.b + c.a*d.b + e.a - f.b | g.a + h.b
		s &= 0xfffffff
	}
	return s
}

func deref(p *pair, x int) int {
	return x + p.a
}

func main() {
	ts := make([]triple, 50)
	qs := make([]quad, 40)
	ps := make([]*pair, 30)
	for i := range ts {
		ts[i] = triple{i, i * 2, i * i}
	}
	for i := range qs {
		qs[i] = quad{i, i + 1, i + 2, i * 7}
	}
	for i := range ps {
		ps[i] = &pair{i + 1, i * 3}
	}
	var list *node
	for i := 0; i < 100; i++ {
		list = &node{(i * 37) % 101, list}
	}
	total := 0
	for r := 0; r < 300; r++ {
		total += sumTriples(ts) + sumQuads(qs) + pairs(ps) + count(list, r%101) + pressure(ps, r)
		total &= 0xfffffffff
	}
	fmt.Println(sumTriples(ts), sumQuads(qs), pairs(ps), count(list, 50), pressure(ps, 10))
	fmt.Println(total)
	var missing *pair
	fmt.Println(deref(ps[3], 1))
	fmt.Println(deref(missing, 2))
}
