//! Lowering expressions: [`FnCtx::expr`] and [`FnCtx::expr_to`], the dispatch
//! over expression kinds into a fresh or a given slot (the small cases in
//! place), conditions lowered to jumps, moves and constants. The rest is by
//! concept:
//!
//! | module | owns |
//! |---|---|
//! | `place` | assignable locations ([`Place`]): reading, writing, taking addresses |
//! | `conv` | implicit conversions to interfaces |
//! | `operators` | unary and binary operators, arithmetic, comparisons |
//! | `composite` | composite literals |
//! | `slice` | slice expressions |
//! | `assert` | type assertions |
//! | `receiver` | receivers of method calls and method values |

mod assert;
mod composite;
mod conv;
mod maps;
mod operators;
mod place;
mod receiver;
mod slice;

use super::{FnCtx, Synth, VarLoc, R};
use crate::bytecode::op::{Cmp, IntKind, Op, Slot};
use crate::syntax::ast::*;
use crate::types::constant::ConstVal;
use crate::types::ty::{builtin, Basic, Ty, TypeKind};
use crate::types::{FuncSource, ObjKind, Selection};
use pgojit_profiler::FuncId;
pub(crate) use place::Place;

pub(crate) const NONE: Slot = u32::MAX;

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
            // (A qualified name, `pkg.V`, is a name.)
            ExprKind::Ident(_) | ExprKind::Selector(..)
                if !matches!(e.kind, ExprKind::Selector(..))
                    || self.info().uses.contains_key(&e.id) =>
            {
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
                let cmp = if when { cmp.map(Cmp::negate) } else { cmp };
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
            ExprKind::Selector(..) if self.info().uses.contains_key(&e.id) => {
                let s = self.expr(e)?;
                let w = self.words(t);
                self.mov(d, s, w);
                Ok(())
            }
            ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::ImagLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StrLit(_) => self.unsupported(e.pos, "non-constant literal"),
            ExprKind::FuncLit { .. } => {
                let fi = self.info().func_lits[&e.id];
                self.make_closure(fi, d, e.pos)
            }
            ExprKind::CompositeLit { .. } => self.composite(e, d),
            ExprKind::Selector(x, _) => match self.info().selections.get(&e.id).cloned() {
                Some(Selection::Field { .. } | Selection::Promoted { .. }) => {
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
                    // A promoted method's value binds the method it
                    // promotes, to the embedded receiver reached now (Go
                    // evaluates the embedded fields at the binding: a nil
                    // pointer or interface on the way panics here, a
                    // value receiver is copied here).
                    if let FuncSource::Promoted(pi) = self.info().funcs[func].source {
                        return self.promoted_method_value(x, pi, d);
                    }
                    // A method value: bind the receiver now.
                    let (recv, rw, rt) = self.method_receiver(x, func, ptr_recv, addr, deref)?;
                    self.bind_method(func, recv, rw, rt, d);
                    Ok(())
                }
                Some(Selection::IfaceMethod { iface, index }) => {
                    let v = self.expr(x)?;
                    self.bind_iface_method(v, iface, index, d);
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
                None => self.unsupported(e.pos, "selector"),
            },
            ExprKind::Index(b, _) | ExprKind::Instance(b, _)
                if matches!(
                    self.info()
                        .selections
                        .get(&crate::syntax::walk::unparen(b).id),
                    Some(Selection::Method { .. })
                ) =>
            {
                // An instantiated method with type parameters as a value:
                // the selector's method value.
                self.expr_to(crate::syntax::walk::unparen(b), d)
            }
            ExprKind::Index(..) | ExprKind::Instance(..)
                if self.info().instances.contains_key(&e.id) =>
            {
                // An instantiated generic function as a value.
                let fi = self.info().instances[&e.id];
                let a = self.l.func_value(FuncId(fi as u32));
                self.emit(Op::Const { d, v: a });
                Ok(())
            }
            ExprKind::Instance(..) | ExprKind::Tilde(_) => {
                self.unsupported(e.pos, "this use of a generic function or type")
            }
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
            | ExprKind::ChanType(..)
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

    /// `d` = a closure of function `fi` over the cells it captures.
    pub(crate) fn make_closure(
        &mut self,
        fi: usize,
        d: Slot,
        pos: crate::syntax::ast::Pos,
    ) -> R<()> {
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
                    return self
                        .unsupported(pos, "capture of an uncaptured variable (internal error)")
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
        if matches!(self.l.types().basic(t), Some(b) if b.is_complex()) {
            let (r, i) = v.as_complex().unwrap_or_default();
            let bits =
                |x: &num_rational::BigRational| crate::types::constant::rat_to_f64(x).to_bits();
            self.emit(Op::Const { d, v: bits(&r) });
            self.emit(Op::Const {
                d: d + 1,
                v: bits(&i),
            });
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
            ConstVal::Int(_) | ConstVal::Float(_) | ConstVal::Complex(..) => {
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
}

fn default_of(t: Ty) -> Ty {
    match t {
        builtin::UNTYPED_BOOL => builtin::BOOL,
        builtin::UNTYPED_INT => builtin::INT,
        builtin::UNTYPED_RUNE => builtin::INT32,
        builtin::UNTYPED_FLOAT => builtin::FLOAT64,
        builtin::UNTYPED_COMPLEX => builtin::COMPLEX128,
        builtin::UNTYPED_STRING => builtin::STRING,
        other => other,
    }
}
