//! Index and slice expressions on arrays, pointers to arrays, slices and
//! strings, with constant index checks.

use super::{Mode, Operand};
use crate::syntax::ast::*;
use crate::types::check::{Checker, R};
use crate::types::constant::ConstVal;
use crate::types::ty::{builtin, Basic, TypeKind};

impl Checker<'_> {
    pub(crate) fn index(&mut self, _e: &Expr, x: &Expr, i: &Expr) -> R<Operand> {
        let xo = self.value_expr(x)?;
        if let TypeKind::Map(kt, vt) = self.info.types.under(xo.ty).clone() {
            let mut k = self.value_expr(i)?;
            self.assign_to(&mut k, kt, i, "map index")?;
            return Ok(Operand {
                mode: Mode::MapIndex,
                ty: vt,
                val: None,
            });
        }
        let (elem, mode, len) = match self.info.types.under(xo.ty).clone() {
            TypeKind::Basic(b) if b.is_string() => {
                let len = match &xo.val {
                    Some(ConstVal::Str(s)) => Some(s.len() as i64),
                    _ => None,
                };
                if self.info.types.is_untyped(xo.ty) {
                    let mut x2 = xo.clone();
                    self.convert_untyped(&mut x2, builtin::STRING, x)?;
                }
                (builtin::UINT8, Mode::Value, len)
            }
            TypeKind::Slice(el) => (el, Mode::Var, None),
            TypeKind::Array(el, n) => (
                el,
                if xo.mode == Mode::Var {
                    Mode::Var
                } else {
                    Mode::Value
                },
                Some(n),
            ),
            TypeKind::Pointer(p) => match self.info.types.under(p).clone() {
                TypeKind::Array(el, n) => (el, Mode::Var, Some(n)),
                _ => {
                    return self.err(
                        x.pos,
                        format!("invalid operation: cannot index {}", self.describe(&xo, x)),
                    )
                }
            },
            _ => {
                return self.err(
                    x.pos,
                    format!("invalid operation: cannot index {}", self.describe(&xo, x)),
                )
            }
        };
        self.index_value(i, len)?;
        Ok(Operand {
            mode,
            ty: elem,
            val: None,
        })
    }

    /// An index: an integer, non-negative and in range when constant.
    pub(super) fn index_value(&mut self, i: &Expr, len: Option<i64>) -> R<Option<i64>> {
        let mut io = self.value_expr(i)?;
        if !self
            .info
            .types
            .basic(io.ty)
            .map(|b| {
                b.is_integer()
                    || (b == Basic::UntypedFloat
                        && io.val.as_ref().and_then(|v| v.as_bigint()).is_some())
            })
            .unwrap_or(false)
        {
            return self.err(
                i.pos,
                format!(
                    "invalid argument: index {} must be integer",
                    self.describe(&io, i)
                ),
            );
        }
        if self.info.types.is_untyped(io.ty) {
            self.convert_untyped(&mut io, builtin::INT, i)?;
        }
        if let Some(v) = io.val.as_ref().and_then(|v| v.as_i64()) {
            if v < 0 {
                return self.err(
                    i.pos,
                    format!(
                        "invalid argument: index {} (constant of type int) must not be negative",
                        self.expr_string(i)
                    ),
                );
            }
            if let Some(n) = len {
                if v >= n {
                    return self.err(
                        i.pos,
                        format!("invalid argument: index {} out of bounds [0:{}]", v, n),
                    );
                }
            }
            return Ok(Some(v));
        }
        Ok(None)
    }

    pub(super) fn slice_expr(
        &mut self,
        e: &Expr,
        x: &Expr,
        lo: Option<&Expr>,
        hi: Option<&Expr>,
        max: Option<&Expr>,
    ) -> R<Operand> {
        let xo = self.value_expr(x)?;
        let (result, len) = match self.info.types.under(xo.ty).clone() {
            TypeKind::Basic(b) if b.is_string() => {
                if max.is_some() {
                    return self.err(e.pos, "invalid operation: 3-index slice of string");
                }
                let len = match &xo.val {
                    Some(ConstVal::Str(s)) => Some(s.len() as i64),
                    _ => None,
                };
                if self.info.types.is_untyped(xo.ty) {
                    let mut x2 = xo.clone();
                    self.convert_untyped(&mut x2, builtin::STRING, x)?;
                    (builtin::STRING, len)
                } else {
                    (xo.ty, len)
                }
            }
            TypeKind::Slice(_) => (xo.ty, None),
            TypeKind::Array(el, n) => {
                if xo.mode != Mode::Var {
                    return self.err(
                        x.pos,
                        format!(
                            "invalid operation: {} (slice of unaddressable value)",
                            self.expr_string(e)
                        ),
                    );
                }
                self.mark_addr_taken(x);
                (self.info.types.slice(el), Some(n + 1))
            }
            TypeKind::Pointer(p) => match self.info.types.under(p).clone() {
                TypeKind::Array(el, n) => (self.info.types.slice(el), Some(n + 1)),
                _ => return self.err(x.pos, format!("cannot slice {}", self.describe(&xo, x))),
            },
            _ => return self.err(x.pos, format!("cannot slice {}", self.describe(&xo, x))),
        };
        let mut consts = Vec::new();
        for part in [lo, hi, max].into_iter().flatten() {
            if let Some(v) = self.index_value(part, len)? {
                consts.push((v, part.pos));
            }
        }
        for w in consts.windows(2) {
            if w[1].0 < w[0].0 {
                return self.err(
                    w[1].1,
                    format!("invalid slice indices: {} < {}", w[1].0, w[0].0),
                );
            }
        }
        Ok(Operand::value(result))
    }
}
