//! Operators: unary and binary, integer truncation to sized types,
//! arithmetic on every basic type, comparisons.

use super::int_kind;
use crate::bytecode::lower::{FnCtx, R};
use crate::bytecode::op::{Cmp, Op, Slot};
use crate::syntax::ast::*;
use crate::types::ty::{builtin, Basic, Ty, TypeKind};

impl FnCtx<'_, '_> {
    pub(super) fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr, d: Slot) -> R<()> {
        let t = self.ty(e);
        match op {
            UnOp::Addr => {
                let inner = crate::syntax::walk::unparen(x);
                if let ExprKind::CompositeLit { .. } = &inner.kind {
                    let vt = self.ty(inner);
                    let w = self.words(vt);
                    let v = self.temp(w);
                    self.composite(inner, v)?;
                    self.heap_copy(vt, v, d);
                    return Ok(());
                }
                let p = self.place(x)?;
                let a = self.addr(p)?;
                self.emit(Op::Move { d, s: a });
                Ok(())
            }
            UnOp::Pos => self.expr_to(x, d),
            UnOp::Recv => {
                let (v, _) = self.recv(e, x, false)?;
                let w = self.words(t);
                self.mov(d, v, w);
                Ok(())
            }
            UnOp::Not => {
                let s = self.expr(x)?;
                self.emit(Op::Not { d, s });
                Ok(())
            }
            UnOp::Neg => {
                let s = self.expr(x)?;
                let b = self.l.types().basic(t).unwrap_or(Basic::Int);
                if b.is_complex() {
                    self.emit(Op::NegF { d, s });
                    self.emit(Op::NegF { d: d + 1, s: s + 1 });
                } else if b.is_float() {
                    self.emit(Op::NegF { d, s });
                } else {
                    self.emit(Op::NegI { d, s });
                    self.trunc(d, b);
                }
                Ok(())
            }
            UnOp::BitNot => {
                let s = self.expr(x)?;
                let b = self.l.types().basic(t).unwrap_or(Basic::Int);
                self.emit(Op::NotI { d, s });
                self.trunc(d, b);
                Ok(())
            }
        }
    }

    pub(crate) fn trunc(&mut self, d: Slot, b: Basic) {
        if let Some(k) = int_kind(b) {
            self.emit(Op::Trunc { d, s: d, k });
        }
    }

    /// `x op y` with result type `t`, into `d`.
    pub(crate) fn binary(&mut self, t: Ty, op: BinOp, x: &Expr, y: &Expr, d: Slot) -> R<()> {
        match op {
            BinOp::LAnd | BinOp::LOr => {
                self.expr_to(x, d)?;
                let j = if op == BinOp::LAnd {
                    self.emit(Op::Jz { c: d, t: 0 })
                } else {
                    self.emit(Op::Jnz { c: d, t: 0 })
                };
                self.expr_to(y, d)?;
                let h = self.b.here();
                self.b.patch(j, h);
                return Ok(());
            }
            _ => {}
        }
        if op.is_comparison() {
            let (xt, yt) = (self.ty(x), self.ty(y));
            // Mixed interface/concrete comparisons convert the concrete side.
            let ct = if self.l.types().is_interface(xt) {
                xt
            } else if self.l.types().is_interface(yt) {
                yt
            } else {
                xt
            };
            let a = self.expr_conv(x, ct)?;
            let b = self.expr_conv(y, ct)?;
            let yt2 = if self.l.types().is_interface(ct) {
                ct
            } else {
                yt
            };
            self.compare(op, a, ct, b, yt2, d);
            return Ok(());
        }
        let a = self.expr(x)?;
        let b = self.expr(y)?;
        if op.is_shift() {
            self.check_shift_count(y, b);
        }
        self.arith(t, op, a, b, d);
        Ok(())
    }

    /// Complex arithmetic on (real, imaginary) slot pairs, as Go's
    /// compiler expands it (complex64: every float operation rounded to
    /// float32; division through complex128, as Go's runtime divides).
    fn complex_arith(&mut self, f32: bool, op: BinOp, a: Slot, b: Slot, d: Slot) {
        let round = |c: &mut Self, s: Slot| {
            if f32 {
                c.emit(Op::RoundF32 { d: s, s });
            }
        };
        match op {
            BinOp::Add | BinOp::Sub => {
                for k in 0..2 {
                    let (d, a, b) = (d + k, a + k, b + k);
                    self.emit(if op == BinOp::Add {
                        Op::AddF { d, a, b }
                    } else {
                        Op::SubF { d, a, b }
                    });
                    round(self, d);
                }
            }
            BinOp::Mul => {
                // (a + bi)(c + di) = (ac - bd) + (ad + bc)i, the products first
                // (`d` may be an operand).
                let t = self.temp(4);
                for (k, (x, y)) in [(a, b), (a + 1, b + 1), (a, b + 1), (a + 1, b)]
                    .into_iter()
                    .enumerate()
                {
                    let p = t + k as u32;
                    self.emit(Op::MulF { d: p, a: x, b: y });
                    round(self, p);
                }
                self.emit(Op::SubF { d, a: t, b: t + 1 });
                round(self, d);
                self.emit(Op::AddF {
                    d: d + 1,
                    a: t + 2,
                    b: t + 3,
                });
                round(self, d + 1);
            }
            _ => {
                self.emit(Op::DivC { d, a, b });
                round(self, d);
                round(self, d + 1);
            }
        }
    }

    /// Arithmetic on values already in slots.
    pub(crate) fn arith(&mut self, t: Ty, op: BinOp, a: Slot, b: Slot, d: Slot) {
        let bt = self.l.types().basic(t).unwrap_or(Basic::Int);
        if bt.is_string() {
            self.emit(Op::StrConcat { d, a, b });
            return;
        }
        if bt.is_complex() {
            self.complex_arith(bt == Basic::Complex64, op, a, b, d);
            return;
        }
        if bt.is_float() {
            let o = match op {
                BinOp::Add => Op::AddF { d, a, b },
                BinOp::Sub => Op::SubF { d, a, b },
                BinOp::Mul => Op::MulF { d, a, b },
                _ => Op::DivF { d, a, b },
            };
            self.emit(o);
            if bt == Basic::Float32 {
                self.emit(Op::RoundF32 { d, s: d });
            }
            return;
        }
        let signed = !bt.is_unsigned();
        let o = match op {
            BinOp::Add => Op::AddI { d, a, b },
            BinOp::Sub => Op::SubI { d, a, b },
            BinOp::Mul => Op::MulI { d, a, b },
            BinOp::Quo => {
                if signed {
                    Op::DivS { d, a, b }
                } else {
                    Op::DivU { d, a, b }
                }
            }
            BinOp::Rem => {
                if signed {
                    Op::RemS { d, a, b }
                } else {
                    Op::RemU { d, a, b }
                }
            }
            BinOp::And => Op::And { d, a, b },
            BinOp::Or => Op::Or { d, a, b },
            BinOp::Xor => Op::Xor { d, a, b },
            BinOp::AndNot => Op::AndNot { d, a, b },
            BinOp::Shl | BinOp::Shr => {
                // The count's signedness is not known here: callers check it.
                if op == BinOp::Shl {
                    Op::Shl { d, a, b }
                } else if signed {
                    Op::ShrS { d, a, b }
                } else {
                    Op::ShrU { d, a, b }
                }
            }
            _ => Op::AddI { d, a, b },
        };
        self.emit(o);
        self.trunc(d, bt);
    }

    /// `a op b` for comparison operators, both of type `t` (or nil).
    pub(crate) fn compare(&mut self, op: BinOp, a: Slot, t: Ty, b: Slot, bt: Ty, d: Slot) {
        let c = match op {
            BinOp::Eql => Cmp::Eq,
            BinOp::Neq => Cmp::Ne,
            BinOp::Lss => Cmp::Lt,
            BinOp::Leq => Cmp::Le,
            BinOp::Gtr => Cmp::Gt,
            _ => Cmp::Ge,
        };
        let ne = c == Cmp::Ne;
        let types = self.l.types();
        let nil_cmp = t == builtin::UNTYPED_NIL || bt == builtin::UNTYPED_NIL;
        match types.under(t).clone() {
            _ if nil_cmp => {
                // x == nil: the first word (pointer, slice data, func, interface type word).
                let s = if t == builtin::UNTYPED_NIL { b } else { a };
                self.emit(Op::CmpImm { d, a: s, imm: 0, c });
            }
            TypeKind::Basic(bb) if bb.is_string() => {
                self.emit(Op::StrCmp { d, a, b, c });
            }
            TypeKind::Basic(bb) if bb.is_complex() => {
                // Both parts: equal when both are, different when either is.
                let t = self.temp(2);
                self.emit(Op::CmpF { d: t, a, b, c });
                self.emit(Op::CmpF {
                    d: t + 1,
                    a: a + 1,
                    b: b + 1,
                    c,
                });
                if ne {
                    self.emit(Op::Or { d, a: t, b: t + 1 });
                } else {
                    self.emit(Op::And { d, a: t, b: t + 1 });
                }
            }
            TypeKind::Basic(bb) if bb.is_float() => {
                self.emit(Op::CmpF { d, a, b, c });
            }
            TypeKind::Basic(bb) => {
                self.emit(Op::CmpI {
                    d,
                    a,
                    b,
                    c,
                    signed: !bb.is_unsigned(),
                });
            }
            TypeKind::Pointer(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Slice(_) => {
                self.emit(Op::CmpI {
                    d,
                    a,
                    b,
                    c,
                    signed: false,
                });
            }
            TypeKind::Interface(ms) => {
                self.emit(Op::IfaceEq {
                    d,
                    a,
                    b,
                    empty: ms.is_empty(),
                    ne,
                });
            }
            _ => {
                let ty = self.l.desc(t) as *const _ as u64;
                self.emit(Op::ValueEq { d, a, b, ty, ne });
            }
        }
    }
}
