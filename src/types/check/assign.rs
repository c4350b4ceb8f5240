//! Assignability and conversions (the spec's "Assignability" and "Conversions").

use super::expr::Operand;
use super::{Checker, R};
use crate::syntax::ast::*;
use crate::types::ty::{builtin, Basic, Ty, TypeKind};

impl Checker<'_> {
    /// Whether a value of type `from` may be assigned to type `to` (untyped constants aside).
    pub(crate) fn assignable(&self, from: Ty, to: Ty) -> bool {
        let t = &self.info.types;
        if from == to {
            return true;
        }
        if from == builtin::UNTYPED_NIL {
            return matches!(
                t.under(to),
                TypeKind::Pointer(_)
                    | TypeKind::Slice(_)
                    | TypeKind::Func(_)
                    | TypeKind::Map(..)
                    | TypeKind::Chan(..)
                    | TypeKind::Interface(_)
            );
        }
        if t.is_untyped(from) {
            // Untyped constants are checked by representability elsewhere; here the kinds must agree.
            let Some(fb) = t.basic(from) else {
                return false;
            };
            if t.is_interface(to) {
                return t.iface_methods(to).is_empty();
            }
            return match t.basic(to) {
                Some(tb) => match fb {
                    Basic::UntypedBool => tb.is_boolean(),
                    Basic::UntypedString => tb.is_string(),
                    Basic::UntypedInt
                    | Basic::UntypedRune
                    | Basic::UntypedFloat
                    | Basic::UntypedComplex => tb.is_numeric(),
                    _ => false,
                },
                None => false,
            };
        }
        if t.underlying(from) == t.underlying(to) && (!t.is_named(from) || !t.is_named(to)) {
            return true;
        }
        if t.is_interface(to) {
            return self.missing_method(from, to).is_none();
        }
        // A bidirectional channel goes to a directional one of its element
        // type (one of the two unnamed).
        if let (TypeKind::Chan(ChanDir::Both, fe), TypeKind::Chan(_, te)) =
            (t.under(from), t.under(to))
        {
            return fe == te && (!t.is_named(from) || !t.is_named(to));
        }
        false
    }

    /// Checks that `x` (the value of `e`) can be assigned to `to` in context `ctx`
    /// (`assignment`, `argument to f`, `return statement`...), typing untyped values.
    pub(crate) fn assign_to(&mut self, x: &mut Operand, to: Ty, e: &Expr, ctx: &str) -> R<()> {
        if to == builtin::INVALID || x.ty == builtin::INVALID {
            // (An earlier error made one of them: nothing more to say.)
            return Ok(());
        }
        if self.info.types.is_untyped(x.ty) {
            let before = x.clone();
            return self.convert_untyped(x, to, e).map_err(|mut err| {
                if !err.msg.contains(" value in ") || err.msg.ends_with(" value in assignment") {
                    if before.ty == builtin::UNTYPED_NIL {
                        err.msg = format!(
                            "cannot use nil as {} value in {ctx}",
                            self.info.types.name_unqualified(to)
                        );
                    } else if let Some(rest) = err.msg.strip_suffix(" value in assignment") {
                        err.msg = format!("{rest} value in {ctx}");
                    }
                } else {
                    err.msg = err
                        .msg
                        .replace(" value in assignment (", &format!(" value in {ctx} ("));
                }
                err
            });
        }
        if self.assignable(x.ty, to) {
            return Ok(());
        }
        let desc = self.describe(x, e);
        let tn = self.info.types.name_unqualified(to);
        if self.info.types.is_interface(to) {
            if let Some(m) = self.missing_method(x.ty, to) {
                return self.err(
                    e.pos,
                    format!(
                        "cannot use {desc} as {tn} value in {ctx}: {} does not implement {tn} ({})",
                        self.info.types.name_unqualified(x.ty),
                        self.missing_reason(&m)
                    ),
                );
            }
        }
        self.err(e.pos, format!("cannot use {desc} as {tn} value in {ctx}"))
    }

    /// For constant declarations with a type: the value must be assignable to it.
    pub(crate) fn convert_untyped_or_assign(
        &mut self,
        x: &mut Operand,
        to: Ty,
        e: &Expr,
        ctx: &str,
    ) -> R<()> {
        self.assign_to(x, to, e, ctx)
    }

    /// Whether `T(x)` is a valid conversion; constants are folded by the caller.
    pub(crate) fn convertible(&self, x: &Operand, to: Ty) -> bool {
        let t = &self.info.types;
        if self.assignable(x.ty, to) {
            return true;
        }
        let (fu, tu) = (t.underlying(x.ty), t.underlying(to));
        if fu == tu {
            return true;
        }
        if let (TypeKind::Pointer(a), TypeKind::Pointer(b)) = (t.kind(x.ty), t.kind(to)) {
            if t.underlying(*a) == t.underlying(*b) {
                return true;
            }
        }
        let (fb, tb) = (t.basic(x.ty), t.basic(to));
        if let (Some(f), Some(tb)) = (fb, tb) {
            // (Complex only to complex: `complex(x, 0)` makes one of a float.)
            if f.is_numeric() && tb.is_numeric() && f.is_complex() == tb.is_complex() {
                return true;
            }
            if f.is_integer() && tb.is_string() {
                return true;
            }
            if f.is_string() && tb.is_string() {
                return true;
            }
        }
        // string <-> []byte, []rune
        let is_bytes_or_runes = |ty: Ty| match t.under(ty) {
            TypeKind::Slice(e) => matches!(t.basic(*e), Some(Basic::Uint8) | Some(Basic::Int32)),
            _ => false,
        };
        if fb.map(|b| b.is_string()).unwrap_or(false) && is_bytes_or_runes(to) {
            return true;
        }
        if tb.map(|b| b.is_string()).unwrap_or(false) && is_bytes_or_runes(x.ty) {
            return true;
        }
        false
    }
}
