//! Type assertions, with and without the comma-ok result.

use crate::bytecode::lower::{FnCtx, R};
use crate::bytecode::op::{Op, Slot};
use crate::syntax::ast::*;

impl FnCtx<'_, '_> {
    /// `x.(T)` into `d`; `ok` receives the comma-ok result (or `NONE` to panic on failure).
    pub(crate) fn assert_to(&mut self, e: &Expr, x: &Expr, d: Slot, ok: Slot) -> R<()> {
        let t = self.ty(e);
        let xt = self.ty(x);
        let s = self.expr(x)?;
        let src_empty = self.l.types().iface_methods(xt).is_empty();
        let src = self.l.desc(xt) as *const _ as u64;
        if self.l.types().is_interface(t) {
            let target = self.l.desc(t) as *const _ as u64;
            self.emit(Op::AssertIface {
                d,
                s,
                target,
                src_empty,
                src,
                ok,
            });
        } else {
            let ty = self.l.desc(t) as *const _ as u64;
            let n = self.words(t);
            let direct = self.l.is_direct(t);
            self.emit(Op::AssertType {
                d,
                s,
                ty,
                n,
                direct,
                src_empty,
                src,
                ok,
            });
        }
        Ok(())
    }
}
