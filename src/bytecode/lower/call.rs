//! Lowering calls: functions, methods, interface methods, function values,
//! package functions, builtins and conversions.

use super::expr::NONE;
use super::{FnCtx, R};
use crate::bytecode::op::{slots_of, Op, PrintKind, Slot};
use crate::syntax::ast::*;
use crate::syntax::walk::unparen;
use crate::types::ty::{builtin, Basic, Signature, Ty, TypeKind};
use crate::types::ConstVal;
use crate::types::{Builtin, CallKind, Selection};
use pgojit_profiler::FuncId;

impl FnCtx<'_, '_> {
    /// Lowers a call; returns the slot where its results start.
    pub(crate) fn call(&mut self, e: &Expr) -> R<Slot> {
        let ExprKind::Call {
            fun,
            args,
            ellipsis,
            lparen,
            ..
        } = &e.kind
        else {
            unreachable!()
        };
        // (A call instruction is at its `(`, as Go's tracebacks give it.)
        let at = *lparen;
        self.b.pos = e.pos;
        let kind = self
            .info()
            .calls
            .get(&e.id)
            .cloned()
            .unwrap_or(CallKind::Closure);
        match kind {
            CallKind::Conversion(t) => {
                let w = self.words(t);
                let d = self.temp(w);
                self.conversion(&args[0], t, d)?;
                Ok(d)
            }
            CallKind::Builtin(b) => self.builtin(e, b, args, ellipsis.is_some()),
            CallKind::Native(n) => {
                let sig = self.sig_of(fun);
                let (base, n_) = self.window(&sig, 0, args, ellipsis.is_some())?;
                self.b.pos = at;
                self.mark_call((base, n_), NONE);
                self.emit(Op::CallNative { native: n, base });
                Ok(base)
            }
            CallKind::Static(fi) => {
                self.static_call(fun, FuncId(fi as u32), None, args, ellipsis.is_some(), at)
            }
            CallKind::Method => {
                // (`x.M[A](...)`: a method with type parameters.)
                let sel_e = match &unparen(fun).kind {
                    ExprKind::Index(b, _) | ExprKind::Instance(b, _) => unparen(b),
                    _ => unparen(fun),
                };
                let ExprKind::Selector(x, _) = &sel_e.kind else {
                    unreachable!()
                };
                match self.info().selections.get(&sel_e.id).cloned() {
                    Some(Selection::Method {
                        func,
                        ptr_recv,
                        addr,
                        deref,
                    }) => {
                        let (recv, rw, _) = self.method_receiver(x, func, ptr_recv, addr, deref)?;
                        let f = FuncId(func as u32);
                        self.static_call(fun, f, Some((recv, rw)), args, ellipsis.is_some(), at)
                    }
                    // A method promoted into an unnamed struct type: the
                    // receiver through the embedded fields (as a named
                    // type's wrapper reaches it, `promoted_body`).
                    Some(Selection::Promoted { path, last }) => {
                        let Selection::Method { func, ptr_recv, .. } = *last else {
                            unreachable!("a promoted method")
                        };
                        let xt = self.ty(x);
                        let base_place = self.part_place(x)?;
                        let (place, vt) = self.walk_fields(base_place, xt, &path);
                        let rt = self
                            .info()
                            .obj(self.info().funcs[func].recv.expect("method"))
                            .ty;
                        let rw = self.words(rt);
                        let recv = self.temp(rw);
                        self.embedded_receiver(place, vt, ptr_recv, recv, rw)?;
                        let f = FuncId(func as u32);
                        self.static_call(fun, f, Some((recv, rw)), args, ellipsis.is_some(), at)
                    }
                    Some(Selection::MethodExpr {
                        func,
                        ptr_recv,
                        recv,
                    }) => {
                        let deref = !ptr_recv && self.l.types().pointee(recv).is_some();
                        let f = if deref {
                            self.l.synth_id(super::Synth::DerefMethodExpr(func))
                        } else {
                            FuncId(func as u32)
                        };
                        self.static_call(fun, f, None, args, ellipsis.is_some(), at)
                    }
                    Some(Selection::IfaceMethodExpr { iface, index }) => {
                        let f = self.l.synth_id(super::Synth::IfaceMethodExpr(iface, index));
                        self.static_call(fun, f, None, args, ellipsis.is_some(), at)
                    }
                    _ => self.unsupported(e.pos, "method call"),
                }
            }
            CallKind::Iface => {
                let ExprKind::Selector(x, _) = &unparen(fun).kind else {
                    unreachable!()
                };
                let Some(Selection::IfaceMethod { index, .. }) =
                    self.info().selections.get(&unparen(fun).id).cloned()
                else {
                    return self.unsupported(e.pos, "interface call");
                };
                let recv = self.expr(x)?;
                let recv = if self.is_var_slot(recv) {
                    let t = self.temp(2);
                    self.mov(t, recv, 2);
                    t
                } else {
                    recv
                };
                let sig = self.sig_of(fun);
                let (base, n) = self.window(&sig, 1, args, ellipsis.is_some())?;
                let xt = self.ty(x);
                let meta = crate::bytecode::SiteMeta {
                    caller: self.l.current,
                    pos: e.pos,
                    iface: self.l.types().name(xt),
                    method: self.l.types().iface_methods(xt)[index].name.clone(),
                    is_iface: true,
                    text: crate::syntax::parser::expr_string(fun),
                    iface_desc: self.l.desc(xt) as *const _ as u64,
                    result_words: sig.results.iter().map(|t| self.l.words_cached(*t)).sum(),
                    arg_words: 1 + sig
                        .params
                        .iter()
                        .map(|t| self.l.words_cached(*t))
                        .sum::<u32>(),
                };
                let site = self.l.new_site(meta);
                self.b.pos = at;
                self.mark_call((base, n), recv);
                self.emit(Op::CallIface {
                    recv,
                    method: index as u32,
                    base,
                    site,
                });
                Ok(base)
            }
            CallKind::Closure => {
                let f = self.expr(fun)?;
                let f = if self.is_var_slot(f) {
                    let t = self.temp(1);
                    self.emit(Op::Move { d: t, s: f });
                    t
                } else {
                    f
                };
                let sig = self.sig_of(fun);
                let (base, n) = self.window(&sig, 0, args, ellipsis.is_some())?;
                let meta = crate::bytecode::SiteMeta {
                    caller: self.l.current,
                    pos: e.pos,
                    iface: self.l.types().name(self.ty(fun)),
                    method: crate::syntax::parser::expr_string(fun),
                    is_iface: false,
                    text: crate::syntax::parser::expr_string(fun),
                    iface_desc: 0,
                    result_words: sig.results.iter().map(|t| self.l.words_cached(*t)).sum(),
                    arg_words: sig
                        .params
                        .iter()
                        .map(|t| self.l.words_cached(*t))
                        .sum::<u32>(),
                };
                let site = self.l.new_site(meta);
                self.b.pos = at;
                self.mark_call((base, n), NONE);
                self.emit(Op::CallClosure { f, base, site });
                Ok(base)
            }
        }
    }

    /// A static call of `func` with `args` (after a method's receiver,
    /// `rw` words at `recv`), the call instruction at `at`.
    fn static_call(
        &mut self,
        fun: &Expr,
        func: FuncId,
        recv: Option<(Slot, u32)>,
        args: &[Expr],
        spread: bool,
        at: Pos,
    ) -> R<Slot> {
        let sig = self.sig_of(fun);
        let rw = recv.map_or(0, |r| r.1);
        let (base, n) = self.window(&sig, rw, args, spread)?;
        if let Some((recv, rw)) = recv {
            self.mov(base, recv, rw);
        }
        self.b.pos = at;
        self.mark_call((base, n), NONE);
        let edge = self.l.new_edge(at, func);
        self.emit(Op::Call { func, base, edge });
        Ok(base)
    }

    /// Whether a slot belongs to a variable (and may change during argument evaluation).
    pub(crate) fn is_var_slot(&self, s: Slot) -> bool {
        let info = self.l.info;
        self.b.vars.iter().any(|(o, v)| match v {
            super::VarLoc::Slot(x) => {
                let w = self.l.words_cached(info.obj(*o).ty);
                *x <= s && s < *x + w.max(1)
            }
            _ => false,
        })
    }

    fn sig_of(&self, fun: &Expr) -> Signature {
        let t = self.ty(fun);
        self.l
            .types()
            .sig(t)
            .cloned()
            .expect("callee has a signature")
    }

    /// Reserves a call window (`skip` receiver words first), evaluates the
    /// arguments into it (packing variadic extras into a slice). Returns
    /// (base, words).
    fn window(
        &mut self,
        sig: &Signature,
        skip: u32,
        args: &[Expr],
        spread: bool,
    ) -> R<(Slot, u32)> {
        let pw: u32 = sig.params.iter().map(|t| self.l.words(*t)).sum();
        let rw: u32 = sig.results.iter().map(|t| self.l.words(*t)).sum();
        let n = (skip + pw).max(rw);
        // f(g()) with g returning several values.
        if args.len() == 1 && !spread {
            let at = self.ty(&args[0]);
            if let Some(ts) = self.l.types().tuple_elems(at).map(|t| t.to_vec()) {
                let r = self.call(&args[0])?;
                let base = self.temp(n);
                let mut src = r;
                let mut dst = base + skip;
                let nfixed = if sig.variadic {
                    sig.params.len() - 1
                } else {
                    sig.params.len()
                };
                let mut extras = Vec::new();
                for (i, t) in ts.iter().enumerate() {
                    let w = self.l.words(*t);
                    if i < nfixed {
                        let pt = sig.params[i];
                        self.conv_slot(src, *t, pt, dst);
                        dst += self.l.words(pt);
                    } else {
                        extras.push((src, *t));
                    }
                    src += w;
                }
                if sig.variadic {
                    let st = *sig.params.last().expect("variadic");
                    self.pack_slots(&extras, st, dst)?;
                }
                return Ok((base, n));
            }
        }
        let base = self.temp(n);
        let mut dst = base + skip;
        let nfixed = if sig.variadic && !spread {
            sig.params.len() - 1
        } else {
            sig.params.len()
        };
        for (i, a) in args.iter().enumerate().take(nfixed) {
            let pt = sig.params[i];
            self.expr_conv_to(a, pt, dst)?;
            dst += self.l.words(pt);
        }
        if sig.variadic && !spread {
            let st = *sig.params.last().expect("variadic");
            let rest = &args[nfixed.min(args.len())..];
            self.pack_exprs(rest, st, dst)?;
        }
        Ok((base, n))
    }

    /// Converts a value in slots (`from` → `to`) into `d`.
    fn conv_slot(&mut self, s: Slot, from: Ty, to: Ty, d: Slot) {
        if self.needs_iface_conv(from, to) {
            self.iface_conv(s, from, to, d);
        } else {
            let w = self.l.words(to);
            self.mov(d, s, w);
        }
    }

    /// `[]T{args...}` for a variadic parameter of slice type `st`, at `d` (nil when empty).
    fn pack_exprs(&mut self, args: &[Expr], st: Ty, d: Slot) -> R<()> {
        if args.is_empty() {
            self.emit(Op::Zero { d, n: 3 });
            return Ok(());
        }
        let el = match self.l.types().under(st) {
            TypeKind::Slice(e) => *e,
            _ => st,
        };
        let stride = self.l.stride(el);
        let len = self.temp(1);
        self.emit(Op::Const {
            d: len,
            v: args.len() as u64,
        });
        let sl = self.temp(3);
        let lay = self.l.layout_of(el);
        self.emit(Op::MakeSlice {
            layout: lay,
            d: sl,
            len,
            cap: NONE,
            stride,
        });
        let tmp = self.temp(slots_of(stride));
        let iv = self.temp(1);
        for (i, a) in args.iter().enumerate() {
            self.expr_conv_to(a, el, tmp)?;
            self.emit(Op::Const { d: iv, v: i as u64 });
            self.elem_store(sl, iv, tmp, stride);
        }
        self.mov(d, sl, 3);
        Ok(())
    }

    fn pack_slots(&mut self, vals: &[(Slot, Ty)], st: Ty, d: Slot) -> R<()> {
        if vals.is_empty() {
            self.emit(Op::Zero { d, n: 3 });
            return Ok(());
        }
        let el = match self.l.types().under(st) {
            TypeKind::Slice(e) => *e,
            _ => st,
        };
        let stride = self.l.stride(el);
        let len = self.temp(1);
        self.emit(Op::Const {
            d: len,
            v: vals.len() as u64,
        });
        let lay = self.l.layout_of(el);
        self.emit(Op::MakeSlice {
            layout: lay,
            d,
            len,
            cap: NONE,
            stride,
        });
        let tmp = self.temp(slots_of(stride));
        let iv = self.temp(1);
        for (i, (s, t)) in vals.iter().enumerate() {
            self.conv_slot(*s, *t, el, tmp);
            self.emit(Op::Const { d: iv, v: i as u64 });
            self.elem_store(d, iv, tmp, stride);
        }
        Ok(())
    }

    /// `T(x)` into `d`.
    pub(crate) fn conversion(&mut self, x: &Expr, to: Ty, d: Slot) -> R<()> {
        let from = self.ty(x);
        let types = self.l.types();
        if types.is_interface(to) {
            return self.expr_conv_to(x, to, d);
        }
        let (fu, tu) = (types.under(from).clone(), types.under(to).clone());
        match (fu, tu) {
            (TypeKind::Basic(fb), TypeKind::Basic(tb)) => {
                if tb.is_complex() {
                    // Between complex types: complex64's parts rounded.
                    let s = self.expr(x)?;
                    if tb == Basic::Complex64 && fb != Basic::Complex64 {
                        self.emit(Op::RoundF32 { d, s });
                        self.emit(Op::RoundF32 { d: d + 1, s: s + 1 });
                    } else {
                        self.mov(d, s, 2);
                    }
                } else if tb.is_string() && fb.is_integer() {
                    let s = self.expr(x)?;
                    self.emit(Op::StrFromRune { d, s });
                } else if tb.is_string() || fb.is_string() || fb.is_boolean() {
                    self.expr_to(x, d)?;
                } else if tb == Basic::Float32 && fb.is_integer() && fb.int_bits() == 64 {
                    let s = self.expr(x)?;
                    self.emit(Op::IToF32 {
                        d,
                        s,
                        signed: !fb.is_unsigned(),
                    });
                } else if tb.is_float() && fb.is_integer() {
                    let s = self.expr(x)?;
                    self.emit(Op::IToF {
                        d,
                        s,
                        signed: !fb.is_unsigned(),
                    });
                    // (Exact below 2^53: one rounding.)
                    if tb == Basic::Float32 {
                        self.emit(Op::RoundF32 { d, s: d });
                    }
                } else if tb == Basic::Float32 && fb.is_float() && fb != Basic::Float32 {
                    let s = self.expr(x)?;
                    self.emit(Op::RoundF32 { d, s });
                } else if tb.is_integer() && fb.is_float() {
                    let s = self.expr(x)?;
                    self.emit(Op::FToI {
                        d,
                        s,
                        // uint32 goes through a signed 64-bit conversion
                        // (CVTTSD2SQ) and a truncation, as Go's amd64 code.
                        signed: !tb.is_unsigned() || tb == Basic::Uint32,
                        w32: matches!(
                            tb,
                            Basic::Int8
                                | Basic::Int16
                                | Basic::Int32
                                | Basic::Uint8
                                | Basic::Uint16
                        ),
                    });
                    self.trunc(d, tb);
                } else if tb.is_integer() {
                    self.expr_to(x, d)?;
                    self.trunc(d, tb);
                } else {
                    self.expr_to(x, d)?;
                }
            }
            (TypeKind::Basic(fb), TypeKind::Slice(el)) if fb.is_string() => {
                let s = self.expr(x)?;
                if self.l.packed(el) {
                    self.emit(Op::BytesFromStr { d, s });
                } else {
                    self.emit(Op::RunesFromStr { d, s });
                }
            }
            (TypeKind::Slice(el), TypeKind::Basic(tb)) if tb.is_string() => {
                let s = self.expr(x)?;
                if self.l.packed(el) {
                    self.emit(Op::StrFromBytes { d, s });
                } else {
                    self.emit(Op::StrFromRunes { d, s });
                }
            }
            _ => self.expr_to(x, d)?,
        }
        Ok(())
    }

    fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr], spread: bool) -> R<Slot> {
        let t = self.ty(e);
        match b {
            Builtin::Len | Builtin::Cap => {
                let at = self.ty(&args[0]);
                let d = self.temp(1);
                // (Not a constant only when the operand calls a function:
                // Go evaluates it then, for its side effects.)
                match self.l.types().under(at).clone() {
                    TypeKind::Array(_, n) => {
                        self.expr(&args[0])?;
                        self.emit(Op::Const { d, v: n as u64 });
                    }
                    TypeKind::Pointer(p) => {
                        let TypeKind::Array(_, n) = self.l.types().under(p).clone() else {
                            unreachable!()
                        };
                        self.expr(&args[0])?;
                        self.emit(Op::Const { d, v: n as u64 });
                    }
                    TypeKind::Map(..) => self.map_len(&args[0], d)?,
                    TypeKind::Chan(..) => self.chan_len(&args[0], b == Builtin::Cap, d)?,
                    _ => {
                        // The length word of the string or slice, wherever it is.
                        let s = self.expr(&args[0])?;
                        let off = if b == Builtin::Len { 1 } else { 2 };
                        return Ok(s + off);
                    }
                }
                Ok(d)
            }
            Builtin::Append => {
                let st = self.ty(&args[0]);
                let TypeKind::Slice(el) = self.l.types().under(st).clone() else {
                    unreachable!()
                };
                let stride = self.l.stride(el);
                let elem = {
                    let (size, _) = self.l.types().go_size(el);
                    let pointers = self.l.ptr_map(el).contains(&true);
                    crate::runtime::growslice::go_elem(size, pointers)
                };
                let s = self.expr(&args[0])?;
                let d = self.temp(3);
                if spread {
                    let at = self.ty(&args[1]);
                    let from_str = matches!(self.l.types().basic(at), Some(b) if b.is_string());
                    let tv = self.expr(&args[1])?;
                    let lay = self.l.layout_of(el);
                    self.emit(Op::AppendSlice {
                        layout: lay,
                        elem,
                        d,
                        s,
                        t: tv,
                        stride,
                        from_str,
                    });
                } else {
                    let n = (args.len() - 1) as u32;
                    let slots = slots_of(stride);
                    let v = self.temp(n * slots);
                    for (i, a) in args[1..].iter().enumerate() {
                        self.expr_conv_to(a, el, v + i as u32 * slots)?;
                    }
                    let lay = self.l.layout_of(el);
                    self.emit(Op::Append {
                        layout: lay,
                        elem,
                        d,
                        s,
                        v,
                        count: n,
                        stride,
                    });
                }
                Ok(d)
            }
            Builtin::Make if matches!(self.l.types().under(t), TypeKind::Map(..)) => {
                let hint = match args.get(1) {
                    Some(a) => self.expr_conv(a, crate::types::ty::builtin::INT)?,
                    None => NONE,
                };
                let d = self.temp(1);
                self.b.pos = e.pos;
                self.map_make(t, hint, d);
                Ok(d)
            }
            Builtin::Make if matches!(self.l.types().under(t), TypeKind::Chan(..)) => {
                let d = self.temp(1);
                self.b.pos = e.pos;
                self.chan_make(t, args.get(1), d)?;
                Ok(d)
            }
            Builtin::Close => {
                self.b.pos = e.pos;
                self.chan_close(&args[0])?;
                Ok(0)
            }
            Builtin::Delete => {
                self.b.pos = e.pos;
                self.map_delete(args)?;
                Ok(0)
            }
            Builtin::Clear => {
                let at = self.ty(&args[0]);
                self.b.pos = e.pos;
                if let TypeKind::Slice(el) = self.l.types().under(at).clone() {
                    let s = self.expr(&args[0])?;
                    let stride = self.stride(el);
                    self.mark_call((0, 0), NONE);
                    self.emit(Op::SliceClear { s, stride });
                } else {
                    self.map_clear(&args[0])?;
                }
                Ok(0)
            }
            Builtin::Make => {
                let TypeKind::Slice(el) = self.l.types().under(t).clone() else {
                    return self.unsupported(e.pos, "make of this type");
                };
                let stride = self.l.stride(el);
                let len = self.expr(&args[1])?;
                let cap = if args.len() > 2 {
                    self.expr(&args[2])?
                } else {
                    NONE
                };
                let d = self.temp(3);
                self.b.pos = e.pos;
                let lay = self.l.layout_of(el);
                self.emit(Op::MakeSlice {
                    layout: lay,
                    d,
                    len,
                    cap,
                    stride,
                });
                Ok(d)
            }
            Builtin::New => {
                let p = self.l.types().pointee(t).expect("new returns a pointer");
                let w = self.l.words(p);
                let d = self.temp(1);
                let lay = self.l.layout_of(p);
                self.emit(Op::Alloc {
                    layout: lay,
                    d,
                    n: w,
                });
                Ok(d)
            }
            Builtin::Copy => {
                let dt = self.ty(&args[0]);
                let TypeKind::Slice(el) = self.l.types().under(dt).clone() else {
                    unreachable!()
                };
                let stride = self.l.stride(el);
                let st = self.ty(&args[1]);
                let from_str = matches!(self.l.types().basic(st), Some(b) if b.is_string());
                let dst = self.expr(&args[0])?;
                let src = self.expr(&args[1])?;
                let d = self.temp(1);
                self.mark_call((0, 0), NONE);
                self.emit(Op::Copy {
                    d,
                    dst,
                    src,
                    stride,
                    from_str,
                });
                Ok(d)
            }
            Builtin::Panic => {
                let s = self.expr_conv(&args[0], builtin::ANY)?;
                self.b.pos = e.pos;
                self.mark_call((0, 0), NONE);
                self.emit(Op::Panic { s });
                Ok(s)
            }
            Builtin::Print | Builtin::Println => {
                let ln = b == Builtin::Println;
                // Every operand first, as Go evaluates them, then the printing.
                let mut vals = Vec::new();
                for a in args {
                    let at = self.ty(a);
                    let kind = match self.l.types().under(at) {
                        TypeKind::Basic(bb) if bb.is_boolean() => PrintKind::Bool,
                        TypeKind::Basic(bb) if bb.is_string() => PrintKind::String,
                        TypeKind::Basic(Basic::Float32) => PrintKind::Float32,
                        TypeKind::Basic(Basic::Complex64) => PrintKind::Complex64,
                        TypeKind::Basic(bb) if bb.is_complex() => PrintKind::Complex,
                        TypeKind::Basic(bb) if bb.is_float() => PrintKind::Float,
                        TypeKind::Basic(bb) if bb.is_unsigned() => PrintKind::Uint,
                        TypeKind::Basic(_) => PrintKind::Int,
                        TypeKind::Interface(_) => PrintKind::Iface,
                        _ => PrintKind::Pointer,
                    };
                    let s = self.expr(a)?;
                    vals.push((s, kind));
                }
                self.b.pos = e.pos;
                self.mark_call((0, 0), NONE);
                for (i, (s, kind)) in vals.into_iter().enumerate() {
                    self.emit(Op::Print {
                        s,
                        kind,
                        space: ln && i > 0,
                    });
                }
                if ln {
                    self.emit(Op::PrintNl);
                }
                Ok(0)
            }
            Builtin::Recover => Ok(self.recover()),
            Builtin::Complex => {
                let ft = match self.l.types().basic(t) {
                    Some(Basic::Complex64) => builtin::FLOAT32,
                    _ => builtin::FLOAT64,
                };
                let d = self.temp(2);
                self.expr_conv_to(&args[0], ft, d)?;
                self.expr_conv_to(&args[1], ft, d + 1)?;
                Ok(d)
            }
            Builtin::Real | Builtin::Imag => {
                let s = self.expr(&args[0])?;
                let d = self.temp(1);
                let part = if b == Builtin::Real { s } else { s + 1 };
                self.emit(Op::Move { d, s: part });
                Ok(d)
            }
            Builtin::Min | Builtin::Max => {
                let tw = self.l.words(t);
                let d = self.temp(tw);
                self.expr_to(&args[0], d)?;
                let c = self.temp(1);
                let float = matches!(self.l.types().under(t), TypeKind::Basic(bb) if bb.is_float());
                let op = if b == Builtin::Min {
                    BinOp::Lss
                } else {
                    BinOp::Gtr
                };
                for a in &args[1..] {
                    let v = self.expr(a)?;
                    if !float {
                        self.compare(op, v, t, d, t, c);
                        let j = self.emit(Op::Jz { c, t: 0 });
                        self.mov(d, v, tw);
                        let h = self.b.here();
                        self.b.patch(j, h);
                        continue;
                    }
                    // Floats, as Go's runtime fmin/fmax: a NaN wins, then
                    // the lesser (greater); of two equal values (bits
                    // alike, or zeros of either sign) the bits or'ed for
                    // min (-0 wins), and'ed for max (+0 wins).
                    self.compare(BinOp::Neq, v, t, v, t, c);
                    let not_nan = self.emit(Op::Jz { c, t: 0 });
                    self.mov(d, v, tw);
                    let done_nan = self.emit(Op::Jmp { t: 0 });
                    let h = self.b.here();
                    self.b.patch(not_nan, h);
                    self.compare(op, v, t, d, t, c);
                    let not_better = self.emit(Op::Jz { c, t: 0 });
                    self.mov(d, v, tw);
                    let done_better = self.emit(Op::Jmp { t: 0 });
                    let h = self.b.here();
                    self.b.patch(not_better, h);
                    // Equal: only zeros differ (in sign); 1/v tells them
                    // apart (-Inf for -0), so no float is read as bits.
                    self.compare(BinOp::Eql, v, t, d, t, c);
                    let differ = self.emit(Op::Jz { c, t: 0 });
                    let (one, inv, zero) = (self.temp(1), self.temp(1), self.temp(1));
                    self.constant(
                        &ConstVal::Float(num_rational::BigRational::from_integer(1.into())),
                        t,
                        one,
                    );
                    self.constant(
                        &ConstVal::Float(num_rational::BigRational::from_integer(0.into())),
                        t,
                        zero,
                    );
                    self.emit(Op::DivF {
                        d: inv,
                        a: one,
                        b: v,
                    });
                    // min takes v when it is -0, max when it is +0.
                    let sign = if b == Builtin::Min {
                        BinOp::Lss
                    } else {
                        BinOp::Gtr
                    };
                    self.compare(sign, inv, t, zero, t, c);
                    let keep = self.emit(Op::Jz { c, t: 0 });
                    self.mov(d, v, tw);
                    let h = self.b.here();
                    for j in [done_nan, done_better, differ, keep] {
                        self.b.patch(j, h);
                    }
                }
                Ok(d)
            }
        }
    }
}
