//! A visitor over every expression of a file, in source order.

use super::ast::*;

/// Calls `f` on every expression of the declarations (outer before inner).
pub fn walk_decls(decls: &[Decl], f: &mut dyn FnMut(&Expr)) {
    for d in decls {
        walk_decl(d, f);
    }
}

/// Every expression of a function declaration's body.
pub fn walk_func_decl(fd: &FuncDecl, f: &mut dyn FnMut(&Expr)) {
    if let Some(b) = &fd.body {
        walk_stmts(&b.stmts, f);
    }
}

pub fn walk_decl(d: &Decl, f: &mut dyn FnMut(&Expr)) {
    match d {
        Decl::Func(fd) => {
            if let Some(b) = &fd.body {
                walk_stmts(&b.stmts, f);
            }
        }
        Decl::Var(specs) => {
            for s in specs {
                s.values.iter().for_each(|e| walk_expr(e, f));
            }
        }
        Decl::Const(specs) => {
            for s in specs {
                s.values.iter().for_each(|e| walk_expr(e, f));
            }
        }
        Decl::Type(_) => {}
    }
}

/// Every expression of a statement (outer before inner).
pub fn walk_stmt_exprs(s: &Stmt, f: &mut dyn FnMut(&Expr)) {
    walk_stmt(s, f);
}

fn walk_stmts(ss: &[Stmt], f: &mut dyn FnMut(&Expr)) {
    for s in ss {
        walk_stmt(s, f);
    }
}

fn walk_opt(s: &Option<Box<Stmt>>, f: &mut dyn FnMut(&Expr)) {
    if let Some(s) = s {
        walk_stmt(s, f);
    }
}

fn walk_stmt(s: &Stmt, f: &mut dyn FnMut(&Expr)) {
    match &s.kind {
        StmtKind::Empty
        | StmtKind::Break(_)
        | StmtKind::Continue(_)
        | StmtKind::Goto(_)
        | StmtKind::Fallthrough => {}
        StmtKind::Expr(e) | StmtKind::Defer(e) | StmtKind::Go(e) => walk_expr(e, f),
        StmtKind::Send { ch, value } => {
            walk_expr(ch, f);
            walk_expr(value, f);
        }
        StmtKind::Select { cases, .. } => {
            for c in cases {
                walk_opt(&c.comm, f);
                walk_stmts(&c.body, f);
            }
        }
        StmtKind::Decl(d) => walk_decl(d, f),
        StmtKind::Assign { lhs, rhs, .. } => {
            lhs.iter().for_each(|e| walk_expr(e, f));
            rhs.iter().for_each(|e| walk_expr(e, f));
        }
        StmtKind::IncDec { x, .. } => walk_expr(x, f),
        StmtKind::Block(b) => walk_stmts(&b.stmts, f),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            walk_opt(init, f);
            walk_expr(cond, f);
            walk_stmts(&then.stmts, f);
            walk_opt(els, f);
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            walk_opt(init, f);
            if let Some(c) = cond {
                walk_expr(c, f);
            }
            walk_opt(post, f);
            walk_stmts(&body.stmts, f);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            for e in [key, value].into_iter().flatten() {
                walk_expr(e, f);
            }
            walk_expr(x, f);
            walk_stmts(&body.stmts, f);
        }
        StmtKind::Switch {
            init, tag, cases, ..
        } => {
            walk_opt(init, f);
            if let Some(t) = tag {
                walk_expr(t, f);
            }
            for c in cases {
                c.exprs.iter().for_each(|e| walk_expr(e, f));
                walk_stmts(&c.body, f);
            }
        }
        StmtKind::TypeSwitch { init, x, cases, .. } => {
            walk_opt(init, f);
            walk_expr(x, f);
            for c in cases {
                walk_stmts(&c.body, f);
            }
        }
        StmtKind::Return(es) => es.iter().for_each(|e| walk_expr(e, f)),
        StmtKind::Labeled { stmt, .. } => walk_stmt(stmt, f),
    }
}

/// Calls `f` on `e` and every expression inside it.
pub fn walk_expr(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Ident(_)
        | ExprKind::IntLit(_)
        | ExprKind::FloatLit(_)
        | ExprKind::ImagLit(_)
        | ExprKind::RuneLit(_)
        | ExprKind::StrLit(_)
        | ExprKind::ArrayType { .. }
        | ExprKind::MapType(..)
        | ExprKind::ChanType(..)
        | ExprKind::FuncType(_)
        | ExprKind::StructType(_)
        | ExprKind::InterfaceType(_) => {}
        ExprKind::CompositeLit { elts, .. } => {
            for el in elts {
                if let Some(k) = &el.key {
                    walk_expr(k, f);
                }
                walk_expr(&el.value, f);
            }
        }
        ExprKind::FuncLit { body, .. } => walk_stmts(&body.stmts, f),
        ExprKind::Paren(x)
        | ExprKind::Star(x)
        | ExprKind::Unary(_, x)
        | ExprKind::Selector(x, _)
        | ExprKind::TypeAssert(x, _) => walk_expr(x, f),
        ExprKind::Index(x, i) => {
            walk_expr(x, f);
            walk_expr(i, f);
        }
        ExprKind::Instance(x, args) => {
            walk_expr(x, f);
            args.iter().for_each(|a| walk_expr(a, f));
        }
        ExprKind::Tilde(t) => walk_expr(t, f),
        ExprKind::Slice { x, lo, hi, max } => {
            walk_expr(x, f);
            for p in [lo, hi, max].into_iter().flatten() {
                walk_expr(p, f);
            }
        }
        ExprKind::Call { fun, args, .. } => {
            walk_expr(fun, f);
            args.iter().for_each(|a| walk_expr(a, f));
        }
        ExprKind::Binary { x, y, .. } => {
            walk_expr(x, f);
            walk_expr(y, f);
        }
    }
}

/// `e` without enclosing parentheses.
pub fn unparen(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => unparen(x),
        _ => e,
    }
}
