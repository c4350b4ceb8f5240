//! Statements: simple statements, control flow, switches and type
//! switches, labels and branches.

use super::{err, pos, stmts};
use crate::syntax::ast::{AssignOp, BinOp, ExprKind, StmtKind};
use crate::syntax::parser::expr_string;

#[test]
fn simple_statements() {
    let s = stmts("x := 1\na, b = b, a\nx += 2\ny &^= 3\nz <<= 1\ni++\nj--\nf(x)\n;");
    let kinds: Vec<String> = s
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Assign { lhs, op, rhs, .. } => {
                format!("{}:{:?}:{}", lhs.len(), op, rhs.len())
            }
            StmtKind::IncDec { inc, .. } => format!("incdec {inc}"),
            StmtKind::Expr(e) => format!("expr {}", expr_string(e)),
            StmtKind::Empty => "empty".into(),
            k => format!("{k:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "1:Define:1",
            "2:Assign:2",
            "1:Op(Add):1",
            "1:Op(AndNot):1",
            "1:Op(Shl):1",
            "incdec true",
            "incdec false",
            "expr f(x)",
            "empty"
        ]
    );
}

#[test]
fn inc_dec_of_a_dereference() {
    let s = stmts("*p++");
    let StmtKind::IncDec { x, inc: true } = &s[0].kind else {
        panic!()
    };
    assert!(matches!(x.kind, ExprKind::Star(_)));
}

#[test]
fn statement_positions() {
    // The body starts on line 3; statements are positioned at their first
    // token, assignments also record their operator.
    let s = stmts("\tx, y := 1, 2\n\ta[i] += 3\n\tp.n++\n\treturn");
    assert_eq!(s[0].pos, pos(3, 2));
    let StmtKind::Assign { op_pos, .. } = &s[0].kind else {
        panic!()
    };
    assert_eq!(*op_pos, pos(3, 7));
    assert_eq!(s[1].pos, pos(4, 2));
    let StmtKind::Assign {
        op: AssignOp::Op(BinOp::Add),
        op_pos,
        ..
    } = &s[1].kind
    else {
        panic!()
    };
    assert_eq!(*op_pos, pos(4, 7));
    assert_eq!(s[2].pos, pos(5, 2));
    assert_eq!(s[3].pos, pos(6, 2));
}

#[test]
fn if_else_chains() {
    let s = stmts("if x := f(); x > 0 {\n} else if y {\n} else {\n\tz()\n}");
    let StmtKind::If {
        init: Some(init),
        cond,
        els: Some(els),
        ..
    } = &s[0].kind
    else {
        panic!()
    };
    assert!(matches!(
        init.kind,
        StmtKind::Assign {
            op: AssignOp::Define,
            ..
        }
    ));
    assert_eq!(expr_string(cond), "x > 0");
    let StmtKind::If {
        init: None,
        els: Some(last),
        ..
    } = &els.kind
    else {
        panic!()
    };
    assert_eq!(els.pos, pos(4, 8));
    let StmtKind::Block(b) = &last.kind else {
        panic!()
    };
    assert_eq!(b.stmts.len(), 1);
}

#[test]
fn for_forms() {
    let s = stmts(
        "for i := 0; i < 10; i++ {\n}\nfor x < 3 {\n}\nfor {\n}\nfor ;; {\n}\nfor i := 0; ; {\n}\nfor ; x; {\n}",
    );
    let shape: Vec<(bool, bool, bool)> = s
        .iter()
        .map(|s| match &s.kind {
            StmtKind::For {
                init, cond, post, ..
            } => (init.is_some(), cond.is_some(), post.is_some()),
            k => panic!("{k:?}"),
        })
        .collect();
    assert_eq!(
        shape,
        [
            (true, true, true),
            (false, true, false),
            (false, false, false),
            (false, false, false),
            (true, false, false),
            (false, true, false)
        ]
    );
}

#[test]
fn range_forms() {
    let s = stmts(
        "for k, v := range m {\n}\nfor k = range m {\n}\nfor range 10 {\n}\nfor _, c := range \"héllo\" {\n}\nfor a[0], b.x = range m {\n}",
    );
    let shape: Vec<(bool, bool, bool)> = s
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Range {
                key, value, define, ..
            } => (key.is_some(), value.is_some(), *define),
            k => panic!("{k:?}"),
        })
        .collect();
    assert_eq!(
        shape,
        [
            (true, true, true),
            (true, false, false),
            (false, false, false),
            (true, true, true),
            (true, true, false)
        ]
    );
    assert_eq!(s[0].pos, pos(3, 1));
}

#[test]
fn switch_forms() {
    let s = stmts("switch x := f(); x {\ncase 1, 2:\n\tg()\n\tfallthrough\ncase 3:\ndefault:\n}\nswitch {\ncase a > b:\n}\nswitch f(); {\n}");
    let StmtKind::Switch {
        init: Some(_),
        tag: Some(tag),
        cases,
        ..
    } = &s[0].kind
    else {
        panic!()
    };
    assert_eq!(expr_string(tag), "x");
    assert_eq!(cases.len(), 3);
    assert_eq!((cases[0].exprs.len(), cases[0].body.len()), (2, 2));
    assert!(matches!(cases[0].body[1].kind, StmtKind::Fallthrough));
    assert!(cases[2].is_default && cases[2].exprs.is_empty());
    assert!(matches!(
        &s[1].kind,
        StmtKind::Switch {
            init: None,
            tag: None,
            ..
        }
    ));
    assert!(matches!(
        &s[2].kind,
        StmtKind::Switch {
            init: Some(_),
            tag: None,
            ..
        }
    ));
}

#[test]
fn type_switch_forms() {
    let s = stmts(
        "switch v := x.(type) {\ncase nil:\ncase int, *T, []byte:\n\t_ = v\ndefault:\n}\nswitch x.(type) {\n}\nswitch y := 1; v := y.(type) {\n}\nswitch f(); p.x.(type) {\n}",
    );
    let StmtKind::TypeSwitch {
        init: None,
        bind: Some(bind),
        x,
        cases,
        ..
    } = &s[0].kind
    else {
        panic!()
    };
    assert_eq!((bind.name.as_str(), bind.pos), ("v", pos(3, 8)));
    assert_eq!(expr_string(x), "x");
    assert!(matches!(&cases[0].types[0].kind, ExprKind::Ident(n) if n == "nil"));
    assert_eq!(cases[1].types.len(), 3);
    assert!(cases[2].is_default);
    assert_ne!(cases[0].id, cases[1].id);
    assert!(matches!(
        &s[1].kind,
        StmtKind::TypeSwitch {
            init: None,
            bind: None,
            ..
        }
    ));
    assert!(matches!(
        &s[2].kind,
        StmtKind::TypeSwitch {
            init: Some(_),
            bind: Some(_),
            ..
        }
    ));
    let StmtKind::TypeSwitch {
        init: Some(_),
        bind: None,
        x,
        ..
    } = &s[3].kind
    else {
        panic!()
    };
    assert_eq!(expr_string(x), "p.x");
}

#[test]
fn stray_type_guards() {
    let m = "invalid syntax tree: use of .(type) outside type switch";
    assert_eq!(
        err("package p\nfunc f() {\n\t_ = x.(type)\n}"),
        format!("3:6: {m}")
    );
    assert_eq!(
        err("package p\nfunc f() {\n\tif x.(type) {\n\t}\n}"),
        format!("3:5: {m}")
    );
    assert_eq!(
        err("package p\nfunc f() {\n\tswitch v := x.(type); v {\n\t}\n}"),
        format!("3:9: {m}")
    );
    assert_eq!(
        err("package p\nfunc f() {\n\tswitch f(x.(type)).(type) {\n\t}\n}"),
        format!("3:11: {m}")
    );
    assert_eq!(err("package p\nvar y = x.(type)"), format!("2:9: {m}"));
}

#[test]
fn labels_and_branches() {
    let s = stmts(
        "outer:\n\tfor {\n\t\tfor {\n\t\t\tcontinue outer\n\t\t}\n\t\tbreak outer\n\t}\n_:\n",
    );
    let StmtKind::Labeled { label, stmt } = &s[0].kind else {
        panic!()
    };
    assert_eq!((label.name.as_str(), s[0].pos), ("outer", pos(3, 1)));
    let StmtKind::For { body, .. } = &stmt.kind else {
        panic!()
    };
    assert!(matches!(&body.stmts[1].kind, StmtKind::Break(Some(l)) if l.name == "outer"));
    // A label right before `}` labels an empty statement.
    let StmtKind::Labeled { stmt, .. } = &s[1].kind else {
        panic!()
    };
    assert!(matches!(stmt.kind, StmtKind::Empty));
}

#[test]
fn branch_errors() {
    let f = |body: &str| err(&format!("package p\nfunc f() {{\n{body}\n}}"));
    assert_eq!(
        f("\tbreak"),
        "3:2: break is not in a loop, switch, or select"
    );
    assert_eq!(
        f("\tfor {\n\t\tfunc() { continue }()\n\t}"),
        "4:12: continue is not in a loop"
    );
    assert_eq!(
        f("\tswitch {\n\tcase true:\n\t\tfallthrough\n\t}"),
        "5:3: cannot fallthrough final case in switch"
    );
    assert_eq!(
        f("\tswitch {\n\tcase true:\n\t\tfallthrough\n\t\tg()\n\tdefault:\n\t}"),
        "5:3: fallthrough statement out of place"
    );
    assert_eq!(
        f("\tswitch x.(type) {\n\tcase int:\n\t\tfallthrough\n\tdefault:\n\t}"),
        "5:3: cannot fallthrough in type switch"
    );
    assert_eq!(
        f("L:\n\tif true {\n\t\tbreak L\n\t}"),
        "5:9: invalid break label L"
    );
    assert_eq!(
        f("L:\n\tswitch {\n\tcase true:\n\t\tcontinue L\n\t}"),
        "6:12: invalid continue label L"
    );
    assert_eq!(
        f("\tfor {\n\t\tbreak M\n\t}"),
        "4:9: break label not defined: M"
    );
    assert_eq!(f("L:\n\tfor {\n\t}"), "3:1: label L defined and not used");
    assert_eq!(
        f("L:\n\tfor {\n\t\tbreak L\n\t}\nL:\n\tfor {\n\t}"),
        "7:1: label L already defined at 3:1"
    );
    // `goto`: gc's checks (a label used by `goto` is used).
    assert_eq!(f("\tgoto M"), "3:7: label M not defined");
    assert_eq!(
        f("\tgoto L\n\t{\n\tL:\n\t\tg()\n\t}"),
        "3:7: goto L jumps into block starting at 4:2"
    );
    assert_eq!(
        f("\tgoto L\n\tx := 1\n\tg(x)\nL:\n\tg()"),
        "3:7: goto L jumps over declaration of x at 4:4"
    );
    assert_eq!(
        f("\tif true {\n\t\tgoto L\n\t}\n\tvar y int\n\tg(y)\nL:\n\tg()"),
        "4:8: goto L jumps over declaration of y at 6:6"
    );
    stmts(
        "goto L
L:
g()
M:
for {
	goto M
}
{
	goto L
}",
    );
    // Fine: fallthrough into the next case, labeled loops, `_` labels.
    stmts("switch {\ncase true:\n\tfallthrough\ndefault:\n}\nL:\nfor {\n\tswitch {\n\tcase true:\n\t\tbreak L\n\t}\n\tcontinue L\n}\n_:\nfor {\n}");
}

#[test]
fn returns_and_blocks() {
    let s = stmts("{\n\treturn\n}\nreturn 1, f(x)");
    let StmtKind::Block(b) = &s[0].kind else {
        panic!()
    };
    assert!(matches!(&b.stmts[0].kind, StmtKind::Return(r) if r.is_empty()));
    assert!(matches!(&s[1].kind, StmtKind::Return(r) if r.len() == 2));
}

#[test]
fn local_declarations() {
    let s =
        stmts("var x int\nconst (\n\ta = iota\n\tb\n)\ntype T struct{ x int }\nvar y, z = 1, 2");
    assert_eq!(s.len(), 4);
    assert!(s.iter().all(|s| matches!(s.kind, StmtKind::Decl(_))));
    assert_eq!(s[1].pos, pos(4, 1));
}
