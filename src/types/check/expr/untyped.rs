//! Untyped constants: their default types, their conversion to a target
//! type (recorded back into the expressions they came from), and whether a
//! constant fits its type.

use super::Operand;
use crate::syntax::ast::*;
use crate::types::check::{Checker, R};
use crate::types::constant::{ConstVal, Repr};
use crate::types::ty::{builtin, Basic, Ty, TypeKind};

impl Checker<'_> {
    /// The type an untyped value takes when nothing else decides.
    pub(crate) fn default_type(&self, t: Ty) -> Ty {
        match self.info.types.kind(t) {
            TypeKind::Basic(Basic::UntypedBool) => builtin::BOOL,
            TypeKind::Basic(Basic::UntypedInt) => builtin::INT,
            TypeKind::Basic(Basic::UntypedRune) => builtin::INT32,
            TypeKind::Basic(Basic::UntypedFloat) => builtin::FLOAT64,
            TypeKind::Basic(Basic::UntypedComplex) => builtin::COMPLEX128,
            TypeKind::Basic(Basic::UntypedString) => builtin::STRING,
            _ => t,
        }
    }

    /// Gives an untyped operand the type `target` (or its default type when
    /// `target` is an interface), checking that constants are representable.
    pub(crate) fn convert_untyped(&mut self, x: &mut Operand, target: Ty, e: &Expr) -> R<()> {
        if !self.info.types.is_untyped(x.ty) || target == builtin::INVALID {
            return Ok(());
        }
        let tu = self.info.types.underlying(target);
        let xb = self.info.types.basic(x.ty).expect("untyped is basic");
        let final_ty = if self.info.types.is_untyped(target) {
            // Both untyped: the "larger" kind wins (int < rune < float).
            let tb = self.info.types.basic(target).expect("basic");
            let rank = |b: Basic| match b {
                Basic::UntypedInt => 1,
                Basic::UntypedRune => 2,
                Basic::UntypedFloat => 3,
                Basic::UntypedComplex => 4,
                _ => 0,
            };
            if rank(xb) > 0 && rank(tb) > 0 {
                if rank(tb) > rank(xb) {
                    target
                } else {
                    x.ty
                }
            } else if xb == tb {
                target
            } else {
                return self.mismatch_untyped(x, target, e);
            }
        } else if let TypeKind::Interface(ms) = self.info.types.kind(tu) {
            if xb == Basic::UntypedNil {
                target
            } else {
                if !ms.is_empty() {
                    // An untyped constant's default type never has methods.
                    let d = self.default_type(x.ty);
                    return self.err(
                        e.pos,
                        format!(
                            "cannot use {} as {} value: {} does not implement {}",
                            self.describe(x, e),
                            self.info.types.name_unqualified(target),
                            self.info.types.name_unqualified(d),
                            self.info.types.name_unqualified(target)
                        ),
                    );
                }
                self.default_type(x.ty)
            }
        } else {
            let ok = match self.info.types.kind(tu) {
                TypeKind::Basic(tb) => match xb {
                    Basic::UntypedBool => tb.is_boolean(),
                    Basic::UntypedInt
                    | Basic::UntypedRune
                    | Basic::UntypedFloat
                    | Basic::UntypedComplex => tb.is_numeric(),
                    Basic::UntypedString => tb.is_string(),
                    _ => false,
                },
                TypeKind::Pointer(_)
                | TypeKind::Slice(_)
                | TypeKind::Func(_)
                | TypeKind::Map(..)
                | TypeKind::Chan(..) => xb == Basic::UntypedNil,
                _ => false,
            };
            if !ok {
                return self.mismatch_untyped(x, target, e);
            }
            target
        };
        if let Some(v) = &x.val {
            let b = self
                .info
                .types
                .basic(final_ty)
                .expect("constant types are basic");
            match v.represent(b) {
                Ok(nv) => x.val = Some(nv),
                Err(Repr::Truncated) => {
                    return self.err(
                        e.pos,
                        format!(
                            "cannot use {} as {} value in {} (truncated)",
                            self.describe(x, e),
                            self.info.types.name_unqualified(final_ty),
                            "assignment"
                        ),
                    );
                }
                Err(Repr::Overflow) => {
                    return self.err(
                        e.pos,
                        format!(
                            "cannot use {} as {} value in {} (overflows)",
                            self.describe(x, e),
                            self.info.types.name_unqualified(final_ty),
                            "assignment"
                        ),
                    );
                }
                Err(Repr::Mismatch) => return self.mismatch_untyped(x, target, e),
            }
        }
        x.ty = final_ty;
        self.update_expr_type(e, final_ty, x.val.clone());
        Ok(())
    }

    pub(super) fn mismatch_untyped<T>(&self, x: &Operand, target: Ty, e: &Expr) -> R<T> {
        if x.ty == builtin::UNTYPED_NIL {
            return self.err(
                e.pos,
                format!(
                    "cannot use nil as {} value in assignment",
                    self.info.types.name_unqualified(target)
                ),
            );
        }
        self.err(
            e.pos,
            format!(
                "cannot use {} as {} value in assignment",
                self.describe(x, e),
                self.info.types.name_unqualified(target)
            ),
        )
    }

    /// Records the final type of an untyped expression tree.
    pub(super) fn update_expr_type(&mut self, e: &Expr, t: Ty, val: Option<ConstVal>) {
        let Some(&old) = self.info.expr_types.get(&e.id) else {
            return;
        };
        if !self.info.types.is_untyped(old) {
            return;
        }
        self.info.expr_types.insert(e.id, t);
        if let Some(v) = val {
            // A constant: lowering materializes it whole.
            self.info.consts.insert(e.id, v);
            return;
        }
        match &e.kind {
            ExprKind::Paren(x) => self.update_expr_type(x, t, None),
            ExprKind::Unary(_, x) => self.update_expr_type(x, t, None),
            ExprKind::Binary { op, x, y, .. } => {
                if op.is_comparison() {
                    return;
                }
                self.update_expr_type(x, t, None);
                if !op.is_shift() {
                    self.update_expr_type(y, t, None);
                }
            }
            _ => {}
        }
    }

    /// A typed constant must fit its type: its value as the type holds it
    /// (a float rounded to the type's precision, as Go rounds every typed
    /// constant operation's result).
    pub(crate) fn check_const_fits(&self, v: &ConstVal, t: Ty, e: &Expr) -> R<ConstVal> {
        if self.info.types.is_untyped(t) {
            return Ok(v.clone());
        }
        if let Some(b) = self.info.types.basic(t) {
            match v.represent(b) {
                Ok(r) => return Ok(r),
                Err(r) => {
                    let what = if r == Repr::Truncated {
                        "truncated"
                    } else {
                        "overflows"
                    };
                    return self.err(
                        e.pos,
                        format!(
                            "constant {} {} {}",
                            v,
                            what,
                            self.info.types.name_unqualified(t)
                        ),
                    );
                }
            }
        }
        Ok(v.clone())
    }
}
