//! Receivers of method calls and method values: evaluated, addressed or
//! dereferenced as the method's receiver type needs; and the wrappers of
//! promoted methods, which reach the receiver through embedded fields.

use super::place::Place;
use crate::bytecode::lower::{FnCtx, R};
use crate::bytecode::op::{Op, Slot};
use crate::syntax::ast::*;
use crate::types::ty::{Ty, TypeKind};
use crate::types::PromotedTarget;
use pgojit_profiler::FuncId;

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

    /// The receiver (`rw` words at `d`) of a method with `ptr_recv`
    /// reached through embedded fields: the value at `place`, of type
    /// `vt` (the embedded value, or a pointer to it).
    pub(crate) fn embedded_receiver(
        &mut self,
        place: Place,
        vt: Ty,
        ptr_recv: bool,
        d: Slot,
        rw: u32,
    ) -> R<()> {
        let is_ptr = matches!(self.l.types().kind(vt), TypeKind::Pointer(_));
        if ptr_recv {
            let p = if is_ptr {
                self.read(place, 1)
            } else {
                self.addr(place)?
            };
            self.mov(d, p, 1);
        } else if is_ptr {
            let p = self.read(place, 1);
            self.emit(Op::Load {
                d,
                p,
                off: 0,
                n: rw,
            });
        } else {
            self.read_to(place, d, rw);
        }
        Ok(())
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

impl FnCtx<'_, '_> {
    /// The body of a promoted method's wrapper (`FuncSource::Promoted`):
    /// from the receiver (a value, or a pointer to it) through the
    /// embedded fields to the value whose method it is, then the call,
    /// the wrapper's own arguments passed on, its results returned.
    pub(crate) fn promoted_body(&mut self, fi: usize) -> R<()> {
        // A wrapper of Go's kind, whose frames Go's tracebacks leave out:
        // its code has no line.
        self.b.pos = crate::syntax::ast::Pos::new(0, 0);
        let info = self.info();
        let f = &info.funcs[fi];
        let crate::types::FuncSource::Promoted(pi) = f.source else {
            unreachable!("a promoted method")
        };
        let pr = info.promoted[pi].clone();
        let recv = f.recv.expect("a method");
        let params = f.params.clone();
        let recv_t = info.obj(recv).ty;
        let resw: u32 = f
            .results
            .iter()
            .map(|r| info.obj(*r).ty)
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| self.words(t))
            .sum();
        let rplace = self.var_place(recv);
        let (base, t) = match self.l.types().pointee(recv_t) {
            Some(st) => {
                let p = self.read(rplace, 1);
                (Place::Mem { p, off: 0 }, st)
            }
            None => (rplace, recv_t),
        };
        let (place, vt) = self.walk_fields(base, t, &pr.path);
        let aw: u32 = params
            .iter()
            .map(|&p| self.words(self.info().obj(p).ty))
            .sum();
        let args = |c: &mut Self, at: Slot| {
            let mut at = at;
            for &p in &params {
                let w = c.words(c.info().obj(p).ty);
                let pp = c.var_place(p);
                c.read_to(pp, at, w);
                at += w;
            }
        };
        match pr.target {
            PromotedTarget::Method { func, ptr_recv } => {
                let vbase = match self.l.types().pointee(vt) {
                    Some(s) if matches!(self.l.types().kind(vt), TypeKind::Pointer(_)) => s,
                    _ => vt,
                };
                let rw = if ptr_recv { 1 } else { self.words(vbase) };
                let call = self.temp((rw + aw).max(resw));
                self.embedded_receiver(place, vt, ptr_recv, call, rw)?;
                args(self, call + rw);
                self.emit(Op::Call {
                    func: FuncId(func as u32),
                    base: call,
                    edge: pgojit_profiler::EdgeId::NONE,
                });
                self.emit(Op::Ret { s: call, n: resw });
            }
            PromotedTarget::Iface { iface, index } => {
                let iv = self.temp(2);
                self.read_to(place, iv, 2);
                let call = self.temp((1 + aw).max(resw));
                args(self, call + 1);
                let cur = self.l.current;
                // (At the type's declaration, read as the embedded
                // fields' names and the method's.)
                let pos = self.info().funcs[fi].pos;
                let recv_named = self.info().funcs[fi].recv_named.map(|r| r.0);
                let mut names = Vec::new();
                let mut t = recv_named.unwrap_or(recv_t);
                for &(i, _) in &pr.path {
                    let st = match self.l.types().kind(t) {
                        TypeKind::Pointer(p) => *p,
                        _ => t,
                    };
                    let fld = self.l.types().struct_fields(st).expect("struct")[i].clone();
                    names.push(fld.name);
                    t = fld.ty;
                }
                let method = self.l.types().iface_methods(iface)[index].name.clone();
                let text = format!("{}.{method}", names.join("."));
                let site = self
                    .l
                    .synth_iface_site_at(cur, iface, index, pos, Some(text));
                self.emit(Op::CallIface {
                    recv: iv,
                    method: index as u32,
                    base: call,
                    site,
                });
                self.emit(Op::Ret { s: call, n: resw });
            }
        }
        Ok(())
    }
}

impl FnCtx<'_, '_> {
    /// `x.M` as a value, for a method `M` promoted from an embedded field
    /// (`Info::promoted[pi]`): the embedded receiver reached from `x` now,
    /// bound to the method there, at `d`.
    pub(crate) fn promoted_method_value(&mut self, x: &Expr, pi: usize, d: Slot) -> R<()> {
        let pr = self.info().promoted[pi].clone();
        let xt = self.ty(x);
        let (base, t) = match (self.l.types().kind(xt), self.l.types().pointee(xt)) {
            (TypeKind::Pointer(_), Some(st)) => {
                let p = self.expr(x)?;
                (Place::Mem { p, off: 0 }, st)
            }
            _ => (self.part_place(x)?, xt),
        };
        let (place, vt) = self.walk_fields(base, t, &pr.path);
        match pr.target {
            PromotedTarget::Method { func, ptr_recv } => {
                let is_ptr = matches!(self.l.types().kind(vt), TypeKind::Pointer(_));
                let rt = self
                    .info()
                    .obj(self.info().funcs[func].recv.expect("method"))
                    .ty;
                let rw = self.words(rt);
                let recv = if ptr_recv {
                    let p = if is_ptr {
                        self.read(place, 1)
                    } else {
                        self.addr(place)?
                    };
                    let r = self.temp(1);
                    self.mov(r, p, 1);
                    r
                } else if is_ptr {
                    let p = self.read(place, 1);
                    let r = self.temp(rw);
                    self.emit(Op::Load {
                        d: r,
                        p,
                        off: 0,
                        n: rw,
                    });
                    r
                } else {
                    let r = self.temp(rw);
                    self.read_to(place, r, rw);
                    r
                };
                self.bind_method(func, recv, rw, rt, d);
            }
            PromotedTarget::Iface { iface, index } => {
                let v = self.temp(2);
                self.read_to(place, v, 2);
                self.bind_iface_method(v, iface, index, d);
            }
        }
        Ok(())
    }
    /// A method value at `d`: method `func` bound to the receiver in `rw`
    /// slots at `recv`, of type `rt`.
    pub(crate) fn bind_method(&mut self, func: usize, recv: Slot, rw: u32, rt: Ty, d: Slot) {
        let thunk = self.l.synth_id(super::Synth::BoundMethod(func));
        let lay = self.l.bound_layout(rt);
        self.emit(Op::MakeClosure {
            layout: lay,
            d,
            func: thunk,
            caps: recv,
            n: rw,
        });
    }

    /// A method value at `d`: method `index` of the interface value in
    /// `v` (Go evaluates the interface now: a nil one panics here).
    pub(crate) fn bind_iface_method(&mut self, v: Slot, iface: Ty, index: usize, d: Slot) {
        let tmp = self.temp(1);
        self.emit(Op::CmpImm {
            d: tmp,
            a: v,
            imm: 0,
            c: crate::bytecode::op::Cmp::Eq,
        });
        let j = self.emit(Op::Jz { c: tmp, t: 0 });
        self.emit(Op::PanicNil);
        let h = self.b.here();
        self.b.patch(j, h);
        let thunk = self.l.synth_id(super::Synth::BoundIface(iface, index));
        let lay = self.l.bound_layout(iface);
        self.emit(Op::MakeClosure {
            layout: lay,
            d,
            func: thunk,
            caps: v,
            n: 2,
        });
    }
}
