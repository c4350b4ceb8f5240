//! Channels: `make`, send, receive, `close`, `len`, `cap` and `select`,
//! as Go's runtime (`chan.go`, `select.go`) runs them, on the goroutines
//! of `sched.rs`.
//!
//! A channel is a heap object of [`HEADER_WORDS`] words (a pointer to its
//! ring buffer of `cap` elements, then counts) of the layout lowering
//! registers from [`HEADER_PTRS`]; the buffer has the element's layout.
//! The goroutines blocked on a channel are in the scheduler's table, by
//! the channel's address: a sender's value and a receiver's destination
//! are slots of their own frames, which the other side reads or writes
//! directly (Go's direct handoff), so an unbuffered channel copies once.

use super::sched::Waiter;
use super::{mem, Vm};
use crate::runtime::heap::LayoutId;
use crate::runtime::panic::Panic;
use pgojit_profiler::FuncId;

/// Which words of a channel header hold pointers.
pub(crate) const HEADER_PTRS: [bool; 6] = [true, false, false, false, false, false];
const HEADER_WORDS: usize = HEADER_PTRS.len();
/// Header word offsets: the buffer, its capacity in elements, the elements
/// in it, where the next receive takes one, whether the channel is closed,
/// and the words of an element.
const BUF: usize = 0;
const CAP: usize = 1;
const COUNT: usize = 2;
const RECVX: usize = 3;
const CLOSED: usize = 4;
const ELEM: usize = 5;
/// Go's largest channel buffer (`maxAlloc` over the element size).
const MAX_BYTES: u64 = 1 << 47;

/// One `select` case's word of facts: a send or a receive, where its value
/// is in the send area or goes in the receive area (a receive's ok word
/// follows its value), and its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CaseInfo {
    pub send: bool,
    pub off: u32,
    pub words: u32,
}

impl CaseInfo {
    pub fn encode(self) -> u64 {
        self.send as u64 | (self.off as u64) << 1 | (self.words as u64) << 33
    }

    pub fn decode(w: u64) -> CaseInfo {
        CaseInfo {
            send: w & 1 != 0,
            off: (w >> 1) as u32,
            words: (w >> 33) as u32,
        }
    }
}

/// One case of a running `select`, with its slots' addresses.
struct Case {
    ch: u64,
    send: bool,
    data: *mut u64,
    ok: *mut u64,
}

/// What a channel operation found it could do at once.
enum Ready {
    Now,
    Blocks,
}

impl Vm<'_> {
    /// `make(chan T, size)`, elements of `w` words.
    pub(crate) fn chan_make(
        &mut self,
        size: i64,
        w: u32,
        header: LayoutId,
        layout: LayoutId,
    ) -> Result<u64, Panic> {
        if size < 0 || (size as u64).saturating_mul(8 * w as u64) > MAX_BYTES {
            return Err(Panic::Plain("makechan: size out of range".into()));
        }
        let buf = if size > 0 && w > 0 {
            self.heap.alloc(size as usize * w as usize, layout)?
        } else {
            0
        };
        let h = self.heap.alloc(HEADER_WORDS, header)?;
        mem::store_n(h, 0, &[buf, size as u64, 0, 0, 0, w as u64]);
        Ok(h)
    }

    /// `len(ch)` or `cap(ch)`.
    pub(crate) fn chan_len(&self, ch: u64, cap: bool) -> u64 {
        if ch == 0 {
            return 0;
        }
        mem::load(ch, if cap { CAP } else { COUNT })
    }

    /// Copies `n` words from `src` to `dst`.
    fn copy_words(dst: *mut u64, src: *const u64, n: usize) {
        if n > 0 {
            // SAFETY: both are slots of live frames or words of a live
            // channel buffer, `n` words long, and never the same words.
            unsafe { std::ptr::copy_nonoverlapping(src, dst, n) };
        }
    }

    fn zero_words(dst: *mut u64, n: usize) {
        if n > 0 {
            // SAFETY: as in `copy_words`.
            unsafe { std::ptr::write_bytes(dst, 0, n) };
        }
    }

    /// The address of buffer element `i` of `ch`.
    fn elem_at(ch: u64, i: u64) -> *mut u64 {
        let w = mem::load(ch, ELEM);
        (mem::load(ch, BUF) + 8 * i * w) as *mut u64
    }

    /// The first goroutine blocked receiving (`recv`) or sending on `ch`.
    fn take_waiter(&mut self, ch: u64, recv: bool) -> Option<Waiter> {
        let s = self.sched.as_mut()?;
        let w = s.waits.get_mut(&ch)?;
        if recv {
            w.recvq.pop_front()
        } else {
            w.sendq.pop_front()
        }
    }

    /// The send part that needs no waiting: to a blocked receiver, or into
    /// the buffer.
    fn try_send(&mut self, ch: u64, v: *const u64) -> Result<Ready, Panic> {
        if mem::load(ch, CLOSED) != 0 {
            return Err(Panic::Plain("send on closed channel".into()));
        }
        let w = mem::load(ch, ELEM) as usize;
        if let Some(r) = self.take_waiter(ch, true) {
            Self::copy_words(r.data, v, w);
            set_ok(r.ok, 1);
            self.ready(r.g, r.case);
            return Ok(Ready::Now);
        }
        let (cap, count) = (mem::load(ch, CAP), mem::load(ch, COUNT));
        if count < cap {
            let i = (mem::load(ch, RECVX) + count) % cap;
            Self::copy_words(Self::elem_at(ch, i), v, w);
            mem::store_n(ch, COUNT, &[count + 1]);
            return Ok(Ready::Now);
        }
        Ok(Ready::Blocks)
    }

    /// The receive part that needs no waiting: from a blocked sender, the
    /// buffer, or a closed channel.
    fn try_recv(&mut self, ch: u64, d: *mut u64, ok: *mut u64) -> Ready {
        let w = mem::load(ch, ELEM) as usize;
        let cap = mem::load(ch, CAP);
        if let Some(snd) = self.take_waiter(ch, false) {
            if cap == 0 {
                Self::copy_words(d, snd.data, w);
            } else {
                // A full buffer: its head out, the sender's value in at
                // its tail (the same place, once the head moves).
                let i = mem::load(ch, RECVX);
                Self::copy_words(d, Self::elem_at(ch, i), w);
                Self::copy_words(Self::elem_at(ch, i), snd.data, w);
                mem::store_n(ch, RECVX, &[(i + 1) % cap]);
            }
            set_ok(ok, 1);
            self.ready(snd.g, snd.case);
            return Ready::Now;
        }
        let count = mem::load(ch, COUNT);
        if count > 0 {
            let i = mem::load(ch, RECVX);
            Self::copy_words(d, Self::elem_at(ch, i), w);
            Self::zero_words(Self::elem_at(ch, i), w);
            mem::store_n(ch, RECVX, &[(i + 1) % cap]);
            mem::store_n(ch, COUNT, &[count - 1]);
            set_ok(ok, 1);
            return Ready::Now;
        }
        if mem::load(ch, CLOSED) != 0 {
            Self::zero_words(d, w);
            set_ok(ok, 0);
            return Ready::Now;
        }
        Ready::Blocks
    }

    /// Queues the running goroutine on `ch`.
    fn enqueue(&mut self, ch: u64, recv: bool, data: *mut u64, ok: *mut u64, case: u32) {
        let g = self.cur_g();
        let s = self.sched.as_mut().expect("a scheduler");
        let w = s.waits.entry(ch).or_default();
        let waiter = Waiter { g, data, ok, case };
        if recv {
            w.recvq.push_back(waiter);
        } else {
            w.sendq.push_back(waiter);
        }
        s.gs[g].chans.push(ch);
        s.gs[g].closed = false;
    }

    /// Blocks for ever (a nil channel, `select {}`): until every
    /// goroutine is asleep (`park` reports the deadlock).
    fn block_forever(&mut self, why: &'static str, cur: FuncId, fp: usize) -> Result<(), Panic> {
        self.park(why, cur, fp)?;
        unreachable!("nothing wakes a goroutine blocked for ever")
    }

    /// `ch <- v` (the value's slots at `v`).
    pub(crate) fn chan_send(
        &mut self,
        ch: u64,
        v: *mut u64,
        cur: FuncId,
        fp: usize,
    ) -> Result<(), Panic> {
        if ch == 0 {
            return self.block_forever("chan send (nil chan)", cur, fp);
        }
        if let Ready::Now = self.try_send(ch, v)? {
            return Ok(());
        }
        self.enqueue(ch, false, v, std::ptr::null_mut(), 0);
        self.park("chan send", cur, fp)?;
        let g = self.cur_g();
        if self.sched.as_ref().is_some_and(|s| s.gs[g].closed) {
            return Err(Panic::Plain("send on closed channel".into()));
        }
        Ok(())
    }

    /// `<-ch` into the slots at `d`, and its ok word into `ok` (if not null).
    pub(crate) fn chan_recv(
        &mut self,
        ch: u64,
        d: *mut u64,
        ok: *mut u64,
        cur: FuncId,
        fp: usize,
    ) -> Result<(), Panic> {
        if ch == 0 {
            return self.block_forever("chan receive (nil chan)", cur, fp);
        }
        if let Ready::Now = self.try_recv(ch, d, ok) {
            return Ok(());
        }
        self.enqueue(ch, true, d, ok, 0);
        // (The sender or the close fills the slots.)
        self.park("chan receive", cur, fp)
    }

    /// `close(ch)`: blocked receivers get zero values, blocked senders panic.
    pub(crate) fn chan_close(&mut self, ch: u64) -> Result<(), Panic> {
        if ch == 0 {
            return Err(Panic::Plain("close of nil channel".into()));
        }
        if mem::load(ch, CLOSED) != 0 {
            return Err(Panic::Plain("close of closed channel".into()));
        }
        mem::store_n(ch, CLOSED, &[1]);
        let w = mem::load(ch, ELEM) as usize;
        while let Some(r) = self.take_waiter(ch, true) {
            Self::zero_words(r.data, w);
            set_ok(r.ok, 0);
            self.ready(r.g, r.case);
        }
        while let Some(snd) = self.take_waiter(ch, false) {
            if let Some(s) = self.sched.as_mut() {
                s.gs[snd.g].closed = true;
            }
            self.ready(snd.g, snd.case);
        }
        Ok(())
    }

    /// `select` over `n` cases whose table (channel, [`CaseInfo`]) is at
    /// slot `table`, values at `vals`, receive areas at `outs` (slots of
    /// the frame at `fp`): the case that ran, or `n` for `default` (when
    /// not `block`). Ready cases are polled in a random order, as Go's.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn select(
        &mut self,
        table: u32,
        n: u32,
        vals: u32,
        outs: u32,
        block: bool,
        cur: FuncId,
        fp: usize,
    ) -> Result<u64, Panic> {
        let st = self.stack.as_mut_ptr();
        let slot = |s: u32| st.wrapping_add(fp + s as usize);
        let cases: Vec<Case> = (0..n)
            .map(|i| {
                // SAFETY: the table's slots are in the frame (the verifier
                // bounds the operands).
                let (ch, info) = unsafe { (*slot(table + 2 * i), *slot(table + 2 * i + 1)) };
                let info = CaseInfo::decode(info);
                if info.send {
                    Case {
                        ch,
                        send: true,
                        data: slot(vals + info.off),
                        ok: std::ptr::null_mut(),
                    }
                } else {
                    Case {
                        ch,
                        send: false,
                        data: slot(outs + info.off),
                        ok: slot(outs + info.off + info.words),
                    }
                }
            })
            .collect();
        // Poll in a random order.
        let mut order: Vec<u32> = (0..n).collect();
        for i in (1..order.len()).rev() {
            let j = (self.map_rand() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &i in &order {
            let c = &cases[i as usize];
            if c.ch == 0 {
                continue;
            }
            let ready = if c.send {
                self.try_send(c.ch, c.data)?
            } else {
                self.try_recv(c.ch, c.data, c.ok)
            };
            if let Ready::Now = ready {
                return Ok(i as u64);
            }
        }
        if !block {
            return Ok(n as u64);
        }
        let why = if n == 0 {
            "select (no cases)"
        } else {
            "select"
        };
        if cases.iter().all(|c| c.ch == 0) {
            self.block_forever(why, cur, fp)?;
        }
        for (i, c) in cases.iter().enumerate() {
            if c.ch != 0 {
                self.enqueue(c.ch, !c.send, c.data, c.ok, i as u32);
            }
        }
        self.park(why, cur, fp)?;
        let g = self.cur_g();
        let s = self.sched.as_ref().expect("a scheduler");
        let case = s.gs[g].case;
        if cases[case as usize].send && s.gs[g].closed {
            return Err(Panic::Plain("send on closed channel".into()));
        }
        Ok(case as u64)
    }
}

/// A receive's ok word, if it has one (`ok` null: none).
fn set_ok(ok: *mut u64, v: u64) {
    if !ok.is_null() {
        // SAFETY: a slot of the receiver's frame (`Waiter::ok`, or the
        // running receive's operand).
        unsafe { *ok = v };
    }
}
