package main

import "fmt"

// Interface sites inside methods that are themselves inlined into their
// callers (a copy of each site per host, guarded from the site's own
// profile): every copy counts, so the table equals the interpreter's in
// every tier, through the change of types half-way (the copies' guards
// miss and their hosts are recompiled with the site).

type Expr interface{ Eval(x int) int }

type Lit struct{ v int }
type Arg struct{}
type Add struct{ l, r Expr }
type Neg struct{ e Expr }
type Pick struct{ c, t, e Expr }

func (n *Lit) Eval(x int) int { return n.v }
func (n *Arg) Eval(x int) int { return x }
func (n *Add) Eval(x int) int { return n.l.Eval(x) + n.r.Eval(x) }
func (n *Neg) Eval(x int) int { return -n.e.Eval(x) }
func (n *Pick) Eval(x int) int {
	if n.c.Eval(x) > 0 {
		return n.t.Eval(x)
	}
	return n.e.Eval(x)
}

func run(e Expr, n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += e.Eval(i%9 - 4)
	}
	return s
}

func main() {
	a := &Pick{&Arg{}, &Add{&Arg{}, &Lit{3}}, &Neg{&Arg{}}}
	b := &Pick{&Neg{&Arg{}}, &Neg{&Lit{2}}, &Add{&Lit{1}, &Arg{}}}
	fmt.Println(run(a, 30000), run(b, 30000), run(a, 10000))
}
