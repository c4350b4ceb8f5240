//! Channels, `go` and `select`, as the channel instructions
//! (`interp::chans` runs them in every tier; `interp::sched` runs the
//! goroutines).

use super::{FnCtx, R};
use crate::bytecode::op::{Cmp, Op, Slot, NONE};
use crate::interp::chans::CaseInfo;
use crate::syntax::ast::*;
use crate::syntax::walk::unparen;
use crate::types::ty::{Ty, TypeKind};

impl FnCtx<'_, '_> {
    /// The element type of channel type `t`.
    fn chan_elem(&self, t: Ty) -> Ty {
        match self.l.types().under(t) {
            TypeKind::Chan(_, e) => *e,
            _ => unreachable!("a channel type"),
        }
    }

    /// `make(chan T[, size])` of type `t` into `d`.
    pub(crate) fn chan_make(&mut self, t: Ty, size: Option<&Expr>, d: Slot) -> R<()> {
        let el = self.chan_elem(t);
        let size = match size {
            Some(a) => self.expr_conv(a, crate::types::ty::builtin::INT)?,
            None => NONE,
        };
        let w = self.words(el);
        let header = self
            .l
            .intern_layout(crate::interp::chans::HEADER_PTRS.to_vec());
        let layout = self.l.layout_of(el);
        self.emit(Op::ChanMake {
            d,
            size,
            w,
            header,
            layout,
        });
        Ok(())
    }

    /// `len(ch)` or `cap(ch)` into `d`.
    pub(crate) fn chan_len(&mut self, x: &Expr, cap: bool, d: Slot) -> R<()> {
        let ch = self.expr(x)?;
        self.emit(Op::ChanLen { d, ch, cap });
        Ok(())
    }

    /// `close(ch)`.
    pub(crate) fn chan_close(&mut self, x: &Expr) -> R<()> {
        let ch = self.expr(x)?;
        self.mark_call((0, 0), NONE);
        self.emit(Op::ChanClose { ch });
        Ok(())
    }

    /// `<-x` (`e`): the value's slots, and (with `ok`) the slot of the
    /// comma-ok bool. In a `select` clause, the receive the `select` made.
    pub(crate) fn recv(&mut self, e: &Expr, x: &Expr, ok: bool) -> R<(Slot, Slot)> {
        if let Some(&r) = self.b.received.get(&e.id) {
            return Ok(r);
        }
        let el = self.chan_elem(self.ty(x));
        let ch = self.expr(x)?;
        let w = self.words(el);
        let d = self.temp(w);
        let okd = if ok { self.temp(1) } else { NONE };
        self.b.pos = e.pos;
        self.emit(Op::ChanRecv { d, ch, w, ok: okd });
        Ok((d, okd))
    }

    /// `ch <- value`.
    pub(crate) fn send_stmt(&mut self, pos: Pos, ch: &Expr, value: &Expr) -> R<()> {
        let el = self.chan_elem(self.ty(ch));
        let c = self.expr(ch)?;
        let w = self.words(el);
        let v = self.temp(w);
        self.expr_conv_to(value, el, v)?;
        self.b.pos = pos;
        self.emit(Op::ChanSend { ch: c, v, w });
        Ok(())
    }

    /// `go call`: the call's operands evaluated now, the call itself in a
    /// wrapper a new goroutine runs.
    pub(crate) fn go_stmt(&mut self, e: &Expr) -> R<()> {
        let (wrap, base, n, nil_at, func_at) = self.split_call(e, true)?;
        self.b.pos = e.pos;
        self.emit(Op::Go {
            wrap,
            base,
            n,
            nil_at,
            func_at,
            by: pgojit_profiler::FuncId(self.b.func_index as u32),
            line: e.pos.line,
        });
        Ok(())
    }

    /// `for v := range ch`: a receive at the top of every trip, until the
    /// channel is closed and drained.
    pub(crate) fn range_chan(
        &mut self,
        key: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &Block,
    ) -> R<()> {
        let el = self.chan_elem(self.ty(x));
        let w = self.words(el);
        let ch = self.temp(1);
        self.expr_to(x, ch)?;
        let top = self.b.here();
        let v = self.temp(w);
        let ok = self.temp(1);
        self.b.pos = x.pos;
        self.emit(Op::ChanRecv { d: v, ch, w, ok });
        let exit = self.emit(Op::Jz { c: ok, t: 0 });
        self.range_trip(top, exit, [(key, el, v), (None, el, v)], define, body)
    }

    /// `select`: every case's channel and value evaluated in source
    /// order, one `Select` that runs one case (blocking unless there is a
    /// `default`), then the chosen clause: its receive's assignment, if
    /// any, from where the `Select` put the value, then its body.
    pub(crate) fn select(&mut self, pos: Pos, clauses: &[CommClause]) -> R<()> {
        // (channel expression, element type, send value) per case.
        let mut cases: Vec<(&Expr, Ty, Option<&Expr>, Option<&Expr>)> = Vec::new();
        let mut default = None;
        for (i, c) in clauses.iter().enumerate() {
            let Some(comm) = &c.comm else {
                default = Some(i);
                continue;
            };
            let (ch, value, recv) = match &comm.kind {
                StmtKind::Send { ch, value } => (&**ch, Some(&**value), None),
                StmtKind::Expr(e) => (recv_operand(e), None, Some(unparen(e))),
                StmtKind::Assign { rhs, .. } => {
                    (recv_operand(&rhs[0]), None, Some(unparen(&rhs[0])))
                }
                _ => return self.unsupported(comm.pos, "this select case"),
            };
            let el = self.chan_elem(self.ty(ch));
            cases.push((ch, el, value, recv));
        }
        let n = cases.len() as u32;
        let (mut nvals, mut nouts) = (0u32, 0u32);
        let mut infos = Vec::new();
        for &(_, el, value, _) in &cases {
            let w = self.words(el);
            if value.is_some() {
                infos.push(CaseInfo {
                    send: true,
                    off: nvals,
                    words: w,
                });
                nvals += w;
            } else {
                infos.push(CaseInfo {
                    send: false,
                    off: nouts,
                    words: w,
                });
                nouts += w + 1;
            }
        }
        let table = self.temp(2 * n);
        let vals = self.temp(nvals);
        let outs = self.temp(nouts);
        for (i, (&(ch, el, value, _), info)) in cases.iter().zip(&infos).enumerate() {
            let at = table + 2 * i as u32;
            self.expr_to(ch, at)?;
            if let Some(v) = value {
                self.expr_conv_to(v, el, vals + info.off)?;
            }
            self.emit(Op::Const {
                d: at + 1,
                v: info.encode(),
            });
        }
        let d = self.temp(1);
        self.b.pos = pos;
        self.emit(Op::Select {
            d,
            cases: table,
            n,
            vals,
            nvals,
            outs,
            nouts,
            block: default.is_none(),
        });
        // To the chosen clause.
        let c = self.temp(1);
        let mut jumps = Vec::new();
        for i in 0..n {
            self.emit(Op::CmpImm {
                d: c,
                a: d,
                imm: i as i64,
                c: Cmp::Eq,
            });
            jumps.push(self.emit(Op::Jnz { c, t: 0 }));
        }
        // (Otherwise `default` ran.)
        let to_default = self.emit(Op::Jmp { t: 0 });
        self.push_target(false);
        let mut ends = Vec::new();
        let mut case = 0;
        for (i, cl) in clauses.iter().enumerate() {
            let start = self.b.here();
            if Some(i) == default {
                self.b.patch(to_default, start);
            } else {
                self.b.patch(jumps[case], start);
                let (_, _, _, recv) = cases[case];
                let info = infos[case];
                case += 1;
                if let (Some(r), Some(comm)) = (recv, &cl.comm) {
                    if let StmtKind::Assign { .. } = &comm.kind {
                        let v = outs + info.off;
                        self.b.received.insert(r.id, (v, v + info.words));
                        self.stmt(comm)?;
                        self.b.received.remove(&r.id);
                    }
                }
            }
            self.block(&cl.body)?;
            ends.push(self.emit(Op::Jmp { t: 0 }));
        }
        let end = self.b.here();
        if default.is_none() {
            // (A blocking select with no clause: never chosen.)
            self.b.patch(to_default, end);
        }
        for j in ends {
            self.b.patch(j, end);
        }
        self.pop_target(end, end);
        Ok(())
    }
}

/// The channel operand of a receive expression.
fn recv_operand(e: &Expr) -> &Expr {
    match &unparen(e).kind {
        ExprKind::Unary(UnOp::Recv, x) => x,
        _ => unreachable!("checked: a receive"),
    }
}
