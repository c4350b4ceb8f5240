//! Expressions: precedence, operands, primary expressions, composite
//! literals and their positions.

use super::{expr, grouped, pos, stmts};
use crate::syntax::ast::{ArrayLen, BinOp, ExprKind, StmtKind, UnOp};
use crate::syntax::parser::expr_string;

#[test]
fn precedence_levels() {
    for (src, want) in [
        ("a + b * c", "(a + (b * c))"),
        ("a * b + c", "((a * b) + c)"),
        ("a - b - c", "((a - b) - c)"),
        ("a || b && c", "(a || (b && c))"),
        ("a && b || c && d", "((a && b) || (c && d))"),
        ("a == b && c < d", "((a == b) && (c < d))"),
        ("a + b == c * d", "((a + b) == (c * d))"),
        ("a << 1 + 2", "((a << 1) + 2)"),
        ("a | b ^ c & d", "((a | b) ^ (c & d))"),
        ("x &^ y | z", "((x &^ y) | z)"),
        ("a % b / c >> d", "(((a % b) / c) >> d)"),
        ("a <= b != c >= d", "(((a <= b) != c) >= d)"),
        (
            "a || b && c == d + e * f",
            "(a || (b && (c == (d + (e * f)))))",
        ),
    ] {
        assert_eq!(grouped(&expr(src)), want, "{src}");
    }
}

#[test]
fn unary_operators() {
    for (src, want) in [
        ("-x * y", "((-x) * y)"),
        ("!a == b", "((!a) == b)"),
        ("^x + +y", "((^x) + (+y))"),
        ("*p.f", "(*p.f)"),
        ("&x.y[1]", "(&x.y[1])"),
        ("- -x", "(-(-x))"),
        ("*p * *q", "((*p) * (*q))"),
        ("-f(x).y", "(-f(x).y)"),
    ] {
        assert_eq!(grouped(&expr(src)), want, "{src}");
    }
    let e = expr("&T{}");
    let ExprKind::Unary(UnOp::Addr, x) = &e.kind else {
        panic!("{e:?}")
    };
    assert!(matches!(x.kind, ExprKind::CompositeLit { .. }));
    // As in gc, `&(T{})` loses its parentheses.
    let e = expr("&(T{})");
    let ExprKind::Unary(UnOp::Addr, x) = &e.kind else {
        panic!("{e:?}")
    };
    assert!(matches!(x.kind, ExprKind::CompositeLit { .. }));
}

#[test]
fn binary_positions() {
    // `var x = ` puts the expression at column 9.
    let e = expr("a + b*c");
    assert_eq!(e.pos, pos(2, 9));
    let ExprKind::Binary {
        op: BinOp::Add,
        op_pos,
        y,
        ..
    } = &e.kind
    else {
        panic!()
    };
    assert_eq!(*op_pos, pos(2, 11));
    assert_eq!(y.pos, pos(2, 13));
    let ExprKind::Binary { op_pos, .. } = &y.kind else {
        panic!()
    };
    assert_eq!(*op_pos, pos(2, 14));
}

#[test]
fn operand_positions() {
    let at = |src: &str| expr(src).pos;
    assert_eq!(at("f(x)"), pos(2, 9));
    assert_eq!(at("a.b.c"), pos(2, 9));
    assert_eq!(at("a[1]"), pos(2, 9));
    assert_eq!(at("a[1:2]"), pos(2, 9));
    assert_eq!(at("x.(T)"), pos(2, 9));
    assert_eq!(at("(x)"), pos(2, 9));
    assert_eq!(at("-x"), pos(2, 9));
    assert_eq!(at("*p"), pos(2, 9));
    assert_eq!(at("[]int{1}"), pos(2, 9));
    assert_eq!(at("func() {}"), pos(2, 9));
    assert_eq!(at("(a + b).c"), pos(2, 9));
    // Elided literal types take the position of `{`.
    let e = expr("[]T{ {1} }");
    let ExprKind::CompositeLit {
        elts,
        lbrace,
        rbrace,
        ..
    } = &e.kind
    else {
        panic!()
    };
    assert_eq!((*lbrace, *rbrace), (pos(2, 12), pos(2, 18)));
    assert_eq!(elts[0].value.pos, pos(2, 14));
    // Call: `rparen` and the position of `...`.
    let e = expr("f(a, xs...)");
    let ExprKind::Call {
        args,
        ellipsis,
        rparen,
        ..
    } = &e.kind
    else {
        panic!()
    };
    assert_eq!(
        (args.len(), *ellipsis, *rparen),
        (2, Some(pos(2, 16)), pos(2, 19))
    );
}

#[test]
fn literals() {
    assert!(matches!(&expr("0x1F").kind, ExprKind::IntLit(t) if t == "0x1F"));
    assert!(matches!(&expr("1_000").kind, ExprKind::IntLit(t) if t == "1_000"));
    assert!(matches!(&expr("017").kind, ExprKind::IntLit(t) if t == "017"));
    assert!(matches!(
        &expr("99999999999999999999999").kind,
        ExprKind::IntLit(_)
    ));
    assert!(matches!(&expr(".5").kind, ExprKind::FloatLit(t) if t == ".5"));
    assert!(matches!(&expr("0x1p-2").kind, ExprKind::FloatLit(t) if t == "0x1p-2"));
    assert!(matches!(expr("'\\n'").kind, ExprKind::RuneLit(10)));
    assert!(matches!(&expr("\"a\\xffb\"").kind, ExprKind::StrLit(s) if s == b"a\xffb"));
    assert!(matches!(&expr("`a\\n`").kind, ExprKind::StrLit(s) if s == b"a\\n"));
}

#[test]
fn primary_expressions() {
    for src in [
        "a.b.c(d)[e].f",
        "x.(T)",
        "x.(*pkg.T)",
        "s[lo:hi]",
        "s[:hi]",
        "s[lo:]",
        "s[:]",
        "s[lo:hi:max]",
        "s[:hi:max]",
        "f(xs...)",
        "[]byte(s)",
        "(*T).M",
        "T.M",
        "map[string]int(nil)",
        "func(int) bool(f)",
        "struct{}{}",
        "[...]int{1, 2}",
        "interface{}(x)",
    ] {
        let e = expr(src);
        assert_eq!(expr_string(&e).replace("{…}", "{1, 2}"), src, "{src}");
    }
}

#[test]
fn slices() {
    let e = expr("s[1:2:3]");
    let ExprKind::Slice { lo, hi, max, .. } = &e.kind else {
        panic!()
    };
    assert!(lo.is_some() && hi.is_some() && max.is_some());
    let e = expr("s[:]");
    let ExprKind::Slice { lo, hi, max, .. } = &e.kind else {
        panic!()
    };
    assert!(lo.is_none() && hi.is_none() && max.is_none());
}

#[test]
fn conversions_and_method_expressions() {
    let e = expr("[]byte(s)");
    let ExprKind::Call { fun, .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(
        fun.kind,
        ExprKind::ArrayType {
            len: ArrayLen::Slice,
            ..
        }
    ));
    let e = expr("(*T).M");
    let ExprKind::Selector(x, m) = &e.kind else {
        panic!()
    };
    assert_eq!(m.name, "M");
    let ExprKind::Paren(inner) = &x.kind else {
        panic!()
    };
    assert!(matches!(inner.kind, ExprKind::Star(_)));
}

#[test]
fn composite_literals() {
    // Keyed and positional elements; elided inner types.
    let e = expr("[]Point{{1, 2}, {X: 3}, Point{}}");
    let ExprKind::CompositeLit {
        ty: Some(_), elts, ..
    } = &e.kind
    else {
        panic!()
    };
    assert_eq!(elts.len(), 3);
    let ExprKind::CompositeLit {
        ty: None,
        elts: inner,
        ..
    } = &elts[0].value.kind
    else {
        panic!()
    };
    assert_eq!(inner.len(), 2);
    let ExprKind::CompositeLit {
        ty: None,
        elts: inner,
        ..
    } = &elts[1].value.kind
    else {
        panic!()
    };
    assert!(inner[0].key.is_some());
    // Pointer element type: the elided value is a literal without type.
    let e = expr("[]*Point{{1, 2}, &Point{3, 4}}");
    let ExprKind::CompositeLit { elts, .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(
        elts[0].value.kind,
        ExprKind::CompositeLit { ty: None, .. }
    ));
    assert!(matches!(elts[1].value.kind, ExprKind::Unary(UnOp::Addr, _)));
    // Map literal with literal keys.
    let e = expr("map[Point]string{{1, 2}: \"a\"}");
    let ExprKind::CompositeLit { elts, .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(
        elts[0].key.as_ref().unwrap().kind,
        ExprKind::CompositeLit { ty: None, .. }
    ));
    // Qualified type, trailing comma, newline before `}`.
    let e = expr("pkg.T{\n\tA: 1,\n}");
    let ExprKind::CompositeLit { ty: Some(t), .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(t.kind, ExprKind::Selector(..)));
}

#[test]
fn composite_literal_ambiguity_in_headers() {
    // After a bare type name in a header, `{` opens the block...
    let s = stmts("if x == T {\n}");
    let StmtKind::If { cond, then, .. } = &s[0].kind else {
        panic!()
    };
    assert_eq!(expr_string(cond), "x == T");
    assert!(then.stmts.is_empty());
    let s = stmts("for _, v := range s {\n}");
    assert!(matches!(s[0].kind, StmtKind::Range { .. }));
    let s = stmts("switch t {\n}");
    assert!(matches!(&s[0].kind, StmtKind::Switch { tag: Some(_), .. }));
    // ...but literals work inside parentheses, calls and brackets...
    for src in [
        "if x == (T{}) {\n}",
        "if f(T{1}) {\n}",
        "if a[T{}] {\n}",
        "for _, v := range f(T{}) {\n}",
    ] {
        assert_eq!(stmts(src).len(), 1, "{src}");
    }
    // ...and after a type literal, which cannot be a value.
    let s = stmts("for _, v := range []int{1, 2} {\n}");
    let StmtKind::Range { x, .. } = &s[0].kind else {
        panic!()
    };
    assert!(matches!(x.kind, ExprKind::CompositeLit { .. }));
    let s = stmts("if v := (T{1}); v.a {\n}");
    let StmtKind::If { init: Some(_), .. } = &s[0].kind else {
        panic!()
    };
    // Function literal bodies in headers are ordinary again.
    let s = stmts("if f := func() bool { return T{} == x }; f() {\n}");
    assert_eq!(s.len(), 1);
}

#[test]
fn func_literals_and_types() {
    let e = expr("func(a, b int) (int, error) { return a + b, nil }");
    let ExprKind::FuncLit { ty, body } = &e.kind else {
        panic!()
    };
    assert_eq!(
        (ty.params.len(), ty.results.len(), body.stmts.len()),
        (2, 2, 1)
    );
    assert_eq!(ty.pos, pos(2, 9));
    let e = expr("func(int) bool(nil)");
    let ExprKind::Call { fun, .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(fun.kind, ExprKind::FuncType(_)));
}

#[test]
fn types_in_expressions() {
    for (src, want) in [
        ("[]int(nil)", "[]int(nil)"),
        ("[3][]*T{}", "[3][]*T{}"),
        ("map[string][]int{}", "map[string][]int{}"),
        ("struct{ a, b int; C }{}", "struct{a, b int; C}{}"),
        (
            "interface{ M(x int) bool; fmt.Stringer }(nil)",
            "interface{M(x int) bool; fmt.Stringer}(nil)",
        ),
    ] {
        assert_eq!(expr_string(&expr(src)), want);
    }
}
