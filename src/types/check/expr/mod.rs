//! Expressions: the operand an expression denotes ([`Operand`], [`Mode`])
//! and the dispatch over expression kinds, with the small cases (literals,
//! parentheses, `*x`, type assertions, type expressions) in place. The rest
//! is by concept:
//!
//! | module | owns |
//! |---|---|
//! | `ident` | identifiers, captured variables, taking addresses |
//! | `func_lit` | function literals |
//! | `untyped` | untyped constants: default types, conversion to a target type, representability |
//! | `operators` | unary and binary operators, comparisons, shifts |
//! | `composite` | composite literals: arrays, slices, structs |
//! | `index` | indexing and slicing |
//! | `selector` | selectors and package-qualified names (`fmt.Println`) |
//! | `describe` | expressions and operands as error messages print them |

mod composite;
pub(crate) mod describe;
mod func_lit;
mod ident;
mod index;
mod operators;
mod selector;
mod untyped;

use super::{Checker, R};
use crate::syntax::ast::*;
use crate::types::constant::ConstVal;
use crate::types::ty::{builtin, Ty};
use crate::types::{Builtin, Package};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    /// A call of a function without results.
    NoValue,
    Value,
    /// An addressable location.
    Var,
    /// `m[k]`: assignable, not addressable; a comma-ok form.
    MapIndex,
    Const,
    TypeExpr,
    Builtin(Builtin),
    Package(Package),
}

#[derive(Clone, Debug)]
pub(crate) struct Operand {
    pub mode: Mode,
    pub ty: Ty,
    pub val: Option<ConstVal>,
}

impl Operand {
    pub fn value(ty: Ty) -> Operand {
        Operand {
            mode: Mode::Value,
            ty,
            val: None,
        }
    }
    pub fn constant(ty: Ty, v: ConstVal) -> Operand {
        Operand {
            mode: Mode::Const,
            ty,
            val: Some(v),
        }
    }
}

impl Checker<'_> {
    /// Checks an expression and records its type (and constant value).
    pub(crate) fn expr(&mut self, e: &Expr) -> R<Operand> {
        let x = self.expr_inner(e)?;
        if !matches!(x.mode, Mode::Builtin(_) | Mode::Package(_)) {
            self.info.expr_types.insert(e.id, x.ty);
        }
        if let Some(v) = &x.val {
            self.info.consts.insert(e.id, v.clone());
        }
        Ok(x)
    }

    /// Checks an expression that must produce exactly one value.
    pub(crate) fn value_expr(&mut self, e: &Expr) -> R<Operand> {
        let x = self.expr(e)?;
        self.single_value(&x, e)?;
        Ok(x)
    }

    pub(crate) fn single_value(&self, x: &Operand, e: &Expr) -> R<()> {
        match x.mode {
            Mode::NoValue => self.err(
                e.pos,
                format!("{} (no value) used as value", self.expr_string(e)),
            ),
            Mode::TypeExpr => self.err(
                e.pos,
                format!("{} (type) is not an expression", self.expr_string(e)),
            ),
            Mode::Builtin(_) => self.err(
                e.pos,
                format!("{} (built-in) must be called", self.expr_string(e)),
            ),
            Mode::Package(_) => self.err(
                e.pos,
                format!("use of package {} without selector", self.expr_string(e)),
            ),
            _ => {
                if let Some(ts) = self.info.types.tuple_elems(x.ty) {
                    return self.err(
                        e.pos,
                        format!(
                            "multiple-value {} (value of type ({})) in single-value context",
                            self.expr_string(e),
                            ts.iter()
                                .map(|t| self.info.types.name_unqualified(*t))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
                Ok(())
            }
        }
    }

    fn expr_inner(&mut self, e: &Expr) -> R<Operand> {
        match &e.kind {
            ExprKind::Ident(name) => self.ident(e, name, true),
            ExprKind::IntLit(text) => match ConstVal::parse_int(text) {
                Some(v) => Ok(Operand::constant(builtin::UNTYPED_INT, v)),
                None => self.err(e.pos, format!("invalid integer literal {text}")),
            },
            ExprKind::ImagLit(text) => match ConstVal::parse_float(text.trim_end_matches('i')) {
                Some(v) => Ok(Operand::constant(
                    builtin::UNTYPED_COMPLEX,
                    ConstVal::Complex(Default::default(), v.as_rat().unwrap_or_default()),
                )),
                None => self.err(e.pos, format!("invalid imaginary literal {text}")),
            },
            ExprKind::FloatLit(text) => match ConstVal::parse_float(text) {
                Some(v) => Ok(Operand::constant(builtin::UNTYPED_FLOAT, v)),
                None => self.err(e.pos, format!("invalid floating-point literal {text}")),
            },
            ExprKind::RuneLit(r) => Ok(Operand::constant(
                builtin::UNTYPED_RUNE,
                ConstVal::int(*r as i64),
            )),
            ExprKind::StrLit(s) => Ok(Operand::constant(
                builtin::UNTYPED_STRING,
                ConstVal::Str(s.clone()),
            )),
            ExprKind::Paren(x) => {
                let mut o = self.expr(x)?;
                if o.mode == Mode::Var {
                    o.mode = Mode::Var;
                }
                Ok(o)
            }
            ExprKind::FuncLit { ty, body } => self.func_lit(e, ty, body),
            ExprKind::CompositeLit { .. } => self.composite_lit(e, None),
            ExprKind::Selector(x, sel) => self.selector(e, x, sel),
            ExprKind::Index(..) | ExprKind::Instance(..) if self.names_generic_method(e) => {
                self.generic_method_value(e)
            }
            ExprKind::Index(x, i) => match self.generic_value(e)? {
                Some(o) => Ok(o),
                None if self.names_generic_type(x) => self.generic_type_operand(e),
                None => self.index(e, x, i),
            },
            ExprKind::Instance(..) => match self.generic_value(e)? {
                Some(o) => Ok(o),
                None => self.generic_type_operand(e),
            },
            ExprKind::Tilde(_) => self.err(
                e.pos,
                "cannot use ~ outside of interface or type constraint",
            ),
            ExprKind::Slice { x, lo, hi, max } => {
                self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref())
            }
            ExprKind::TypeAssert(x, t) => {
                let Some(t) = t else {
                    return self.err(
                        e.pos,
                        "invalid syntax tree: use of .(type) outside type switch",
                    );
                };
                let xo = self.value_expr(x)?;
                if !self.info.types.is_interface(xo.ty) {
                    return self.err(
                        x.pos,
                        format!(
                            "invalid operation: {} is not an interface",
                            self.describe(&xo, x)
                        ),
                    );
                }
                let tt = self.resolve_type(t)?;
                self.check_assertable(xo.ty, tt, e, x, t)?;
                Ok(Operand::value(tt))
            }
            ExprKind::Call { .. } => self.call(e),
            ExprKind::Star(x) => {
                let xo = self.expr(x)?;
                if xo.mode == Mode::TypeExpr {
                    let t = self.info.types.pointer(xo.ty);
                    return Ok(Operand {
                        mode: Mode::TypeExpr,
                        ty: t,
                        val: None,
                    });
                }
                self.single_value(&xo, x)?;
                if xo.ty == builtin::UNTYPED_NIL {
                    return self.err(e.pos, "invalid operation: cannot indirect nil");
                }
                match self.info.types.pointee(xo.ty) {
                    Some(t) => Ok(Operand {
                        mode: Mode::Var,
                        ty: t,
                        val: None,
                    }),
                    None => self.err(
                        e.pos,
                        format!(
                            "invalid operation: cannot indirect {}",
                            self.describe(&xo, x)
                        ),
                    ),
                }
            }
            ExprKind::Unary(op, x) => self.unary(e, *op, x),
            ExprKind::Binary { op, op_pos, x, y } => self.binary(e, *op, *op_pos, x, y),
            ExprKind::ArrayType { .. }
            | ExprKind::MapType(..)
            | ExprKind::ChanType(..)
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_) => {
                let t = self.resolve_type(e)?;
                Ok(Operand {
                    mode: Mode::TypeExpr,
                    ty: t,
                    val: None,
                })
            }
        }
    }
}

pub(crate) fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}
