//! Implicit conversions: a value assigned to an interface type is boxed
//! (`MakeIface`) or converted between interfaces (`IfaceToIface`).

use crate::bytecode::lower::{FnCtx, R};
use crate::bytecode::op::{Op, Slot};
use crate::syntax::ast::*;
use crate::types::ty::{builtin, Ty};

impl FnCtx<'_, '_> {
    /// Lowers `e` and converts it to type `to` (interfaces box; otherwise identical layout).
    pub(crate) fn expr_conv(&mut self, e: &Expr, to: Ty) -> R<Slot> {
        let from = self.ty(e);
        if !self.needs_iface_conv(from, to) {
            return self.expr(e);
        }
        let s = self.expr(e)?;
        let d = self.temp(2);
        self.iface_conv(s, from, to, d);
        Ok(d)
    }

    pub(crate) fn expr_conv_to(&mut self, e: &Expr, to: Ty, d: Slot) -> R<()> {
        let from = self.ty(e);
        if !self.needs_iface_conv(from, to) {
            return self.expr_to(e, d);
        }
        let s = self.expr(e)?;
        self.iface_conv(s, from, to, d);
        Ok(())
    }

    pub(crate) fn needs_iface_conv(&self, from: Ty, to: Ty) -> bool {
        from != to && self.l.types().is_interface(to) && from != builtin::UNTYPED_NIL
    }

    /// Converts the value at `s` of type `from` to interface type `to` at `d`.
    pub(crate) fn iface_conv(&mut self, s: Slot, from: Ty, to: Ty, d: Slot) {
        if from == builtin::UNTYPED_NIL {
            self.emit(Op::Zero { d, n: 2 });
            return;
        }
        if self.l.types().is_interface(from) {
            if from == to {
                self.mov(d, s, 2);
                return;
            }
            let target = self.l.desc(to) as *const _ as u64;
            let src_empty = self.l.types().iface_methods(from).is_empty();
            self.emit(Op::IfaceToIface {
                d,
                s,
                target,
                src_empty,
            });
            return;
        }
        let tab = self.l.type_word(to, from);
        let n = self.words(from);
        let direct = self.l.is_direct(from);
        let lay = self.l.layout_of(from);
        self.emit(Op::MakeIface {
            layout: lay,
            d,
            s,
            tab,
            n,
            direct,
        });
    }
}
