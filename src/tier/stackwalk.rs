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
use pgojit_jit::frames::call_site;
use pgojit_profiler::FuncId;
use std::sync::Arc;

/// What the walk needs of a call site (copied, no reference counts).
#[derive(Clone, Copy)]
struct Site {
    depth: i32,
    frame_off: i32,
    /// The physical frame's function and pc (`None`: `enter`'s call).
    at: Option<(u32, u32)>,
    words: Words,
}

#[derive(Clone, Copy)]
enum Words {
    Bytecode,
    These(u32),
    Unknown,
}

/// Call sites by return address, for one walk: a deep recursion returns
/// to the same few addresses thousands of times, and the registry's
/// lookup (a lock, a tree, a binary search) then costs more than the rest.
struct Sites<'m> {
    cache: [Option<(u64, Site)>; 64],
    maps: &'m mut Vec<Arc<[u32]>>,
}

impl Sites<'_> {
    fn get(&mut self, ret: u64) -> Option<Site> {
        let k = (ret as usize >> 2) % 64;
        if let Some((r, s)) = self.cache[k] {
            if r == ret {
                return Some(s);
            }
        }
        let f = call_site(ret)?;
        let words = match f.map {
            Some(m) => {
                self.maps.push(m);
                Words::These((self.maps.len() - 1) as u32)
            }
            None if f.bytecode_frame && f.frames.len() == 1 => Words::Bytecode,
            None => Words::Unknown,
        };
        let s = Site {
            depth: f.depth,
            frame_off: f.frame_off,
            at: f.frames.last().copied(),
            words,
        };
        self.cache[k] = Some((ret, s));
        Some(s)
    }
}

/// Appends to `out` the compiled frames of the runs of compiled code the
/// goroutine is in, innermost first (their own stack maps to `maps`, which
/// `FrameWords::These` indexes); `false` when the native stack does not
/// read as expected.
pub fn compiled_frames(
    jc: &JitCtx,
    out: &mut Vec<CompiledFrame>,
    maps: &mut Vec<Arc<[u32]>>,
) -> bool {
    walk(jc, out, maps).is_some()
}

fn walk(jc: &JitCtx, out: &mut Vec<CompiledFrame>, maps: &mut Vec<Arc<[u32]>>) -> Option<()> {
    let mut sites = Sites {
        cache: [None; 64],
        maps,
    };
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
        let mut site = sites.get(read(slot))?;
        site.at?;
        frame = frame.wrapping_sub(site.frame_off as i64 as u64);
        loop {
            let (func, pc) = site.at?;
            let fp = frame.wrapping_sub(jc.stack_base) / 8;
            out.push(CompiledFrame {
                func: FuncId(func),
                pc,
                fp: usize::try_from(fp).ok()?,
                words: match site.words {
                    Words::Bytecode => FrameWords::Bytecode,
                    Words::These(i) => FrameWords::These(i),
                    Words::Unknown => FrameWords::Unknown,
                },
            });
            slot = slot + 8 + site.depth as u64;
            if slot + 8 > unwind {
                return None;
            }
            site = sites.get(read(slot))?;
            if site.at.is_none() {
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
    Some(())
}
