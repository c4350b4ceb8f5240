package main

import "fmt"

// An expression-tree evaluator: a tiny functional language is parsed into
// a tree of Expr nodes, then main evaluates a driver expression for many
// values of its free variable i, as a tree-walking interpreter does.

// Rounds is how many values of i the driver expression is evaluated for.
const Rounds = 300000 // test: 300

const source = `
fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)
gcd(a, b) = if b == 0 then a else gcd(b, a % b)
poly(x, y) = (x * x * 3 + y * 7 - x * y) % 10007
collatz(n, steps) = if n == 1 then steps else collatz(if n % 2 == 0 then n / 2 else 3 * n + 1, steps + 1)
clamp(v, lo, hi) = if v < lo then lo else if v > hi then hi else v
mix(i) = poly(i, i + 1) + gcd(i * 7 + 3, i * 5 + 11) + collatz(i % 97 + 1, 0) + fib(i % 13) + clamp(i * 31 % 1000 - 500, -200, 200)
`

// Machine is the evaluation state: a value stack, the current frame's
// base, and a count of calls made.
type Machine struct {
	stack []int
	fp    int
	calls int
}

type Expr interface {
	Eval(m *Machine) int
}

type Num struct{ v int }

type Var struct {
	name string
	slot int
}

type Add struct{ l, r Expr }
type Sub struct{ l, r Expr }
type Mul struct{ l, r Expr }
type Div struct{ l, r Expr }
type Mod struct{ l, r Expr }
type Neg struct{ x Expr }

type Compare struct {
	op   string
	l, r Expr
}

type If struct{ cond, then, els Expr }

type Func struct {
	name   string
	params []string
	body   Expr
}

type Call struct {
	fn   *Func
	args []Expr
}

func (n *Num) Eval(m *Machine) int { return n.v }
func (v *Var) Eval(m *Machine) int { return m.stack[m.fp+v.slot] }
func (e *Add) Eval(m *Machine) int { return e.l.Eval(m) + e.r.Eval(m) }
func (e *Sub) Eval(m *Machine) int { return e.l.Eval(m) - e.r.Eval(m) }
func (e *Mul) Eval(m *Machine) int { return e.l.Eval(m) * e.r.Eval(m) }
func (e *Neg) Eval(m *Machine) int { return -e.x.Eval(m) }

func (e *Div) Eval(m *Machine) int {
	d := e.r.Eval(m)
	if d == 0 {
		return 0
	}
	return e.l.Eval(m) / d
}

func (e *Mod) Eval(m *Machine) int {
	d := e.r.Eval(m)
	if d == 0 {
		return 0
	}
	return e.l.Eval(m) % d
}

func (e *Compare) Eval(m *Machine) int {
	a, b := e.l.Eval(m), e.r.Eval(m)
	var ok bool
	switch e.op {
	case "<":
		ok = a < b
	case ">":
		ok = a > b
	case "==":
		ok = a == b
	case "!=":
		ok = a != b
	case "<=":
		ok = a <= b
	case ">=":
		ok = a >= b
	}
	if ok {
		return 1
	}
	return 0
}

func (e *If) Eval(m *Machine) int {
	if e.cond.Eval(m) != 0 {
		return e.then.Eval(m)
	}
	return e.els.Eval(m)
}

func (c *Call) Eval(m *Machine) int {
	base := len(m.stack)
	for _, a := range c.args {
		v := a.Eval(m)
		m.stack = append(m.stack, v)
	}
	saved := m.fp
	m.fp = base
	m.calls++
	r := c.fn.body.Eval(m)
	m.fp = saved
	m.stack = m.stack[:base]
	return r
}

// Parsing.

type Parser struct {
	src    string
	pos    int
	funcs  []*Func
	params []string
}

func isSpace(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }

func (p *Parser) skipSpace() {
	for p.pos < len(p.src) && isSpace(p.src[p.pos]) {
		p.pos++
	}
}

// peek returns the next token without consuming it.
func (p *Parser) peek() string {
	p.skipSpace()
	if p.pos >= len(p.src) {
		return ""
	}
	start := p.pos
	c := p.src[start]
	end := start + 1
	switch {
	case isDigit(c):
		for end < len(p.src) && isDigit(p.src[end]) {
			end++
		}
	case isLetter(c):
		for end < len(p.src) && (isLetter(p.src[end]) || isDigit(p.src[end])) {
			end++
		}
	case c == '<' || c == '>' || c == '=' || c == '!':
		if end < len(p.src) && p.src[end] == '=' {
			end++
		}
	}
	return p.src[start:end]
}

func (p *Parser) next() string {
	t := p.peek()
	p.pos += len(t)
	return t
}

func (p *Parser) expect(t string) {
	if got := p.next(); got != t {
		panic(fmt.Sprintf("parse error at %d: want %q, got %q", p.pos, t, got))
	}
}

func (p *Parser) lookup(name string) *Func {
	for _, f := range p.funcs {
		if f.name == name {
			return f
		}
	}
	panic("unknown function " + name)
}

func (p *Parser) parseExpr() Expr {
	if p.peek() == "if" {
		p.next()
		cond := p.parseExpr()
		p.expect("then")
		then := p.parseExpr()
		p.expect("else")
		els := p.parseExpr()
		return &If{cond, then, els}
	}
	return p.parseCompare()
}

func (p *Parser) parseCompare() Expr {
	l := p.parseSum()
	switch op := p.peek(); op {
	case "<", ">", "==", "!=", "<=", ">=":
		p.next()
		return &Compare{op, l, p.parseSum()}
	}
	return l
}

func (p *Parser) parseSum() Expr {
	l := p.parseTerm()
	for {
		switch p.peek() {
		case "+":
			p.next()
			l = &Add{l, p.parseTerm()}
		case "-":
			p.next()
			l = &Sub{l, p.parseTerm()}
		default:
			return l
		}
	}
}

func (p *Parser) parseTerm() Expr {
	l := p.parseUnary()
	for {
		switch p.peek() {
		case "*":
			p.next()
			l = &Mul{l, p.parseUnary()}
		case "/":
			p.next()
			l = &Div{l, p.parseUnary()}
		case "%":
			p.next()
			l = &Mod{l, p.parseUnary()}
		default:
			return l
		}
	}
}

func (p *Parser) parseUnary() Expr {
	if p.peek() == "if" {
		return p.parseExpr()
	}
	t := p.next()
	switch {
	case t == "-":
		return &Neg{p.parseUnary()}
	case t == "(":
		e := p.parseExpr()
		p.expect(")")
		return e
	case len(t) > 0 && isDigit(t[0]):
		n := 0
		for i := 0; i < len(t); i++ {
			n = n*10 + int(t[i]-'0')
		}
		return &Num{n}
	case len(t) > 0 && isLetter(t[0]):
		if p.peek() == "(" {
			p.next()
			call := &Call{fn: p.lookup(t)}
			for p.peek() != ")" {
				call.args = append(call.args, p.parseExpr())
				if p.peek() == "," {
					p.next()
				}
			}
			p.expect(")")
			if len(call.args) != len(call.fn.params) {
				panic("wrong argument count for " + t)
			}
			return call
		}
		for i, name := range p.params {
			if name == t {
				return &Var{name, i}
			}
		}
		panic("unknown variable " + t)
	}
	panic(fmt.Sprintf("parse error at %d: unexpected %q", p.pos, t))
}

// parseProgram reads `name(params) = body` lines. Function names are
// declared in a first pass so that bodies may call any function.
func parseProgram(src string) []*Func {
	p := &Parser{src: src}
	for p.peek() != "" {
		f := &Func{name: p.next()}
		p.expect("(")
		for p.peek() != ")" {
			f.params = append(f.params, p.next())
			if p.peek() == "," {
				p.next()
			}
		}
		p.expect(")")
		p.expect("=")
		for p.pos < len(p.src) && p.src[p.pos] != '\n' {
			p.pos++
		}
		p.funcs = append(p.funcs, f)
	}
	p.pos = 0
	for _, f := range p.funcs {
		p.next()
		p.expect("(")
		for p.next() != ")" {
		}
		p.expect("=")
		p.params = f.params
		f.body = p.parseExpr()
	}
	return p.funcs
}

func countNodes(e Expr) int {
	switch n := e.(type) {
	case *Add:
		return 1 + countNodes(n.l) + countNodes(n.r)
	case *Sub:
		return 1 + countNodes(n.l) + countNodes(n.r)
	case *Mul:
		return 1 + countNodes(n.l) + countNodes(n.r)
	case *Div:
		return 1 + countNodes(n.l) + countNodes(n.r)
	case *Mod:
		return 1 + countNodes(n.l) + countNodes(n.r)
	case *Compare:
		return 1 + countNodes(n.l) + countNodes(n.r)
	case *Neg:
		return 1 + countNodes(n.x)
	case *If:
		return 1 + countNodes(n.cond) + countNodes(n.then) + countNodes(n.els)
	case *Call:
		total := 1
		for _, a := range n.args {
			total += countNodes(a)
		}
		return total
	}
	return 1
}

func main() {
	funcs := parseProgram(source)
	nodes := 0
	for _, f := range funcs {
		nodes += countNodes(f.body)
	}
	var mix *Func
	for _, f := range funcs {
		if f.name == "mix" {
			mix = f
		}
	}
	fmt.Println("functions:", len(funcs), "nodes:", nodes)

	m := &Machine{stack: make([]int, 0, 256)}
	call := &Call{fn: mix, args: []Expr{&Num{0}}}
	arg := call.args[0].(*Num)
	sum := 0
	for i := 0; i < Rounds; i++ {
		arg.v = i
		r := call.Eval(m)
		sum = sum*31 + r
		if i%(Rounds/4) == 0 {
			fmt.Println("mix", i, "=", r)
		}
	}
	fmt.Println("calls:", m.calls)
	fmt.Println("checksum:", sum)
}
