//! Addresses and word copies: frame slots to and from heap objects, slice
//! elements (bounds-checked), frame arrays and package variables; zeroing
//! and moving runs of slots. Each access computes an address in `rax`,
//! then copies words between it and slots.

use super::{Emitter, GLOBALS_DELTA};
use crate::bytecode::op::Op;
use crate::bytecode::slot_offset;
use pgojit_jit::abi::{ARGS, TMP0, TMP1, TMP2, VM};
use pgojit_jit::{Cond, Mem, Reg};

/// One word of a copy: a frame slot (through its register when pinned) or memory.
enum Word {
    Slot(u32),
    Mem(Mem),
}

/// Byte offset of word `i` of a heap object (or of any run of 64-bit
/// words: package variables, an itab's methods, a site's counters).
pub(super) const fn word_offset(i: u32) -> i32 {
    assert!(i < (1 << 28), "word offset out of range");
    (i * 8) as i32
}

/// Word `i` of the object at `base`.
pub(super) const fn word(base: Reg, i: u32) -> Mem {
    Mem::at(base, word_offset(i))
}

impl Emitter<'_> {
    /// `slots[from..from+n] = 0` in memory (the prologue, before pinned
    /// registers are loaded).
    pub(super) fn zero_mem(&mut self, from: u32, n: u32) {
        if n == 0 {
            return;
        }
        if n <= 16 {
            self.m.mov_imm(TMP0, 0);
            for i in 0..n {
                let m = self.slot(from + i);
                self.m.store(m, TMP0);
            }
        } else {
            let m = self.slot(from);
            self.m.lea(ARGS[0], m);
            self.m.mov_imm(TMP1, n as u64);
            self.m.mov_imm(TMP0, 0);
            self.m.rep_stosq();
        }
    }

    /// `slots[from..from+n] = 0`.
    pub(super) fn zero(&mut self, from: u32, n: u32) {
        if n == 0 {
            return;
        }
        if n <= 16 {
            self.m.mov_imm(TMP0, 0);
            for i in 0..n {
                self.st(from + i, TMP0);
            }
        } else {
            self.spill_all();
            self.zero_mem(from, n);
            self.reload_all();
        }
    }

    /// Copies `n` words between memory operands `src(i)` and `dst(i)`, in
    /// the order that is safe for overlapping frame ranges.
    fn copy(
        &mut self,
        n: u32,
        backward: bool,
        src: impl Fn(u32) -> Word,
        dst: impl Fn(u32) -> Word,
    ) {
        let order: Vec<u32> = if backward {
            (0..n).rev().collect()
        } else {
            (0..n).collect()
        };
        for i in order {
            match src(i) {
                Word::Slot(s) => self.ld(TMP2, s),
                Word::Mem(m) => self.m.load(TMP2, m),
            }
            match dst(i) {
                Word::Slot(s) => self.st(s, TMP2),
                Word::Mem(m) => self.m.store(m, TMP2),
            }
        }
    }

    /// Frame-to-frame move of `n` slots.
    pub(super) fn move_slots(&mut self, d: u32, s: u32, n: u32) {
        if d == s || n == 0 {
            return;
        }
        self.copy(n, d > s, |i| Word::Slot(s + i), |i| Word::Slot(d + i));
    }

    /// `r *= bytes` (a shift for powers of two).
    pub(super) fn scale(&mut self, r: Reg, bytes: i32) {
        if (bytes as u32).is_power_of_two() {
            self.m.shl_imm(r, bytes.trailing_zeros() as u8);
        } else {
            self.m.imul_imm(r, r, bytes);
        }
    }

    /// `rax` = the pointer in slot `p`; nil goes to the shared nil exit.
    pub(super) fn deref(&mut self, p: u32) {
        self.ld(TMP0, p);
        self.m.test(TMP0, TMP0);
        let nil = self.nil_exit();
        self.m.je(nil);
    }

    /// Slots `d..d+n` = words `off..off+n` of the object at `rax`.
    pub(super) fn load_words(&mut self, d: u32, off: u32, n: u32) {
        self.copy(
            n,
            false,
            |k| Word::Mem(word(TMP0, off + k)),
            |k| Word::Slot(d + k),
        );
    }

    /// Words `off..off+n` of the object at `rax` = slots `s..s+n`.
    pub(super) fn store_words(&mut self, off: u32, s: u32, n: u32) {
        self.copy(
            n,
            false,
            |k| Word::Slot(s + k),
            |k| Word::Mem(word(TMP0, off + k)),
        );
    }

    /// `rax = slice data + index * stride words`, bounds-checked (slice at `s`).
    pub(super) fn slice_elem(&mut self, op: &Op, s: u32, i: u32, stride: u32) {
        self.elem_addr(op, s, i, word_offset(stride));
    }

    /// `rax = slice data + index`, bounds-checked (a slice of bytes at `s`).
    pub(super) fn slice_byte(&mut self, op: &Op, s: u32, i: u32) {
        self.elem_addr(op, s, i, 1);
    }

    /// `rax = slice data + index * bytes`, bounds-checked (slice at `s`).
    fn elem_addr(&mut self, op: &Op, s: u32, i: u32, bytes: i32) {
        let slow = self.slow_path(op);
        let (x, len) = (self.src(i, TMP0), self.src(s + 1, TMP1));
        // Unsigned: a negative index is out of range too.
        self.m.cmp(x, len);
        self.m.jcc(Cond::AboveEq, slow);
        if x != TMP0 {
            self.m.mov(TMP0, x);
        }
        if bytes != 1 {
            self.scale(TMP0, bytes);
        }
        let data = self.src(s, TMP1);
        self.m.add(TMP0, data);
    }

    /// `rax = frame address of element i` of a frame array (bounds-checked).
    pub(super) fn frame_elem(&mut self, op: &Op, base: u32, i: u32, len: u32, stride: u32) {
        let slow = self.slow_path(op);
        self.ld(TMP0, i);
        self.m.mov_imm(TMP1, len as u64);
        self.m.cmp(TMP0, TMP1);
        self.m.jcc(Cond::AboveEq, slow);
        self.scale(TMP0, slot_offset(stride));
        let m = self.slot(base);
        self.m.lea(TMP1, m);
        self.m.add(TMP0, TMP1);
    }

    /// `rax` = frame address of slot `base + o`, `o` read from its slot (a
    /// frame array reached through a slot index the code computed).
    pub(super) fn frame_dyn_elem(&mut self, base: u32, o: u32) {
        self.ld(TMP0, o);
        self.m.imul_imm(TMP0, TMP0, slot_offset(1));
        let m = self.slot(base);
        self.m.lea(TMP1, m);
        self.m.add(TMP0, TMP1);
    }

    /// `rax = addr` relocated to this VM's package variables.
    pub(super) fn global_addr(&mut self, addr: u64) {
        self.m.mov_imm(TMP0, addr);
        self.m.load(TMP1, Mem::at(VM, GLOBALS_DELTA));
        self.m.add(TMP0, TMP1);
    }
}
