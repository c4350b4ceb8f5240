//! The compiled frames of the running goroutine, for the collector: which
//! function stands at which pc on which VM frame, found from the native
//! stack as Go's runtime finds its frames from return addresses.
//!
//! Compiled code records its last runtime call (`JitCtx::last_rsp`, the
//! native stack pointer at the call, and `last_frame`, the frame register;
//! `machine::call_runtime`, and the interpreter stub, whose caller's call
//! is the last one). From there the walk goes outward: each return
//! address names a call site ([`pgojit_jit::frames`]) with the Go frames
//! it is made at, the bytes the frame had pushed (where the next return
//! address is) and how far the frame register stood above the caller's
//! frame (a Go call's callee frame), until `enter`'s own call. The words
//! `enter` pushed above its unwind point hold the enclosing run's last
//! runtime call, and the walk goes on from there, run by run.
//!
//! Every step is checked: a return address that names no call site, or
//! an `enter` that is not where the unwind chain says, ends the walk with
//! `None`, and the collector then scans the whole stack conservatively,
//! as it did before there were stack maps.

use crate::bytecode::frame::JitCtx;
use crate::interp::{CompiledFrame, FrameWords};
use pgojit_jit::frames::{call_site, next_slot};
use pgojit_profiler::FuncId;

/// The compiled frames of the runs of compiled code the goroutine is in,
/// innermost first, or `None` when the native stack does not read as
/// expected.
pub fn compiled_frames(jc: &JitCtx) -> Option<Vec<CompiledFrame>> {
    let mut out = Vec::new();
    let (mut rsp, mut frame, mut unwind) = (jc.last_rsp, jc.last_frame, jc.unwind_rsp);
    // SAFETY (every `read` below): the words read lie between a recorded
    // runtime call's stack pointer and the unwind point of the `enter`
    // that run is in (checked before each read), native stack of this
    // thread that stays in place while the runtime call it made is running.
    let read = |at: u64| unsafe { *(at as *const u64) };
    while rsp != 0 {
        if unwind == 0 || rsp > unwind || rsp % 8 != 0 {
            return None;
        }
        let mut slot = rsp - 8;
        let mut site = call_site(read(slot))?;
        if site.frames.is_empty() {
            return None;
        }
        frame = frame.wrapping_sub(site.frame_off as i64 as u64);
        loop {
            let &(func, pc) = site.frames.last()?;
            let fp = frame.wrapping_sub(jc.stack_base) / 8;
            let words = match site.map.take() {
                Some(m) => FrameWords::These(m),
                None if site.bytecode_frame && site.frames.len() == 1 => FrameWords::Bytecode,
                None => FrameWords::Unknown,
            };
            out.push(CompiledFrame {
                func: FuncId(func),
                pc,
                fp: usize::try_from(fp).ok()?,
                words,
            });
            slot = next_slot(slot, &site);
            if slot + 8 > unwind {
                return None;
            }
            site = call_site(read(slot))?;
            if site.frames.is_empty() {
                // `enter`'s call: its return address is the word below
                // the unwind point.
                if slot + 8 != unwind {
                    return None;
                }
                break;
            }
            frame = frame.wrapping_sub(site.frame_off as i64 as u64);
        }
        // Above the unwind point `enter` pushed the enclosing unwind point,
        // last frame register and last runtime call.
        let prev = read(unwind);
        frame = read(unwind + 8);
        rsp = read(unwind + 16);
        unwind = prev;
    }
    Some(out)
}
