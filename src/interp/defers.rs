//! Deferred calls, panics and `recover` at run time: the runtime half of
//! `bytecode::lower::defers`, shared by every tier (compiled code reaches
//! these instructions through the slow path).
//!
//! A function with deferred calls runs its body under `Protect`, a Rust
//! call (`Vm::call_go`), so a panic anywhere below it, in interpreted or
//! compiled frames, comes back there as an `Err` (compiled frames unwind
//! to the nearest `enter` trampoline and hold no Rust state). `Protect`
//! then runs the calls the body deferred, newest first, as Go's
//! `deferreturn` and `gopanic` do. Go runs a panic's deferred calls on top
//! of the panicking frames and unwinds only when one recovers; here the
//! frames below a protected body are gone by then, which only a traceback
//! taken inside a deferred call could tell.
//!
//! Panics live in `Vm::panics` from the first `Protect` they reach until
//! they are recovered or end the program, so a panic during a deferred
//! call makes Go's chain (`panic: first` / `\tpanic: second`), and a
//! recovered value panicked again prints once, `[recovered, repanicked]`.
//! `recover` stops the newest panic only in a function a deferred call
//! called directly, while a panic runs it: its frame and function are
//! those `run_deferred` expects (`Vm::recover_at`).

use super::trace::TraceFrame;
use super::{mem, Vm};
use crate::bytecode::op::{Op, Slot};
use crate::runtime::panic::Panic;
use crate::runtime::typedesc::Itab;
use pgojit_profiler::FuncId;

/// A deferred call: its wrapper and the words its frame starts with
/// (`Vm::defer_words[at..at + n]`, which go to slots `base..base + n`).
#[derive(Clone, Copy)]
pub(crate) struct DeferRec {
    wrap: FuncId,
    base: u32,
    at: u32,
    n: u32,
}

/// A panic that reached a deferred-call frame.
#[derive(Clone)]
pub(crate) struct ActivePanic {
    panic: Panic,
    /// `recover` stopped it (it stays in the chain until the deferred call
    /// that recovered it returns).
    recovered: bool,
    /// The value `recover` returned, to know the same value panicked again.
    value: Option<[u64; 2]>,
    /// Panicked again with its recovered value: printed once, by the newer
    /// panic.
    superseded: bool,
    repanicked: bool,
    /// Its traceback from where it was raised out to the frames it has
    /// left so far (`Vm::trace` while it unwinds between them).
    trace: Vec<TraceFrame>,
}

impl Vm<'_> {
    /// `DeferPush`: saves the words of a deferred call, among the running
    /// function's deferred calls, or (`into`) those of the innermost
    /// running frame of that function: the function a loop over a
    /// function is in, whose body defers the call (below the calls of the
    /// frames it called since, the iterator's).
    pub(crate) fn defer_push(
        &mut self,
        wrap: FuncId,
        base: u32,
        at: usize,
        n: usize,
        into: Option<FuncId>,
    ) {
        let owner = into.and_then(|f| self.protects.iter().rposition(|p| p.1 == f));
        let pos = match owner.and_then(|k| self.protects.get(k + 1)) {
            Some(p) => p.0,
            None => self.defers.len(),
        };
        if pos == self.defers.len() {
            self.defers.push(DeferRec {
                wrap,
                base,
                at: self.defer_words.len() as u32,
                n: n as u32,
            });
            self.defer_words.extend_from_slice(&self.stack[at..at + n]);
            return;
        }
        // Among the owner's calls, below those of the frames above it.
        let wat = self.defers[pos].at as usize;
        let words: Vec<u64> = self.stack[at..at + n].to_vec();
        self.defer_words.splice(wat..wat, words);
        for r in &mut self.defers[pos..] {
            r.at += n as u32;
        }
        self.defers.insert(
            pos,
            DeferRec {
                wrap,
                base,
                at: wat as u32,
                n: n as u32,
            },
        );
        let k = owner.expect("an owner below");
        for p in &mut self.protects[k + 1..] {
            p.0 += 1;
        }
    }

    /// Pops the newest deferred call, its words placed in the frame of its
    /// wrapper at `top` (the rest of that frame's parameters zeroed).
    fn pop_deferred(&mut self, top: usize) -> Result<DeferRec, Panic> {
        let rec = self.defers.pop().expect("a deferred call");
        let n = self.prog.func(rec.wrap).param_words as usize;
        if top + n + 64 > self.stack.len() {
            self.defer_words.truncate(rec.at as usize);
            return Err(self.stack_overflow());
        }
        let frame = &mut self.stack[top..top + n];
        frame.fill(0);
        let (b, at) = (rec.base as usize, rec.at as usize);
        frame[b..b + rec.n as usize].copy_from_slice(&self.defer_words[at..at + rec.n as usize]);
        self.defer_words.truncate(at);
        Ok(rec)
    }

    /// `Protect`: runs `body` on the frame at `fp` (of `cur`, the body's
    /// frame function), then its deferred calls.
    pub(crate) fn protect(
        &mut self,
        body: FuncId,
        line: Slot,
        cur: FuncId,
        fp: usize,
    ) -> Result<(), Panic> {
        self.protects.push((self.defers.len(), cur));
        let r = self.protect_in(body, line, fp);
        self.protects.pop();
        r
    }

    /// [`Vm::protect`] as the innermost running `Protect`.
    fn protect_in(&mut self, body: FuncId, line: Slot, fp: usize) -> Result<(), Panic> {
        let me = self.protects.len() - 1;
        let cur = self.protects[me].1;
        // (Where this frame's deferred calls start: later when calls are
        // deferred into a frame below this one.)
        let dmark = |vm: &Self| vm.protects[me].0;
        let pmark = self.panics.len();
        let mut unwinding = false;
        if let Err(e) = self.call_go(body, &[], fp) {
            if let Err(e) = self.absorb(e) {
                self.drop_deferred(dmark(self));
                return Err(e);
            }
            unwinding = true;
        }
        let top = self.frame_top(cur, fp);
        while self.defers.len() > dmark(self) {
            // The panic running the call, if any (the newest).
            let running = unwinding.then(|| self.panics.len() - 1);
            let r = self
                .pop_deferred(top)
                .and_then(|rec| self.run_deferred(rec, top, unwinding));
            match r {
                Ok(()) => {
                    if unwinding && self.panics.last().is_some_and(|p| p.recovered) {
                        // Recovered: this frame returns normally, and the
                        // panics raised below it are over.
                        self.panics.truncate(pmark);
                        self.trace.clear();
                        unwinding = false;
                    }
                }
                Err(e) => {
                    if e.recoverable() {
                        // Below the deferred call's frames, Go's stack holds
                        // the panic running it over the frames it left, or
                        // this function's frame at the return.
                        match running {
                            Some(k) => {
                                let v = match self.panics[k].panic {
                                    Panic::Value(v) => v,
                                    _ => [0, 0],
                                };
                                self.trace.push(TraceFrame::Panic(v));
                                let below = self.panics[k].trace.clone();
                                self.trace.extend(below);
                            }
                            None => {
                                let line = self.stack[fp + line as usize] as u32;
                                self.trace.push(TraceFrame::Line { func: body, line });
                            }
                        }
                    }
                    if let Err(e) = self.absorb(e) {
                        self.drop_deferred(dmark(self));
                        return Err(e);
                    }
                    unwinding = true;
                }
            }
        }
        if unwinding {
            // On its way out: the frames outside this one come next.
            self.trace = self
                .panics
                .last()
                .map(|p| p.trace.clone())
                .unwrap_or_default();
            Err(Panic::Unwinding)
        } else {
            Ok(())
        }
    }

    /// Forgets the deferred calls from `mark` on (a fatal error).
    fn drop_deferred(&mut self, mark: usize) {
        if let Some(r) = self.defers.get(mark) {
            self.defer_words.truncate(r.at as usize);
        }
        self.defers.truncate(mark);
    }

    /// Runs one deferred call whose wrapper's frame `pop_deferred` made at
    /// `top`. A call of a function, method or function value is made from
    /// here, its arguments moved down to `top`, so its frame is at `top`
    /// exactly and, while a panic runs it, it may recover; a builtin or
    /// package function runs in its wrapper (`defer recover()` recovers
    /// nothing).
    fn run_deferred(&mut self, rec: DeferRec, top: usize, unwinding: bool) -> Result<(), Panic> {
        let word = |vm: &Self, s: u32| vm.stack[top + s as usize];
        let (f, at, ctx) = match self.prog.func(rec.wrap).code.first() {
            Some(&Op::Call { func, base, .. }) => (func, base, None),
            Some(&Op::CallClosure { f, base, .. }) => {
                let c = word(self, f);
                if c == 0 {
                    return Err(Panic::nil_deref());
                }
                (FuncId(mem::load(c, 0) as u32), base, Some(c))
            }
            Some(&Op::CallIface {
                recv, method, base, ..
            }) => {
                let tab = word(self, recv);
                if tab == 0 {
                    return Err(Panic::nil_deref());
                }
                // SAFETY: a non-nil type word of a non-empty interface is a leaked itab.
                let f = unsafe { &*(tab as *const Itab) }.fun(method as usize);
                // The receiver's data word first, as the call passes it.
                self.stack[top + base as usize] = word(self, recv + 1);
                (f, base, None)
            }
            _ => {
                let saved = self.recover_at.take();
                let r = self.call_go(rec.wrap, &[], top);
                self.recover_at = saved;
                return r.map(|_| ());
            }
        };
        let pw = self.prog.func(f).param_words as usize;
        let from = top + at as usize;
        self.stack.copy_within(from..from + pw, top);
        let saved = std::mem::replace(&mut self.recover_at, unwinding.then_some((top, f)));
        let saved_ctx = self.jc.ctx;
        if let Some(c) = ctx {
            self.jc.ctx = c;
        }
        let r = self.call_go(f, &[], top);
        self.jc.ctx = saved_ctx;
        self.recover_at = saved;
        r.map(|_| ())
    }

    /// Takes a panic into `panics` (a fresh one; `Unwinding` is there
    /// already). A fatal error or a spent limit is not a panic: `Err`.
    fn absorb(&mut self, e: Panic) -> Result<(), Panic> {
        if !e.recoverable() {
            return Err(e);
        }
        let trace = std::mem::take(&mut self.trace);
        if let Panic::Unwinding = e {
            if let Some(p) = self.panics.last_mut() {
                p.trace = trace;
            }
            return Ok(());
        }
        let words = match &e {
            Panic::Value(v) => Some(*v),
            Panic::Runtime(m) => self
                .runtime_singletons
                .iter()
                .find(|(s, _)| s == m)
                .map(|&(_, v)| v),
            _ => None,
        };
        let again = match (self.panics.last(), words) {
            (Some(p), Some(v)) => p.recovered && !p.superseded && p.value == Some(v),
            _ => false,
        };
        if again {
            if let Some(p) = self.panics.last_mut() {
                p.superseded = true;
            }
        }
        self.panics.push(ActivePanic {
            panic: e,
            recovered: false,
            value: None,
            superseded: false,
            repanicked: again,
            trace,
        });
        Ok(())
    }

    /// `recover()` in the function whose frame is at `fp`.
    pub(crate) fn recover(&mut self, cur: FuncId, fp: usize) -> Result<[u64; 2], Panic> {
        if self.recover_at != Some((fp, cur)) {
            return Ok([0, 0]);
        }
        let Some(i) = self.panics.len().checked_sub(1) else {
            return Ok([0, 0]);
        };
        if self.panics[i].recovered {
            return Ok([0, 0]);
        }
        let v = self.panic_value_words(&self.panics[i].panic.clone())?;
        let p = &mut self.panics[i];
        p.recovered = true;
        p.value = Some(v);
        Ok(v)
    }

    /// The value `recover` returns for a panic: `panic`'s argument, or
    /// the runtime's error value for a runtime error.
    fn panic_value_words(&mut self, p: &Panic) -> Result<[u64; 2], Panic> {
        let rt = self.prog.runtime_errors;
        let (ty, text) = match p {
            Panic::Value(v) => return Ok(*v),
            Panic::Runtime(m) => {
                let ty = if m.starts_with("index out of range")
                    || m.starts_with("slice bounds out of range")
                {
                    rt.bounds
                } else if m.starts_with("panic called with nil argument") {
                    rt.panic_nil
                } else {
                    rt.error_string
                };
                (ty, format!("runtime error: {m}"))
            }
            Panic::Plain(m) => (rt.plain, m.clone()),
            Panic::Conversion(m) => (rt.type_assertion, m.clone()),
            _ => return Ok([0, 0]),
        };
        if let Panic::Runtime(m) = p {
            if let Some(&(_, v)) = self.runtime_singletons.iter().find(|(s, _)| s == m) {
                return Ok(v);
            }
        }
        let (ptr, n) = self.heap.new_string(text.as_bytes())?;
        let obj = self.heap.alloc(2, crate::runtime::heap::STRING)?;
        mem::store(obj, 0, ptr);
        mem::store(obj, 1, n);
        if let Panic::Runtime(m) = p {
            if m.starts_with("range function continued iteration") {
                self.runtime_singletons.push((m.clone(), [ty, obj]));
            }
        }
        Ok([ty, obj])
    }

    /// What Go prints after `panic: ` for a panic (`Unwinding`: the newest).
    pub(crate) fn panic_text(&mut self, p: &Panic, top: usize) -> String {
        match p {
            Panic::Runtime(m) => format!("runtime error: {m}"),
            Panic::Plain(m) | Panic::Conversion(m) | Panic::Fatal(m) | Panic::Limit(m) => m.clone(),
            Panic::Exit(c) => format!("exit status {c}"),
            Panic::Value(v) => match self.panic_value(*v, top) {
                Ok(s) => s,
                Err(e) => self.panic_text(&e, top),
            },
            Panic::Unwinding => match self.panics.last() {
                Some(a) => {
                    let p = a.panic.clone();
                    self.panic_text(&p, top)
                }
                None => String::new(),
            },
            Panic::Report { lines, .. } => lines.first().cloned().unwrap_or_default(),
            Panic::Throw { msg, .. } => msg.clone(),
        }
    }

    /// A panic that a runtime function stops (fmt calling a `String`
    /// method that panics): its text, and every panic raised since
    /// `mark` forgotten. Fatal errors and limits go on.
    pub(crate) fn catch(&mut self, e: Panic, mark: usize, top: usize) -> Result<String, Panic> {
        if !e.recoverable() {
            return Err(e);
        }
        // (Held in `panics` while its methods run: a root.)
        self.absorb(e)?;
        let p = self.panics.last().map(|a| a.panic.clone());
        let text = p.map_or_else(String::new, |p| self.panic_text(&p, top));
        self.panics.truncate(mark);
        Ok(text)
    }

    /// Panics registered so far (for [`Vm::catch`]).
    pub(crate) fn panic_mark(&self) -> usize {
        self.panics.len()
    }

    /// The chain of panics that ends the program, as Go prints it.
    pub(crate) fn report(&mut self, e: Panic) -> Panic {
        if let Panic::Throw {
            msg,
            status,
            others,
        } = &e
        {
            let frames = std::mem::take(&mut self.trace);
            let trace = self.format_trace_as(&frames, status) + others;
            return Panic::Report {
                lines: vec![msg.clone()],
                signal: false,
                trace,
            };
        }
        if let Err(e) = self.absorb(e) {
            return e;
        }
        self.recover_at = None;
        let mut lines = Vec::new();
        for i in 0..self.panics.len() {
            let a = self.panics[i].clone();
            if a.superseded {
                continue;
            }
            let text = self.panic_text(&a.panic, 0);
            let suffix = if a.repanicked {
                " [recovered, repanicked]"
            } else if a.recovered {
                " [recovered]"
            } else {
                ""
            };
            let tab = if lines.is_empty() { "" } else { "\t" };
            lines.push(format!("{tab}panic: {text}{suffix}"));
        }
        let signal = self.panics.iter().any(|p| p.panic.is_nil_deref());
        let trace = match self.panics.last() {
            Some(p) => self.format_trace(&p.trace),
            None => self.format_trace(&[]),
        };
        self.panics.clear();
        Panic::Report {
            lines,
            signal,
            trace,
        }
    }

    /// Heap words the deferred calls and panics hold: roots for the collector.
    pub(crate) fn defer_roots(&self, mut mark: impl FnMut(u64)) {
        self.defer_words.iter().for_each(|&w| mark(w));
        self.runtime_singletons
            .iter()
            .for_each(|&(_, v)| mark(v[1]));
        for p in &self.panics {
            p.roots(&mut mark);
        }
    }
}

impl ActivePanic {
    /// The heap words it holds.
    pub(crate) fn roots(&self, mark: &mut impl FnMut(u64)) {
        if let Panic::Value(v) = self.panic {
            mark(v[1]);
        }
        if let Some(v) = self.value {
            mark(v[1]);
        }
    }
}
