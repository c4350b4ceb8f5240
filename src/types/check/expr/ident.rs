//! Identifiers: what a name denotes, variables captured by function
//! literals, and variables whose address is taken.

use super::{Mode, Operand};
use crate::syntax::ast::*;
use crate::types::check::{Checker, R};
use crate::types::constant::ConstVal;
use crate::types::ty::{builtin, TypeKind};
use crate::types::{ObjId, ObjKind, Selection, VarInfo};

impl Checker<'_> {
    /// A name in an expression. `is_use` is false for the target of an assignment.
    pub(crate) fn ident(&mut self, e: &Expr, name: &str, is_use: bool) -> R<Operand> {
        if name == "_" {
            return self.err(e.pos, "cannot use _ as value");
        }
        let Some(o) = self.lookup(name, e.pos) else {
            return self.undefined(e.pos, name);
        };
        self.ident_obj(e, o, name, is_use)
    }

    /// `e`, a name (or a qualified name `pkg.Name`), denoting `o`.
    pub(crate) fn ident_obj(&mut self, e: &Expr, o: ObjId, name: &str, is_use: bool) -> R<Operand> {
        self.info.uses.insert(e.id, o);
        self.resolve_obj(o)?;
        let obj = self.obj(o).clone();
        Ok(match &obj.kind {
            ObjKind::Var(v) => {
                if v.global {
                    self.record_dep(o);
                } else {
                    self.note_capture(o, v.clone());
                }
                if is_use {
                    self.mark_used(o);
                }
                Operand {
                    mode: Mode::Var,
                    ty: obj.ty,
                    val: None,
                }
            }
            ObjKind::Const(v) => {
                if name == "iota" && self.universe.get("iota") == Some(&o) {
                    match self.iota {
                        Some(i) => {
                            return Ok(Operand::constant(builtin::UNTYPED_INT, ConstVal::int(i)))
                        }
                        None => {
                            return self.err(e.pos, "cannot use iota outside constant declaration")
                        }
                    }
                }
                Operand::constant(obj.ty, v.clone())
            }
            ObjKind::TypeName => Operand {
                mode: Mode::TypeExpr,
                ty: obj.ty,
                val: None,
            },
            ObjKind::Func(_) => {
                self.record_dep(o);
                Operand::value(obj.ty)
            }
            ObjKind::Builtin(b) => Operand {
                mode: Mode::Builtin(*b),
                ty: builtin::INVALID,
                val: None,
            },
            ObjKind::Generic(_) => {
                let what = if self.names_generic_type(e) {
                    format!("type {}", self.generic_type_string(e))
                } else {
                    format!("function {name}")
                };
                return self.err(
                    e.pos,
                    format!("cannot use generic {what} without instantiation"),
                );
            }
            ObjKind::Package(p) => {
                self.use_package(o);
                Operand {
                    mode: Mode::Package(*p),
                    ty: builtin::INVALID,
                    val: None,
                }
            }
            ObjKind::Nil => Operand::value(builtin::UNTYPED_NIL),
        })
    }

    /// A local variable used from a closure lives in a cell, and every
    /// function between its owner and here captures it.
    pub(crate) fn note_capture(&mut self, o: ObjId, v: VarInfo) {
        let (Some(owner), Some(mut cur)) = (v.owner, self.cur_func) else {
            return;
        };
        if owner == cur {
            return;
        }
        if let ObjKind::Var(vi) = &mut self.obj_mut(o).kind {
            vi.boxed = true;
        }
        while cur != owner {
            if !self.info.funcs[cur].captures.contains(&o) {
                self.info.funcs[cur].captures.push(o);
            }
            match self.info.funcs[cur].parent {
                Some(p) => cur = p,
                None => break,
            }
        }
    }

    /// Marks the variable at the root of an addressable expression as living
    /// in a heap cell, because its address escapes (`&x`, `&x.f`, `x[:]`, `x.PtrMethod()`).
    pub(crate) fn mark_addr_taken(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&o) = self.info.uses.get(&e.id) {
                    if let ObjKind::Var(v) = &mut self.obj_mut(o).kind {
                        v.boxed = true;
                    }
                }
            }
            ExprKind::Paren(x) => self.mark_addr_taken(x),
            ExprKind::Selector(x, _) => {
                if let Some(Selection::Field { deref: false, .. }) = self.info.selections.get(&e.id)
                {
                    self.mark_addr_taken(x);
                }
            }
            ExprKind::Index(x, _) => {
                if matches!(
                    self.info.types.under(self.info.type_of(x.id)),
                    TypeKind::Array(..)
                ) {
                    self.mark_addr_taken(x);
                }
            }
            _ => {}
        }
    }

    /// `undefined: x`, or `unsupported: x` for Go's predeclared names outside the subset.
    pub(crate) fn undefined<T>(&self, pos: Pos, name: &str) -> R<T> {
        const OUTSIDE: &[&str] = &["close"];
        if OUTSIDE.contains(&name) {
            return self.err(pos, format!("unsupported: {name}"));
        }
        self.err(pos, format!("undefined: {name}"))
    }
}
