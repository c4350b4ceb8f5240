//! Go text for expressions and simple statements, in the short form that
//! gc's `syntax.String` uses in messages: literal bodies become `{…}`.

use crate::syntax::ast::{
    ArrayLen, AssignOp, Expr, ExprKind, FuncType, InterfaceElem, Param, Stmt, StmtKind,
};
use std::fmt::Write;

/// `e` as Go source, e.g. `x + f(y)`, `[]int{…}`, `p.(*T)`.
pub fn expr_string(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e);
    out
}

/// A simple statement as gc prints it in "cannot use ... as value"
/// (`assignment x = y` for `=`, with binary operands parenthesized).
pub(super) fn simple_stmt_string(s: &Stmt) -> String {
    let mut out = String::new();
    match &s.kind {
        StmtKind::Assign {
            lhs,
            op: AssignOp::Assign,
            rhs,
            ..
        } => {
            out.push_str("assignment ");
            emphasized_list(&mut out, lhs);
            out.push_str(" = ");
            emphasized_list(&mut out, rhs);
        }
        StmtKind::Assign { lhs, op, rhs, .. } => {
            list(&mut out, lhs);
            match op {
                AssignOp::Define => out.push_str(" := "),
                AssignOp::Op(op) => {
                    let _ = write!(out, " {}= ", op.as_str());
                }
                AssignOp::Assign => out.push_str(" = "),
            }
            list(&mut out, rhs);
        }
        StmtKind::IncDec { x, inc } => {
            expr(&mut out, x);
            out.push_str(if *inc { "++" } else { "--" });
        }
        StmtKind::Expr(x) => expr(&mut out, x),
        _ => out.push_str("statement"),
    }
    out
}

fn emphasized_list(out: &mut String, xs: &[Expr]) {
    if let [x @ Expr {
        kind: ExprKind::Binary { .. },
        ..
    }] = xs
    {
        out.push('(');
        expr(out, x);
        out.push(')');
    } else {
        list(out, xs);
    }
}

fn list(out: &mut String, xs: &[Expr]) {
    for (i, x) in xs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, x);
    }
}

fn expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Ident(name) => out.push_str(name),
        ExprKind::IntLit(text) | ExprKind::FloatLit(text) | ExprKind::ImagLit(text) => {
            out.push_str(text)
        }
        ExprKind::RuneLit(r) => {
            out.push('\'');
            match char::from_u32(*r) {
                Some('\'') => out.push_str("\\'"),
                Some('"') => out.push('"'),
                Some(c) => escaped_char(out, c),
                None => {
                    let _ = write!(out, "\\x{r:02x}");
                }
            }
            out.push('\'');
        }
        ExprKind::StrLit(bytes) => {
            out.push('"');
            for chunk in bytes.utf8_chunks() {
                for c in chunk.valid().chars() {
                    if c == '\'' {
                        out.push(c);
                    } else {
                        escaped_char(out, c);
                    }
                }
                for b in chunk.invalid() {
                    let _ = write!(out, "\\x{b:02x}");
                }
            }
            out.push('"');
        }
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let Some(ty) = ty {
                expr(out, ty);
            }
            out.push_str(if elts.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { ty, body } => {
            out.push_str("func");
            signature(out, ty);
            out.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            out.push('(');
            expr(out, x);
            out.push(')');
        }
        ExprKind::Selector(x, sel) => {
            expr(out, x);
            out.push('.');
            out.push_str(&sel.name);
        }
        ExprKind::Index(x, i) => {
            expr(out, x);
            out.push('[');
            expr(out, i);
            out.push(']');
        }
        ExprKind::Instance(x, args) => {
            expr(out, x);
            out.push('[');
            for (k, a) in args.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                expr(out, a);
            }
            out.push(']');
        }
        ExprKind::Tilde(t) => {
            out.push('~');
            expr(out, t);
        }
        ExprKind::Slice { x, lo, hi, max } => {
            expr(out, x);
            out.push('[');
            if let Some(lo) = lo {
                expr(out, lo);
            }
            out.push(':');
            if let Some(hi) = hi {
                expr(out, hi);
            }
            if let Some(max) = max {
                out.push(':');
                expr(out, max);
            }
            out.push(']');
        }
        ExprKind::TypeAssert(x, ty) => {
            expr(out, x);
            out.push_str(".(");
            match ty {
                Some(ty) => expr(out, ty),
                None => out.push_str("type"),
            }
            out.push(')');
        }
        ExprKind::Call {
            fun,
            args,
            ellipsis,
            ..
        } => {
            expr(out, fun);
            out.push('(');
            list(out, args);
            if ellipsis.is_some() {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Star(x) => {
            out.push('*');
            expr(out, x);
        }
        ExprKind::Unary(op, x) => {
            out.push_str(op.as_str());
            expr(out, x);
        }
        ExprKind::Binary { op, x, y, .. } => {
            expr(out, x);
            let _ = write!(out, " {} ", op.as_str());
            expr(out, y);
        }
        ExprKind::ArrayType { len, elem } => {
            out.push('[');
            match len {
                ArrayLen::Slice => {}
                ArrayLen::Ellipsis => out.push_str("..."),
                ArrayLen::Expr(n) => expr(out, n),
            }
            out.push(']');
            expr(out, elem);
        }
        ExprKind::ChanType(d, t) => {
            out.push_str(match d {
                crate::syntax::ast::ChanDir::Both => "chan ",
                crate::syntax::ast::ChanDir::Send => "chan<- ",
                crate::syntax::ast::ChanDir::Recv => "<-chan ",
            });
            expr(out, t);
        }
        ExprKind::MapType(k, v) => {
            out.push_str("map[");
            expr(out, k);
            out.push(']');
            expr(out, v);
        }
        ExprKind::FuncType(ty) => {
            out.push_str("func");
            signature(out, ty);
        }
        ExprKind::StructType(fields) => {
            out.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                for (j, n) in f.names.iter().enumerate() {
                    out.push_str(if j > 0 { ", " } else { "" });
                    out.push_str(&n.name);
                }
                if !f.names.is_empty() {
                    out.push(' ');
                }
                expr(out, &f.ty);
            }
            out.push('}');
        }
        ExprKind::InterfaceType(elems) => {
            out.push_str("interface{");
            for (i, m) in elems.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                match m {
                    InterfaceElem::Method { name, ty } => {
                        out.push_str(&name.name);
                        signature(out, ty);
                    }
                    InterfaceElem::Embedded(t) => expr(out, t),
                }
            }
            out.push('}');
        }
    }
}

fn signature(out: &mut String, ty: &FuncType) {
    params(out, &ty.params);
    match ty.results.as_slice() {
        [] => {}
        [Param { name: None, ty, .. }] => {
            out.push(' ');
            expr(out, ty);
        }
        results => {
            out.push(' ');
            params(out, results);
        }
    }
}

fn params(out: &mut String, ps: &[Param]) {
    out.push('(');
    for (i, p) in ps.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(name) = &p.name {
            out.push_str(&name.name);
            out.push(' ');
        }
        if p.variadic {
            out.push_str("...");
        }
        expr(out, &p.ty);
    }
    out.push(')');
}

/// `c` inside a Go quoted literal.
fn escaped_char(out: &mut String, c: char) {
    match c {
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\x0c' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\x0b' => out.push_str("\\v"),
        '\\' => out.push_str("\\\\"),
        '"' => out.push_str("\\\""),
        c if (c as u32) < 0x20 || c == '\x7f' => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if c.is_control() => {
            let _ = write!(out, "\\u{:04x}", c as u32);
        }
        c => out.push(c),
    }
}
