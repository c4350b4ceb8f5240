//! Lowering expressions: values, places (assignable locations), operators,
//! implicit conversions to interfaces, literals and selectors.

use super::{FnCtx, Synth, VarLoc, R};
use crate::bytecode::op::{Cmp, IntKind, Op, Slot};
use crate::syntax::ast::*;
use crate::types::constant::ConstVal;
use crate::types::ty::{builtin, Basic, Ty, TypeKind};
use crate::types::{ObjKind, Selection};
use pgojit_profiler::FuncId;

pub(crate) const NONE: Slot = u32::MAX;

/// An assignable location.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Place {
    Slot(Slot),
    /// `*(p + off words)`, with a nil check on access.
    Mem {
        p: Slot,
        off: u32,
    },
    Global {
        addr: u64,
    },
    /// Element `i` of the slice in `s` (bounds-checked), `off` words into it.
    SliceElem {
        s: Slot,
        i: Slot,
        stride: u32,
        off: u32,
    },
    /// Element `i` of an array held in the frame at `base`.
    FrameIdx {
        base: Slot,
        i: Slot,
        len: u32,
        stride: u32,
        off: u32,
    },
    /// A frame location at `base` + the word offset in slot `o` + `off`.
    FrameDyn {
        base: Slot,
        o: Slot,
        off: u32,
    },
    Blank,
}

impl Place {
    fn plus(self, o: u32) -> Place {
        match self {
            Place::Slot(s) => Place::Slot(s + o),
            Place::Mem { p, off } => Place::Mem { p, off: off + o },
            Place::Global { addr } => Place::Global {
                addr: addr + 8 * o as u64,
            },
            Place::SliceElem { s, i, stride, off } => Place::SliceElem {
                s,
                i,
                stride,
                off: off + o,
            },
            Place::FrameIdx {
                base,
                i,
                len,
                stride,
                off,
            } => Place::FrameIdx {
                base,
                i,
                len,
                stride,
                off: off + o,
            },
            Place::FrameDyn { base, o: os, off } => Place::FrameDyn {
                base,
                o: os,
                off: off + o,
            },
            Place::Blank => Place::Blank,
        }
    }
}

pub(crate) fn int_kind(b: Basic) -> Option<IntKind> {
    match b {
        Basic::Int8 => Some(IntKind::I8),
        Basic::Int16 => Some(IntKind::I16),
        Basic::Int32 => Some(IntKind::I32),
        Basic::Uint8 => Some(IntKind::U8),
        Basic::Uint16 => Some(IntKind::U16),
        Basic::Uint32 => Some(IntKind::U32),
        _ => None,
    }
}

impl FnCtx<'_, '_> {
    /// Lowers `e`, returning the slot holding its value. The slot may be a
    /// variable's own: callers that write before reading must copy.
    pub(crate) fn expr(&mut self, e: &Expr) -> R<Slot> {
        self.b.pos = e.pos;
        if let Some(v) = self.info().consts.get(&e.id).cloned() {
            let t = self.ty(e);
            let w = self.words(t);
            let d = self.temp(w);
            self.constant(&v, t, d);
            return Ok(d);
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Ident(_) => {
                let o = self.info().uses.get(&e.id).copied();
                match o.map(|o| (o, self.info().obj(o).kind.clone())) {
                    Some((o, ObjKind::Var(_))) => {
                        let p = self.var_place(o);
                        let w = self.words(self.ty(e));
                        Ok(self.read(p, w))
                    }
                    Some((_, ObjKind::Func(fi))) => {
                        let a = self.l.func_value(FuncId(fi as u32));
                        let d = self.temp(1);
                        self.emit(Op::Const { d, v: a });
                        Ok(d)
                    }
                    Some((_, ObjKind::Nil)) | None => {
                        let w = self.words(self.ty(e)).max(1);
                        let d = self.temp(w);
                        self.emit(Op::Zero { d, n: w });
                        Ok(d)
                    }
                    Some(_) => self.unsupported(e.pos, "this use of a name"),
                }
            }
            // A call's results are already in fresh slots (its window).
            ExprKind::Call { .. } => self.call(e),
            _ => {
                let t = self.ty(e);
                let w = self.words(t);
                let d = self.temp(w);
                self.expr_to(e, d)?;
                Ok(d)
            }
        }
    }

    /// Evaluates a condition and emits a jump taken when it is false;
    /// returns the jump to patch. Integer comparisons fuse into one instruction.
    pub(crate) fn jump_if_false(&mut self, cond: &Expr) -> R<usize> {
        self.cond_jump(cond, false)
    }

    /// Evaluates a condition and emits a jump taken when it equals `when`.
    pub(crate) fn cond_jump(&mut self, cond: &Expr, when: bool) -> R<usize> {
        let c = crate::syntax::walk::unparen(cond);
        if !self.info().consts.contains_key(&c.id) {
            if let ExprKind::Binary { op, x, y, .. } = &c.kind {
                let cmp = match op {
                    BinOp::Eql => Some(Cmp::Eq),
                    BinOp::Neq => Some(Cmp::Ne),
                    BinOp::Lss => Some(Cmp::Lt),
                    BinOp::Leq => Some(Cmp::Le),
                    BinOp::Gtr => Some(Cmp::Gt),
                    BinOp::Geq => Some(Cmp::Ge),
                    _ => None,
                };
                let xt = self.ty(x);
                let int_like = match self.l.types().under(xt) {
                    TypeKind::Basic(b) => b.is_integer() || b.is_boolean(),
                    _ => false,
                };
                // `JfCmp` jumps when the comparison fails: negate it to jump on success.
                let cmp = if when { cmp.map(negate) } else { cmp };
                if let (Some(c), true) = (cmp, int_like && self.ty(y) == xt) {
                    let signed = !matches!(self.l.types().basic(xt), Some(b) if b.is_unsigned());
                    let a = self.expr(x)?;
                    if let Some(k) = self.info().consts.get(&y.id).and_then(|v| v.as_i64()) {
                        if signed {
                            return Ok(self.emit(Op::JfCmpImm { a, imm: k, c, t: 0 }));
                        }
                    }
                    let b = self.expr(y)?;
                    return Ok(self.emit(Op::JfCmpI {
                        a,
                        b,
                        c,
                        signed,
                        t: 0,
                    }));
                }
            }
        }
        let v = self.expr(cond)?;
        Ok(if when {
            self.emit(Op::Jnz { c: v, t: 0 })
        } else {
            self.emit(Op::Jz { c: v, t: 0 })
        })
    }

    /// Lowers `e` into slots starting at `d`.
    pub(crate) fn expr_to(&mut self, e: &Expr, d: Slot) -> R<()> {
        self.b.pos = e.pos;
        let t = self.ty(e);
        if let Some(v) = self.info().consts.get(&e.id).cloned() {
            self.constant(&v, t, d);
            return Ok(());
        }
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::Paren(_) => {
                let s = self.expr(e)?;
                let w = self.words(t);
                self.mov(d, s, w);
                Ok(())
            }
            ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StrLit(_) => self.unsupported(e.pos, "non-constant literal"),
            ExprKind::FuncLit { .. } => {
                let fi = self.info().func_lits[&e.id];
                let caps = self.info().funcs[fi].captures.clone();
                let base = self.temp(caps.len() as u32);
                for (i, c) in caps.iter().enumerate() {
                    match self.b.vars.get(c).copied() {
                        Some(VarLoc::Cell(s)) => {
                            self.emit(Op::Move {
                                d: base + i as u32,
                                s,
                            });
                        }
                        _ => {
                            return self.unsupported(
                                e.pos,
                                "capture of an uncaptured variable (internal error)",
                            )
                        }
                    }
                }
                let lay = self.l.closure_layout(caps.len());
                self.emit(Op::MakeClosure {
                    layout: lay,
                    d,
                    func: FuncId(fi as u32),
                    caps: base,
                    n: caps.len() as u32,
                });
                Ok(())
            }
            ExprKind::CompositeLit { .. } => self.composite(e, d),
            ExprKind::Selector(x, _) => match self.info().selections.get(&e.id).cloned() {
                Some(Selection::Field { .. }) => {
                    let p = self.place(e)?;
                    let w = self.words(t);
                    self.read_to(p, d, w);
                    Ok(())
                }
                Some(Selection::Method {
                    func,
                    ptr_recv,
                    addr,
                    deref,
                }) => {
                    // A method value: bind the receiver now.
                    let (recv, rw, rt) = self.method_receiver(x, func, ptr_recv, addr, deref)?;
                    let thunk = self.l.synth_id(Synth::BoundMethod(func));
                    let lay = self.l.bound_layout(rt);
                    self.emit(Op::MakeClosure {
                        layout: lay,
                        d,
                        func: thunk,
                        caps: recv,
                        n: rw,
                    });
                    Ok(())
                }
                Some(Selection::IfaceMethod { iface, index }) => {
                    let v = self.expr(x)?;
                    // Go evaluates the interface now; calling a nil one panics then.
                    let tmp = self.temp(1);
                    self.emit(Op::CmpImm {
                        d: tmp,
                        a: v,
                        imm: 0,
                        c: Cmp::Eq,
                    });
                    let j = self.emit(Op::Jz { c: tmp, t: 0 });
                    self.emit(Op::PanicNil);
                    let h = self.b.here();
                    self.b.patch(j, h);
                    let thunk = self.l.synth_id(Synth::BoundIface(iface, index));
                    let lay = self.l.bound_layout(iface);
                    self.emit(Op::MakeClosure {
                        layout: lay,
                        d,
                        func: thunk,
                        caps: v,
                        n: 2,
                    });
                    Ok(())
                }
                Some(Selection::MethodExpr {
                    func,
                    ptr_recv,
                    recv,
                }) => {
                    let f = if !ptr_recv && self.l.types().pointee(recv).is_some() {
                        self.l.synth_id(Synth::DerefMethodExpr(func))
                    } else {
                        FuncId(func as u32)
                    };
                    let a = self.l.func_value(f);
                    self.emit(Op::Const { d, v: a });
                    Ok(())
                }
                Some(Selection::IfaceMethodExpr { iface, index }) => {
                    let f = self.l.synth_id(Synth::IfaceMethodExpr(iface, index));
                    let a = self.l.func_value(f);
                    self.emit(Op::Const { d, v: a });
                    Ok(())
                }
                Some(Selection::Native(_)) => {
                    self.unsupported(e.pos, "package functions as values")
                }
                None => self.unsupported(e.pos, "selector"),
            },
            ExprKind::Index(x, i) => {
                let xt = self.ty(x);
                if matches!(self.l.types().basic(xt), Some(b) if b.is_string()) {
                    let s = self.expr(x)?;
                    let iv = self.expr(i)?;
                    self.emit(Op::StrIndex { d, s, i: iv });
                    return Ok(());
                }
                let p = self.place(e)?;
                let w = self.words(t);
                self.read_to(p, d, w);
                Ok(())
            }
            ExprKind::Slice { x, lo, hi, max } => {
                self.slice_expr(d, x, lo.as_deref(), hi.as_deref(), max.as_deref())
            }
            ExprKind::TypeAssert(x, _) => {
                let ok = NONE;
                self.assert_to(e, x, d, ok)
            }
            ExprKind::Call { .. } => {
                let r = self.call(e)?;
                let w = self.words(t);
                self.mov(d, r, w);
                Ok(())
            }
            ExprKind::Star(_) => {
                let p = self.place(e)?;
                let w = self.words(t);
                self.read_to(p, d, w);
                Ok(())
            }
            ExprKind::Unary(op, x) => self.unary(e, *op, x, d),
            ExprKind::Binary { op, x, y, .. } => self.binary(t, *op, x, y, d),
            ExprKind::ArrayType { .. }
            | ExprKind::MapType(..)
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_) => self.unsupported(e.pos, "type used as a value"),
        }
    }

    /// `d = &copy of the value of type t at v` (a new heap object).
    pub(crate) fn heap_copy(&mut self, t: Ty, v: Slot, d: Slot) {
        let n = self.words(t);
        let layout = self.l.layout_of(t);
        self.emit(Op::Alloc { layout, d, n });
        if n > 0 {
            self.emit(Op::Store {
                p: d,
                off: 0,
                s: v,
                n,
            });
        }
    }

    pub(crate) fn mov(&mut self, d: Slot, s: Slot, w: u32) {
        if d == s || w == 0 {
            return;
        }
        if w == 1 {
            self.emit(Op::Move { d, s });
        } else {
            self.emit(Op::MoveN { d, s, n: w });
        }
    }

    /// Materializes a constant of type `t` at `d`.
    pub(crate) fn constant(&mut self, v: &ConstVal, t: Ty, d: Slot) {
        let t = if self.l.types().is_untyped(t) {
            default_of(t)
        } else {
            t
        };
        if self.l.types().is_interface(t) {
            // Only nil reaches here (other constants were converted to a concrete type).
            self.emit(Op::Zero { d, n: 2 });
            return;
        }
        match v {
            ConstVal::Str(s) => {
                let (p, n) = self.l.string_const(s);
                self.emit(Op::Const { d, v: p });
                self.emit(Op::Const { d: d + 1, v: n });
            }
            ConstVal::Bool(b) => {
                self.emit(Op::Const { d, v: *b as u64 });
            }
            ConstVal::Int(_) | ConstVal::Float(_) => {
                let is_float = matches!(self.l.types().basic(t), Some(b) if b.is_float());
                let bits = if is_float {
                    v.to_f64().to_bits()
                } else {
                    v.to_bits()
                };
                self.emit(Op::Const { d, v: bits });
            }
        }
    }

    // ----- places -----

    pub(crate) fn var_place(&mut self, o: crate::types::ObjId) -> Place {
        if let Some(v) = self.b.vars.get(&o).copied() {
            return match v {
                VarLoc::Slot(s) => Place::Slot(s),
                VarLoc::Cell(s) => Place::Mem { p: s, off: 0 },
            };
        }
        if let Some(v) = self.info().var(o) {
            if v.global {
                return Place::Global {
                    addr: self.l.global_addr(o),
                };
            }
        }
        // A variable declared in code the lowering has not reached (cannot happen in checked code).
        Place::Blank
    }

    /// The location an addressable expression denotes (or a temp holding a value).
    pub(crate) fn place(&mut self, e: &Expr) -> R<Place> {
        self.b.pos = e.pos;
        match &e.kind {
            ExprKind::Paren(x) => self.place(x),
            ExprKind::Ident(n) if n == "_" => Ok(Place::Blank),
            ExprKind::Ident(_) if !self.info().consts.contains_key(&e.id) => {
                let o = self
                    .info()
                    .uses
                    .get(&e.id)
                    .copied()
                    .or_else(|| self.info().defs.get(&e.id).copied());
                match o {
                    Some(o) if matches!(self.info().obj(o).kind, ObjKind::Var(_)) => {
                        Ok(self.var_place(o))
                    }
                    _ => Ok(Place::Slot(self.expr(e)?)),
                }
            }
            ExprKind::Selector(x, _) => match self.info().selections.get(&e.id).cloned() {
                Some(Selection::Field { index, deref }) => {
                    let xt = self.ty(x);
                    if deref {
                        let st = self.l.types().pointee(xt).expect("pointer to struct");
                        let off = self.l.field_offset(st, index);
                        let p = self.expr(x)?;
                        Ok(Place::Mem { p, off })
                    } else {
                        let off = self.l.field_offset(xt, index);
                        let base = self.place(x)?;
                        Ok(base.plus(off))
                    }
                }
                _ => Ok(Place::Slot(self.expr(e)?)),
            },
            ExprKind::Index(x, i) => {
                let xt = self.ty(x);
                match self.l.types().under(xt).clone() {
                    TypeKind::Slice(el) => {
                        let s = self.expr(x)?;
                        let iv = self.expr(i)?;
                        let stride = self.words(el);
                        Ok(Place::SliceElem {
                            s,
                            i: iv,
                            stride,
                            off: 0,
                        })
                    }
                    TypeKind::Array(el, n) => {
                        let stride = self.words(el);
                        let base = self.place(x)?;
                        if let Some(k) = self.info().consts.get(&i.id).and_then(|v| v.as_i64()) {
                            return Ok(base.plus(k as u32 * stride));
                        }
                        let iv = self.expr(i)?;
                        match base {
                            Place::Slot(b) => Ok(Place::FrameIdx {
                                base: b,
                                i: iv,
                                len: n as u32,
                                stride,
                                off: 0,
                            }),
                            Place::FrameIdx { .. } | Place::FrameDyn { .. } => {
                                let (b, o) = self.frame_dyn(base);
                                self.emit(Op::CheckIndex {
                                    i: iv,
                                    len: n as u32,
                                });
                                let k = self.temp(1);
                                self.emit(Op::Const {
                                    d: k,
                                    v: stride as u64,
                                });
                                let t = self.temp(1);
                                self.emit(Op::MulI { d: t, a: iv, b: k });
                                let o2 = self.temp(1);
                                self.emit(Op::AddI { d: o2, a: o, b: t });
                                Ok(Place::FrameDyn {
                                    base: b,
                                    o: o2,
                                    off: 0,
                                })
                            }
                            other => {
                                let s = self.array_as_slice(other, n as u32)?;
                                Ok(Place::SliceElem {
                                    s,
                                    i: iv,
                                    stride,
                                    off: 0,
                                })
                            }
                        }
                    }
                    TypeKind::Pointer(p) => {
                        let TypeKind::Array(el, n) = self.l.types().under(p).clone() else {
                            return self.unsupported(e.pos, "index of pointer");
                        };
                        let stride = self.words(el);
                        let ptr = self.expr(x)?;
                        let s = self.array_as_slice(Place::Mem { p: ptr, off: 0 }, n as u32)?;
                        let iv = self.expr(i)?;
                        Ok(Place::SliceElem {
                            s,
                            i: iv,
                            stride,
                            off: 0,
                        })
                    }
                    _ => Ok(Place::Slot(self.expr(e)?)),
                }
            }
            ExprKind::Star(x) => {
                let p = self.expr(x)?;
                Ok(Place::Mem { p, off: 0 })
            }
            _ => Ok(Place::Slot(self.expr(e)?)),
        }
    }

    /// A dynamic frame place as (base, slot holding its word offset).
    fn frame_dyn(&mut self, p: Place) -> (Slot, Slot) {
        match p {
            Place::FrameIdx {
                base,
                i,
                len,
                stride,
                off,
            } => {
                self.emit(Op::CheckIndex { i, len });
                let k = self.temp(1);
                self.emit(Op::Const {
                    d: k,
                    v: stride as u64,
                });
                let o = self.temp(1);
                self.emit(Op::MulI { d: o, a: i, b: k });
                self.emit(Op::AddImm {
                    d: o,
                    a: o,
                    imm: off as i64,
                });
                (base, o)
            }
            Place::FrameDyn { base, o, off } => {
                let o2 = self.temp(1);
                self.emit(Op::AddImm {
                    d: o2,
                    a: o,
                    imm: off as i64,
                });
                (base, o2)
            }
            _ => unreachable!("only frame places"),
        }
    }

    /// A slice header over an array stored at a memory place.
    fn array_as_slice(&mut self, p: Place, n: u32) -> R<Slot> {
        let s = self.temp(3);
        let a = self.addr(p)?;
        self.emit(Op::Move { d: s, s: a });
        self.emit(Op::Const {
            d: s + 1,
            v: n as u64,
        });
        self.emit(Op::Const {
            d: s + 2,
            v: n as u64,
        });
        Ok(s)
    }

    /// The address of a place in memory.
    pub(crate) fn addr(&mut self, p: Place) -> R<Slot> {
        let d = self.temp(1);
        match p {
            Place::Mem { p, off } => {
                self.emit(Op::AddrOff { d, p, off });
            }
            Place::Global { addr } => {
                self.emit(Op::AddrG { d, addr });
            }
            Place::SliceElem { s, i, stride, off } => {
                self.emit(Op::SliceAddr { d, s, i, stride });
                if off > 0 {
                    self.emit(Op::AddrOff { d, p: d, off });
                }
            }
            Place::Slot(_) | Place::FrameIdx { .. } | Place::FrameDyn { .. } | Place::Blank => {
                return Err(crate::diag::CompileError::new(
                    self.b.pos,
                    "internal error: address of a value in a frame slot",
                ));
            }
        }
        Ok(d)
    }

    pub(crate) fn read(&mut self, p: Place, w: u32) -> Slot {
        if let Place::Slot(s) = p {
            return s;
        }
        let d = self.temp(w);
        self.read_to(p, d, w);
        d
    }

    pub(crate) fn read_to(&mut self, p: Place, d: Slot, n: u32) {
        match p {
            Place::Slot(s) => self.mov(d, s, n),
            Place::Mem { p, off } => {
                self.emit(Op::Load { d, p, off, n });
            }
            Place::Global { addr } => {
                self.emit(Op::LoadG { d, addr, n });
            }
            Place::SliceElem { s, i, stride, off } => {
                self.emit(Op::SliceLoad {
                    d,
                    s,
                    i,
                    stride,
                    off,
                    n,
                });
            }
            Place::FrameIdx {
                base,
                i,
                len,
                stride,
                off,
            } => {
                self.emit(Op::FrameLoadIdx {
                    d,
                    base,
                    i,
                    len,
                    stride,
                    off,
                    n,
                });
            }
            Place::FrameDyn { base, o, off } => {
                self.emit(Op::FrameLoadDyn { d, base, o, off, n });
            }
            Place::Blank => {}
        }
    }

    pub(crate) fn write(&mut self, p: Place, s: Slot, n: u32) {
        match p {
            Place::Slot(d) => self.mov(d, s, n),
            Place::Mem { p, off } => {
                self.emit(Op::Store { p, off, s, n });
            }
            Place::Global { addr } => {
                self.emit(Op::StoreG { addr, s, n });
            }
            Place::SliceElem {
                s: sl,
                i,
                stride,
                off,
            } => {
                self.emit(Op::SliceStore {
                    s: sl,
                    i,
                    v: s,
                    stride,
                    off,
                    n,
                });
            }
            Place::FrameIdx {
                base,
                i,
                len,
                stride,
                off,
            } => {
                self.emit(Op::FrameStoreIdx {
                    base,
                    i,
                    v: s,
                    len,
                    stride,
                    off,
                    n,
                });
            }
            Place::FrameDyn { base, o, off } => {
                self.emit(Op::FrameStoreDyn {
                    base,
                    o,
                    off,
                    v: s,
                    n,
                });
            }
            Place::Blank => {}
        }
    }

    // ----- conversions -----

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

    // ----- operators -----

    fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr, d: Slot) -> R<()> {
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
            UnOp::Not => {
                let s = self.expr(x)?;
                self.emit(Op::Not { d, s });
                Ok(())
            }
            UnOp::Neg => {
                let s = self.expr(x)?;
                let b = self.l.types().basic(t).unwrap_or(Basic::Int);
                if b.is_float() {
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

    /// Arithmetic on values already in slots.
    pub(crate) fn arith(&mut self, t: Ty, op: BinOp, a: Slot, b: Slot, d: Slot) {
        let bt = self.l.types().basic(t).unwrap_or(Basic::Int);
        if bt.is_string() {
            self.emit(Op::StrConcat { d, a, b });
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

    // ----- literals -----

    /// A composite literal at `d` (for `&T{}` elements, a pointer).
    pub(crate) fn composite(&mut self, e: &Expr, d: Slot) -> R<()> {
        let ExprKind::CompositeLit { elts, .. } = &e.kind else {
            unreachable!()
        };
        let t = self.ty(e);
        // An elided `&T{...}` inside a literal of pointers.
        if let Some(p) = self.l.types().pointee(t) {
            let w = self.words(p);
            let v = self.temp(w);
            self.composite_value(e, p, elts, v)?;
            self.heap_copy(p, v, d);
            return Ok(());
        }
        self.composite_value(e, t, elts, d)
    }

    fn composite_value(&mut self, e: &Expr, t: Ty, elts: &[Element], d: Slot) -> R<()> {
        let w = self.words(t);
        match self.l.types().under(t).clone() {
            TypeKind::Struct(fields) => {
                if w > 0 {
                    self.emit(Op::Zero { d, n: w });
                }
                for (i, el) in elts.iter().enumerate() {
                    let fi = match &el.key {
                        Some(k) => match self.info().selections.get(&k.id) {
                            Some(Selection::Field { index, .. }) => *index,
                            _ => i,
                        },
                        None => i,
                    };
                    let off = self.l.field_offset(t, fi);
                    let ft = fields[fi].ty;
                    self.elem_to(&el.value, ft, d + off)?;
                }
            }
            TypeKind::Array(el, _) => {
                if w > 0 {
                    self.emit(Op::Zero { d, n: w });
                }
                let stride = self.words(el);
                let mut idx = 0i64;
                for item in elts {
                    if let Some(k) = &item.key {
                        idx = self
                            .info()
                            .consts
                            .get(&k.id)
                            .and_then(|v| v.as_i64())
                            .unwrap_or(idx);
                    }
                    self.elem_to(&item.value, el, d + idx as u32 * stride)?;
                    idx += 1;
                }
            }
            TypeKind::Slice(el) => {
                let stride = self.words(el);
                let mut idx = 0i64;
                let mut n = 0i64;
                let mut items = Vec::new();
                for item in elts {
                    if let Some(k) = &item.key {
                        idx = self
                            .info()
                            .consts
                            .get(&k.id)
                            .and_then(|v| v.as_i64())
                            .unwrap_or(idx);
                    }
                    items.push((idx, &item.value));
                    idx += 1;
                    n = n.max(idx);
                }
                let len = self.temp(1);
                self.emit(Op::Const {
                    d: len,
                    v: n as u64,
                });
                let lay = self.l.layout_of(el);
                self.emit(Op::MakeSlice {
                    layout: lay,
                    d,
                    len,
                    cap: NONE,
                    stride,
                });
                let tmp = self.temp(stride);
                let iv = self.temp(1);
                for (i, v) in items {
                    self.elem_to(v, el, tmp)?;
                    self.emit(Op::Const { d: iv, v: i as u64 });
                    self.emit(Op::SliceStore {
                        s: d,
                        i: iv,
                        v: tmp,
                        stride,
                        off: 0,
                        n: stride,
                    });
                }
            }
            _ => return self.unsupported(e.pos, "composite literal of this type"),
        }
        Ok(())
    }

    fn elem_to(&mut self, v: &Expr, t: Ty, d: Slot) -> R<()> {
        if let ExprKind::CompositeLit { ty: None, .. } = &v.kind {
            return self.composite(v, d);
        }
        self.expr_conv_to(v, t, d)
    }

    // ----- slicing and assertions -----

    fn slice_expr(
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
                let stride = self.words(el);
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
                let stride = self.words(el);
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
                let stride = self.words(el);
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

fn negate(c: Cmp) -> Cmp {
    match c {
        Cmp::Eq => Cmp::Ne,
        Cmp::Ne => Cmp::Eq,
        Cmp::Lt => Cmp::Ge,
        Cmp::Ge => Cmp::Lt,
        Cmp::Le => Cmp::Gt,
        Cmp::Gt => Cmp::Le,
    }
}

fn default_of(t: Ty) -> Ty {
    match t {
        builtin::UNTYPED_BOOL => builtin::BOOL,
        builtin::UNTYPED_INT => builtin::INT,
        builtin::UNTYPED_RUNE => builtin::INT32,
        builtin::UNTYPED_FLOAT => builtin::FLOAT64,
        builtin::UNTYPED_STRING => builtin::STRING,
        other => other,
    }
}
