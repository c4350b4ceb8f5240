//! Parser tests, by concept; this file holds the shared helpers and a
//! sample program using most of the grammar.

mod decls;
mod errors;
mod exprs;
mod ids;
mod robust;
mod stmts;

use super::{expr_string, parse_file};
use crate::diag::CompileError;
use crate::syntax::ast::{Decl, Expr, ExprKind, File, Pos, Stmt};

pub(super) fn parse(src: &str) -> Result<File, CompileError> {
    parse_file(src.as_bytes())
}

pub(super) fn parse_ok(src: &str) -> File {
    match parse(src) {
        Ok(f) => f,
        Err(e) => panic!("{e}\n{src}"),
    }
}

/// The first error for `src`, as `line:col: message`.
pub(super) fn err(src: &str) -> String {
    match parse(src) {
        Ok(_) => panic!("accepted:\n{src}"),
        Err(e) => format!("{}: {}", e.pos, e.msg),
    }
}

/// The statements of `body` placed in a function (starting on line 3).
pub(super) fn stmts(body: &str) -> Vec<Stmt> {
    let f = parse_ok(&format!("package p\nfunc f() {{\n{body}\n}}\n"));
    match f.decls.into_iter().next() {
        Some(Decl::Func(f)) => f.body.map(|b| b.stmts).unwrap_or_default(),
        _ => panic!("no function"),
    }
}

/// The expression `src` (on line 2, starting at column 9).
pub(super) fn expr(src: &str) -> Expr {
    let f = parse_ok(&format!("package p\nvar x = {src}\n"));
    match f.decls.into_iter().next() {
        Some(Decl::Var(mut specs)) => specs.remove(0).values.remove(0),
        _ => panic!("no var"),
    }
}

/// `e` with every operator application parenthesized, to show grouping.
pub(super) fn grouped(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Binary { op, x, y, .. } => {
            format!("({} {} {})", grouped(x), op.as_str(), grouped(y))
        }
        ExprKind::Unary(op, x) => format!("({}{})", op.as_str(), grouped(x)),
        ExprKind::Star(x) => format!("(*{})", grouped(x)),
        ExprKind::Paren(x) => format!("[{}]", grouped(x)),
        ExprKind::Selector(x, sel) => format!("{}.{}", grouped(x), sel.name),
        ExprKind::Index(x, i) => format!("{}[{}]", grouped(x), grouped(i)),
        ExprKind::Call { fun, args, .. } => {
            let args: Vec<String> = args.iter().map(grouped).collect();
            format!("{}({})", grouped(fun), args.join(", "))
        }
        _ => expr_string(e),
    }
}

pub(super) fn pos(line: u32, col: u32) -> Pos {
    Pos::new(line, col)
}

/// A program in the spirit of the conformance corpus, using most of the
/// grammar the subset needs.
pub(super) const SAMPLE: &str = r#"// Package main is a sample.
package main

import (
	"errors"
	f "fmt"
)

type Shape interface {
	Area() float64
	Name() string
	f.Stringer
}

type (
	Point struct{ X, Y int }
	Rect  struct {
		Min, Max Point `json:"min"`
		*Label
		tags []string
	}
	Label   struct{ text string }
	Handler func(int, string) (bool, error)
	Grid    [3][3]rune
	Alias   = Point
)

const (
	KindA Kind = iota
	KindB
	KindC
	_
	KindE = 1 << iota
)

type Kind uint8

var (
	errBad        = errors.New("bad \"input\"\n")
	table         = map[string][]int{"a": {1, 2}, "b": nil}
	origin, unit  = Point{}, Point{X: 1, Y: 1}
	pts           = []*Point{{1, 2}, &Point{3, 4}}
	grid          = [...]int{0x1F, 0o17, 017, 0b101, 1_000}
	ratio float64 = .5 + 1e3 - 0x1p-2
	ch            = '\x41'
)

func (r *Rect) Area() float64 { return float64((r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)) }

func (Rect) Name() string { return `rect` }

func (_ Point) String() string { return f.Sprintf("(%d,%d)", 1, 2) }

func sum(xs ...int) (total int, err error) {
	for _, x := range xs {
		total += x
	}
	return
}

func apply(fn func(a, b int) int, xs []int) int {
	acc := 0
	for i := 0; i < len(xs); i++ {
		acc = fn(acc, xs[i])
	}
	return acc
}

func classify(v any) string {
	switch t := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return "int"
	case *Point, []byte:
		_ = t
		return "ptr"
	default:
		return "other"
	}
}

func main() {
	var s Shape = &Rect{Min: Point{0, 0}, Max: Point{2, 3}}
	if r, ok := s.(*Rect); ok && r.Area() > 1 {
		f.Println(r.Name(), s.Area())
	} else if x := 3; x > 2 {
		f.Println("else if")
	} else {
		f.Println("else")
	}
	n, _ := sum(1, 2, 3)
	n, _ = sum([]int{4, 5}...)
	b := []byte("héllo")[1:3:4]
	b = append(b[:1], b[2:]...)
	m := (*Rect).Area
	_ = m
	count := 0
outer:
	for i := range 10 {
		for j := 0; j < i; j++ {
			switch {
			case i == j:
				continue outer
			case j > 5:
				break outer
			case i&^j != 0, i<<2 >= j%3:
				fallthrough
			default:
				count++
			}
		}
	}
	for count > 0 {
		count--
	}
	for {
		break
	}
	for range table {
	}
	var k Kind
	switch k {
	case KindA:
	}
	func() {
		defer1 := func(x int) int { return -x }
		_ = defer1(^1)
	}()
	type local struct{ v int }
	const c = 'a'
	var z = local{v: int(c)}
	z.v *= 2
	z.v &^= 1
	_ = !(z.v == 0) || z.v < 0 && classify(z) != ""
	f.Printf("%v %T\n", z, apply(func(a, b int) int { return a + b }, []int{1, 2}))
}
"#;

/// Corners of the grammar that Go accepts (checked with `gofmt -e`):
/// composite literals in headers, parenthesized conversions, empty type
/// switches, `*p++`, method values on literals.
pub(super) const TRICKY: &str = r#"package main

import "fmt"

type T struct {
	a, b int
	ok   bool
}

func (t T) M() int   { return t.a }
func (t *T) P() *int { return &t.a }

type F func(...int) (r int)

type I interface {
	fmt.Stringer
	Close() error
}

var f func(int) func(int) int
var _ = struct{ a, b int }{1, 2}
var names = [...]string{2: "b", 0: "a"}
var fs = []func(){func() {}}

const (
	a, b = iota, iota * 2
	c, d
)

func g(p *int, s []int, m map[string]int, x any) (n int, err error) {
	*p++
	s[0], s[1] = s[1], s[0]
	if v, ok := m["k"]; ok {
		n += v
	}
	if x == (T{}) || x == struct{}{} {
		n--
	}
	for i := range len(s) {
		n += i
	}
	for _, e := range []struct{ a int }{{1}, {2}} {
		n += e.a
	}
	switch y := x.(type) {
	}
	switch v := x.(type) {
	case []int, map[string]int, func() bool, interface{ M() int }, *T, chanless:
		_ = v
	case nil:
	}
	if t, ok := x.(interface{ M() int }); ok && t.M() > 0 {
		n++
	}
	h := T{}.M
	_ = h
	func() {}()
	_ = (*int)(nil)
	_ = ([]int)(nil)
	_ = (map[string]int)(nil)
	_ = (func())(nil)
	str := "a" +
		"b"
	_ = str
	q := &T{
		a: 1,
	}
	q.b, q.ok = 2, true
	switch {
	case n > 0 && q.a < 0:
	case q.P() != nil:
	}
	var arr [2][3]int
	arr[1][2] = len(arr[0][:])
	fmt.Println(fs, names, a, b, c, d, f, arr)
	return n, nil
}

type chanless int

func main() {}
"#;
