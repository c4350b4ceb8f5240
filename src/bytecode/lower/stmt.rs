//! Lowering statements: declarations, assignments, control flow and Go
//! 1.22's per-iteration loop variables.

use super::expr::{Place, NONE};
use super::{FnCtx, Target, VarLoc, R};
use crate::bytecode::op::{Cmp, Op, Slot};
use crate::syntax::ast::*;
use crate::syntax::walk::unparen;
use crate::types::ty::{builtin, Basic, Ty, TypeKind};
use crate::types::ObjId;

impl FnCtx<'_, '_> {
    pub(crate) fn block(&mut self, stmts: &[Stmt]) -> R<()> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(crate) fn stmt(&mut self, s: &Stmt) -> R<()> {
        self.b.pos = s.pos;
        match &s.kind {
            StmtKind::Empty | StmtKind::Fallthrough => Ok(()),
            StmtKind::Expr(e) => {
                if let ExprKind::Call { .. } = &unparen(e).kind {
                    self.call(unparen(e))?;
                    Ok(())
                } else {
                    self.expr(e).map(|_| ())
                }
            }
            StmtKind::Decl(d) => {
                if let Decl::Var(specs) = &**d {
                    for sp in specs {
                        self.var_spec(sp)?;
                    }
                }
                Ok(())
            }
            StmtKind::Assign { lhs, op, rhs, .. } => self.assign(lhs, *op, rhs),
            StmtKind::IncDec { x, inc } => {
                let t = self.ty(x);
                let p = self.place(x)?;
                let w = self.words(t);
                let v = self.read(p, w);
                // A variable in a frame slot is updated in place.
                let d = match p {
                    Place::Slot(s) => s,
                    _ => self.temp(1),
                };
                let b = self.l.types().basic(t).unwrap_or(Basic::Int);
                if b.is_complex() {
                    // The real part steps; the imaginary part stays.
                    let w = self.temp(2);
                    let one = self.temp(1);
                    self.emit(Op::Const {
                        d: one,
                        v: 1.0f64.to_bits(),
                    });
                    self.emit(if *inc {
                        Op::AddF { d: w, a: v, b: one }
                    } else {
                        Op::SubF { d: w, a: v, b: one }
                    });
                    if b == Basic::Complex64 {
                        self.emit(Op::RoundF32 { d: w, s: w });
                    }
                    self.emit(Op::Move { d: w + 1, s: v + 1 });
                    self.write(p, w, 2);
                    return Ok(());
                }
                if b.is_float() {
                    let one = self.temp(1);
                    self.emit(Op::Const {
                        d: one,
                        v: 1.0f64.to_bits(),
                    });
                    if *inc {
                        self.emit(Op::AddF { d, a: v, b: one });
                    } else {
                        self.emit(Op::SubF { d, a: v, b: one });
                    }
                    if b == Basic::Float32 {
                        self.emit(Op::RoundF32 { d, s: d });
                    }
                } else {
                    self.emit(Op::AddImm {
                        d,
                        a: v,
                        imm: if *inc { 1 } else { -1 },
                    });
                    self.trunc(d, b);
                }
                self.write(p, d, 1);
                Ok(())
            }
            StmtKind::Block(b) => self.block(&b.stmts),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i)?;
                }
                let j = self.jump_if_false(cond)?;
                self.block(&then.stmts)?;
                match els {
                    Some(e) => {
                        let j2 = self.emit(Op::Jmp { t: 0 });
                        let h = self.b.here();
                        self.b.patch(j, h);
                        self.stmt(e)?;
                        let h = self.b.here();
                        self.b.patch(j2, h);
                    }
                    None => {
                        let h = self.b.here();
                        self.b.patch(j, h);
                    }
                }
                Ok(())
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_stmt(init.as_deref(), cond.as_deref(), post.as_deref(), body),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range(key.as_deref(), value.as_deref(), *define, x, body),
            StmtKind::Switch {
                init, tag, cases, ..
            } => self.switch(init.as_deref(), tag.as_deref(), cases),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                cases,
                ..
            } => self.type_switch(init.as_deref(), bind.as_ref(), x, cases),
            StmtKind::Return(results) => self.ret(results),
            StmtKind::Defer(e) => self.defer_stmt(e),
            StmtKind::Go(e) => self.go_stmt(e),
            StmtKind::Send { ch, value } => self.send_stmt(s.pos, ch, value),
            StmtKind::Select { cases, .. } => self.select(s.pos, cases),
            StmtKind::Break(label) => {
                let idx = self.target_index(label.as_ref().map(|l| l.name.as_str()), false);
                if idx.is_none()
                    && self.range_branch(label.as_ref().map(|l| l.name.as_str()), false)?
                {
                    return Ok(());
                }
                let j = self.emit(Op::Jmp { t: 0 });
                if let Some(i) = idx {
                    self.b.targets[i].breaks.push(j);
                }
                Ok(())
            }
            StmtKind::Continue(label) => {
                let idx = self.target_index(label.as_ref().map(|l| l.name.as_str()), true);
                if idx.is_none()
                    && self.range_branch(label.as_ref().map(|l| l.name.as_str()), true)?
                {
                    return Ok(());
                }
                let j = self.emit(Op::Jmp { t: 0 });
                if let Some(i) = idx {
                    self.b.targets[i].continues.push(j);
                }
                Ok(())
            }
            StmtKind::Goto(label) => {
                if self.range_goto(&label.name) {
                    return Ok(());
                }
                let j = self.emit(Op::Jmp { t: 0 });
                self.b.gotos.push((label.name.clone(), j));
                Ok(())
            }
            StmtKind::Labeled { label, stmt } => {
                let here = self.b.here();
                self.b.labels.insert(label.name.clone(), here);
                self.b.pending_label = Some(label.name.clone());
                let r = self.stmt(stmt);
                self.b.pending_label = None;
                r
            }
        }
    }

    fn target_index(&self, label: Option<&str>, want_loop: bool) -> Option<usize> {
        self.b.targets.iter().rposition(|t| match label {
            Some(l) => t.label.as_deref() == Some(l),
            None => !want_loop || t.is_loop,
        })
    }

    pub(super) fn push_target(&mut self, is_loop: bool) {
        let label = self.b.pending_label.take();
        self.b.targets.push(Target {
            label,
            is_loop,
            breaks: Vec::new(),
            continues: Vec::new(),
        });
    }

    /// Pops the innermost target, pointing its breaks at `brk` and continues at `cont`.
    pub(super) fn pop_target(&mut self, brk: u32, cont: u32) {
        let t = self.b.targets.pop().expect("target");
        for j in t.breaks {
            self.b.patch(j, brk);
        }
        for j in t.continues {
            self.b.patch(j, cont);
        }
    }

    /// Declares a new local variable and returns its place.
    pub(crate) fn declare(&mut self, o: ObjId) -> Place {
        let t = self.info().obj(o).ty;
        let w = self.words(t);
        let boxed = self.info().var(o).map(|v| v.boxed).unwrap_or(false);
        if boxed {
            let cell = self.temp(1);
            let lay = self.l.layout_of(t);
            self.emit(Op::Alloc {
                layout: lay,
                d: cell,
                n: w,
            });
            self.b.vars.insert(o, VarLoc::Cell(cell));
            Place::Mem { p: cell, off: 0 }
        } else {
            let s = self.temp(w);
            self.b.vars.insert(o, VarLoc::Slot(s));
            Place::Slot(s)
        }
    }

    /// `var a, b T = x, y` (also package-level, in the initializer).
    pub(crate) fn var_spec(&mut self, s: &VarSpec) -> R<()> {
        let objs: Vec<ObjId> = s.names.iter().map(|n| self.info().defs[&n.id]).collect();
        if s.values.is_empty() {
            for o in objs {
                if s.names
                    .iter()
                    .any(|n| n.name == "_" && self.info().defs.get(&n.id) == Some(&o))
                {
                    continue;
                }
                let p = self.decl_place(o);
                let t = self.info().obj(o).ty;
                let w = self.words(t);
                if w > 0 {
                    let z = self.temp(w);
                    self.emit(Op::Zero { d: z, n: w });
                    self.write(p, z, w);
                }
            }
            return Ok(());
        }
        let vals = self.values(
            &s.values,
            &objs
                .iter()
                .map(|o| self.info().obj(*o).ty)
                .collect::<Vec<_>>(),
        )?;
        for (i, o) in objs.iter().enumerate() {
            let blank = s.names[i].name == "_";
            if blank {
                continue;
            }
            let p = self.decl_place(*o);
            let t = self.info().obj(*o).ty;
            let w = self.words(t);
            self.write(p, vals[i], w);
        }
        Ok(())
    }

    /// A package variable's place, or a fresh local.
    fn decl_place(&mut self, o: ObjId) -> Place {
        if self.info().var(o).map(|v| v.global).unwrap_or(false) {
            return Place::Global {
                addr: self.l.global_addr(o),
            };
        }
        self.declare(o)
    }

    /// Evaluates right-hand sides into fresh temps, converted to `targets`.
    pub(crate) fn values(&mut self, rhs: &[Expr], targets: &[Ty]) -> R<Vec<Slot>> {
        if rhs.len() == 1 && targets.len() > 1 {
            let e = unparen(&rhs[0]);
            if self.info().comma_ok.contains(&e.id) {
                if let ExprKind::Unary(UnOp::Recv, x) = &e.kind {
                    let t = self.ty(e);
                    let (v, ok) = self.recv(e, x, true)?;
                    let v2 = self.conv_to_target(v, t, targets[0]);
                    return Ok(vec![v2, ok]);
                }
                if let ExprKind::Index(..) = &e.kind {
                    let t = self.ty(e);
                    let (v, ok) = self.map_index_ok(e)?;
                    let v2 = self.conv_to_target(v, t, targets[0]);
                    return Ok(vec![v2, ok]);
                }
                let ExprKind::TypeAssert(x, _) = &e.kind else {
                    unreachable!()
                };
                let t = self.ty(e);
                let w = self.words(t);
                let v = self.temp(w);
                let ok = self.temp(1);
                self.assert_to(e, x, v, ok)?;
                let v2 = self.conv_to_target(v, t, targets[0]);
                return Ok(vec![v2, ok]);
            }
            let r = self.call(e)?;
            let ts = self
                .l
                .types()
                .tuple_elems(self.ty(e))
                .expect("tuple")
                .to_vec();
            let mut out = Vec::new();
            let mut src = r;
            for (i, t) in ts.iter().enumerate() {
                let w = self.words(*t);
                // Copy out of the call window: later calls reuse it.
                let tmp = self.temp(w);
                self.mov(tmp, src, w);
                let target = targets.get(i).copied().unwrap_or(*t);
                let target = if target == builtin::INVALID {
                    *t
                } else {
                    target
                };
                out.push(self.conv_to_target(tmp, *t, target));
                src += w;
            }
            return Ok(out);
        }
        let mut out = Vec::new();
        for (i, e) in rhs.iter().enumerate() {
            let target = targets.get(i).copied().unwrap_or(builtin::INVALID);
            let t = if target == builtin::INVALID {
                self.ty(e)
            } else {
                target
            };
            let w = self.words(t);
            let d = self.temp(w);
            self.expr_conv_to(e, t, d)?;
            out.push(d);
        }
        Ok(out)
    }

    fn conv_to_target(&mut self, s: Slot, from: Ty, to: Ty) -> Slot {
        if self.needs_iface_conv(from, to) {
            let d = self.temp(2);
            self.iface_conv(s, from, to, d);
            d
        } else {
            s
        }
    }

    fn assign(&mut self, lhs: &[Expr], op: AssignOp, rhs: &[Expr]) -> R<()> {
        match op {
            AssignOp::Op(bop) => {
                let t = self.ty(&lhs[0]);
                let p = self.place(&lhs[0])?;
                let w = self.words(t);
                if let Place::Slot(d) = p {
                    // `x op= y` on a frame variable: the operation reads both
                    // operands before writing, so it can target x directly.
                    let b = self.expr(&rhs[0])?;
                    if bop.is_shift() {
                        self.check_shift_count(&rhs[0], b);
                    }
                    self.arith(t, bop, d, b, d);
                    return Ok(());
                }
                let a = self.read(p, w);
                let a2 = self.temp(w);
                self.mov(a2, a, w);
                let b = self.expr(&rhs[0])?;
                if bop.is_shift() {
                    self.check_shift_count(&rhs[0], b);
                }
                let d = self.temp(w);
                self.arith(t, bop, a2, b, d);
                self.write(p, d, w);
                Ok(())
            }
            AssignOp::Define => {
                let mut targets = Vec::new();
                let mut objs = Vec::new();
                for l in lhs {
                    let (o, new) = match (self.info().defs.get(&l.id), self.info().uses.get(&l.id))
                    {
                        (Some(o), _) => (Some(*o), true),
                        (None, Some(o)) => (Some(*o), false),
                        _ => (None, false),
                    };
                    targets.push(o.map(|o| self.info().obj(o).ty).unwrap_or(builtin::INVALID));
                    objs.push((o, new));
                }
                if lhs.len() == 1 && rhs.len() == 1 {
                    if let (Some(o), true) = objs[0] {
                        if !matches!(&lhs[0].kind, ExprKind::Ident(n) if n == "_") {
                            if let Place::Slot(d) = self.declare(o) {
                                return self.expr_conv_to(&rhs[0], targets[0], d);
                            }
                            let p = self.var_place(o);
                            let w = self.words(targets[0]);
                            let v = self.expr_conv(&rhs[0], targets[0])?;
                            self.write(p, v, w);
                            return Ok(());
                        }
                    }
                }
                let vals = self.values(rhs, &targets)?;
                for (i, (o, new)) in objs.into_iter().enumerate() {
                    let Some(o) = o else { continue };
                    if matches!(&lhs[i].kind, ExprKind::Ident(n) if n == "_") {
                        continue;
                    }
                    let p = if new {
                        self.declare(o)
                    } else {
                        self.var_place(o)
                    };
                    let w = self.words(targets[i]);
                    self.write(p, vals[i], w);
                }
                Ok(())
            }
            AssignOp::Assign => {
                if lhs.len() == 1 && rhs.len() == 1 {
                    let t = self.ty(&lhs[0]);
                    let p = self.place(&lhs[0])?;
                    if let Place::Blank = p {
                        self.expr(&rhs[0])?;
                        return Ok(());
                    }
                    let w = self.words(t);
                    if let Place::Slot(d) = p {
                        if writes_last(&rhs[0]) {
                            return self.expr_conv_to(&rhs[0], t, d);
                        }
                    }
                    let v = self.expr_conv(&rhs[0], t)?;
                    self.write(p, v, w);
                    return Ok(());
                }
                // Left operands first, then right values, then the stores.
                let mut places = Vec::new();
                let mut targets = Vec::new();
                for l in lhs {
                    let p = self.place(l)?;
                    // Later stores must not see index or pointer operands change.
                    let p = self.stabilize(p);
                    let t = if matches!(p, Place::Blank) {
                        builtin::INVALID
                    } else {
                        self.ty(l)
                    };
                    places.push(p);
                    targets.push(t);
                }
                let mut vals = self.values(rhs, &targets)?;
                // Values that are variables' own slots must be copied before any store.
                if rhs.len() > 1 {
                    for (i, v) in vals.iter_mut().enumerate() {
                        let t = if targets[i] == builtin::INVALID {
                            self.ty(&rhs[i])
                        } else {
                            targets[i]
                        };
                        let w = self.words(t);
                        let tmp = self.temp(w);
                        self.mov(tmp, *v, w);
                        *v = tmp;
                    }
                }
                for (i, p) in places.into_iter().enumerate() {
                    if targets[i] == builtin::INVALID {
                        continue;
                    }
                    let w = self.words(targets[i]);
                    self.write(p, vals[i], w);
                }
                Ok(())
            }
        }
    }

    /// Copies the operands a place depends on into fresh slots.
    fn stabilize(&mut self, p: Place) -> Place {
        let copy = |c: &mut Self, s: Slot, n: u32| {
            let t = c.temp(n);
            c.mov(t, s, n);
            t
        };
        match p {
            Place::Mem { p, off } => Place::Mem {
                p: copy(self, p, 1),
                off,
            },
            Place::SliceElem { s, i, stride, off } => Place::SliceElem {
                s: copy(self, s, 3),
                i: copy(self, i, 1),
                stride,
                off,
            },
            Place::FrameIdx {
                base,
                i,
                len,
                stride,
                off,
            } => Place::FrameIdx {
                base,
                i: copy(self, i, 1),
                len,
                stride,
                off,
            },
            Place::FrameDyn { base, o, off } => Place::FrameDyn {
                base,
                o: copy(self, o, 1),
                off,
            },
            Place::SliceByte { s, i } => Place::SliceByte {
                s: copy(self, s, 3),
                i: copy(self, i, 1),
            },
            Place::MemByte { p } => Place::MemByte {
                p: copy(self, p, 1),
            },
            Place::FrameByte {
                base,
                o,
                off,
                sh,
                k,
            } => Place::FrameByte {
                base,
                o: if o == NONE { o } else { copy(self, o, 1) },
                off,
                sh: if sh == NONE { sh } else { copy(self, sh, 1) },
                k,
            },
            other => other,
        }
    }

    /// A signed shift count must not be negative.
    pub(crate) fn check_shift_count(&mut self, y: &Expr, s: Slot) {
        if self.info().consts.contains_key(&y.id) {
            return;
        }
        let t = self.ty(y);
        if matches!(self.l.types().basic(t), Some(b) if !b.is_unsigned()) {
            self.emit(Op::CheckShift { s });
        }
    }

    fn ret(&mut self, results: &[Expr]) -> R<()> {
        if let Some(rb) = self.b.range_body.clone() {
            return self.range_ret(&rb, results);
        }
        if self.b.results_in_vars {
            return self.ret_to_vars(results);
        }
        let fi = self.b.func_index;
        let info = self.info();
        let f = &info.funcs[fi];
        let rtys: Vec<Ty> = f.results.iter().map(|r| info.obj(*r).ty).collect();
        let robjs = f.results.clone();
        let total: u32 = rtys.iter().map(|t| self.l.words(*t)).sum();
        let out = self.temp(total);
        if results.is_empty() {
            // Bare return: the named results.
            let mut d = out;
            for (o, t) in robjs.iter().zip(&rtys) {
                let w = self.words(*t);
                let p = self.var_place(*o);
                self.read_to(p, d, w);
                d += w;
            }
        } else if results.len() == 1 && rtys.len() == 1 {
            let v = self.expr_conv(&results[0], rtys[0])?;
            return self.emit_ret(v);
        } else {
            let vals = self.values(results, &rtys)?;
            let mut d = out;
            for (v, t) in vals.iter().zip(&rtys) {
                let w = self.words(*t);
                self.mov(d, *v, w);
                d += w;
            }
        }
        self.emit_ret(out)
    }

    fn for_stmt(
        &mut self,
        init: Option<&Stmt>,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        body: &Block,
    ) -> R<()> {
        if let Some(i) = init {
            self.stmt(i)?;
        }
        // Variables declared by init that live in cells get a fresh cell per iteration.
        let mut loop_cells = Vec::new();
        if let Some(Stmt {
            kind:
                StmtKind::Assign {
                    op: AssignOp::Define,
                    lhs,
                    ..
                },
            ..
        }) = init
        {
            for l in lhs {
                if let Some(&o) = self.info().defs.get(&l.id) {
                    if let Some(VarLoc::Cell(c)) = self.b.vars.get(&o).copied() {
                        loop_cells.push((o, c));
                    }
                }
            }
        }
        // The condition is tested at the bottom (one jump per iteration):
        // `jmp cond; body: ...; cont: post; cond: if c goto body`.
        let enter = cond.map(|_| self.emit(Op::Jmp { t: 0 }));
        let top = self.b.here();
        self.push_target(true);
        self.block(&body.stmts)?;
        let cont = self.b.here();
        for (o, c) in loop_cells {
            let t = self.info().obj(o).ty;
            let w = self.words(t);
            let v = self.temp(w);
            self.emit(Op::Load {
                d: v,
                p: c,
                off: 0,
                n: w,
            });
            let lay = self.l.layout_of(t);
            self.emit(Op::Alloc {
                layout: lay,
                d: c,
                n: w,
            });
            self.emit(Op::Store {
                p: c,
                off: 0,
                s: v,
                n: w,
            });
        }
        if let Some(p) = post {
            self.stmt(p)?;
        }
        match (cond, enter) {
            (Some(c), Some(j)) => {
                let test = self.b.here();
                self.b.patch(j, test);
                let back = self.cond_jump(c, true)?;
                self.b.patch(back, top);
                let end = self.b.here();
                self.pop_target(end, cont);
            }
            _ => {
                self.emit(Op::Jmp { t: top });
                let end = self.b.here();
                self.pop_target(end, cont);
            }
        }
        Ok(())
    }

    fn range(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &Block,
    ) -> R<()> {
        let xt = self.ty(x);
        let under = self.l.types().under(xt).clone();
        if let TypeKind::Map(kt, vt) = under {
            return self.range_map(key, value, define, x, (kt, vt), body);
        }
        if let TypeKind::Func(_) = under {
            return self.range_func(key, value, x, body);
        }
        if let TypeKind::Chan(..) = under {
            return self.range_chan(key, define, x, body);
        }
        // The range expression is evaluated once.
        let (len_slot, coll, elem, is_str, arr_in_frame): (Slot, Slot, Option<Ty>, bool, bool) =
            match &under {
                TypeKind::Basic(b) if b.is_integer() => {
                    let n = self.temp(1);
                    self.expr_to(x, n)?;
                    (n, NONE, None, false, false)
                }
                TypeKind::Basic(_) => {
                    let s = self.temp(2);
                    self.expr_to(x, s)?;
                    (s + 1, s, Some(builtin::INT32), true, false)
                }
                TypeKind::Slice(e) => {
                    let s = self.temp(3);
                    self.expr_to(x, s)?;
                    (s + 1, s, Some(*e), false, false)
                }
                TypeKind::Array(e, n) => {
                    let len = self.temp(1);
                    self.emit(Op::Const {
                        d: len,
                        v: *n as u64,
                    });
                    if value.is_some() {
                        let w = self.words(xt);
                        let a = self.temp(w);
                        self.expr_to(x, a)?;
                        (len, a, Some(*e), false, true)
                    } else {
                        (len, NONE, Some(*e), false, false)
                    }
                }
                TypeKind::Pointer(p) => {
                    let TypeKind::Array(e, n) = self.l.types().under(*p).clone() else {
                        unreachable!()
                    };
                    let pv = self.expr(x)?;
                    let len = self.temp(1);
                    self.emit(Op::Const {
                        d: len,
                        v: n as u64,
                    });
                    let s = self.temp(3);
                    self.emit(Op::AddrOff {
                        d: s,
                        p: pv,
                        off: 0,
                    });
                    self.emit(Op::Const {
                        d: s + 1,
                        v: n as u64,
                    });
                    self.emit(Op::Const {
                        d: s + 2,
                        v: n as u64,
                    });
                    (len, s, Some(e), false, false)
                }
                _ => return self.unsupported(x.pos, "range over this type"),
            };
        let kt = match &under {
            TypeKind::Basic(b) if b.is_integer() => xt,
            _ => builtin::INT,
        };
        let i = self.temp(1);
        self.emit(Op::Const { d: i, v: 0 });
        let next_i = self.temp(1);
        let c = self.temp(1);
        let top = self.b.here();
        self.emit(Op::CmpI {
            d: c,
            a: i,
            b: len_slot,
            c: Cmp::Lt,
            signed: true,
        });
        let exit = self.emit(Op::Jz { c, t: 0 });
        // This iteration's key and value.
        let ew = elem.map(|e| self.words(e)).unwrap_or(0);
        let val = self.temp(ew.max(if is_str { 2 } else { 0 }));
        if is_str {
            self.emit(Op::StrDecodeRune { d: val, s: coll, i });
            self.emit(Op::AddI {
                d: next_i,
                a: i,
                b: val + 1,
            });
        } else {
            self.emit(Op::AddImm {
                d: next_i,
                a: i,
                imm: 1,
            });
            if value.is_some() {
                let stride = ew;
                if elem.is_some_and(|e| self.l.packed(e)) {
                    if arr_in_frame {
                        let at = self.frame_byte_at(coll, NONE, i);
                        self.read_to(at, val, 1);
                    } else if coll != NONE {
                        self.emit(Op::SliceLoadB { d: val, s: coll, i });
                    }
                } else if arr_in_frame {
                    let n = match &under {
                        TypeKind::Array(_, n) => *n as u32,
                        _ => 0,
                    };
                    self.emit(Op::FrameLoadIdx {
                        d: val,
                        base: coll,
                        i,
                        len: n,
                        stride,
                        off: 0,
                        n: stride,
                    });
                } else if coll != NONE {
                    self.emit(Op::SliceLoad {
                        d: val,
                        s: coll,
                        i,
                        stride,
                        off: 0,
                        n: stride,
                    });
                }
            }
        }
        self.bind_range_vars(
            [(key, kt, i), (value, elem.unwrap_or(builtin::INT), val)],
            define,
        )?;
        self.push_target(true);
        self.block(&body.stmts)?;
        let cont = self.b.here();
        self.emit(Op::Move { d: i, s: next_i });
        self.emit(Op::Jmp { t: top });
        let end = self.b.here();
        self.b.patch(exit, end);
        self.pop_target(end, cont);
        Ok(())
    }

    /// A range loop's iteration variables (`k`, `v`) from the slots that
    /// hold this trip's key and value: declared afresh each trip (Go 1.22)
    /// with `:=`, assigned otherwise; `_` and absent ones skipped.
    fn bind_range_vars(&mut self, parts: [(Option<&Expr>, Ty, Slot); 2], define: bool) -> R<()> {
        for (e, t, src) in parts {
            let Some(e) = e else { continue };
            if matches!(&e.kind, ExprKind::Ident(n) if n == "_") {
                continue;
            }
            let w = self.words(t);
            if define {
                let o = self.info().defs[&e.id];
                let p = self.declare(o);
                self.write(p, src, w);
            } else {
                let p = self.place(e)?;
                self.write(p, src, w);
            }
        }
        Ok(())
    }

    /// `for k, v := range m`: an iterator, and its next entry at the top
    /// of every trip.
    fn range_map(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        (kt, vt): (Ty, Ty),
        body: &Block,
    ) -> R<()> {
        let xt = self.ty(x);
        let m = self.temp(1);
        self.expr_to(x, m)?;
        let it = self.map_iter(m);
        let top = self.b.here();
        let (ok, k, v) = self.map_next(xt, it);
        let exit = self.emit(Op::Jz { c: ok, t: 0 });
        self.range_trip(top, exit, [(key, kt, k), (value, vt, v)], define, body)
    }

    /// The rest of a range loop whose next-element test at `top` jumps out
    /// at `exit`: the iteration variables bound to `vars`, the body, the
    /// back-edge to `top` (`continue`s go there too).
    pub(super) fn range_trip(
        &mut self,
        top: u32,
        exit: usize,
        vars: [(Option<&Expr>, Ty, Slot); 2],
        define: bool,
        body: &Block,
    ) -> R<()> {
        self.bind_range_vars(vars, define)?;
        self.push_target(true);
        self.block(&body.stmts)?;
        let cont = self.b.here();
        self.emit(Op::Jmp { t: top });
        let end = self.b.here();
        self.b.patch(exit, end);
        self.pop_target(end, cont);
        Ok(())
    }

    fn switch(&mut self, init: Option<&Stmt>, tag: Option<&Expr>, cases: &[CaseClause]) -> R<()> {
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let tag_v = match tag {
            Some(t) => {
                let tt = self.ty(t);
                let w = self.words(tt);
                let d = self.temp(w);
                self.expr_to(t, d)?;
                Some((d, tt))
            }
            None => None,
        };
        let c = self.temp(1);
        let mut body_jumps: Vec<Vec<usize>> = vec![Vec::new(); cases.len()];
        for (ci, cl) in cases.iter().enumerate() {
            for e in &cl.exprs {
                match tag_v {
                    Some((tv, tt)) => {
                        let et = self.ty(e);
                        let (a, at, b, bt) = if self.l.types().is_interface(tt)
                            && !self.l.types().is_interface(et)
                        {
                            let v = self.expr_conv(e, tt)?;
                            (tv, tt, v, tt)
                        } else if self.l.types().is_interface(et)
                            && !self.l.types().is_interface(tt)
                        {
                            let tv2 = self.temp(2);
                            self.iface_conv(tv, tt, et, tv2);
                            let v = self.expr(e)?;
                            (tv2, et, v, et)
                        } else {
                            let v = self.expr(e)?;
                            (tv, tt, v, et)
                        };
                        self.compare(BinOp::Eql, a, at, b, bt, c);
                        let j = self.emit(Op::Jnz { c, t: 0 });
                        body_jumps[ci].push(j);
                    }
                    None => {
                        let v = self.expr(e)?;
                        let j = self.emit(Op::Jnz { c: v, t: 0 });
                        body_jumps[ci].push(j);
                    }
                }
            }
        }
        let default_jump = self.emit(Op::Jmp { t: 0 });
        self.push_target(false);
        let mut ends = Vec::new();
        let mut fall_jumps: Vec<usize> = Vec::new();
        let mut starts = Vec::new();
        for (ci, cl) in cases.iter().enumerate() {
            let start = self.b.here();
            starts.push(start);
            for j in body_jumps[ci].drain(..) {
                self.b.patch(j, start);
            }
            for j in fall_jumps.drain(..) {
                self.b.patch(j, start);
            }
            if cl.is_default {
                self.b.patch(default_jump, start);
            }
            self.block(&cl.body)?;
            let falls = matches!(cl.body.last().map(|s| &s.kind), Some(StmtKind::Fallthrough));
            let j = self.emit(Op::Jmp { t: 0 });
            if falls {
                fall_jumps.push(j);
            } else {
                ends.push(j);
            }
        }
        let end = self.b.here();
        if !cases.iter().any(|c| c.is_default) {
            self.b.patch(default_jump, end);
        }
        for j in ends.into_iter().chain(fall_jumps) {
            self.b.patch(j, end);
        }
        self.pop_target(end, end);
        Ok(())
    }

    fn type_switch(
        &mut self,
        init: Option<&Stmt>,
        bind: Option<&Ident>,
        x: &Expr,
        cases: &[TypeCaseClause],
    ) -> R<()> {
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let xt = self.ty(x);
        let xv = self.temp(2);
        self.expr_to(x, xv)?;
        let src_empty = self.l.types().iface_methods(xt).is_empty();
        let src = self.l.desc(xt) as *const _ as u64;
        let c = self.temp(1);
        let mut ends = Vec::new();
        let mut default: Option<&TypeCaseClause> = None;
        self.push_target(false);
        for cl in cases {
            if cl.is_default {
                default = Some(cl);
                continue;
            }
            let var = bind.and_then(|_| self.info().defs.get(&cl.id).copied());
            // Test each listed type; a single concrete type also extracts the value.
            let mut hits = Vec::new();
            let single = cl.types.len() == 1;
            let mut bound_here = false;
            for te in &cl.types {
                let tt = self.ty(te);
                if tt == builtin::UNTYPED_NIL {
                    self.emit(Op::CmpImm {
                        d: c,
                        a: xv,
                        imm: 0,
                        c: Cmp::Eq,
                    });
                } else if self.l.types().is_interface(tt) {
                    let target = self.l.desc(tt) as *const _ as u64;
                    let tmp = self.temp(2);
                    self.emit(Op::AssertIface {
                        d: tmp,
                        s: xv,
                        target,
                        src_empty,
                        src,
                        ok: c,
                    });
                    if single {
                        if let Some(o) = var {
                            let p = self.declare(o);
                            self.write(p, tmp, 2);
                            bound_here = true;
                        }
                    }
                } else {
                    let ty = self.l.desc(tt) as *const _ as u64;
                    let n = self.words(tt);
                    let direct = self.l.is_direct(tt);
                    let tmp = self.temp(n);
                    self.emit(Op::AssertType {
                        d: tmp,
                        s: xv,
                        ty,
                        n,
                        direct,
                        src_empty,
                        src,
                        ok: c,
                    });
                    if single {
                        if let Some(o) = var {
                            let p = self.declare(o);
                            self.write(p, tmp, n);
                            bound_here = true;
                        }
                    }
                }
                hits.push(self.emit(Op::Jnz { c, t: 0 }));
            }
            let skip = self.emit(Op::Jmp { t: 0 });
            let body = self.b.here();
            for j in hits {
                self.b.patch(j, body);
            }
            if let (Some(o), false) = (var, bound_here) {
                let p = self.declare(o);
                let w = self.words(self.info().obj(o).ty);
                self.write(p, xv, w);
            }
            self.block(&cl.body)?;
            ends.push(self.emit(Op::Jmp { t: 0 }));
            let h = self.b.here();
            self.b.patch(skip, h);
        }
        if let Some(cl) = default {
            if let Some(o) = bind.and_then(|_| self.info().defs.get(&cl.id).copied()) {
                let p = self.declare(o);
                self.write(p, xv, 2);
            }
            self.block(&cl.body)?;
        }
        let end = self.b.here();
        for j in ends {
            self.b.patch(j, end);
        }
        self.pop_target(end, end);
        Ok(())
    }
}

/// Whether lowering `e` into a destination writes it only after reading
/// every operand (so the destination may be one of the operands' variables).
fn writes_last(e: &Expr) -> bool {
    match &unparen(e).kind {
        ExprKind::CompositeLit { .. } => false,
        ExprKind::Binary { op, .. } => !matches!(op, BinOp::LAnd | BinOp::LOr),
        _ => true,
    }
}
