package main

import (
	"errors"
	"fmt"
)

// A small interpreter for arithmetic with variables:
//   let x = 3 * (4 + 5)
//   x / 2 - -1
// Lexer -> recursive-descent parser -> AST of interface nodes -> evaluator.

type TokKind int

const (
	TNum TokKind = iota
	TIdent
	TOp
	TLParen
	TRParen
	TLet
	TAssign
	TEOF
)

func (k TokKind) String() string {
	return [...]string{"num", "ident", "op", "(", ")", "let", "=", "eof"}[k]
}

type Token struct {
	Kind TokKind
	Text string
	Num  int
	Pos  int
}

type SyntaxError struct {
	Pos int
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("syntax error at %d: %s", e.Pos, e.Msg) }

var ErrDivZero = errors.New("division by zero")

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }

func lex(src string) ([]Token, error) {
	var toks []Token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case isDigit(c):
			start, n := i, 0
			for i < len(src) && isDigit(src[i]) {
				n = n*10 + int(src[i]-'0')
				i++
			}
			toks = append(toks, Token{Kind: TNum, Text: src[start:i], Num: n, Pos: start})
		case isLetter(c):
			start := i
			for i < len(src) && (isLetter(src[i]) || isDigit(src[i])) {
				i++
			}
			word := src[start:i]
			kind := TIdent
			if word == "let" {
				kind = TLet
			}
			toks = append(toks, Token{Kind: kind, Text: word, Pos: start})
		case c == '+' || c == '-' || c == '*' || c == '/' || c == '%':
			toks = append(toks, Token{Kind: TOp, Text: string(c), Pos: i})
			i++
		case c == '(':
			toks = append(toks, Token{Kind: TLParen, Text: "(", Pos: i})
			i++
		case c == ')':
			toks = append(toks, Token{Kind: TRParen, Text: ")", Pos: i})
			i++
		case c == '=':
			toks = append(toks, Token{Kind: TAssign, Text: "=", Pos: i})
			i++
		default:
			return nil, &SyntaxError{i, fmt.Sprintf("unexpected %q", c)}
		}
	}
	toks = append(toks, Token{Kind: TEOF, Pos: len(src)})
	return toks, nil
}

type Env struct {
	names []string
	vals  []int
}

func (e *Env) Get(name string) (int, bool) {
	for i := len(e.names) - 1; i >= 0; i-- {
		if e.names[i] == name {
			return e.vals[i], true
		}
	}
	return 0, false
}

func (e *Env) Set(name string, v int) {
	for i, n := range e.names {
		if n == name {
			e.vals[i] = v
			return
		}
	}
	e.names = append(e.names, name)
	e.vals = append(e.vals, v)
}

type Node interface {
	Eval(env *Env) (int, error)
	String() string
}

type Num struct{ V int }
type Var struct{ Name string }
type Neg struct{ X Node }
type Bin struct {
	Op   byte
	L, R Node
}
type Let struct {
	Name string
	X    Node
}

func (n Num) Eval(*Env) (int, error) { return n.V, nil }
func (n Num) String() string         { return fmt.Sprint(n.V) }

func (v Var) Eval(env *Env) (int, error) {
	if x, ok := env.Get(v.Name); ok {
		return x, nil
	}
	return 0, fmt.Errorf("undefined variable %s", v.Name)
}
func (v Var) String() string { return v.Name }

func (n *Neg) Eval(env *Env) (int, error) {
	x, err := n.X.Eval(env)
	return -x, err
}
func (n *Neg) String() string { return "(-" + n.X.String() + ")" }

func (b *Bin) Eval(env *Env) (int, error) {
	l, err := b.L.Eval(env)
	if err != nil {
		return 0, err
	}
	r, err := b.R.Eval(env)
	if err != nil {
		return 0, err
	}
	switch b.Op {
	case '+':
		return l + r, nil
	case '-':
		return l - r, nil
	case '*':
		return l * r, nil
	case '/', '%':
		if r == 0 {
			return 0, ErrDivZero
		}
		if b.Op == '/' {
			return l / r, nil
		}
		return l % r, nil
	}
	return 0, fmt.Errorf("bad operator %c", b.Op)
}
func (b *Bin) String() string {
	return "(" + b.L.String() + " " + string(b.Op) + " " + b.R.String() + ")"
}

func (l *Let) Eval(env *Env) (int, error) {
	v, err := l.X.Eval(env)
	if err != nil {
		return 0, err
	}
	env.Set(l.Name, v)
	return v, nil
}
func (l *Let) String() string { return "let " + l.Name + " = " + l.X.String() }

type Parser struct {
	toks []Token
	pos  int
}

func (p *Parser) peek() Token { return p.toks[p.pos] }
func (p *Parser) next() Token {
	t := p.toks[p.pos]
	if t.Kind != TEOF {
		p.pos++
	}
	return t
}

func (p *Parser) statement() (Node, error) {
	if p.peek().Kind == TLet {
		p.next()
		name := p.next()
		if name.Kind != TIdent {
			return nil, &SyntaxError{name.Pos, "expected name after let, got " + name.Kind.String()}
		}
		if eq := p.next(); eq.Kind != TAssign {
			return nil, &SyntaxError{eq.Pos, "expected ="}
		}
		x, err := p.expr()
		if err != nil {
			return nil, err
		}
		return &Let{name.Text, x}, nil
	}
	return p.expr()
}

func (p *Parser) expr() (Node, error) {
	left, err := p.term()
	if err != nil {
		return nil, err
	}
	for p.peek().Kind == TOp && (p.peek().Text == "+" || p.peek().Text == "-") {
		op := p.next().Text[0]
		right, err := p.term()
		if err != nil {
			return nil, err
		}
		left = &Bin{op, left, right}
	}
	return left, nil
}

func (p *Parser) term() (Node, error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.peek().Kind == TOp && (p.peek().Text == "*" || p.peek().Text == "/" || p.peek().Text == "%") {
		op := p.next().Text[0]
		right, err := p.unary()
		if err != nil {
			return nil, err
		}
		left = &Bin{op, left, right}
	}
	return left, nil
}

func (p *Parser) unary() (Node, error) {
	if t := p.peek(); t.Kind == TOp && t.Text == "-" {
		p.next()
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &Neg{x}, nil
	}
	return p.primary()
}

func (p *Parser) primary() (Node, error) {
	t := p.next()
	switch t.Kind {
	case TNum:
		return Num{t.Num}, nil
	case TIdent:
		return Var{t.Text}, nil
	case TLParen:
		x, err := p.expr()
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.Kind != TRParen {
			return nil, &SyntaxError{c.Pos, "expected )"}
		}
		return x, nil
	}
	return nil, &SyntaxError{t.Pos, "unexpected " + t.Kind.String()}
}

func run(env *Env, line string) {
	toks, err := lex(line)
	if err != nil {
		fmt.Printf("%-24s => lex: %v\n", line, err)
		return
	}
	p := &Parser{toks: toks}
	node, err := p.statement()
	if err == nil && p.peek().Kind != TEOF {
		err = &SyntaxError{p.peek().Pos, "trailing " + p.peek().Kind.String()}
	}
	if err != nil {
		fmt.Printf("%-24s => parse: %v\n", line, err)
		return
	}
	v, err := node.Eval(env)
	if err != nil {
		fmt.Printf("%-24s => %v => eval: %v\n", line, node, err)
		return
	}
	fmt.Printf("%-24s => %v => %d\n", line, node, v)
}

func main() {
	env := &Env{}
	lines := []string{
		"1 + 2 * 3",
		"(1 + 2) * 3",
		"let x = 10",
		"let y = x * x - 1",
		"y / 7 % 5",
		"-x - -3",
		"--4",
		"x / (y - 99)",
		"z + 1",
		"let = 4",
		"3 $ 4",
		"(1 + 2",
		"1 2",
		"let x = x + 1",
		"x * 1000000 * 1000000 * 1000000",
		"let big_1 = 7 * (6 - (5 - (4 * (3 + 2))))",
	}
	for _, l := range lines {
		run(env, l)
	}
	fmt.Println(env.names, env.vals)
}
