//! The MacroAssembler: the machine half of code generation.
//!
//! Emitters call methods that read like assembly and take register roles from
//! [`crate::abi`], memory operands ([`Mem`]) and [`Label`]s; this is the only
//! place that writes `dynasm!`. Code is assembled into a plain byte vector
//! (no executable mapping), so encoder tests never map pages; [`crate::code`]
//! copies the finished bytes into W^X code memory.

use crate::abi::{slot_offset, Reg, ARGS, CALLEE_SAVED, CALL_TARGET, FRAME, VM};
use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmError, DynasmLabelApi, VecAssembler};
use std::fmt;

/// A memory operand `[base + disp]`, 64 bits wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mem {
    pub base: Reg,
    pub disp: i32,
}

impl Mem {
    /// `[base + disp]`.
    pub const fn at(base: Reg, disp: i32) -> Mem {
        Mem { base, disp }
    }

    /// VM frame slot `slot`: `[FRAME + slot_offset(slot)]`.
    pub const fn slot(slot: u32) -> Mem {
        Mem::at(FRAME, slot_offset(slot))
    }
}

/// Whether `r` as a base register takes a displacement even when it is
/// zero (rbp and r13: their ModRM encoding without one means something
/// else).
pub fn base_needs_disp(r: Reg) -> bool {
    r.0 as u8 & 7 == 5
}

/// A branch target inside one assembly. Create with
/// [`MacroAssembler::new_label`], place with [`MacroAssembler::bind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(DynamicLabel);

/// Condition of a conditional jump, read after `cmp a, b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cond {
    /// `a == b`
    Eq,
    /// `a != b`
    Ne,
    /// `a < b`, signed
    Lt,
    /// `a <= b`, signed
    Le,
    /// `a > b`, signed
    Gt,
    /// `a >= b`, signed
    Ge,
    /// `a < b`, unsigned
    Below,
    /// `a <= b`, unsigned
    BelowEq,
    /// `a > b`, unsigned
    Above,
    /// `a >= b`, unsigned
    AboveEq,
    /// Parity set (after `ucomisd`: unordered, a NaN operand)
    Parity,
    /// Parity clear (ordered)
    NoParity,
}

impl Cond {
    /// The condition that holds exactly when `self` does not.
    pub fn negate(self) -> Cond {
        match self {
            Cond::Eq => Cond::Ne,
            Cond::Ne => Cond::Eq,
            Cond::Lt => Cond::Ge,
            Cond::Le => Cond::Gt,
            Cond::Gt => Cond::Le,
            Cond::Ge => Cond::Lt,
            Cond::Below => Cond::AboveEq,
            Cond::BelowEq => Cond::Above,
            Cond::Above => Cond::BelowEq,
            Cond::AboveEq => Cond::Below,
            Cond::Parity => Cond::NoParity,
            Cond::NoParity => Cond::Parity,
        }
    }
}

/// Why an assembly could not be finished.
#[derive(Debug)]
pub enum AsmError {
    /// A label was jumped to but never bound, or bound twice, or a jump was out of range.
    Labels(DynasmError),
    /// An implicit nil check's landing pad was never bound.
    UnboundFaultPad,
}

impl fmt::Display for AsmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AsmError::Labels(e) => write!(f, "assembly failed: {e}"),
            AsmError::UnboundFaultPad => write!(f, "assembly failed: an unbound landing pad"),
        }
    }
}

impl std::error::Error for AsmError {}

/// Finished machine code: position-independent bytes, the offsets of bound
/// labels and the listing comments. Not executable yet; see [`crate::code`].
#[derive(Debug, Clone)]
pub struct Assembled {
    pub bytes: Vec<u8>,
    pub labels: Vec<(Label, usize)>,
    pub comments: Vec<(usize, String)>,
    /// Implicit nil checks: (offset of an access that may fault on nil,
    /// offset of its landing pad). See [`crate::faults`].
    pub faults: Vec<(usize, usize)>,
    /// Every call instruction: where it returns to, and the frame it is
    /// made from. See [`crate::frames`].
    pub calls: Vec<CallSite>,
    /// The Go frames each call site's `tag` stands for.
    pub locations: Vec<Box<[(u32, u32)]>>,
    /// The stack maps call sites name ([`CallSite::map`]).
    pub stack_maps: Vec<Box<[u32]>>,
    /// Byte ranges `[start, end)` that hold data, not instructions (the
    /// constant pool): the listing prints them as `dq`.
    pub data: Vec<(usize, usize)>,
}

impl Assembled {
    /// Code offset at which `label` was bound.
    pub fn offset(&self, label: Label) -> Option<usize> {
        self.labels
            .iter()
            .find(|(l, _)| *l == label)
            .map(|&(_, o)| o)
    }
}

/// Operand pairs `cmp` accepts: `(Reg, Reg)`, `(Reg, i32)`, `(Mem, Reg)`, `(Mem, i32)`.
pub trait CmpOperands {
    #[doc(hidden)]
    fn emit(self, m: &mut MacroAssembler);
}

impl CmpOperands for (Reg, Reg) {
    fn emit(self, m: &mut MacroAssembler) {
        let (Reg(a), Reg(b)) = self;
        dynasm!(m.ops ; .arch x64 ; cmp Rq(a), Rq(b));
    }
}

impl CmpOperands for (Reg, i32) {
    fn emit(self, m: &mut MacroAssembler) {
        let (a, imm) = self;
        m.alu_imm(enc::CMP, Target::Reg(a), imm);
    }
}

impl CmpOperands for (Mem, Reg) {
    fn emit(self, m: &mut MacroAssembler) {
        let (mem, r) = self;
        m.rm(
            Width::Q,
            &[0x39],
            r.0 as u8,
            Operand::at(mem.base, mem.disp),
        );
    }
}

impl CmpOperands for (Mem, i32) {
    fn emit(self, m: &mut MacroAssembler) {
        let (mem, imm) = self;
        m.alu_imm(enc::CMP, Target::Mem(Operand::at(mem.base, mem.disp)), imm);
    }
}

/// Assembles x86-64 code for one compiled unit.
pub struct MacroAssembler {
    ops: VecAssembler<X64Relocation>,
    labels: Vec<(Label, usize)>,
    comments: Vec<(usize, String)>,
    faults: Vec<(usize, Label)>,
    /// The constant pool: 8-byte constants read RIP-relative, placed
    /// after the code by [`finish`](Self::finish).
    consts: Vec<(u64, Label)>,
    /// Bytes the code has pushed (or subtracted from `rsp`) since its
    /// entry, as the instructions emitted so far leave it; emitters set
    /// it where control arrives from elsewhere ([`set_depth`](Self::set_depth)).
    depth: i32,
    /// The location calls emitted from here on are made at ([`NO_TAG`]:
    /// not a Go frame).
    tag: u32,
    /// Bytes `FRAME` stands above the frame of the function the code
    /// belongs to ([`shift_frame`](Self::shift_frame): a call's callee
    /// frame).
    frame_off: i32,
    /// Whether the frames of calls emitted from here on hold only their
    /// bytecode slots (the collector may read them through the
    /// function's stack maps).
    bytecode_frames: bool,
    /// The stack map of the calls emitted from here on ([`NO_MAP`]: none).
    stack_map: u32,
    calls: Vec<CallSite>,
    locations: Vec<Box<[(u32, u32)]>>,
    stack_maps: Vec<Box<[u32]>>,
}

/// A call instruction of assembled code: the offset it returns to, the
/// bytes its frame had pushed below its entry's return address when it
/// made the call, and its location tag (an index into
/// [`Assembled::locations`], or [`NO_TAG`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallSite {
    pub ret: usize,
    pub depth: i32,
    pub tag: u32,
    /// Bytes the frame register stood above the caller's own frame at the
    /// call (the callee's frame of a Go call; 0 for a runtime call).
    pub frame_off: i32,
    /// The caller's frame is its bytecode slots and nothing else (the
    /// baseline tier's; its stack maps apply).
    pub bytecode_frame: bool,
    /// The caller's stack map at the call: the words of its frame (from
    /// its first slot) that hold live pointers, as an index into
    /// [`Assembled::stack_maps`], or [`NO_MAP`].
    pub map: u32,
}

/// The map of a call site that has no stack map.
pub const NO_MAP: u32 = u32::MAX;

/// The tag of calls that are not made by a Go frame (trampolines).
pub const NO_TAG: u32 = u32::MAX;

impl Default for MacroAssembler {
    fn default() -> Self {
        Self::new()
    }
}

macro_rules! alu_rm {
    ($($(#[$doc:meta])* $name:ident => $opcode:expr;)*) => {$(
        $(#[$doc])*
        pub fn $name(&mut self, dst: Reg, src: Mem) {
            self.rm(Width::Q, &$opcode, dst.0 as u8, Operand::at(src.base, src.disp));
        }
    )*};
}

macro_rules! alu_rr {
    ($($(#[$doc:meta])* $name:ident => $op:ident;)*) => {$(
        $(#[$doc])*
        pub fn $name(&mut self, dst: Reg, src: Reg) {
            let (d, s) = (dst.0, src.0);
            dynasm!(self.ops ; .arch x64 ; $op Rq(d), Rq(s));
        }
    )*};
}

impl MacroAssembler {
    pub fn new() -> MacroAssembler {
        MacroAssembler {
            ops: VecAssembler::new(0),
            labels: Vec::new(),
            comments: Vec::new(),
            faults: Vec::new(),
            consts: Vec::new(),
            depth: 0,
            tag: NO_TAG,
            frame_off: 0,
            bytecode_frames: false,
            stack_map: NO_MAP,
            calls: Vec::new(),
            locations: Vec::new(),
            stack_maps: Vec::new(),
        }
    }

    /// Bytes pushed since the entry (see the field).
    pub fn depth(&self) -> i32 {
        self.depth
    }

    /// Where control arrives with `depth` bytes pushed since the entry
    /// (a block after a return path, an out-of-line stub).
    pub fn set_depth(&mut self, depth: i32) {
        self.depth = depth;
    }

    /// The location tag of the calls emitted from here on.
    pub fn tag(&self) -> u32 {
        self.tag
    }

    pub fn set_tag(&mut self, tag: u32) {
        self.tag = tag;
    }

    /// Moves the frame register by `bytes` (`lea FRAME, [FRAME + bytes]`),
    /// to a callee's frame and back: calls made meanwhile record the
    /// offset, so a stack walk finds each caller's frame.
    pub fn shift_frame(&mut self, bytes: i32) {
        self.lea(crate::abi::FRAME, Mem::at(crate::abi::FRAME, bytes));
        self.frame_off += bytes;
    }

    /// Marks the calls emitted from here on as made from frames that hold
    /// only bytecode slots ([`CallSite::bytecode_frame`]).
    pub fn set_bytecode_frames(&mut self, on: bool) {
        self.bytecode_frames = on;
    }

    /// The stack map of the calls emitted from here on (the frame words
    /// holding live pointers there), until the next call of this.
    pub fn set_stack_map(&mut self, words: Option<&[u32]>) {
        self.stack_map = match words {
            None => NO_MAP,
            Some(w) => match self.stack_maps.iter().position(|m| **m == *w) {
                Some(i) => i as u32,
                None => {
                    self.stack_maps.push(w.into());
                    (self.stack_maps.len() - 1) as u32
                }
            },
        };
    }

    /// The tag of a location: Go frames as (function, pc) pairs, innermost
    /// first (inlined frames before the frame that inlined them).
    pub fn location(&mut self, frames: &[(u32, u32)]) -> u32 {
        if let Some(i) = self.locations.iter().position(|l| **l == *frames) {
            return i as u32;
        }
        self.locations.push(frames.into());
        (self.locations.len() - 1) as u32
    }

    /// Records the call instruction just emitted.
    fn record_call(&mut self) {
        let ret = self.offset();
        self.calls.push(CallSite {
            ret,
            depth: self.depth,
            tag: self.tag,
            frame_off: self.frame_off,
            bytecode_frame: self.bytecode_frames,
            map: self.stack_map,
        });
    }

    /// The label of an 8-byte constant in the pool (one per value), for
    /// the RIP-relative forms ([`load_xmm_const`](Self::load_xmm_const),
    /// ...), as Go's and every static compiler's code reads float
    /// constants: one instruction, no general register.
    pub fn constant(&mut self, bits: u64) -> Label {
        if let Some(&(_, l)) = self.consts.iter().find(|(b, _)| *b == bits) {
            return l;
        }
        let l = self.new_label();
        self.consts.push((bits, l));
        l
    }

    /// The next instruction is a memory access whose fault on a nil
    /// pointer (an address in the first page) continues at `landing`
    /// (an implicit nil check, see [`crate::faults`]).
    pub fn fault_here(&mut self, landing: Label) {
        let at = self.offset();
        self.faults.push((at, landing));
    }

    /// Current code offset.
    pub fn offset(&self) -> usize {
        self.ops.offset().0
    }

    /// Pads with the fewest multi-byte `nop`s (the recommended forms, at
    /// most 9 bytes each) to the next multiple of `align` (a power of
    /// two): a loop's first instruction at a fetch-block boundary.
    pub fn align_nop(&mut self, align: usize) {
        const NOPS: [&[u8]; 9] = [
            &[0x90],
            &[0x66, 0x90],
            &[0x0F, 0x1F, 0x00],
            &[0x0F, 0x1F, 0x40, 0x00],
            &[0x0F, 0x1F, 0x44, 0x00, 0x00],
            &[0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00],
            &[0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00],
            &[0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
            &[0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
        ];
        let mut pad = self.offset().next_multiple_of(align) - self.offset();
        while pad > 0 {
            let n = pad.min(NOPS.len());
            self.ops.extend(NOPS[n - 1].iter().copied());
            pad -= n;
        }
    }

    /// Records `text` for the listing, before the next instruction.
    pub fn comment(&mut self, text: &str) {
        let at = self.offset();
        self.comments.push((at, text.to_string()));
    }

    pub fn new_label(&mut self) -> Label {
        Label(self.ops.new_dynamic_label())
    }

    /// Places `label` at the current offset.
    pub fn bind(&mut self, label: Label) {
        let at = self.offset();
        self.labels.push((label, at));
        dynasm!(self.ops ; .arch x64 ; =>label.0);
    }

    /// Entry of a function called as
    /// `extern "sysv64" fn(frame: *mut u64, vm: *mut u8) -> u64`:
    /// saves [`CALLEE_SAVED`], then `FRAME = ARGS[0]`, `VM = ARGS[1]`.
    pub fn prologue(&mut self) {
        for r in CALLEE_SAVED {
            self.push(r);
        }
        self.mov(FRAME, ARGS[0]);
        self.mov(VM, ARGS[1]);
    }

    /// Restores [`CALLEE_SAVED`] and returns; the result must already be in `RET`.
    pub fn epilogue(&mut self) {
        for r in CALLEE_SAVED.into_iter().rev() {
            self.pop(r);
        }
        self.ret();
    }

    fn push(&mut self, r: Reg) {
        let r = r.0;
        dynasm!(self.ops ; .arch x64 ; push Rq(r));
    }

    fn pop(&mut self, r: Reg) {
        let r = r.0;
        dynasm!(self.ops ; .arch x64 ; pop Rq(r));
    }

    /// `mov dst, src`
    pub fn mov(&mut self, dst: Reg, src: Reg) {
        let (d, s) = (dst.0, src.0);
        dynasm!(self.ops ; .arch x64 ; mov Rq(d), Rq(s));
    }

    /// `dst = value`, in the shortest encoding: a 32-bit move (zero-extends),
    /// a sign-extended imm32, or a 64-bit immediate.
    pub fn mov_imm(&mut self, dst: Reg, value: u64) {
        let d = dst.0;
        if let Ok(v) = u32::try_from(value) {
            let v = v as i32; // dynasm takes the imm32 bit pattern as i32
            dynasm!(self.ops ; .arch x64 ; mov Rd(d), DWORD v);
        } else if let Ok(v) = i32::try_from(value as i64) {
            dynasm!(self.ops ; .arch x64 ; mov Rq(d), DWORD v);
        } else {
            let v = value as i64;
            dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD v);
        }
    }

    /// `dst = [mem]`
    pub fn load(&mut self, dst: Reg, mem: Mem) {
        self.rm(
            Width::Q,
            &[0x8B],
            dst.0 as u8,
            Operand::at(mem.base, mem.disp),
        );
    }

    /// `[mem] = src`
    pub fn store(&mut self, mem: Mem, src: Reg) {
        self.rm(
            Width::Q,
            &[0x89],
            src.0 as u8,
            Operand::at(mem.base, mem.disp),
        );
    }

    /// `dst = frame[slot]`
    pub fn mov_slot_to_reg(&mut self, dst: Reg, slot: u32) {
        self.load(dst, Mem::slot(slot));
    }

    /// `frame[slot] = src`
    pub fn mov_reg_to_slot(&mut self, slot: u32, src: Reg) {
        self.store(Mem::slot(slot), src);
    }

    alu_rr! {
        /// `dst += src` (wrapping)
        add => add;
        /// `dst -= src` (wrapping)
        sub => sub;
        /// `dst *= src` (low 64 bits)
        imul => imul;
        /// `dst &= src`
        and => and;
        /// `dst |= src`
        or => or;
        /// `dst ^= src`
        xor => xor;
    }

    alu_rm! {
        /// `dst += [mem]` (wrapping)
        add_rm => [0x03];
        /// `dst -= [mem]` (wrapping)
        sub_rm => [0x2B];
        /// `dst *= [mem]` (low 64 bits)
        imul_rm => [0x0F, 0xAF];
        /// `dst &= [mem]`
        and_rm => [0x23];
        /// `dst |= [mem]`
        or_rm => [0x0B];
        /// `dst ^= [mem]`
        xor_rm => [0x33];
        /// `cmp dst, [mem]`
        cmp_rm => [0x3B];
    }

    /// `dst += imm` (wrapping)
    pub fn add_imm(&mut self, dst: Reg, imm: i32) {
        self.alu_imm(enc::ADD, Target::Reg(dst), imm);
    }

    /// `dst &= imm` (sign-extended imm8 or imm32)
    pub fn and_imm(&mut self, dst: Reg, imm: i32) {
        self.alu_imm(enc::AND, Target::Reg(dst), imm);
    }

    /// `cmp a, b`: sets flags for a following [`jcc`](Self::jcc).
    /// Accepts `(Reg, Reg)`, `(Reg, i32)`, `(Mem, Reg)` and `(Mem, i32)`.
    pub fn cmp<A, B>(&mut self, a: A, b: B)
    where
        (A, B): CmpOperands,
    {
        (a, b).emit(self);
    }

    /// `cmp qword [addr], r` with an absolute address below 2 GB (a
    /// 32-bit displacement with no base: SIB with no base and no index),
    /// one instruction and no register where `[base + disp]` needs the
    /// address in a register first.
    pub fn cmp_abs(&mut self, addr: u64, r: Reg) {
        let disp = i32::try_from(addr).expect("an absolute operand is below 2 GB");
        let r = r.0 as u8;
        self.ops.push(if r & 8 != 0 { 0x4C } else { 0x48 });
        self.ops.push(0x39);
        self.ops.push((r & 7) << 3 | 4);
        self.ops.push(0x25);
        self.ops.extend(disp.to_le_bytes());
    }

    /// Compares the word at absolute address `addr` with `r`: `cmp_abs`
    /// when `addr` is below 2 GB, else through `scratch`
    /// (`mov scratch, addr; cmp [scratch], r`).
    pub fn cmp_word_at(&mut self, addr: u64, r: Reg, scratch: Reg) {
        if addr < 1 << 31 {
            self.cmp_abs(addr, r);
        } else {
            self.mov_imm(scratch, addr);
            self.cmp(Mem::at(scratch, 0), r);
        }
    }

    /// `cmp qword [mem], imm` (sign-extended imm8 or imm32).
    pub fn cmp_mem_imm32(&mut self, mem: Mem, imm: i32) {
        self.cmp(mem, imm);
    }

    /// `jmp label`
    pub fn jmp(&mut self, label: Label) {
        dynasm!(self.ops ; .arch x64 ; jmp =>label.0);
    }

    /// Jumps to `label` when `cond` holds for the last comparison.
    pub fn jcc(&mut self, cond: Cond, label: Label) {
        let l = label.0;
        match cond {
            Cond::Eq => dynasm!(self.ops ; .arch x64 ; je =>l),
            Cond::Ne => dynasm!(self.ops ; .arch x64 ; jne =>l),
            Cond::Lt => dynasm!(self.ops ; .arch x64 ; jl =>l),
            Cond::Le => dynasm!(self.ops ; .arch x64 ; jle =>l),
            Cond::Gt => dynasm!(self.ops ; .arch x64 ; jg =>l),
            Cond::Ge => dynasm!(self.ops ; .arch x64 ; jge =>l),
            Cond::Below => dynasm!(self.ops ; .arch x64 ; jb =>l),
            Cond::BelowEq => dynasm!(self.ops ; .arch x64 ; jbe =>l),
            Cond::Above => dynasm!(self.ops ; .arch x64 ; ja =>l),
            Cond::AboveEq => dynasm!(self.ops ; .arch x64 ; jae =>l),
            Cond::Parity => dynasm!(self.ops ; .arch x64 ; jp =>l),
            Cond::NoParity => dynasm!(self.ops ; .arch x64 ; jnp =>l),
        }
    }

    /// `je label`
    pub fn je(&mut self, label: Label) {
        self.jcc(Cond::Eq, label);
    }

    /// `jne label`
    pub fn jne(&mut self, label: Label) {
        self.jcc(Cond::Ne, label);
    }

    /// `call reg`
    pub fn call_reg(&mut self, target: Reg) {
        let t = target.0;
        dynasm!(self.ops ; .arch x64 ; call Rq(t));
        self.record_call();
    }

    /// Calls the absolute address `addr` through `CALL_TARGET`, so the code
    /// stays position-independent and the target may be anywhere.
    pub fn call_abs(&mut self, addr: usize) {
        self.mov_imm(CALL_TARGET, addr as u64);
        self.call_reg(CALL_TARGET);
    }

    /// `ret`
    pub fn ret(&mut self) {
        dynasm!(self.ops ; .arch x64 ; ret);
    }

    /// Resolves label references and returns the code.
    pub fn finish(mut self) -> Result<Assembled, AsmError> {
        let mut data = Vec::new();
        if !self.consts.is_empty() {
            // (Aligned, so that no read of a constant crosses a cache line.)
            self.align_nop(8);
            let start = self.offset();
            for (bits, l) in std::mem::take(&mut self.consts) {
                self.bind(l);
                self.ops.extend(bits.to_le_bytes());
            }
            data.push((start, self.offset()));
        }
        let bytes = self.ops.finalize().map_err(AsmError::Labels)?;
        let at = |l: Label| self.labels.iter().find(|x| x.0 == l).map(|x| x.1);
        let faults = self
            .faults
            .iter()
            .map(|&(f, l)| at(l).map(|t| (f, t)))
            .collect::<Option<Vec<_>>>()
            .ok_or(AsmError::UnboundFaultPad)?;
        Ok(Assembled {
            bytes,
            labels: self.labels,
            comments: self.comments,
            faults,
            calls: self.calls,
            locations: self.locations,
            stack_maps: self.stack_maps,
            data,
        })
    }
}

mod enc;
mod ext;
use enc::{Operand, Target, Width};
pub use ext::{Ext, FloatOp};

#[cfg(test)]
mod tests;
