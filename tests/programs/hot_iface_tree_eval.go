package main

import "fmt"

// A recursive expression tree evaluated many times: every node is an
// interface call, at several sites with different type mixes.

type Expr interface {
	Eval(x int) int
}

type Const struct{ v int }
type X struct{}
type Add struct{ l, r Expr }
type Mul struct{ l, r Expr }
type Mod struct {
	e Expr
	m int
}

func (c Const) Eval(int) int  { return c.v }
func (X) Eval(x int) int      { return x }
func (a *Add) Eval(x int) int { return a.l.Eval(x) + a.r.Eval(x) }
func (m *Mul) Eval(x int) int { return m.l.Eval(x) * m.r.Eval(x) }
func (m Mod) Eval(x int) int  { return m.e.Eval(x) % m.m }

func main() {
	// (3x^2 + 2x + 7) mod 1009
	poly := Mod{&Add{&Add{&Mul{Const{3}, &Mul{X{}, X{}}}, &Mul{Const{2}, X{}}}, Const{7}}, 1009}
	sum := 0
	for x := 0; x < 60000; x++ {
		sum += poly.Eval(x)
	}
	fmt.Println(sum)

	// a deep left-leaning chain
	var e Expr = X{}
	for i := 1; i <= 40; i++ {
		e = &Add{e, Const{i}}
	}
	s2 := 0
	for x := 0; x < 10000; x++ {
		s2 += e.Eval(x) & 0xff
	}
	fmt.Println(s2, e.Eval(0))
}
