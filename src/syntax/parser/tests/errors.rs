//! Errors: syntax errors at the positions and with the wording of `go build`
//! (each expectation below was checked against Go 1.27), constructs outside
//! the subset, and which error wins when there are several.

use super::{err, parse_ok};

/// The error for a function body `body` (which starts on line 3).
fn in_func(body: &str) -> String {
    err(&format!("package main\nfunc main() {{\n{body}\n}}\n"))
}

#[test]
fn missing_comma_or_paren_at_newline() {
    // Reported where the newline's implicit semicolon is: one past the
    // last token of the line.
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\t\tfmt.Println(o.Apply(i)\n}\n";
    assert_eq!(
        err(src),
        "6:25: syntax error: unexpected newline in argument list; possibly missing comma or )"
    );
    assert_eq!(
        err("package main\nvar x = []int{1, 2\n}\n"),
        "2:19: syntax error: unexpected newline in composite literal; possibly missing comma or }"
    );
    assert_eq!(
        err("package main\nvar x = f(1 2)\n"),
        "2:13: syntax error: unexpected literal 2 in argument list; possibly missing comma or )"
    );
}

#[test]
fn braces_and_newlines() {
    assert_eq!(
        in_func("\tif x {\n\t}\n\telse {\n\t}"),
        "5:2: syntax error: unexpected keyword else, expected }"
    );
    assert_eq!(
        in_func("\tif x\n\t{\n\t}"),
        "3:6: syntax error: unexpected newline, expected { after if clause"
    );
    assert_eq!(
        in_func("\tfor i := 0; i < 3; i++\n\t{\n\t}"),
        "3:24: syntax error: unexpected newline, expected { after for clause"
    );
    assert_eq!(
        err("package main\nfunc main()\n{\n}\n"),
        "3:1: syntax error: unexpected semicolon or newline before {"
    );
    assert_eq!(
        err("package main\nfunc main() {\n\tif x {\n\t\tx++\n}\n"),
        "6:1: syntax error: unexpected EOF, expected }"
    );
    assert_eq!(
        in_func("\tswitch x y {\n\t}"),
        "3:11: syntax error: unexpected name y, expected {"
    );
}

#[test]
fn statement_errors() {
    assert_eq!(
        in_func("\tx := 1 y := 2"),
        "3:9: syntax error: unexpected name y at end of statement"
    );
    assert_eq!(
        in_func("\tx := 1\n\t1 2"),
        "4:4: syntax error: unexpected literal 2 at end of statement"
    );
    assert_eq!(
        in_func("\tx := "),
        "4:1: syntax error: unexpected }, expected expression"
    );
    assert_eq!(
        in_func("\tx := (1 + }"),
        "3:12: syntax error: unexpected }, expected expression"
    );
    assert_eq!(
        in_func("\ta, b"),
        "3:6: syntax error: unexpected newline, expected := or = or comma"
    );
    assert_eq!(
        in_func("\tx."),
        "4:1: syntax error: unexpected }, expected name or ("
    );
    assert_eq!(
        in_func("\tswitch x {\n\tx++\n\t}"),
        "4:2: syntax error: unexpected name x, expected case or default or }"
    );
    assert_eq!(
        in_func("\tif x {\n\t} else x++"),
        "4:9: syntax error: else must be followed by if or statement block"
    );
    assert_eq!(
        in_func("\tswitch {\n\tcase 1:\n\tL:\n\tcase 2:\n\t}"),
        "5:3: syntax error: missing statement after label"
    );
    assert_eq!(
        err("package main\nfunc main() {\n\tswitch {\n\tcase 1"),
        "4:8: syntax error: unexpected EOF, expected :"
    );
}

#[test]
fn header_errors() {
    assert_eq!(
        in_func("\tif x = 1 {\n\t}"),
        "3:7: syntax error: cannot use assignment x = 1 as value"
    );
    assert_eq!(
        in_func("\tif x := 1 {\n\t}"),
        "3:7: syntax error: cannot use x := 1 as value"
    );
    assert_eq!(
        in_func("\tif {\n\t}"),
        "3:5: syntax error: missing condition in if statement"
    );
    assert_eq!(
        in_func("\tif x := 1; {\n\t}"),
        "3:11: syntax error: missing condition in if statement"
    );
    assert_eq!(
        in_func("\tfor i := 0; {\n\t}"),
        "3:14: syntax error: unexpected {, expected for loop condition"
    );
    assert_eq!(
        in_func("\tfor var i = 0; i < 3; i++ {\n\t}"),
        "3:10: syntax error: var declaration not allowed in for initializer"
    );
    assert_eq!(
        in_func("\tfor i := 0; i < 3; j := 1 {\n\t}"),
        "3:23: syntax error: cannot declare in post statement of for loop"
    );
}

#[test]
fn declaration_errors() {
    assert_eq!(
        err("package main\nx := 1\n"),
        "2:1: syntax error: non-declaration statement outside function body"
    );
    assert_eq!(
        err("package main\nfunc main() {} x\n"),
        "2:16: syntax error: unexpected name x after top level declaration"
    );
    assert_eq!(
        err("package main\ntype T\n"),
        "2:7: syntax error: unexpected newline in type declaration"
    );
    assert_eq!(
        err("package main\nconst x := 1\n"),
        "2:9: syntax error: unexpected :=, expected ="
    );
    assert_eq!(
        err("package main\nvar x map[]int\n"),
        "2:11: syntax error: unexpected ], expected type"
    );
    assert_eq!(
        err("package main\nvar x [2,]int\n"),
        "2:9: syntax error: unexpected comma; expected ]"
    );
    assert_eq!(
        err("package main\nvar x = else\n"),
        "2:9: syntax error: unexpected keyword else, expected expression"
    );
    assert_eq!(
        err("package main\ntype T struct {\n\t1\n}\n"),
        "3:2: syntax error: unexpected literal 1, expected field name or embedded type"
    );
    assert_eq!(
        err("package main\ntype T struct {\n\t(U)\n}\n"),
        "3:2: syntax error: cannot parenthesize embedded type"
    );
    assert_eq!(
        err("package main\nvar x = 1\nimport \"fmt\"\n"),
        "3:1: syntax error: imports must appear before other declarations"
    );
    // These come from go/parser when `go build` lists the package.
    assert_eq!(
        err("func main() {}\n"),
        "1:1: expected 'package', found 'func'"
    );
    assert_eq!(
        err("package main\nimport fmt\n"),
        "2:11: missing import path"
    );
    assert_eq!(
        err("package main\nimport 42\n"),
        "2:8: import path must be a string"
    );
}

#[test]
fn parameter_errors() {
    assert_eq!(
        err("package main\nfunc f(a int, b) {}\n"),
        "2:16: syntax error: missing parameter type"
    );
    assert_eq!(
        err("package main\nfunc f(a int, []int) {}\n"),
        "2:15: syntax error: missing parameter name"
    );
    assert_eq!(
        err("package main\nfunc f(a ...int, b int) {}\n"),
        "2:10: can only use ... with final parameter"
    );
    assert_eq!(
        err("package main\nfunc f() (...int) {}\n"),
        "2:11: invalid use of ..."
    );
    assert_eq!(
        err("package main\nfunc f(...) {}\n"),
        "2:11: syntax error: ... is missing type"
    );
    assert_eq!(
        err("package main\nfunc () f() {}\n"),
        "2:9: method has no receiver"
    );
    assert_eq!(
        err("package main\nfunc (a, b T) f() {}\n"),
        "2:15: method has multiple receivers"
    );
    assert_eq!(
        err("package main\nvar x = func[T any]() {}\n"),
        "2:13: syntax error: function type must have no type parameters"
    );
    assert_eq!(
        err("package main\ntype I interface {\n\tM[T any]()\n}\n"),
        "3:3: interface method must have no type parameters"
    );
    assert_eq!(
        err("package main\nfunc f[]() {}\n"),
        "2:8: syntax error: empty type parameter list"
    );
}

#[test]
fn expression_errors() {
    assert_eq!(
        err("package main\nvar x = a[]\n"),
        "2:11: syntax error: unexpected ], expected operand"
    );
    assert_eq!(
        err("package main\nvar x = a[1::3]\n"),
        "2:13: middle index required in 3-index slice"
    );
    assert_eq!(
        err("package main\nvar x = a[1:2:]\n"),
        "2:15: final index required in 3-index slice"
    );
    assert_eq!(
        err("package main\nvar x = (T){}\n"),
        "2:12: syntax error: cannot parenthesize type in composite literal"
    );
    assert_eq!(
        err("package main\nvar x = a.1\n"),
        "2:10: syntax error: unexpected literal .1 after top level declaration"
    );
    assert_eq!(
        in_func("\tgo (f())"),
        "3:5: expression in go must not be parenthesized"
    );
    assert_eq!(
        in_func("\t_ = ~1"),
        "3:6: cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)"
    );
    assert_eq!(
        in_func("\tfor a, b, c := range x {\n\t}"),
        "3:12: range clause permits at most two iteration variables"
    );
}

#[test]
fn lexical_errors() {
    assert_eq!(
        err("package main\nvar x = 1 @ 2\n"),
        "2:11: invalid character U+0040 '@'"
    );
    assert_eq!(
        err("package main\nvar x = \"abc\n\"\n"),
        "2:13: newline in string"
    );
    assert_eq!(
        err("package main\nvar x = 1\u{0}\n"),
        "2:10: invalid NUL character"
    );
    assert_eq!(
        err("package main\nvar x = \"\u{0}\"\n"),
        "2:10: invalid NUL character"
    );
    assert!(crate::syntax::parser::parse_file(b"package main\nvar s = \"\xff\"\n").is_err());
    // A byte order mark at the start is skipped but counts for columns.
    assert_eq!(
        err("\u{feff}package main\nvar x = 1 +\n"),
        "3:1: syntax error: unexpected EOF, expected expression"
    );
    parse_ok("\u{feff}package main\n");
}

#[test]
fn channel_syntax() {
    use crate::syntax::ast::{ChanDir, Decl, ExprKind};
    // The arrow binds to the leftmost `chan`, as gc parses it.
    let cases = [
        ("chan int", ChanDir::Both, None),
        ("<-chan int", ChanDir::Recv, None),
        ("chan<- int", ChanDir::Send, None),
        ("chan<- chan int", ChanDir::Send, Some(ChanDir::Both)),
        ("chan (<-chan int)", ChanDir::Both, Some(ChanDir::Recv)),
        ("<-chan <-chan int", ChanDir::Recv, Some(ChanDir::Recv)),
    ];
    for (ty, dir, inner) in cases {
        let f = parse_ok(&format!(
            "package p
var c {ty}
"
        ));
        let Some(Decl::Var(specs)) = f.decls.first() else {
            panic!("{ty}: not a var")
        };
        let Some(ExprKind::ChanType(d, el)) = specs[0].ty.as_ref().map(|t| &t.kind) else {
            panic!("{ty}: not a channel type")
        };
        assert_eq!(*d, dir, "{ty}");
        let el = crate::syntax::walk::unparen(el);
        match (&el.kind, inner) {
            (ExprKind::ChanType(d2, _), Some(i)) => assert_eq!(*d2, i, "{ty}"),
            (ExprKind::ChanType(..), None) => panic!("{ty}: a channel of channels"),
            (_, Some(_)) => panic!("{ty}: not a channel of channels"),
            (_, None) => {}
        }
    }
    parse_ok(
        "package p
func f() {
	x := <-c
	c <- 1
	go g()
	select {
	case x := <-c:
		_ = x
	case c <- 2:
	case <-c:
	default:
	}
	select {}
}
",
    );
    assert_eq!(
        err("package p
func f() {
	select x {
	}
}
"),
        "3:9: syntax error: missing { after select clause"
    );
}

#[test]
fn syntax_errors_win_over_unsupported_features() {
    // As in Go, where syntax errors are reported before anything else.
    assert_eq!(
        in_func("\tdefer f()\n\tx := ("),
        "5:1: syntax error: unexpected }, expected expression"
    );
    // Lexical errors, like syntax errors, come first too.
    assert_eq!(in_func("\tdefer f()\n\tx := '\\q'"), "4:9: unknown escape");
}

#[test]
fn earliest_of_lexical_and_syntax_errors() {
    // The lexer's error comes at an earlier position than the parser's.
    assert_eq!(
        err("package main\nvar x = \"a\\qb\" +\n"),
        "2:12: unknown escape"
    );
    // The parser's error comes first.
    assert_eq!(
        err("package main\nvar x = )\nvar y = @\n"),
        "2:9: syntax error: unexpected ), expected expression"
    );
}
