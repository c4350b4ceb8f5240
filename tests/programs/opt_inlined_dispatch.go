package main

import "fmt"

// Methods that make interface calls of their own, inlined into their
// callers with those calls guarded from their own sites' profiles: a
// small expression tree evaluated many times, whose node types change
// half-way (the inlined copies' guards start to miss, and their hosts are
// recompiled with the sites), with nil receivers and a panic at the end.

type Expr interface{ Eval(env []int) int }

type Lit struct{ v int }
type Ref struct{ slot int }
type Sum struct{ l, r Expr }
type Diff struct{ l, r Expr }
type Cond struct{ c, t, e Expr }
type Twice struct{ x Expr }

func (n *Lit) Eval(env []int) int  { return n.v }
func (n *Ref) Eval(env []int) int  { return env[n.slot] }
func (n *Sum) Eval(env []int) int  { return n.l.Eval(env) + n.r.Eval(env) }
func (n *Diff) Eval(env []int) int { return n.l.Eval(env) - n.r.Eval(env) }
func (n *Twice) Eval(env []int) int {
	return n.x.Eval(env) * 2
}
func (n *Cond) Eval(env []int) int {
	if n.c.Eval(env) > 0 {
		return n.t.Eval(env)
	}
	return n.e.Eval(env)
}

// Apply calls through an interface whose method calls through another.
type Shape interface{ Area() int }
type Square struct{ s int }
type Frame struct{ inner Shape }

func (q Square) Area() int { return q.s * q.s }
func (f *Frame) Area() int {
	if f.inner == nil {
		return -1
	}
	return f.inner.Area() + 1
}

func total(shapes []Shape) int {
	t := 0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func main() {
	env := []int{3, -4, 5}
	a := &Cond{&Ref{0}, &Sum{&Ref{1}, &Lit{7}}, &Diff{&Lit{1}, &Ref{2}}}
	b := &Cond{&Ref{1}, &Twice{&Ref{0}}, &Sum{&Twice{&Lit{2}}, &Ref{2}}}
	s := 0
	for i := 0; i < 40000; i++ {
		env[0] = i%7 - 3
		var e Expr = a
		if i >= 20000 {
			e = b
		}
		s += e.Eval(env)
		s += (&Twice{&Sum{e, &Lit{i & 3}}}).Eval(env)
	}
	fmt.Println(s)

	shapes := []Shape{&Frame{Square{2}}, &Frame{&Frame{Square{3}}}, Square{4}, &Frame{nil}}
	t := 0
	for i := 0; i < 30000; i++ {
		if i == 15000 {
			shapes[0] = &Frame{&Frame{&Frame{Square{1}}}}
		}
		t += total(shapes)
	}
	fmt.Println(t)

	var broken Expr = &Sum{&Lit{1}, nil}
	fmt.Println(broken.Eval(env))
}
