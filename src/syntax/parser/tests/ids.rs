//! Node ids: every expression, declared name and type switch clause gets
//! one, unique except where the parser clones a type or value list.

use super::{parse_ok, SAMPLE};
use crate::syntax::ast::*;
use std::collections::HashSet;

/// Collects node ids; `cloned` tolerates the repeats of cloned subtrees.
#[derive(Default)]
struct Ids {
    seen: HashSet<u32>,
    dups: usize,
}

impl Ids {
    fn id(&mut self, id: NodeId) {
        if !self.seen.insert(id.0) {
            self.dups += 1;
        }
    }

    fn ident(&mut self, i: &Ident) {
        self.id(i.id);
    }

    fn expr(&mut self, e: &Expr) {
        self.id(e.id);
        match &e.kind {
            ExprKind::Ident(_)
            | ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::ImagLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StrLit(_) => {}
            ExprKind::CompositeLit { ty, elts, .. } => {
                ty.iter().for_each(|t| self.expr(t));
                for el in elts {
                    el.key.iter().for_each(|k| self.expr(k));
                    self.expr(&el.value);
                }
            }
            ExprKind::FuncLit { ty, body } => {
                self.func_type(ty);
                self.block(body);
            }
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary(_, x) => self.expr(x),
            ExprKind::Selector(x, sel) => {
                self.expr(x);
                self.ident(sel);
            }
            ExprKind::Index(x, i) => {
                self.expr(x);
                self.expr(i);
            }
            ExprKind::Slice { x, lo, hi, max } => {
                self.expr(x);
                for e in [lo, hi, max].into_iter().flatten() {
                    self.expr(e);
                }
            }
            ExprKind::TypeAssert(x, t) => {
                self.expr(x);
                t.iter().for_each(|t| self.expr(t));
            }
            ExprKind::Call { fun, args, .. } | ExprKind::Instance(fun, args) => {
                self.expr(fun);
                args.iter().for_each(|a| self.expr(a));
            }
            ExprKind::Tilde(t) => self.expr(t),
            ExprKind::ChanType(_, t) => self.expr(t),
            ExprKind::Binary { x, y, .. } | ExprKind::MapType(x, y) => {
                self.expr(x);
                self.expr(y);
            }
            ExprKind::ArrayType { len, elem } => {
                if let ArrayLen::Expr(n) = len {
                    self.expr(n);
                }
                self.expr(elem);
            }
            ExprKind::FuncType(t) => self.func_type(t),
            ExprKind::StructType(fields) => {
                for f in fields {
                    f.names.iter().for_each(|n| self.ident(n));
                    self.expr(&f.ty);
                }
            }
            ExprKind::InterfaceType(elems) => {
                for el in elems {
                    match el {
                        InterfaceElem::Method { name, ty } => {
                            self.ident(name);
                            self.func_type(ty);
                        }
                        InterfaceElem::Embedded(t) => self.expr(t),
                    }
                }
            }
        }
    }

    fn func_type(&mut self, t: &FuncType) {
        for p in t.tparams.iter().chain(&t.params).chain(&t.results) {
            p.name.iter().for_each(|n| self.ident(n));
            self.expr(&p.ty);
        }
    }

    fn block(&mut self, b: &Block) {
        b.stmts.iter().for_each(|s| self.stmt(s));
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Fallthrough => {}
            StmtKind::Expr(e) | StmtKind::Defer(e) | StmtKind::Go(e) => self.expr(e),
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value);
            }
            StmtKind::Select { cases, .. } => {
                for c in cases {
                    c.comm.iter().for_each(|s| self.stmt(s));
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).for_each(|e| self.expr(e)),
            StmtKind::IncDec { x, .. } => self.expr(x),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                init.iter().for_each(|s| self.stmt(s));
                self.expr(cond);
                self.block(then);
                els.iter().for_each(|s| self.stmt(s));
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                init.iter().for_each(|s| self.stmt(s));
                cond.iter().for_each(|e| self.expr(e));
                post.iter().for_each(|s| self.stmt(s));
                self.block(body);
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                key.iter().chain(value).for_each(|e| self.expr(e));
                self.expr(x);
                self.block(body);
            }
            StmtKind::Switch {
                init, tag, cases, ..
            } => {
                init.iter().for_each(|s| self.stmt(s));
                tag.iter().for_each(|e| self.expr(e));
                for c in cases {
                    c.exprs.iter().for_each(|e| self.expr(e));
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                cases,
                ..
            } => {
                init.iter().for_each(|s| self.stmt(s));
                bind.iter().for_each(|b| self.ident(b));
                self.expr(x);
                for c in cases {
                    self.id(c.id);
                    c.types.iter().for_each(|e| self.expr(e));
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::Return(xs) => xs.iter().for_each(|e| self.expr(e)),
            StmtKind::Break(l) | StmtKind::Continue(l) => l.iter().for_each(|l| self.ident(l)),
            StmtKind::Goto(l) => self.ident(l),
            StmtKind::Labeled { label, stmt } => {
                self.ident(label);
                self.stmt(stmt);
            }
        }
    }

    fn decl(&mut self, d: &Decl) {
        match d {
            Decl::Func(f) => {
                self.ident(&f.name);
                if let Some(r) = &f.recv {
                    r.name.iter().for_each(|n| self.ident(n));
                    self.expr(&r.ty);
                }
                self.func_type(&f.ty);
                f.body.iter().for_each(|b| self.block(b));
            }
            Decl::Var(specs) => {
                for s in specs {
                    s.names.iter().for_each(|n| self.ident(n));
                    s.ty.iter().chain(&s.values).for_each(|e| self.expr(e));
                }
            }
            Decl::Const(specs) => {
                for s in specs {
                    s.names.iter().for_each(|n| self.ident(n));
                    if !s.implicit {
                        s.ty.iter().chain(&s.values).for_each(|e| self.expr(e));
                    }
                }
            }
            Decl::Type(specs) => {
                for s in specs {
                    self.ident(&s.name);
                    self.expr(&s.ty);
                }
            }
        }
    }

    fn file(&mut self, f: &File) {
        self.ident(&f.package);
        for i in &f.imports {
            i.name.iter().for_each(|n| self.ident(n));
        }
        f.decls.iter().for_each(|d| self.decl(d));
    }
}

#[test]
fn ids_are_unique_and_counted() {
    let f = parse_ok(SAMPLE);
    let mut ids = Ids::default();
    ids.file(&f);
    // The only repeats come from grouped parameters (`a, b int` in
    // `apply` and in the literal passed to it), which share a clone of
    // their type.
    assert_eq!(ids.dups, 2);
    let max = ids.seen.iter().copied().max().unwrap();
    assert!(max < f.node_count, "{max} >= {}", f.node_count);
    assert!(ids.seen.len() as u32 > f.node_count / 2);
}

#[test]
fn implicit_const_values_are_clones() {
    let f = parse_ok("package p\nconst (\n\tA = iota + 1\n\tB\n)\n");
    let Decl::Const(specs) = &f.decls[0] else {
        panic!()
    };
    assert_eq!(specs[0].values[0].id, specs[1].values[0].id);
    assert_ne!(specs[0].names[0].id, specs[1].names[0].id);
}
