//! The collector's roots in the interpreter: every frame on the VM stack
//! (through each function's slot map, or conservatively while compiled
//! frames, which have no maps yet, may be among them), the package
//! variables and the closure register.

use super::Vm;
use crate::runtime::panic::Panic;
use pgojit_profiler::FuncId;

impl Vm<'_> {
    /// One past the last slot `cur`'s frame at `fp` may use: its bytecode
    /// frame, and the save and spill slots its compiled code keeps above
    /// it. Frames of calls made from a runtime helper (a `String` method
    /// fmt calls) go there.
    pub(crate) fn frame_top(&self, cur: FuncId, fp: usize) -> usize {
        let extra = self.tier.map_or(0, |t| t.frame_extra(cur));
        fp + self.prog.func(cur).frame_size as usize + extra
    }

    /// An object of `words` words with pointer map `layout`, allocated at a
    /// safepoint of `cur`'s frame at `fp` (every live pointer is in the
    /// stack up to its top): a collection runs first when one is due.
    #[inline]
    pub(crate) fn alloc_at_safepoint(
        &mut self,
        cur: FuncId,
        fp: usize,
        words: usize,
        layout: u32,
    ) -> Result<u64, Panic> {
        if self.heap.due() {
            self.collect(cur, fp)?;
        }
        self.heap.alloc(words, layout)
    }

    /// Runs a collection with the VM stack's frames, the package variables
    /// and the closure register as roots.
    #[inline(never)]
    pub(super) fn collect(&mut self, cur: FuncId, fp: usize) -> Result<(), Panic> {
        let prog = self.prog;
        let stack = &self.stack;
        let frames: Vec<(FuncId, usize)> = self
            .frames
            .iter()
            .map(|s| (s.func, self.fp_of(s.fr)))
            .collect();
        let ctx = self.jc.ctx;
        let delta = self.jc.globals_delta;
        let mut held = Vec::new();
        self.defer_roots(|w| held.push(w));
        // (Other goroutines' frames, deferred calls and panics.)
        self.parked_roots(|w| held.push(w));
        // Compiled frames have no maps yet: with the JIT on, every slot of
        // the stack up to the running frame's end is a possible pointer (the
        // heap checks each word before trusting it).
        let conservative = self.tier.map(|_| self.frame_top(cur, fp).min(stack.len()));
        self.heap
            .collect(|m| {
                if let Some(top) = conservative {
                    for &w in &stack[..top] {
                        m.mark(w);
                    }
                    for &(addr, words, layout) in &prog.globals {
                        m.mark_object(addr.wrapping_add(delta), words as usize, layout);
                    }
                    m.mark(ctx);
                    held.iter().for_each(|&w| m.mark(w));
                    return;
                }
                let running = std::iter::once((cur, fp));
                for (f, fp) in frames.iter().copied().chain(running) {
                    let func = prog.func(f);
                    for (i, &ptr) in func.ptr_slots.iter().enumerate() {
                        if ptr {
                            m.mark(stack[fp + i]);
                        }
                    }
                }
                for &(addr, words, layout) in &prog.globals {
                    m.mark_object(addr.wrapping_add(delta), words as usize, layout);
                }
                m.mark(ctx);
                held.iter().for_each(|&w| m.mark(w));
            })
            .map_err(Panic::Fatal)
    }
}
