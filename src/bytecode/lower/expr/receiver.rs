//! Receivers of method calls and method values: evaluated, addressed or
//! dereferenced as the method's receiver type needs.

use crate::bytecode::lower::{FnCtx, R};
use crate::bytecode::op::{Op, Slot};
use crate::syntax::ast::*;
use crate::types::ty::Ty;

impl FnCtx<'_, '_> {
    /// The receiver of method `func` evaluated from `x`: its slot, size in words and type.
    pub(crate) fn method_receiver(
        &mut self,
        x: &Expr,
        func: usize,
        ptr_recv: bool,
        addr: bool,
        deref: bool,
    ) -> R<(Slot, u32, Ty)> {
        let recv = self.receiver(x, ptr_recv, addr, deref)?;
        let rt = self
            .info()
            .obj(self.info().funcs[func].recv.expect("method"))
            .ty;
        Ok((recv, self.words(rt), rt))
    }

    /// The receiver of a method call or method value, in fresh slots.
    pub(crate) fn receiver(
        &mut self,
        x: &Expr,
        ptr_recv: bool,
        addr: bool,
        deref: bool,
    ) -> R<Slot> {
        if ptr_recv {
            if addr {
                let p = self.place(x)?;
                return self.addr(p);
            }
            let v = self.expr(x)?;
            let d = self.temp(1);
            self.emit(Op::Move { d, s: v });
            return Ok(d);
        }
        let xt = self.ty(x);
        if deref {
            let st = self.l.types().pointee(xt).expect("pointer receiver");
            let w = self.words(st);
            let p = self.expr(x)?;
            let d = self.temp(w);
            self.emit(Op::Load { d, p, off: 0, n: w });
            return Ok(d);
        }
        let w = self.words(xt);
        let d = self.temp(w);
        self.expr_to(x, d)?;
        Ok(d)
    }
}
