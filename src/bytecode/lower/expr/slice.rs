//! Slice expressions on arrays, pointers to arrays, slices and strings.

use super::NONE;
use crate::bytecode::lower::{FnCtx, R};
use crate::bytecode::op::{Op, Slot};
use crate::syntax::ast::*;
use crate::types::ty::TypeKind;

impl FnCtx<'_, '_> {
    pub(super) fn slice_expr(
        &mut self,
        d: Slot,
        x: &Expr,
        lo: Option<&Expr>,
        hi: Option<&Expr>,
        max: Option<&Expr>,
    ) -> R<()> {
        let xt = self.ty(x);
        let opt = |c: &mut Self, e: Option<&Expr>| -> R<Slot> {
            match e {
                Some(e) => c.expr(e),
                None => Ok(NONE),
            }
        };
        match self.l.types().under(xt).clone() {
            TypeKind::Basic(_) => {
                let s = self.expr(x)?;
                let l = opt(self, lo)?;
                let h = opt(self, hi)?;
                self.emit(Op::StrSlice { d, s, lo: l, hi: h });
            }
            TypeKind::Slice(el) => {
                let stride = self.stride(el);
                let s = self.expr(x)?;
                let l = opt(self, lo)?;
                let h = opt(self, hi)?;
                let m = opt(self, max)?;
                self.emit(Op::SliceSlice {
                    d,
                    s,
                    lo: l,
                    hi: h,
                    max: m,
                    stride,
                });
            }
            TypeKind::Array(el, n) => {
                let stride = self.stride(el);
                let p = self.place(x)?;
                let a = self.addr(p)?;
                let l = opt(self, lo)?;
                let h = opt(self, hi)?;
                let m = opt(self, max)?;
                self.emit(Op::ArraySlice {
                    d,
                    p: a,
                    len: n as u32,
                    lo: l,
                    hi: h,
                    max: m,
                    stride,
                });
            }
            TypeKind::Pointer(pt) => {
                let TypeKind::Array(el, n) = self.l.types().under(pt).clone() else {
                    return self.unsupported(x.pos, "slice of pointer");
                };
                let stride = self.stride(el);
                let p = self.expr(x)?;
                let a = self.temp(1);
                self.emit(Op::AddrOff { d: a, p, off: 0 });
                let l = opt(self, lo)?;
                let h = opt(self, hi)?;
                let m = opt(self, max)?;
                self.emit(Op::ArraySlice {
                    d,
                    p: a,
                    len: n as u32,
                    lo: l,
                    hi: h,
                    max: m,
                    stride,
                });
            }
            _ => return self.unsupported(x.pos, "slice expression"),
        }
        Ok(())
    }
}
