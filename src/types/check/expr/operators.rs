//! Unary and binary operators: arithmetic, logic, comparisons and shifts,
//! with constant folding.

use super::{strip_parens, Mode, Operand};
use crate::syntax::ast::*;
use crate::types::check::{Checker, R};
use crate::types::constant::{self, ConstVal};
use crate::types::ty::{builtin, Basic, TypeKind};

impl Checker<'_> {
    pub(super) fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr) -> R<Operand> {
        if op == UnOp::Addr {
            // `&T{...}` is allowed although a literal is not addressable.
            let inner = strip_parens(x);
            if let ExprKind::CompositeLit { .. } = &inner.kind {
                let xo = self.expr(x)?;
                let t = self.info.types.pointer(xo.ty);
                return Ok(Operand::value(t));
            }
            let xo = self.expr(x)?;
            self.single_value(&xo, x)?;
            if xo.mode != Mode::Var {
                // (At the operand, as Go reports it.)
                return self.err(
                    x.pos,
                    format!(
                        "invalid operation: cannot take address of {}",
                        self.describe(&xo, x)
                    ),
                );
            }
            self.mark_addr_taken(x);
            let t = self.info.types.pointer(xo.ty);
            return Ok(Operand::value(t));
        }
        if op == UnOp::Recv {
            return self.recv(e, x);
        }
        let xo = self.value_expr(x)?;
        let b = self.info.types.basic(xo.ty);
        let ok = match (op, b) {
            (UnOp::Pos | UnOp::Neg, Some(b)) => b.is_numeric(),
            (UnOp::Not, Some(b)) => b.is_boolean(),
            (UnOp::BitNot, Some(b)) => b.is_integer(),
            _ => false,
        };
        if !ok {
            return self.err(
                e.pos,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.describe(&xo, x)
                ),
            );
        }
        let Some(v) = xo.val.clone() else {
            return Ok(Operand::value(xo.ty));
        };
        let b = b.expect("checked");
        let r = match (op, &v) {
            (UnOp::Pos, _) => v,
            (UnOp::Neg, ConstVal::Int(i)) => ConstVal::Int(-i.clone()),
            (UnOp::Neg, ConstVal::Float(f)) => ConstVal::Float(-f.clone()),
            (UnOp::Neg, ConstVal::Complex(r, i)) => ConstVal::Complex(-r.clone(), -i.clone()),
            (UnOp::Not, ConstVal::Bool(x)) => ConstVal::Bool(!x),
            (UnOp::BitNot, ConstVal::Int(i)) => {
                if b.is_unsigned() {
                    let mask = (num_bigint::BigInt::from(1) << b.int_bits()) - 1;
                    ConstVal::Int(i ^ mask)
                } else {
                    ConstVal::Int(!i.clone())
                }
            }
            _ => {
                return self.err(
                    e.pos,
                    format!(
                        "invalid operation: operator {} not defined on {}",
                        op.as_str(),
                        self.describe(&xo, x)
                    ),
                )
            }
        };
        let r = self.check_const_fits(&r, xo.ty, e)?;
        Ok(Operand::constant(xo.ty, r))
    }

    pub(super) fn binary(
        &mut self,
        e: &Expr,
        op: BinOp,
        op_pos: Pos,
        x: &Expr,
        y: &Expr,
    ) -> R<Operand> {
        if op.is_shift() {
            return self.shift(e, op, x, y);
        }
        let mut xo = self.value_expr(x)?;
        let mut yo = self.value_expr(y)?;
        let nil_operand = xo.ty == builtin::UNTYPED_NIL || yo.ty == builtin::UNTYPED_NIL;
        // Untyped operands take the other side's type.
        let (xu, yu) = (
            self.info.types.is_untyped(xo.ty),
            self.info.types.is_untyped(yo.ty),
        );
        if xu && !yu {
            let t = yo.ty;
            if self.convert_untyped(&mut xo, t, x).is_err() {
                return self.mismatch(e, &xo, &yo);
            }
        } else if yu && !xu {
            let t = xo.ty;
            if self.convert_untyped(&mut yo, t, y).is_err() {
                return self.mismatch(e, &xo, &yo);
            }
        } else if xu && yu {
            let nil_x = xo.ty == builtin::UNTYPED_NIL;
            let nil_y = yo.ty == builtin::UNTYPED_NIL;
            if nil_x || nil_y {
                if nil_x && nil_y && op.is_comparison() {
                    return self.err(
                        e.pos,
                        format!(
                            "invalid operation: {} (operator {} not defined on nil)",
                            self.expr_string(e),
                            op.as_str()
                        ),
                    );
                }
                return self.mismatch(e, &xo, &yo);
            }
            let (xt, yt) = (xo.ty, yo.ty);
            if self.convert_untyped(&mut xo, yt, x).is_err()
                || self.convert_untyped(&mut yo, xt, y).is_err()
            {
                return self.mismatch(e, &xo, &yo);
            }
            let _ = op_pos;
        }
        if op.is_comparison() {
            return self.comparison(e, op, x, y, xo, yo, nil_operand);
        }
        if xo.ty != yo.ty {
            return self.mismatch(e, &xo, &yo);
        }
        let b = self.info.types.basic(xo.ty);
        let ok = match (op, b) {
            (BinOp::Add, Some(b)) => b.is_numeric() || b.is_string(),
            (BinOp::Sub | BinOp::Mul | BinOp::Quo, Some(b)) => b.is_numeric(),
            (BinOp::Rem | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot, Some(b)) => {
                b.is_integer()
            }
            (BinOp::LAnd | BinOp::LOr, Some(b)) => b.is_boolean(),
            _ => false,
        };
        if !ok {
            return self.err(
                x.pos,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.describe(&xo, x)
                ),
            );
        }
        let b = b.expect("checked");
        if matches!(op, BinOp::Quo | BinOp::Rem) {
            if let Some(v) = &yo.val {
                let zero = match v {
                    ConstVal::Int(i) => num_traits::Zero::is_zero(i),
                    ConstVal::Float(f) => num_traits::Zero::is_zero(f) && b.is_integer(),
                    _ => false,
                };
                if zero {
                    return self.err(y.pos, "invalid operation: division by zero");
                }
            }
        }
        if let (Some(a), Some(c)) = (&xo.val, &yo.val) {
            let int_div = b.is_integer();
            let Some(r) = constant::binary(op, a, c, int_div) else {
                return self.err(e.pos, format!("invalid operation: {}", self.expr_string(e)));
            };
            let r = self.check_const_fits(&r, xo.ty, e)?;
            return Ok(Operand::constant(xo.ty, r));
        }
        Ok(Operand::value(xo.ty))
    }

    pub(super) fn mismatch<T>(&self, e: &Expr, xo: &Operand, yo: &Operand) -> R<T> {
        self.err(
            e.pos,
            format!(
                "invalid operation: {} (mismatched types {} and {})",
                self.expr_string(e),
                self.info.types.name_unqualified(xo.ty),
                self.info.types.name_unqualified(yo.ty)
            ),
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn comparison(
        &mut self,
        e: &Expr,
        op: BinOp,
        x: &Expr,
        y: &Expr,
        xo: Operand,
        yo: Operand,
        nil_operand: bool,
    ) -> R<Operand> {
        let t = &self.info.types;
        let assignable = self.assignable(xo.ty, yo.ty) || self.assignable(yo.ty, xo.ty);
        if !assignable {
            return self.mismatch(e, &xo, &yo);
        }
        let eq = matches!(op, BinOp::Eql | BinOp::Neq);
        if eq {
            let xnil = xo.ty == builtin::UNTYPED_NIL || nil_operand;
            let ynil = yo.ty == builtin::UNTYPED_NIL;
            let bad = |c: &Self, o: &Operand| {
                !c.info.types.comparable(o.ty) && o.ty != builtin::UNTYPED_NIL
            };
            if !(xnil || ynil) {
                for (o, ex) in [(&xo, x), (&yo, y)] {
                    if bad(self, o) {
                        let what = match t.under(o.ty) {
                            TypeKind::Slice(_) => "slice can only be compared to nil",
                            TypeKind::Func(_) => "func can only be compared to nil",
                            TypeKind::Map(..) => "map can only be compared to nil",
                            _ => "",
                        };
                        if !what.is_empty() {
                            return self.err(
                                ex.pos,
                                format!("invalid operation: {} ({})", self.expr_string(e), what),
                            );
                        }
                        return self.err(
                            ex.pos,
                            format!(
                                "invalid operation: {} ({} cannot be compared)",
                                self.expr_string(e),
                                self.info.types.name_unqualified(o.ty)
                            ),
                        );
                    }
                }
            }
        } else {
            let ordered = |c: &Self, o: &Operand| {
                c.info
                    .types
                    .basic(o.ty)
                    .map(|b| (b.is_numeric() && !b.is_complex()) || b.is_string())
                    .unwrap_or(false)
            };
            if !ordered(self, &xo) {
                return self.err(
                    x.pos,
                    format!(
                        "invalid operation: {} (operator {} not defined on {})",
                        self.expr_string(e),
                        op.as_str(),
                        self.describe_kind(&xo)
                    ),
                );
            }
        }
        if let (Some(a), Some(b)) = (&xo.val, &yo.val) {
            if let Some(r) = constant::binary(op, a, b, true) {
                return Ok(Operand::constant(builtin::UNTYPED_BOOL, r));
            }
        }
        Ok(Operand::value(builtin::UNTYPED_BOOL))
    }

    pub(super) fn shift(&mut self, e: &Expr, op: BinOp, x: &Expr, y: &Expr) -> R<Operand> {
        let mut xo = self.value_expr(x)?;
        let mut yo = self.value_expr(y)?;
        // The count: an integer, or an untyped constant representable as uint.
        if let Some(v) = &yo.val {
            match v.as_bigint() {
                Some(i) if i.sign() == num_bigint::Sign::Minus => {
                    return self.err(
                        y.pos,
                        format!("invalid shift count {} (negative)", self.expr_string(y)),
                    );
                }
                Some(_) => {}
                None => {
                    return self.err(
                        y.pos,
                        format!("invalid shift count {}", self.describe(&yo, y)),
                    )
                }
            }
            if self.info.types.is_untyped(yo.ty) {
                self.convert_untyped(&mut yo, builtin::UINT, y)?;
            }
        } else if !self
            .info
            .types
            .basic(yo.ty)
            .map(|b| b.is_integer())
            .unwrap_or(false)
        {
            return self.err(
                y.pos,
                format!(
                    "invalid operation: shift count {} must be integer",
                    self.describe(&yo, y)
                ),
            );
        }
        let xb = self.info.types.basic(xo.ty);
        if let Some(v) = xo.val.clone() {
            // An untyped float constant shifted must be an integer value.
            if self.info.types.is_untyped(xo.ty) {
                if v.as_bigint().is_none() {
                    return self.err(
                        x.pos,
                        format!(
                            "invalid operation: shifted operand {} must be integer",
                            self.describe(&xo, x)
                        ),
                    );
                }
                if yo.val.is_some() && xb == Some(Basic::UntypedFloat) {
                    xo.ty = builtin::UNTYPED_INT;
                    xo.val = Some(ConstVal::Int(v.as_bigint().expect("checked")));
                }
            }
            if let Some(s) = &yo.val {
                let n = s
                    .as_bigint()
                    .and_then(|i| num_traits::ToPrimitive::to_u64(&i))
                    .unwrap_or(u64::MAX);
                let xi = xo
                    .val
                    .as_ref()
                    .and_then(|v| v.as_bigint())
                    .expect("integer");
                let Some(r) = constant::shift(op, &xi, n) else {
                    return self.err(
                        y.pos,
                        format!("invalid shift count {}", self.expr_string(y)),
                    );
                };
                let r = ConstVal::Int(r);
                let r = self.check_const_fits(&r, xo.ty, e)?;
                return Ok(Operand::constant(xo.ty, r));
            }
            // Non-constant shift of an untyped constant: the context will type it.
            if self.info.types.is_untyped(xo.ty) {
                return Ok(Operand::value(if xb == Some(Basic::UntypedFloat) {
                    builtin::UNTYPED_INT
                } else {
                    xo.ty
                }));
            }
        }
        if !xb.map(|b| b.is_integer()).unwrap_or(false) {
            return self.err(
                x.pos,
                format!(
                    "invalid operation: shifted operand {} must be integer",
                    self.describe(&xo, x)
                ),
            );
        }
        Ok(Operand::value(xo.ty))
    }
}
