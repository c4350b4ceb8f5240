//! The interpreter's side of tier-up: at each interpreted call and taken
//! back-edge the interpreter asks here (through `interp::TierUp`). Calls
//! and back-edges are counted by the VM; whether the function is hot is
//! the profiler policy's `decide_func`; a hot function is compiled (on the
//! spot or on the compiler thread), and once it has code the call runs it,
//! or the loop continues in it at its header (on-stack replacement: the
//! frame is shared, so OSR is a jump).

use super::{stubs, Jit};
use crate::bytecode::frame::JitCtx;
use crate::interp::{CompiledFrame, TierUp, Vm};
use crate::runtime::panic::Panic;
use pgojit_profiler::{decide_func, FuncId, FuncSnapshot, Reason};

impl TierUp for Jit<'_> {
    fn call(&self, vm: &mut Vm<'_>, f: FuncId, fp: usize) -> Result<bool, Panic> {
        let mut code = self.compiled(f);
        if code == 0 {
            let counts = vm.count_call(f);
            if self.eager {
                self.request(f, "first call (--tier=jit)");
            } else {
                self.request_if_hot(f, &counts);
            }
            code = self.compiled(f);
            if code == 0 {
                return Ok(false);
            }
            // This call runs compiled: it is not an interpreted one.
            vm.uncount_call(f);
        }
        self.enter(vm, code, fp, self.prog.func(f).param_words)?;
        Ok(true)
    }

    fn frame_extra(&self, f: FuncId) -> usize {
        Jit::frame_extra(self, f) as usize
    }

    fn compiled_frames(
        &self,
        jc: &JitCtx,
        out: &mut Vec<CompiledFrame>,
        maps: &mut Vec<std::sync::Arc<[u32]>>,
    ) -> bool {
        super::stackwalk::compiled_frames(jc, out, maps)
    }

    fn backedge(&self, vm: &mut Vm<'_>, f: FuncId, t: u32, fp: usize) -> Result<bool, Panic> {
        if self.compiled(f) == 0 {
            let counts = vm.count_backedge(f);
            if self.wants(f) {
                self.want_osr(f, t);
            }
            self.request_if_hot(f, &counts);
            if self.compiled(f) == 0 {
                return Ok(false);
            }
        }
        let Some(addr) = self.osr_entry(f, t) else {
            return Ok(false);
        };
        self.stats.lock().osr_entries += 1;
        self.event(pgojit_profiler::EventKind::Osr, f, || {
            format!(
                "from the interpreter into compiled code at the loop header (pc {t}) after {} interpreted back-edges",
                vm.tier_counts(f).1
            )
        });
        if self.opts.trace {
            let func = self.prog.func(f);
            let pos = func.pos.get(t as usize).copied().unwrap_or_default();
            eprintln!(
                "{}: OSR into compiled {} at the loop header (pc {t}) after {} interpreted back-edges",
                self.prog.at(pos),
                func.name,
                vm.tier_counts(f).1
            );
        }
        self.enter(vm, addr, fp, 0)?;
        Ok(true)
    }
}

impl Jit<'_> {
    /// Asks for `f` to be compiled when the policy finds it hot (and it is
    /// neither compiled, queued nor refused).
    fn request_if_hot(&self, f: FuncId, counts: &FuncSnapshot) {
        if !self.wants(f) {
            return;
        }
        let d = decide_func(counts, &self.policy);
        if !d.hot {
            return;
        }
        let why = match d.reason {
            Reason::HotLoops => format!(
                "{} loop back-edges (--hot-loops={})",
                counts.backedges, self.policy.hot_loops
            ),
            _ => format!(
                "{} calls (--hot-calls={})",
                counts.calls, self.policy.hot_calls
            ),
        };
        self.request(f, &why);
    }

    /// Runs compiled code at `code` (an entry or OSR entry of installed
    /// code) on the frame at `fp`, whose first `nargs` words are the
    /// arguments at an entry (0 at an OSR entry).
    fn enter(&self, vm: &mut Vm<'_>, code: u64, fp: usize, nargs: u32) -> Result<(), Panic> {
        let (jc, frame) = vm.native_entry(fp, self as *const Jit as *const u8);
        // SAFETY: `code` is installed code of the function whose frame is at
        // `fp` (or an OSR entry of it), a frame with at least its
        // parameter words; `jc` is the VM's context, pointing
        // back at the VM (not otherwise used until the call returns) and at
        // this tier layer, which outlives the run.
        let r = unsafe { stubs::enter(&self.stubs, jc, frame, code, nargs) };
        if r == 0 {
            Ok(())
        } else {
            Err(vm.take_pending())
        }
    }
}
