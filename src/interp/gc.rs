//! The collector's roots in the interpreter: every frame of the running
//! goroutine, through its function's stack map at the instruction it
//! stands at (`bytecode::liveness`), the package variables, the closure
//! register, and what other goroutines, deferred calls and panics hold.
//!
//! Frames are the interpreter's suspended ones (each at its call), the
//! running one, and the compiled ones the tier layer finds on the native
//! stack (`tier::stackwalk`). A frame whose pc is not known (an optimized
//! frame, whose values live in save and spill slots above its bytecode
//! slots; the frame an allocation from optimized code runs on) is scanned
//! conservatively up to the next frame; when the compiled frames cannot
//! be told at all, the whole stack is.

use super::{CompiledFrame, FrameWords, Vm};
use crate::bytecode::liveness::{self, StackMaps};
use crate::bytecode::Op;
use crate::runtime::panic::Panic;
use pgojit_profiler::FuncId;

/// Where the running frame stands when a collection starts.
#[derive(Clone, Copy)]
pub(crate) enum At<'a> {
    /// At this instruction.
    Pc(usize),
    /// At this instruction, if it is one of the function's own (compiled
    /// code may run a copy).
    Op(&'a Op),
    /// Not known: the frame is scanned conservatively.
    Unknown,
}

/// How a frame's words are scanned.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Scan {
    /// Through its function's stack map at this pc.
    Map(u32),
    /// These words (from its first slot): a compiled frame's own map.
    These(u32),
    /// Every word up to the next frame (at least up to its own top).
    Words,
}

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
            self.collect(cur, fp, At::Unknown)?;
        }
        self.heap.alloc(words, layout)
    }

    /// `f`'s stack maps, computed on first use.
    fn stack_maps(&mut self, f: FuncId) -> &StackMaps {
        let i = f.index();
        if self.stack_maps.len() <= i {
            self.stack_maps
                .resize_with(self.prog.funcs.len().max(i + 1), || None);
        }
        let prog = self.prog;
        self.stack_maps[i].get_or_insert_with(|| Box::new(liveness::compute(prog.func(f), prog)))
    }

    /// Fills `sc.frames` with the frames of the running goroutine and how
    /// each is scanned; `false` when the compiled ones cannot be told.
    fn root_frames(&self, cur: FuncId, fp: usize, at: At, sc: &mut GcScratch) -> bool {
        sc.frames.extend(self.frames.iter().map(|s| {
            // SAFETY: a suspended frame's `ip` points one past its call
            // instruction, within the code that starts at `code`.
            let pc = unsafe { s.ip.offset_from(s.code) } as usize - 1;
            (s.func, self.fp_of(s.fr), Scan::Map(pc as u32))
        }));
        let code = &self.prog.func(cur).code;
        let running = match at {
            At::Pc(pc) => Scan::Map(pc as u32),
            At::Op(op) => match code
                .as_ptr_range()
                .contains(&(op as *const Op))
                .then(|| (op as *const Op as usize - code.as_ptr() as usize) / size_of::<Op>())
            {
                Some(pc) => Scan::Map(pc as u32),
                None => Scan::Words,
            },
            At::Unknown => Scan::Words,
        };
        sc.frames.push((cur, fp, running));
        if let Some(t) = self.tier {
            if !t.compiled_frames(&self.jc, &mut sc.compiled, &mut sc.maps) {
                return false;
            }
            sc.frames.extend(sc.compiled.drain(..).map(|c| {
                let scan = match c.words {
                    FrameWords::Bytecode => Scan::Map(c.pc),
                    FrameWords::These(w) => Scan::These(w),
                    FrameWords::Unknown => Scan::Words,
                };
                (c.func, c.fp, scan)
            }));
        }
        true
    }

    /// Runs a collection with the running goroutine's frames (the running
    /// one, `cur`'s at `fp`, standing `at`), the package variables, the
    /// closure register and what other goroutines, deferred calls and
    /// panics hold as roots.
    #[inline(never)]
    pub(super) fn collect(&mut self, cur: FuncId, fp: usize, at: At) -> Result<(), Panic> {
        // (Buffers kept from one collection to the next.)
        let mut sc = std::mem::take(&mut self.gc_scratch);
        sc.clear();
        if !self.root_frames(cur, fp, at, &mut sc) {
            sc.frames.clear();
            sc.words.push((0, self.frame_top(cur, fp)));
        }
        // Frames scanned word by word reach up to the next frame (a
        // callee's, or what a runtime helper called): few, so each looks
        // for it among all, unless there are many.
        let unknown = sc.frames.iter().filter(|x| x.2 == Scan::Words).count();
        if unknown > 16 {
            sc.fps.extend(sc.frames.iter().map(|x| x.1));
            sc.fps.sort_unstable();
        }
        for (f, fp, scan) in &sc.frames {
            let (f, fp) = (*f, *fp);
            match scan {
                Scan::Map(pc) if (*pc as usize) < self.prog.func(f).code.len() => {
                    sc.mapped.push((fp, f, *pc));
                    continue;
                }
                Scan::These(i) => {
                    let w = &sc.maps[*i as usize];
                    sc.these.extend(w.iter().map(|&x| fp + x as usize));
                    continue;
                }
                _ => {}
            }
            let next = if unknown > 16 {
                sc.fps.get(sc.fps.partition_point(|&n| n <= fp)).copied()
            } else {
                sc.frames.iter().map(|x| x.1).filter(|&n| n > fp).min()
            };
            let top = self.frame_top(f, fp).max(next.unwrap_or(0));
            sc.words.push((fp, top));
        }
        let GcScratch {
            words,
            mapped,
            these,
            ..
        } = &sc;
        for &(_, f, _) in mapped {
            self.stack_maps(f);
        }
        let prog = self.prog;
        let stack = &self.stack;
        let maps = &self.stack_maps;
        let ctx = self.jc.ctx;
        let delta = self.jc.globals_delta;
        let mut held = Vec::new();
        self.defer_roots(|w| held.push(w));
        // (Other goroutines' frames, deferred calls and panics.)
        self.parked_roots(|w| held.push(w));
        let r = self
            .heap
            .collect(|m| {
                for &(from, to) in words {
                    for &w in &stack[from..to.min(stack.len())] {
                        m.mark(w);
                    }
                }
                for &at in these {
                    m.mark(stack[at]);
                }
                for &(fp, f, pc) in mapped {
                    let map = maps[f.index()].as_ref().expect("computed above");
                    for &s in map.at(pc as usize).unwrap_or_default() {
                        m.mark(stack[fp + s as usize]);
                    }
                }
                for &(addr, words, layout) in &prog.globals {
                    m.mark_object(addr.wrapping_add(delta), words as usize, layout);
                }
                m.mark(ctx);
                held.iter().for_each(|&w| m.mark(w));
            })
            .map_err(Panic::Fatal);
        self.gc_scratch = sc;
        r
    }
}

/// The buffers a collection fills with its roots, kept by the VM from one
/// collection to the next (a deep recursion has a million frames).
#[derive(Default)]
pub(crate) struct GcScratch {
    frames: Vec<(FuncId, usize, Scan)>,
    compiled: Vec<CompiledFrame>,
    /// The optimizing tier's stack maps the compiled frames name.
    maps: Vec<std::sync::Arc<[u32]>>,
    /// Word ranges scanned conservatively.
    words: Vec<(usize, usize)>,
    /// (frame, function, pc) read through stack maps.
    mapped: Vec<(usize, FuncId, u32)>,
    /// Stack words compiled frames' own maps name.
    these: Vec<usize>,
    fps: Vec<usize>,
}

impl GcScratch {
    fn clear(&mut self) {
        self.frames.clear();
        self.compiled.clear();
        self.maps.clear();
        self.words.clear();
        self.mapped.clear();
        self.these.clear();
        self.fps.clear();
    }
}
