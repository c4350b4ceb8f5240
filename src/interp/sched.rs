//! Goroutines and their scheduler.
//!
//! Each goroutine other than `main`'s runs on a native stack of its own (a
//! `corosensei` coroutine: compiled frames and the interpreter's runtime
//! → Go calls nest there as on the main thread) with a VM stack, frames,
//! deferred calls and panics of its own. The VM holds the running
//! goroutine's state in its own fields; a switch swaps them with the
//! state the goroutine record keeps ([`GState`]), so every tier's code
//! runs unchanged in any goroutine.
//!
//! Scheduling is cooperative, on one thread, as Go's with `GOMAXPROCS=1`
//! and no preemption: a goroutine runs until it blocks (a channel
//! operation, `select`) or ends. The scheduler loop runs on `main`'s
//! stack, inside `main`'s blocking operation (`Vm::schedule`): it resumes
//! the runnable goroutines in turn until `main` can go on; the others,
//! when they block, suspend back to it. So nothing runs when `main`
//! does not wait, and the program ends when `main` returns, as Go's.
//! When nothing can run while `main` waits, every goroutine is asleep:
//! each blocked one is unwound (no deferred calls run) to collect its
//! traceback, and `main` ends with Go's deadlock report.

use super::defers::{ActivePanic, DeferRec};
use super::trace::TraceFrame;
use super::{Suspended, Vm};
use crate::runtime::panic::Panic;
use corosensei::stack::{DefaultStack, Stack};
use corosensei::{Coroutine, CoroutineResult, Yielder};
use pgojit_profiler::FuncId;
use std::collections::{HashMap, VecDeque};

/// `main`'s goroutine (Go's goroutine 1), always record 0.
pub(crate) const MAIN: usize = 0;
/// Address space of a goroutine's native stack (touched only as used).
const NATIVE_STACK: usize = 256 << 20;
/// Native stack kept free below the compiled code's limit, for the
/// runtime's own calls.
const NATIVE_MARGIN: u64 = 512 << 10;
/// Slots of a goroutine's VM stack (512 MiB of address space, touched
/// only as used: as deep as `main`'s).
const VM_STACK_SLOTS: usize = 64 << 20;
/// Finished goroutines' stacks kept for new ones.
const POOL: usize = 64;

/// What resumes a parked goroutine.
pub(crate) enum Resume {
    /// Its operation completed: go on.
    Run,
    /// Every goroutine is asleep: unwind (collecting the traceback) and end.
    Kill,
}

/// How a goroutine's function ended.
pub(crate) enum End {
    Done,
    /// With a panic that ends the program (the report, as Go prints it).
    Panicked(Panic),
    /// Killed at a deadlock: its traceback, from `goroutine N [...]` on.
    Killed(String),
}

type Co = Coroutine<Resume, (), End, DefaultStack>;

/// The VM fields that belong to one goroutine (see [`Vm::swap_g`]).
pub(crate) struct GState {
    pub(super) stack: super::mem::VmStack,
    pub(super) stack_end: *mut u64,
    pub(super) frames: Vec<Suspended>,
    pub(super) frames_room: usize,
    pub(super) depth: u32,
    pub(super) pending: Option<Panic>,
    pub(super) defers: Vec<DeferRec>,
    pub(super) protects: Vec<(usize, FuncId)>,
    pub(super) defer_words: Vec<u64>,
    pub(super) panics: Vec<ActivePanic>,
    pub(super) trace: Vec<TraceFrame>,
    pub(super) recover_at: Option<(usize, FuncId)>,
    pub(super) goid: u64,
    /// The compiled code's context words of the goroutine: `unwind_rsp`,
    /// `rsp_limit`, `stack_end`, `stack_base`, `ctx`.
    pub(super) jc: [u64; 7],
}

impl GState {
    fn empty() -> GState {
        GState {
            stack: Default::default(),
            stack_end: std::ptr::null_mut(),
            frames: Vec::new(),
            frames_room: 0,
            depth: 0,
            pending: None,
            defers: Vec::new(),
            protects: Vec::new(),
            defer_words: Vec::new(),
            panics: Vec::new(),
            trace: Vec::new(),
            recover_at: None,
            goid: 0,
            jc: [0; 7],
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Status {
    Running,
    Runnable,
    /// Blocked, with Go's word for why (`chan receive`, `select`...).
    Waiting(&'static str),
    Dead,
}

/// A goroutine blocked on a channel: where its value is (a send) or goes
/// (a receive), in its own frame.
#[derive(Clone, Copy)]
pub(crate) struct Waiter {
    pub g: usize,
    pub data: *mut u64,
    /// Where a receive's ok word goes (null: none).
    pub ok: *mut u64,
    /// The `select` case it waits in (0 outside a `select`).
    pub case: u32,
}

/// The goroutines blocked on one channel.
#[derive(Default)]
pub(crate) struct Waits {
    pub recvq: VecDeque<Waiter>,
    pub sendq: VecDeque<Waiter>,
}

pub(crate) struct G {
    pub goid: u64,
    /// Its VM state while it does not run.
    saved: GState,
    /// Its native stack and where it stopped (`None` for `main`, and
    /// while it runs).
    co: Option<Co>,
    yielder: *const Yielder<Resume, ()>,
    pub status: Status,
    /// While it waits: one past the last VM stack slot its frames use
    /// (the collector scans below).
    top: usize,
    /// The `select` case that woke it.
    pub case: u32,
    /// Woken by a close (a send then panics).
    pub closed: bool,
    /// The channels whose queues hold it.
    pub chans: Vec<u64>,
    /// The function and line of its `go` statement, and the goroutine
    /// that ran it.
    created: Option<(FuncId, u32, u64)>,
}

pub(crate) struct Sched {
    pub gs: Vec<G>,
    /// Runnable goroutines other than `main`, in the order they run.
    runq: VecDeque<usize>,
    /// The goroutine whose state the VM holds.
    pub cur: usize,
    next_goid: u64,
    /// Blocked goroutines per channel (by address).
    pub waits: HashMap<u64, Waits>,
    free_gs: Vec<usize>,
    free_stacks: Vec<DefaultStack>,
    free_vm_stacks: Vec<super::mem::VmStack>,
    stats: GoStats,
    /// Sleeping goroutines: when each wakes (`time.Sleep`), earliest first.
    timers: std::collections::BinaryHeap<std::cmp::Reverse<(std::time::Instant, u64, usize)>>,
    timer_seq: u64,
    /// Goroutines blocked on a semaphore (`sync`), by its address.
    semas: HashMap<u64, VecDeque<usize>>,
    /// The goroutine the last `go` statement started.
    last_started: usize,
    /// After `main`'s `runtime.Gosched`: turns of other goroutines left
    /// before `main` runs again.
    main_yield: usize,
}

/// What `--stats` says about goroutines.
#[derive(Clone, Copy, Debug, Default)]
pub struct GoStats {
    /// Goroutines the program started (`main`'s not counted).
    pub created: u64,
    /// The most alive at once (`main`'s counted).
    pub max_live: u64,
    /// Switches from one goroutine to another.
    pub switches: u64,
}

impl Drop for Sched {
    fn drop(&mut self) {
        for g in &mut self.gs {
            if let Some(co) = &mut g.co {
                // SAFETY: the goroutine will never run again (the program
                // is over). Its frames are dropped without running their
                // destructors: what they own leaks, which is safe, and no
                // unwinding passes compiled frames (which have no unwind
                // tables).
                unsafe { co.force_reset() };
            }
        }
    }
}

impl Vm<'_> {
    /// Swaps the running goroutine's fields with `s`.
    fn swap_g(&mut self, s: &mut GState) {
        use std::mem::swap;
        swap(&mut self.stack, &mut s.stack);
        swap(&mut self.stack_end, &mut s.stack_end);
        swap(&mut self.frames, &mut s.frames);
        swap(&mut self.frames_room, &mut s.frames_room);
        swap(&mut self.depth, &mut s.depth);
        swap(&mut self.pending, &mut s.pending);
        swap(&mut self.defers, &mut s.defers);
        swap(&mut self.protects, &mut s.protects);
        swap(&mut self.defer_words, &mut s.defer_words);
        swap(&mut self.panics, &mut s.panics);
        swap(&mut self.trace, &mut s.trace);
        swap(&mut self.recover_at, &mut s.recover_at);
        swap(&mut self.goid, &mut s.goid);
        let jc = &mut self.jc;
        swap(&mut jc.unwind_rsp, &mut s.jc[0]);
        swap(&mut jc.rsp_limit, &mut s.jc[1]);
        swap(&mut jc.stack_end, &mut s.jc[2]);
        swap(&mut jc.stack_base, &mut s.jc[3]);
        swap(&mut jc.ctx, &mut s.jc[4]);
        swap(&mut jc.last_rsp, &mut s.jc[5]);
        swap(&mut jc.last_frame, &mut s.jc[6]);
    }

    /// Makes goroutine `g`'s state the VM's.
    fn switch_to(&mut self, g: usize) {
        let mut s = self.sched.take().expect("a scheduler");
        if s.cur != g {
            let cur = s.cur;
            self.swap_g(&mut s.gs[cur].saved);
            self.swap_g(&mut s.gs[g].saved);
            s.cur = g;
            s.stats.switches += 1;
        }
        self.sched = Some(s);
    }

    fn sched_mut(&mut self) -> &mut Sched {
        self.sched.get_or_insert_with(|| {
            Box::new(Sched {
                gs: vec![G {
                    goid: 1,
                    saved: GState::empty(),
                    co: None,
                    yielder: std::ptr::null(),
                    status: Status::Running,
                    top: 0,
                    case: 0,
                    closed: false,
                    chans: Vec::new(),
                    created: None,
                }],
                runq: VecDeque::new(),
                cur: MAIN,
                // (Go's runtime starts a few goroutines of its own first.)
                next_goid: FIRST_GOID,
                waits: HashMap::new(),
                free_gs: Vec::new(),
                free_stacks: Vec::new(),
                free_vm_stacks: Vec::new(),
                stats: GoStats::default(),
                timers: Default::default(),
                timer_seq: 0,
                semas: HashMap::new(),
                last_started: MAIN,
                main_yield: 0,
            })
        })
    }

    /// The running goroutine's record.
    pub(crate) fn cur_g(&mut self) -> usize {
        self.sched_mut().cur
    }

    /// `go`: a new goroutine that runs `wrap` on a frame whose slots from
    /// `base` on hold `words`, created by `by` at `line`.
    pub(crate) fn go_start(
        &mut self,
        wrap: FuncId,
        base: usize,
        words: &[u64],
        by: FuncId,
        line: u32,
    ) -> Result<(), Panic> {
        let vm_slots = match self.max_stack {
            Some(b) => ((b / 8) as usize).clamp(1024, VM_STACK_SLOTS),
            None => VM_STACK_SLOTS,
        };
        let parent = self.goid;
        let vmp: *mut Self = self;
        let s = self.sched_mut();
        let native = match s.free_stacks.pop() {
            Some(st) => st,
            None => DefaultStack::new(NATIVE_STACK).map_err(|_| out_of_memory())?,
        };
        let mut stack = match s.free_vm_stacks.pop() {
            Some(st) => st,
            None => super::mem::VmStack::try_new(vm_slots).map_err(|_| out_of_memory())?,
        };
        stack[base..base + words.len()].copy_from_slice(words);
        let goid = s.next_goid;
        s.next_goid += 1;
        let limit = native.limit().get() as u64 + NATIVE_MARGIN;
        let mut saved = GState::empty();
        let range = stack.as_mut_ptr_range();
        saved.jc = [0, limit, range.end as u64, range.start as u64, 0, 0, 0];
        saved.stack_end = range.end;
        saved.stack = stack;
        saved.frames = Vec::with_capacity(64);
        saved.frames_room = 64.min(self.max_frames);
        saved.goid = goid;
        let s = self.sched_mut();
        let idx = match s.free_gs.pop() {
            Some(i) => i,
            None => {
                s.gs.push(G {
                    goid: 0,
                    saved: GState::empty(),
                    co: None,
                    yielder: std::ptr::null(),
                    status: Status::Dead,
                    top: 0,
                    case: 0,
                    closed: false,
                    chans: Vec::new(),
                    created: None,
                });
                s.gs.len() - 1
            }
        };
        let body = move |y: &Yielder<Resume, ()>, _first: Resume| -> End {
            // SAFETY: the VM outlives its goroutines (they run only inside
            // its calls, and `Sched` is dropped with it), and only one of
            // them runs at a time: while this one runs, the scheduler loop
            // that resumed it holds no reference into the VM.
            let vm = unsafe { &mut *vmp };
            let s = vm.sched_mut();
            let me = s.cur;
            s.gs[me].yielder = y;
            match vm.run(wrap, 0) {
                Ok(()) => End::Done,
                // (Killed at a deadlock: the only throw of that message
                // out of a goroutine other than `main`.)
                Err(Panic::Throw { msg, status, .. }) if msg == crate::runtime::panic::DEADLOCK => {
                    let frames = std::mem::take(&mut vm.trace);
                    End::Killed(vm.format_trace_as(&frames, &status))
                }
                Err(p) => End::Panicked(vm.report(p)),
            }
        };
        // SAFETY: the closure borrows nothing (it holds the VM's address,
        // see above).
        let co = unsafe { Co::with_stack_unchecked(native, body) };
        let g = &mut s.gs[idx];
        g.goid = goid;
        g.saved = saved;
        g.co = Some(co);
        g.status = Status::Runnable;
        g.top = base + words.len();
        g.case = 0;
        g.closed = false;
        g.chans.clear();
        g.created = Some((by, line, parent));
        s.runq.push_back(idx);
        s.last_started = idx;
        s.stats.created += 1;
        let live = (s.gs.len() - s.free_gs.len()) as u64;
        s.stats.max_live = s.stats.max_live.max(live);
        Ok(())
    }

    /// Makes goroutine `g`, woken by a channel operation in its case
    /// `case`, runnable again, out of every queue it waited in.
    pub(crate) fn ready(&mut self, g: usize, case: u32) {
        let s = self.sched_mut();
        s.gs[g].case = case;
        for c in std::mem::take(&mut s.gs[g].chans) {
            if let Some(w) = s.waits.get_mut(&c) {
                w.recvq.retain(|x| x.g != g);
                w.sendq.retain(|x| x.g != g);
                if w.recvq.is_empty() && w.sendq.is_empty() {
                    s.waits.remove(&c);
                }
            }
        }
        s.gs[g].status = Status::Runnable;
        if g != MAIN {
            s.runq.push_back(g);
        }
    }

    /// Blocks the running goroutine (`why`: Go's word for it) until a
    /// channel operation readies it; its frames reach `top`.
    pub(crate) fn park(&mut self, why: &'static str, cur: FuncId, fp: usize) -> Result<(), Panic> {
        let top = self.frame_top(cur, fp);
        self.park_at(why, top)
    }

    /// [`Self::park`] with the frames reaching `top`.
    pub(crate) fn park_at(&mut self, why: &'static str, top: usize) -> Result<(), Panic> {
        let top = top.min(self.stack.len());
        let s = self.sched_mut();
        let me = s.cur;
        s.gs[me].status = Status::Waiting(why);
        s.gs[me].top = top;
        if me == MAIN {
            return self.schedule();
        }
        let y = s.gs[me].yielder;
        // SAFETY: `y` is this goroutine's yielder, on its own stack, which
        // is running this very call.
        match unsafe { (*y).suspend(()) } {
            Resume::Run => Ok(()),
            Resume::Kill => Err(Panic::deadlock(why)),
        }
    }

    /// Blocks the running goroutine until `deadline` (`time.Sleep`);
    /// other goroutines run meanwhile, and the thread sleeps when none can.
    pub(crate) fn sleep_until(
        &mut self,
        deadline: std::time::Instant,
        top: usize,
    ) -> Result<(), Panic> {
        let s = self.sched_mut();
        s.timer_seq += 1;
        let (seq, me) = (s.timer_seq, s.cur);
        s.timers.push(std::cmp::Reverse((deadline, seq, me)));
        self.park_at("sleep", top)
    }

    /// Puts the running goroutine at the end of the run queue and runs the
    /// others that can run (`runtime.Gosched`).
    pub(crate) fn yield_now(&mut self, top: usize) -> Result<(), Panic> {
        let top = top.min(self.stack.len());
        let s = self.sched_mut();
        let main_waits = s.cur != MAIN && s.gs[MAIN].status == Status::Runnable;
        if s.runq.is_empty() && s.timers.is_empty() && !main_waits {
            return Ok(());
        }
        if s.cur == MAIN {
            // `main` runs again after the goroutines runnable now (a
            // timer would wake it before them: the loop looks at `main`
            // first).
            s.main_yield = s.runq.len();
            s.gs[MAIN].status = Status::Runnable;
            s.gs[MAIN].top = top;
            return self.schedule();
        }
        // (A zero-length sleep: it wakes after the goroutines runnable now.)
        let now = std::time::Instant::now();
        self.sleep_until(now, top)
    }

    /// The goroutine the last `go` statement started (`main` if none).
    pub(crate) fn last_started(&mut self) -> usize {
        self.sched_mut().last_started
    }

    /// `iter`'s coroutine switch: goroutine `to` (if any) runs next, and
    /// the running one blocks (`coroutine`) if `park`, until switched to.
    /// `to` is woken only if it waits in a switch of its own or has not
    /// run yet (`iter.Pull`'s goroutine before its first `next`).
    pub(crate) fn coro_switch(
        &mut self,
        to: Option<usize>,
        park: bool,
        top: usize,
    ) -> Result<(), Panic> {
        if let Some(g) = to {
            let s = self.sched_mut();
            match s.gs.get(g).map(|x| x.status) {
                Some(Status::Waiting("coroutine")) => self.ready(g, 0),
                Some(Status::Runnable) => {}
                _ => return Ok(()),
            }
            let s = self.sched_mut();
            if g != MAIN {
                s.runq.retain(|&x| x != g);
                s.runq.push_front(g);
            }
        }
        if park {
            self.park_at("coroutine", top)
        } else {
            Ok(())
        }
    }

    /// `sync`'s semaphore at `addr` (a word of the program's): takes one
    /// unit, blocking (`why`) until one is released when there is none.
    pub(crate) fn sem_acquire(
        &mut self,
        addr: u64,
        why: &'static str,
        top: usize,
    ) -> Result<(), Panic> {
        let p = addr as *mut u64;
        // SAFETY: `addr` is the address of a live `uint32` field the
        // program passed (checked non-nil by the Go code that calls this).
        let v = unsafe { p.cast::<u32>().read() };
        if v > 0 {
            // SAFETY: as above.
            unsafe { p.cast::<u32>().write(v - 1) };
            return Ok(());
        }
        let s = self.sched_mut();
        let me = s.cur;
        s.semas.entry(addr).or_default().push_back(me);
        self.park_at(why, top)
    }

    /// Releases one unit of the semaphore at `addr`: to the first goroutine
    /// waiting for it (made runnable), else to the count.
    pub(crate) fn sem_release(&mut self, addr: u64) {
        let s = self.sched_mut();
        if let Some(q) = s.semas.get_mut(&addr) {
            if let Some(g) = q.pop_front() {
                if q.is_empty() {
                    s.semas.remove(&addr);
                }
                self.ready(g, 0);
                return;
            }
        }
        let p = addr as *mut u32;
        // SAFETY: see `sem_acquire`.
        unsafe { p.write(p.read().wrapping_add(1)) };
    }

    /// Wakes the sleepers whose time has come; the earliest wake-up left.
    fn fire_timers(&mut self) -> Option<std::time::Instant> {
        let now = std::time::Instant::now();
        loop {
            let s = self.sched_mut();
            let &std::cmp::Reverse((at, _, g)) = s.timers.peek()?;
            if at > now {
                return Some(at);
            }
            s.timers.pop();
            self.ready(g, 0);
        }
    }

    /// The scheduler loop, on `main`'s stack while `main` waits: runs the
    /// other goroutines until `main` is ready.
    fn schedule(&mut self) -> Result<(), Panic> {
        loop {
            let next_timer = self.fire_timers();
            let s = self.sched_mut();
            if s.gs[MAIN].status == Status::Runnable && (s.main_yield == 0 || s.runq.is_empty()) {
                s.main_yield = 0;
                self.switch_to(MAIN);
                self.sched_mut().gs[MAIN].status = Status::Running;
                return Ok(());
            }
            let Some(g) = s.runq.pop_front() else {
                if let Some(at) = next_timer {
                    // Nothing can run before a sleeper wakes.
                    std::thread::sleep(at.saturating_duration_since(std::time::Instant::now()));
                    continue;
                }
                return Err(self.deadlock());
            };
            s.main_yield = s.main_yield.saturating_sub(1);
            if s.gs[g].status != Status::Runnable {
                continue;
            }
            self.switch_to(g);
            let s = self.sched_mut();
            s.gs[g].status = Status::Running;
            let mut co = s.gs[g].co.take().expect("a goroutine's stack");
            // (The goroutine runs on the VM through its own pointer: no
            // reference into it is held here meanwhile.)
            let r = co.resume(Resume::Run);
            match r {
                CoroutineResult::Yield(()) => self.sched_mut().gs[g].co = Some(co),
                CoroutineResult::Return(End::Done) => self.finish(g, co),
                CoroutineResult::Return(End::Panicked(p)) => {
                    self.finish(g, co);
                    return Err(p);
                }
                CoroutineResult::Return(End::Killed(_)) => self.finish(g, co),
            }
        }
    }

    /// Goroutine `g` has ended: its stacks go back to the pools.
    fn finish(&mut self, g: usize, co: Co) {
        self.switch_to(MAIN);
        let s = self.sched_mut();
        s.gs[g].status = Status::Dead;
        s.gs[g].created = None;
        let vm_stack = std::mem::take(&mut s.gs[g].saved.stack);
        s.gs[g].saved = GState::empty();
        if s.free_stacks.len() < POOL {
            s.free_stacks.push(co.into_stack());
            s.free_vm_stacks.push(vm_stack);
        }
        s.free_gs.push(g);
    }

    /// Every goroutine is asleep: each blocked one other than `main` is
    /// unwound for its traceback; `main` then ends with Go's report.
    fn deadlock(&mut self) -> Panic {
        let s = self.sched_mut();
        let mut blocked: Vec<(u64, usize)> = (1..s.gs.len())
            .filter(|&g| matches!(s.gs[g].status, Status::Waiting(_)))
            .map(|g| (s.gs[g].goid, g))
            .collect();
        blocked.sort();
        let mut others = String::new();
        for (_, g) in blocked {
            self.switch_to(g);
            let s = self.sched_mut();
            s.gs[g].status = Status::Running;
            let mut co = s.gs[g].co.take().expect("a goroutine's stack");
            if let CoroutineResult::Return(End::Killed(text)) = co.resume(Resume::Kill) {
                others.push_str("\n\n");
                others.push_str(&text);
                self.finish(g, co);
            } else {
                // (It cannot run on; keep its stack parked.)
                self.switch_to(MAIN);
                self.sched_mut().gs[g].co = Some(co);
            }
        }
        self.switch_to(MAIN);
        let status = match self.sched_mut().gs[MAIN].status {
            Status::Waiting(w) => w,
            _ => "running",
        };
        Panic::Throw {
            msg: crate::runtime::panic::DEADLOCK.into(),
            status: status.into(),
            others,
        }
    }

    /// Goroutines alive (`main`'s counted).
    pub(crate) fn live_goroutines(&self) -> usize {
        self.sched.as_ref().map_or(1, |s| {
            s.gs.iter().filter(|g| g.status != Status::Dead).count()
        })
    }

    /// Goroutine counts for `--stats` (`None`: no `go` statement ran).
    pub fn goroutine_stats(&self) -> Option<GoStats> {
        self.sched.as_ref().map(|s| s.stats)
    }

    /// The running goroutine's Go number and `created by` line (function,
    /// line, creating goroutine), for its traceback.
    pub(crate) fn goroutine_origin(&self) -> Option<(FuncId, u32, u64)> {
        let s = self.sched.as_ref()?;
        s.gs[s.cur].created
    }

    /// Roots of the goroutines that do not run: their frames (scanned
    /// word by word: the heap checks each word), deferred calls, panics
    /// and closure registers.
    pub(crate) fn parked_roots(&self, mut mark: impl FnMut(u64)) {
        let Some(s) = &self.sched else { return };
        for (i, g) in s.gs.iter().enumerate() {
            if i == s.cur || g.status == Status::Dead {
                continue;
            }
            let st = &g.saved;
            st.stack[..g.top.min(st.stack.len())]
                .iter()
                .for_each(|&w| mark(w));
            st.defer_words.iter().for_each(|&w| mark(w));
            for p in &st.panics {
                p.roots(&mut mark);
            }
            mark(st.jc[4]);
        }
    }
}

/// Go's report when a goroutine's stack cannot be had (here: address
/// space, or the kernel's limit on mappings, about 20,000 goroutines).
fn out_of_memory() -> Panic {
    Panic::Throw {
        msg: "fatal error: out of memory (pgojit: no room for another goroutine's stacks: \
              about 20,000 goroutines can be alive at once)"
            .into(),
        status: "running".into(),
        others: String::new(),
    }
}

/// The number Go gives the first goroutine a program starts.
const FIRST_GOID: u64 = 19;
