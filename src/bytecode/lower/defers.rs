//! Lowering `defer`, `recover` and the functions that defer calls.
//!
//! A function with `defer` statements becomes two functions on one frame.
//! Its **body** (named as the function, where its code, sites and panics
//! are) is lowered as usual, except that every result is a variable and
//! `return` assigns them and returns nothing. Its **frame function** (the
//! function's own id, which callers call; named `main.f·defers`) is three
//! instructions: `Protect` runs the body on the frame function's own frame
//! (the parameters are already where the body wants them), then the calls
//! the body deferred, also when the body or one of them panics
//! (`interp::defers` has the runtime half); then the frame function
//! returns the result variables, which deferred closures may have set and
//! which a recovered panic leaves as they were. So a `return` and a
//! recovered panic end the same way, and the body may be compiled, inlined
//! into nothing and entered by OSR like any function: only the result
//! variables must be in frame memory when it ends (`Function::in_memory`).
//!
//! A deferred call is split where its call is made: the callee and the
//! arguments are evaluated at the `defer` statement, as Go evaluates them,
//! into slots whose words `DeferPush` saves; the call itself moves to a
//! **wrapper** (`main.f.deferwrap1`, as Go names them) whose frame is laid
//! out as the body's up to those slots, so the call's instruction moves
//! unchanged. Calls of functions, methods, interface methods, function
//! values, package functions and the builtins allowed in statements all
//! split this way (`FnCtx::mark_call` says where).

use super::{FnBuilder, FnCtx, Lowerer, VarLoc, R};
use crate::bytecode::op::{Op, Slot, NONE};
use crate::bytecode::Function;
use crate::syntax::ast::Expr;
use crate::types::ty::Ty;
use pgojit_profiler::{EdgeId, FuncId};

/// Where a call lowering makes its call: the instructions from `pc` on
/// make it, reading (besides the slots their operands name) the slots
/// `lo..hi` (a call's window).
#[derive(Clone, Copy, Debug)]
pub(crate) struct CallMark {
    pc: usize,
    lo: Slot,
    hi: Slot,
    /// A word that must not be nil when the call is deferred (the type
    /// word of an interface whose method the call binds), or `NONE`.
    nil_at: Slot,
}

impl FnCtx<'_, '_> {
    /// Marks the instructions emitted from here on as the call itself
    /// (after its operands are evaluated), which also reads `window`
    /// (first slot, words) when that is not empty.
    pub(crate) fn mark_call(&mut self, window: (Slot, u32), nil_at: Slot) {
        let (lo, hi) = if window.1 == 0 {
            (Slot::MAX, 0)
        } else {
            (window.0, window.0 + window.1)
        };
        self.b.call_mark = Some(CallMark {
            pc: self.b.code.len(),
            lo,
            hi,
            nil_at,
        });
    }

    /// The call `e` of a `defer` or `go` statement split where its call is
    /// made: its operands evaluated here, the call itself moved to a new
    /// wrapper function (`main.f.deferwrap1`, `main.f.gowrap1`, as Go
    /// names them). Returns the wrapper, the first slot and the number of
    /// the words it needs from this frame, the slot that must not be nil
    /// (or `NONE`), and the slot of the function value a call of one
    /// calls (or `NONE`).
    pub(crate) fn split_call(&mut self, e: &Expr, go: bool) -> R<(FuncId, Slot, u32, Slot, Slot)> {
        let outer = self.b.call_mark.take();
        self.call(e)?;
        let Some(mark) = self.b.call_mark.take() else {
            let what = if go {
                "this go statement's call"
            } else {
                "this deferred call"
            };
            return self.unsupported(e.pos, what);
        };
        self.b.call_mark = outer;
        // (A deferred or `go` call is not a counted direct call: the
        // interpreter makes a deferred one without its instruction.)
        let ops: Vec<Op> = self
            .b
            .code
            .drain(mark.pc..)
            .map(|op| match op {
                Op::Call { func, base, .. } => Op::Call {
                    func,
                    base,
                    edge: EdgeId::NONE,
                },
                op => op,
            })
            .collect();
        let pos: Vec<_> = self.b.poss.drain(mark.pc..).collect();
        let func_at = ops
            .iter()
            .find_map(|op| match *op {
                Op::CallClosure { f, .. } => Some(f),
                _ => None,
            })
            .unwrap_or(NONE);
        // The words the call reads, and the frame it needs.
        let (mut lo, mut hi) = (mark.lo, mark.hi);
        let mut size = hi;
        for op in &ops {
            for o in &op.reads() {
                if !o.open() {
                    lo = lo.min(o.slot);
                    hi = hi.max(o.slot + o.words);
                }
            }
            for o in &op.writes() {
                size = size.max(o.slot + o.words.max(1));
            }
        }
        if hi == 0 {
            lo = 0;
        }
        let size = size.max(hi);
        let name = if go {
            self.b.gowraps += 1;
            format!("{}.gowrap{}", self.b.name, self.b.gowraps)
        } else {
            self.b.deferwraps += 1;
            format!("{}.deferwrap{}", self.b.name, self.b.deferwraps)
        };
        let wrap = FuncId(self.l.funcs.len() as u32);
        for op in &ops {
            if let Some(s) = op.site() {
                self.l.sites[s.index()].caller = wrap;
            }
        }
        let mut code = ops;
        code.push(Op::Ret { s: 0, n: 0 });
        let mut pos = pos;
        pos.push(e.pos);
        self.l.funcs.push(Some(Function {
            in_memory: Vec::new(),
            name,
            code,
            pos,
            frame_size: size,
            param_words: hi,
            result_words: 0,
            ptr_slots: vec![true; size as usize],
        }));
        Ok((wrap, lo, hi - lo, mark.nil_at, func_at))
    }

    /// `defer call`: the call's operands evaluated now, the call itself in
    /// a wrapper run later.
    pub(crate) fn defer_stmt(&mut self, e: &Expr) -> R<()> {
        let (wrap, lo, n, nil_at, _) = self.split_call(e, false)?;
        // In the body of a loop over a function, the call is deferred to
        // the function the loop is in (its frame function's id is its own).
        let info = self.info();
        let mut fi = self.b.func_index;
        let mut into = FuncId(NONE);
        while let Some(f) = info.funcs.get(fi) {
            let crate::types::FuncSource::RangeBody(_) = f.source else {
                break;
            };
            let Some(p) = f.parent else { break };
            fi = p;
            into = FuncId(fi as u32);
        }
        self.b.pos = e.pos;
        self.emit(Op::DeferPush {
            wrap,
            base: lo,
            n,
            nil_at,
            into,
        });
        Ok(())
    }

    /// `recover()`.
    pub(crate) fn recover(&mut self) -> Slot {
        let d = self.temp(2);
        self.mark_call((0, 0), NONE);
        self.emit(Op::Recover { d });
        d
    }

    /// `return` in a body with deferred calls: the values (all evaluated
    /// first, as `return b, a` swaps) into the result variables.
    pub(crate) fn ret_to_vars(&mut self, results: &[Expr]) -> R<()> {
        // (The statement's line, before its results move `pos`.)
        let line = self.b.pos.line;
        let fi = self.b.func_index;
        let info = self.info();
        let f = &info.funcs[fi];
        let rtys: Vec<_> = f.results.iter().map(|r| info.obj(*r).ty).collect();
        let robjs = f.results.clone();
        if !results.is_empty() {
            let temps = self.result_temps(results, &rtys)?;
            for (o, (d, w)) in robjs.iter().zip(temps) {
                let p = self.var_place(*o);
                self.write(p, d, w);
            }
        }
        self.note_ret_line(line);
        self.emit(Op::Ret { s: 0, n: 0 });
        Ok(())
    }

    /// In a deferred-call body, the line of the return being made, for
    /// tracebacks through the deferred calls (`Op::Protect`).
    pub(crate) fn note_ret_line(&mut self, line: u32) {
        if let Some(d) = self.b.ret_line {
            self.emit(Op::Const { d, v: line as u64 });
        }
    }

    /// `return results` for results of types `rtys`: every value in fresh
    /// slots (all evaluated before any is stored, as `return b, a` swaps).
    pub(crate) fn result_temps(&mut self, results: &[Expr], rtys: &[Ty]) -> R<Vec<(Slot, u32)>> {
        let vals = if results.len() == 1 && rtys.len() == 1 {
            vec![self.expr_conv(&results[0], rtys[0])?]
        } else {
            self.values(results, rtys)?
        };
        let mut temps = Vec::new();
        for (v, t) in vals.iter().zip(rtys) {
            let w = self.words(*t);
            let d = self.temp(w);
            self.mov(d, *v, w);
            temps.push((d, w));
        }
        Ok(temps)
    }
}

impl Lowerer<'_> {
    /// The frame function of function `fi`, whose body `b` becomes
    /// function `body_id`; `result_words` are the function's.
    pub(super) fn defer_frame(
        &mut self,
        fi: usize,
        b: FnBuilder,
        body_id: FuncId,
        result_words: u32,
    ) -> R<Function> {
        let info = self.info;
        let f = &info.funcs[fi];
        let mut locs = Vec::new();
        for &r in &f.results {
            let w = self.words(info.obj(r).ty);
            let loc = b
                .vars
                .get(&r)
                .copied()
                .expect("result variables are declared");
            locs.push((loc, w));
        }
        let line = b.ret_line.expect("a deferred-call body has a line slot");
        let mut body = b.finish();
        body.in_memory = locs
            .iter()
            .flat_map(|&(loc, w)| match loc {
                VarLoc::Slot(s) => s..s + w,
                VarLoc::Cell(c) => c..c + 1,
            })
            .collect();
        body.in_memory.push(line);
        let out = body.frame_size;
        let mut code = vec![Op::Protect {
            body: body_id,
            line,
        }];
        let mut d = out;
        for (loc, w) in locs {
            match loc {
                VarLoc::Slot(_) if w == 0 => {}
                VarLoc::Slot(s) => code.push(Op::MoveN { d, s, n: w }),
                VarLoc::Cell(c) => code.push(Op::Load {
                    d,
                    p: c,
                    off: 0,
                    n: w,
                }),
            }
            d += w;
        }
        code.push(Op::Ret {
            s: out,
            n: result_words,
        });
        let size = (out + result_words).max(body.param_words);
        let frame = Function {
            in_memory: Vec::new(),
            name: format!("{}·defers", body.name),
            pos: vec![f.pos; code.len()],
            code,
            frame_size: size,
            param_words: body.param_words,
            result_words,
            ptr_slots: vec![true; size as usize],
        };
        self.funcs[body_id.index()] = Some(body);
        Ok(frame)
    }
}
