//! The optimizing tier's SSA IR: a function is a graph of basic blocks,
//! each with block parameters (the phis of merge points), a list of
//! instructions and one explicit terminator. Instructions live in one
//! arena and are named by [`InsnId`] (printed `v3`); an instruction is
//! also the value it defines, as in ZJIT's `hir.rs` and Maglev's nodes.
//! Blocks are named by [`BlockId`] (printed `bb1`).
//!
//! **One SSA value per 64-bit word.** A string is two values (data
//! pointer, length), a slice three, an interface two (type word, data
//! word), a struct one per word: what a frame slot holds, one value. Each
//! value has a word type, [`Ty`]: `Int` (integers, bools, lengths, itab
//! and type words: never a heap pointer), `Float` (a float64's bits) or
//! `Ptr` (may be a heap pointer: the collector must see it at a
//! safepoint). Why per word and not tuples:
//!
//! - a linear-scan register allocator gives each value one register (or
//!   one spill slot) and its live range; a tuple would need a register
//!   group or a split pass first (YJIT's and Maglev's allocators work on
//!   single-register values too);
//! - the optimizations the tier exists for act on words: the itab load of
//!   a loop-invariant receiver leaves the loop while its data word stays;
//!   a bounds check reads only a slice's length; scalar replacement of an
//!   interface keeps its two words in registers; a guard compares one word;
//! - the stack maps of precise GC are per word: `Ptr` values are exactly
//!   the ones to record.
//!
//! The cost is that something producing several words at once (a call's
//! results, a runtime helper's string) is typed [`Ty::Tuple`] and read
//! word by word with [`Insn::Proj`]; an instruction with one result word
//! is that word, with none [`Ty::Void`].
//!
//! Immediates are not part of the IR: `AddImm` builds as `Const` + `AddI`
//! (as Cranelift's `iconst` + `iadd`); choosing an immediate operand is
//! the code generator's business, once constants have been folded.
//!
//! Calls are nodes that a later pass can rewrite from the profile
//! snapshot: [`Insn::CallIface`] and [`Insn::CallClosure`] carry their
//! [`SiteId`], receiver and argument words, so that guarded
//! devirtualization becomes `GuardType` + a direct call or an inlined body
//! with the indirect call as the miss path.

use crate::bytecode::op::{Cmp, IntKind, Op};
use crate::bytecode::Slot;
use crate::types::Native;
use pgojit_profiler::{EdgeId, FuncId, SiteId};
use smallvec::{smallvec, SmallVec};

/// An instruction's operands (most have at most four: no allocation).
pub type Operands = SmallVec<[InsnId; 4]>;

/// An instruction, and the value it defines (`v3`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InsnId(pub u32);

/// A basic block (`bb1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BlockId(pub u32);

impl InsnId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl BlockId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl std::fmt::Display for InsnId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "v{}", self.0)
    }
}

impl std::fmt::Display for BlockId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bb{}", self.0)
    }
}

/// What a value is: one machine word of a kind, or none, or several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    /// Never a heap pointer: integers, bools, lengths, itab and type words.
    Int,
    /// A float64's bits.
    Float,
    /// May be a heap pointer.
    Ptr,
    /// No value (stores, checks).
    Void,
    /// `n` words (a call's or a helper's results), read with [`Insn::Proj`].
    Tuple(u32),
}

impl Ty {
    /// One machine word (may live in a register).
    pub fn is_word(self) -> bool {
        matches!(self, Ty::Int | Ty::Float | Ty::Ptr)
    }

    /// A value of type `self` may flow where `to` is expected: the same
    /// type, or any word where a possible pointer is: `ptr` is also the
    /// type of a word the bytecode does not type (a nil, a call window
    /// slot that holds integers and floats in turn, so the result of a
    /// call there, which an inlined callee may show to be a float); the
    /// collector looks at such a word as it would at a pointer, which is
    /// always safe.
    pub fn fits(self, to: Ty) -> bool {
        self == to || (matches!(self, Ty::Int | Ty::Float) && to == Ty::Ptr)
    }

    /// The type of a merge of `self` and `other` (`None`: float bits
    /// meeting an integer, which well-typed bytecode never does).
    pub fn join(self, other: Ty) -> Option<Ty> {
        if self.fits(other) {
            Some(other)
        } else if other.fits(self) {
            Some(self)
        } else {
            None
        }
    }

    pub fn name(self) -> String {
        match self {
            Ty::Int => "int".into(),
            Ty::Float => "float".into(),
            Ty::Ptr => "ptr".into(),
            Ty::Void => "void".into(),
            Ty::Tuple(n) => format!("tuple{n}"),
        }
    }
}

/// Two-operand arithmetic, named as the bytecode names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    AddI,
    SubI,
    MulI,
    /// Signed division: panics on a zero divisor.
    DivS,
    DivU,
    RemS,
    RemU,
    And,
    Or,
    Xor,
    AndNot,
    Shl,
    ShrS,
    ShrU,
    AddF,
    SubF,
    MulF,
    DivF,
}

impl BinOp {
    /// Float operands and result.
    pub fn float(self) -> bool {
        matches!(self, BinOp::AddF | BinOp::SubF | BinOp::MulF | BinOp::DivF)
    }

    /// May panic (a zero divisor).
    pub fn fails(self) -> bool {
        matches!(self, BinOp::DivS | BinOp::DivU | BinOp::RemS | BinOp::RemU)
    }
}

/// Runtime functions compiled code calls directly ([`Insn::CallRt`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rt {
    /// `(a_ptr, a_len, b_ptr, b_len)`: 1 when the strings are equal, else 0.
    StrEq,
    /// `(a_ptr, a_len, b_ptr, b_len)`: negative, 0 or positive as `a` is
    /// less than, equal to or greater than `b` (bytewise, as Go compares
    /// strings; inline, the first bytes' difference when they differ).
    StrCmp,
}

impl Rt {
    pub fn name(self) -> &'static str {
        match self {
            Rt::StrEq => "strequal",
            Rt::StrCmp => "strcmp",
        }
    }
}

/// One-operand operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    NegI,
    /// Bitwise complement.
    NotI,
    /// Boolean not.
    Not,
    Trunc(IntKind),
    NegF,
    /// Rounded to float32's precision (`Op::RoundF32`).
    RoundF32,
    IToF {
        signed: bool,
    },
    FToI {
        signed: bool,
        w32: bool,
    },
}

impl UnOp {
    /// (operand, result) types.
    pub fn types(self) -> (Ty, Ty) {
        match self {
            UnOp::NegI | UnOp::NotI | UnOp::Not | UnOp::Trunc(_) => (Ty::Int, Ty::Int),
            UnOp::NegF | UnOp::RoundF32 => (Ty::Float, Ty::Float),
            UnOp::IToF { .. } => (Ty::Int, Ty::Float),
            UnOp::FToI { .. } => (Ty::Float, Ty::Int),
        }
    }
}

/// How a comparison reads its operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpKind {
    Signed,
    Unsigned,
    Float,
}

/// One instruction. Operands are values ([`InsnId`]); word offsets and
/// strides are in 64-bit words, as in the bytecode.
#[derive(Clone, Debug, PartialEq)]
pub enum Insn {
    /// A block parameter holding frame slot `slot` (the entry block's are
    /// the function's parameters).
    Param {
        slot: Slot,
    },
    /// A constant word (its type is the slot's it was built for).
    Const {
        bits: u64,
    },
    /// The type word of an interface value made in the graph (`MakeIface`'s
    /// itab, or type descriptor for an empty interface): a constant whose
    /// meaning is known, so a call through it can be resolved statically.
    TypeWord {
        tab: u64,
    },
    Bin {
        op: BinOp,
        a: InsnId,
        b: InsnId,
    },
    Un {
        op: UnOp,
        a: InsnId,
    },
    /// A bool: `a c b`.
    Cmp {
        c: Cmp,
        kind: CmpKind,
        a: InsnId,
        b: InsnId,
    },
    /// Panics when the signed shift count is negative.
    CheckShift {
        a: InsnId,
    },
    /// Panics unless `0 <= i < len`.
    CheckIndex {
        i: InsnId,
        len: u32,
    },
    /// The word at `p + off`; panics if `p` is nil.
    Load {
        p: InsnId,
        off: u32,
    },
    /// `*(p + off) = v`; panics if `p` is nil.
    Store {
        p: InsnId,
        off: u32,
        v: InsnId,
    },
    /// `p + off` words; panics if `p` is nil (`&p.f`).
    AddrOff {
        p: InsnId,
        off: u32,
    },
    /// The address of package-variable word `addr`.
    AddrG {
        addr: u64,
    },
    /// The address of the function's frame slot `slot` (the first word of
    /// a frame array indexed at run time, read and written through
    /// `SliceLoad`/`SliceStore` like a slice's elements: its slots live in
    /// memory, as [`Insn::LoadSlot`] says).
    FrameAddr {
        slot: Slot,
    },
    LoadG {
        addr: u64,
    },
    StoreG {
        addr: u64,
        v: InsnId,
    },
    /// `&s[i]` for elements of `stride` words; bounds-checked against `len`.
    SliceAddr {
        ptr: InsnId,
        len: InsnId,
        i: InsnId,
        stride: u32,
    },
    /// Word `off` of element `i`; bounds-checked.
    SliceLoad {
        ptr: InsnId,
        len: InsnId,
        i: InsnId,
        stride: u32,
        off: u32,
    },
    SliceStore {
        ptr: InsnId,
        len: InsnId,
        i: InsnId,
        stride: u32,
        off: u32,
        v: InsnId,
    },
    /// The current closure (Go's context register).
    LoadCtx,
    /// A call of `func` was inlined here: counts the call and takes a
    /// `--max-steps` step, as the call would have.
    Entered {
        func: FuncId,
        /// The inlined call's direct call site, counted here too.
        edge: EdgeId,
    },
    /// A guard: a bool, whether `v` equals the key in the cell at `cell`
    /// (a cell of this code version: retiring the version makes it miss).
    KeyEq {
        cell: u64,
        v: InsnId,
    },
    /// Adds one to the counter at `addr` (site calls, guard hits).
    Bump {
        addr: u64,
    },
    /// A guard miss at `site` with receiver key `key`: counted, and the
    /// runtime told (it may recompile the function).
    SiteMiss {
        site: SiteId,
        key: InsnId,
    },
    /// `--verify-guards`: the itab `tab` must be of type `check`, else
    /// abort.
    VerifyType {
        site: SiteId,
        tab: InsnId,
        check: u64,
    },
    /// The stress modes' hook at a guarded site: non-zero forces a miss.
    StressTick {
        site: SiteId,
    },
    /// Gives the heap object at `p` back to the allocator: `p` came from an
    /// allocation of this graph that nothing else can reach, and nothing
    /// reads it after this (see `passes::release`). An effect; never moved.
    Release {
        p: InsnId,
    },
    /// A new zeroed object of `words` words in the function's own frame,
    /// at word `buf` of its buffer area (see `passes::stack`): an
    /// allocation nothing else can reach, which dies with the frame. An
    /// effect (it zeroes the words at each run); never moved or merged.
    FrameAlloc {
        buf: u32,
        words: u32,
    },
    /// A static call.
    Call {
        func: FuncId,
        args: Vec<InsnId>,
        /// The counted direct call site (`EdgeId::NONE`: not counted):
        /// the call bumps its counter, and so does an inlined copy's
        /// `Entered`.
        edge: EdgeId,
    },
    /// A profiled interface method call: `recv` is (type word, data
    /// word), `args` the argument words after the receiver.
    CallIface {
        site: SiteId,
        method: u32,
        recv: [InsnId; 2],
        args: Vec<InsnId>,
    },
    /// A profiled call of a function value.
    CallClosure {
        site: SiteId,
        f: InsnId,
        args: Vec<InsnId>,
    },
    /// `a` when `cond` is non-zero, else `b` (a conditional move).
    Select {
        cond: InsnId,
        a: InsnId,
        b: InsnId,
    },
    /// Byte `i` of the string at `ptr` of `len` bytes; panics unless
    /// `0 <= i < len`.
    StrByte {
        ptr: InsnId,
        len: InsnId,
        i: InsnId,
    },
    /// 1 when the string at `ptr` of `len` bytes is the constant of `n`
    /// bytes (at most 8) whose little-endian bits are `bytes`, else 0.
    StrEqConst {
        ptr: InsnId,
        len: InsnId,
        bytes: u64,
        n: u32,
    },
    /// A runtime function that neither allocates nor panics (no
    /// safepoint), called with `args` in the argument registers: its
    /// one result word.
    CallRt {
        rt: Rt,
        args: Vec<InsnId>,
    },
    /// Copies `bytes` bytes from `src` to `dst` (they may overlap, as
    /// Go's `memmove`): `append(s, t...)` within capacity. Short copies
    /// inline, longer ones a call of the C library's `memmove`; neither
    /// allocates nor panics (no safepoint). An effect: writes memory.
    MemMove {
        dst: InsnId,
        src: InsnId,
        bytes: InsnId,
    },
    /// A runtime function (fmt, errors).
    CallNative {
        native: Native,
        args: Vec<InsnId>,
    },
    /// Word `index` of a [`Ty::Tuple`].
    Proj {
        of: InsnId,
        index: u32,
    },
    /// Frame slot `slot` read from memory: slots that bytecode reaches by
    /// computed address (frame arrays) live in the frame, not in values.
    LoadSlot {
        slot: Slot,
    },
    StoreSlot {
        slot: Slot,
        v: InsnId,
    },
    /// Any other bytecode instruction, run as it is: `args` are the words
    /// its operands read (in the table's order, word by word), its result
    /// the words it writes (in order). Slots it reaches by computed
    /// address are in memory ([`Insn::LoadSlot`]).
    ///
    /// `inlined_from`: the instruction is an inlined callee's, whose slots
    /// are not the function's: it runs on a scratch frame of that callee
    /// at the call window (free between calls), scanned by the collector
    /// as the window is.
    Bytecode {
        op: Op,
        args: Vec<InsnId>,
        inlined_from: Option<FuncId>,
    },
}

impl Insn {
    /// The argument words a call of Go code writes to its window, in
    /// order (an interface call's receiver data word first); `None` for
    /// anything else.
    pub fn window_words(&self) -> Option<Vec<InsnId>> {
        match self {
            Insn::Call { args, .. } | Insn::CallClosure { args, .. } => Some(args.clone()),
            Insn::CallIface { recv, args, .. } => Some(
                std::iter::once(recv[1])
                    .chain(args.iter().copied())
                    .collect(),
            ),
            _ => None,
        }
    }

    /// The values the instruction reads, in order.
    pub fn operands(&self) -> Operands {
        match self {
            Insn::Param { .. }
            | Insn::Const { .. }
            | Insn::TypeWord { .. }
            | Insn::AddrG { .. }
            | Insn::FrameAddr { .. }
            | Insn::LoadG { .. }
            | Insn::LoadCtx
            | Insn::Entered { .. }
            | Insn::Bump { .. }
            | Insn::StressTick { .. }
            | Insn::FrameAlloc { .. }
            | Insn::LoadSlot { .. } => smallvec![],
            Insn::KeyEq { v, .. } => smallvec![*v],
            Insn::Release { p } => smallvec![*p],
            Insn::SiteMiss { key, .. } => smallvec![*key],
            Insn::VerifyType { tab, .. } => smallvec![*tab],
            Insn::Bin { a, b, .. } | Insn::Cmp { a, b, .. } => smallvec![*a, *b],
            Insn::Un { a, .. } | Insn::CheckShift { a } => smallvec![*a],
            Insn::CheckIndex { i, .. } => smallvec![*i],
            Insn::Load { p, .. } | Insn::AddrOff { p, .. } => smallvec![*p],
            Insn::Store { p, v, .. } => smallvec![*p, *v],
            Insn::StoreG { v, .. } | Insn::StoreSlot { v, .. } => smallvec![*v],
            Insn::SliceAddr { ptr, len, i, .. } | Insn::SliceLoad { ptr, len, i, .. } => {
                smallvec![*ptr, *len, *i]
            }
            Insn::SliceStore { ptr, len, i, v, .. } => smallvec![*ptr, *len, *i, *v],
            Insn::Call { args, .. } | Insn::CallNative { args, .. } => {
                args.iter().copied().collect()
            }
            Insn::CallIface { recv, args, .. } => recv.iter().chain(args).copied().collect(),
            Insn::CallClosure { f, args, .. } => {
                std::iter::once(*f).chain(args.iter().copied()).collect()
            }
            Insn::Proj { of, .. } => smallvec![*of],
            Insn::Select { cond, a, b } => smallvec![*cond, *a, *b],
            Insn::StrByte { ptr, len, i } => smallvec![*ptr, *len, *i],
            Insn::StrEqConst { ptr, len, .. } => smallvec![*ptr, *len],
            Insn::MemMove { dst, src, bytes } => smallvec![*dst, *src, *bytes],
            Insn::CallRt { args, .. } => args.iter().copied().collect(),
            Insn::Bytecode { args, .. } => args.iter().copied().collect(),
        }
    }

    /// The operands, to rewrite them.
    pub fn operands_mut(&mut self) -> SmallVec<[&mut InsnId; 4]> {
        match self {
            Insn::Param { .. }
            | Insn::Const { .. }
            | Insn::TypeWord { .. }
            | Insn::AddrG { .. }
            | Insn::FrameAddr { .. }
            | Insn::LoadG { .. }
            | Insn::LoadCtx
            | Insn::Entered { .. }
            | Insn::Bump { .. }
            | Insn::StressTick { .. }
            | Insn::FrameAlloc { .. }
            | Insn::LoadSlot { .. } => smallvec![],
            Insn::KeyEq { v, .. } => smallvec![v],
            Insn::Release { p } => smallvec![p],
            Insn::SiteMiss { key, .. } => smallvec![key],
            Insn::VerifyType { tab, .. } => smallvec![tab],
            Insn::Bin { a, b, .. } | Insn::Cmp { a, b, .. } => smallvec![a, b],
            Insn::Un { a, .. } | Insn::CheckShift { a } => smallvec![a],
            Insn::CheckIndex { i, .. } => smallvec![i],
            Insn::Load { p, .. } | Insn::AddrOff { p, .. } => smallvec![p],
            Insn::Store { p, v, .. } => smallvec![p, v],
            Insn::StoreG { v, .. } | Insn::StoreSlot { v, .. } => smallvec![v],
            Insn::SliceAddr { ptr, len, i, .. } | Insn::SliceLoad { ptr, len, i, .. } => {
                smallvec![ptr, len, i]
            }
            Insn::SliceStore { ptr, len, i, v, .. } => smallvec![ptr, len, i, v],
            Insn::Call { args, .. } | Insn::CallNative { args, .. } => args.iter_mut().collect(),
            Insn::CallIface { recv, args, .. } => recv.iter_mut().chain(args.iter_mut()).collect(),
            Insn::CallClosure { f, args, .. } => {
                std::iter::once(f).chain(args.iter_mut()).collect()
            }
            Insn::Proj { of, .. } => smallvec![of],
            Insn::Select { cond, a, b } => smallvec![cond, a, b],
            Insn::StrByte { ptr, len, i } => smallvec![ptr, len, i],
            Insn::StrEqConst { ptr, len, .. } => smallvec![ptr, len],
            Insn::MemMove { dst, src, bytes } => smallvec![dst, src, bytes],
            Insn::CallRt { args, .. } => args.iter_mut().collect(),
            Insn::Bytecode { args, .. } => args.iter_mut().collect(),
        }
    }

    /// The instruction's name, as printed.
    pub fn name(&self) -> &'static str {
        match self {
            Insn::Param { .. } => "Param",
            Insn::Const { .. } => "Const",
            Insn::TypeWord { .. } => "TypeWord",
            Insn::Bin { op, .. } => match op {
                BinOp::AddI => "AddI",
                BinOp::SubI => "SubI",
                BinOp::MulI => "MulI",
                BinOp::DivS => "DivS",
                BinOp::DivU => "DivU",
                BinOp::RemS => "RemS",
                BinOp::RemU => "RemU",
                BinOp::And => "And",
                BinOp::Or => "Or",
                BinOp::Xor => "Xor",
                BinOp::AndNot => "AndNot",
                BinOp::Shl => "Shl",
                BinOp::ShrS => "ShrS",
                BinOp::ShrU => "ShrU",
                BinOp::AddF => "AddF",
                BinOp::SubF => "SubF",
                BinOp::MulF => "MulF",
                BinOp::DivF => "DivF",
            },
            Insn::Un { op, .. } => match op {
                UnOp::NegI => "NegI",
                UnOp::NotI => "NotI",
                UnOp::Not => "Not",
                UnOp::Trunc(_) => "Trunc",
                UnOp::NegF => "NegF",
                UnOp::RoundF32 => "RoundF32",
                UnOp::IToF { .. } => "IToF",
                UnOp::FToI { .. } => "FToI",
            },
            Insn::Cmp { kind, .. } => match kind {
                CmpKind::Signed => "CmpS",
                CmpKind::Unsigned => "CmpU",
                CmpKind::Float => "CmpF",
            },
            Insn::CheckShift { .. } => "CheckShift",
            Insn::CheckIndex { .. } => "CheckIndex",
            Insn::Load { .. } => "Load",
            Insn::Store { .. } => "Store",
            Insn::AddrOff { .. } => "AddrOff",
            Insn::AddrG { .. } => "AddrG",
            Insn::FrameAddr { .. } => "FrameAddr",
            Insn::LoadG { .. } => "LoadG",
            Insn::StoreG { .. } => "StoreG",
            Insn::SliceAddr { .. } => "SliceAddr",
            Insn::SliceLoad { .. } => "SliceLoad",
            Insn::SliceStore { .. } => "SliceStore",
            Insn::LoadCtx => "LoadCtx",
            Insn::Entered { .. } => "Entered",
            Insn::KeyEq { .. } => "KeyEq",
            Insn::Bump { .. } => "Bump",
            Insn::SiteMiss { .. } => "SiteMiss",
            Insn::VerifyType { .. } => "VerifyType",
            Insn::StressTick { .. } => "StressTick",
            Insn::Release { .. } => "Release",
            Insn::FrameAlloc { .. } => "FrameAlloc",
            Insn::Call { .. } => "Call",
            Insn::CallIface { .. } => "CallIface",
            Insn::CallClosure { .. } => "CallClosure",
            Insn::CallNative { .. } => "CallNative",
            Insn::Proj { .. } => "Proj",
            Insn::Select { .. } => "Select",
            Insn::StrByte { .. } => "StrByte",
            Insn::StrEqConst { .. } => "StrEqConst",
            Insn::CallRt { .. } => "CallRt",
            Insn::MemMove { .. } => "MemMove",
            Insn::LoadSlot { .. } => "LoadSlot",
            Insn::StoreSlot { .. } => "StoreSlot",
            Insn::Bytecode { .. } => "Bytecode",
        }
    }
}

/// An instruction with its type and the bytecode pc it comes from (for
/// panic positions and listings).
#[derive(Clone, Debug, PartialEq)]
pub struct InsnData {
    pub insn: Insn,
    pub ty: Ty,
    pub pc: u32,
    /// The inlined call it comes from: 0 for the function itself, else
    /// `k + 1` for [`Graph::inline_ctxs`]`[k]` (its pc is in that
    /// function). Calls and panic paths name these frames in tracebacks.
    pub ctx: u32,
}

/// A call inlined into a graph: the callee's code runs in it.
#[derive(Clone, Debug, PartialEq)]
pub struct InlineCtx {
    pub func: FuncId,
    /// The context of the call (0: the function itself).
    pub parent: u32,
    /// The call's pc, in the parent's function.
    pub call_pc: u32,
}

/// A jump to `block` passing `args` to its parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub block: BlockId,
    pub args: Vec<InsnId>,
}

/// How a block ends.
#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    Jump(Edge),
    /// To `then` when `cond` is non-zero, else to `else_`.
    Branch {
        cond: InsnId,
        then: Edge,
        else_: Edge,
    },
    /// Returns the result words.
    Return(Vec<InsnId>),
    /// Control never gets past the block's last instruction (a panic).
    Unreachable,
}

impl Term {
    pub fn edges(&self) -> SmallVec<[&Edge; 2]> {
        match self {
            Term::Jump(e) => smallvec![e],
            Term::Branch { then, else_, .. } => smallvec![then, else_],
            Term::Return(_) | Term::Unreachable => smallvec![],
        }
    }

    pub fn edges_mut(&mut self) -> SmallVec<[&mut Edge; 2]> {
        match self {
            Term::Jump(e) => smallvec![e],
            Term::Branch { then, else_, .. } => smallvec![then, else_],
            Term::Return(_) | Term::Unreachable => smallvec![],
        }
    }

    /// Values the terminator itself reads (not its edges' arguments).
    pub fn operands_mut(&mut self) -> Vec<&mut InsnId> {
        match self {
            Term::Branch { cond, .. } => vec![cond],
            Term::Return(v) => v.iter_mut().collect(),
            Term::Jump(_) | Term::Unreachable => vec![],
        }
    }

    pub fn operands(&self) -> Operands {
        match self {
            Term::Branch { cond, .. } => smallvec![*cond],
            Term::Return(v) => v.iter().copied().collect(),
            Term::Jump(_) | Term::Unreachable => smallvec![],
        }
    }
}

/// A basic block.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// [`Insn::Param`]s.
    pub params: Vec<InsnId>,
    pub insns: Vec<InsnId>,
    /// `None` only while the builder fills the block.
    pub term: Option<Term>,
    /// The bytecode pc the block starts at (in the function it came
    /// from).
    pub pc: u32,
    /// The block comes from an inlined callee.
    pub inlined: bool,
    /// Rarely run (a guard's miss path).
    pub cold: bool,
    /// Run, but much less often than the path beside it (a second
    /// guard's test and inlined target when the first guard's type
    /// dominates the site): placed after the hot blocks, so the likely
    /// path falls through, but not treated as a miss path.
    pub unlikely: bool,
    /// The pc of the bytecode branch the terminator stands for (`None`
    /// for one a pass made): a jump from it to a block at or before that
    /// pc is a loop back-edge, which takes a `--max-steps` step and counts
    /// a loop trip as every tier does.
    pub term_pc: Option<u32>,
    /// At a loop header of the function itself: the value of each frame
    /// slot live at the block's entry (its parameters and the values
    /// the loop reads from before it), by slot. Code that leaves for
    /// another version at the header's back-edge writes them to the
    /// frame, which is what the other version's OSR entry reads.
    pub entry_state: Option<Vec<(u32, InsnId)>>,
}

/// A function's SSA graph.
#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
    /// As Go's runtime names it.
    pub name: String,
    pub insns: Vec<InsnData>,
    pub blocks: Vec<Block>,
    pub entry: BlockId,
    /// Words of the results a `Return` passes.
    pub result_words: u32,
    /// Slice and string accesses (`SliceLoad`, `SliceStore`, `SliceAddr`,
    /// `StrByte`) whose index the bounds pass proved in range where they
    /// are: the code generator emits no bounds check for them (printed
    /// `nobounds`). A pass that moves one of them out of the blocks its
    /// proof holds in must take it out of this set.
    pub in_bounds: std::collections::BTreeSet<InsnId>,
    /// Words of frame buffers its `FrameAlloc`s use (the code generator
    /// reserves them in the frame).
    pub frame_bufs: u32,
    /// The inlined calls its instructions come from ([`InsnData::ctx`]).
    pub inline_ctxs: Vec<InlineCtx>,
}

impl Graph {
    pub fn insn(&self, i: InsnId) -> &InsnData {
        &self.insns[i.index()]
    }

    pub fn block(&self, b: BlockId) -> &Block {
        &self.blocks[b.index()]
    }

    /// The index triple `(ptr, len, i)` of a bounds-checked slice or
    /// string access.
    pub fn access(&self, i: InsnId) -> Option<(InsnId, InsnId, InsnId)> {
        match self.insn(i).insn {
            Insn::SliceAddr { ptr, len, i, .. }
            | Insn::SliceLoad { ptr, len, i, .. }
            | Insn::SliceStore { ptr, len, i, .. }
            | Insn::StrByte { ptr, len, i } => Some((ptr, len, i)),
            _ => None,
        }
    }

    pub fn block_ids(&self) -> impl Iterator<Item = BlockId> {
        (0..self.blocks.len() as u32).map(BlockId)
    }

    /// Successor blocks, in edge order.
    pub fn succs(&self, b: BlockId) -> SmallVec<[BlockId; 2]> {
        self.block(b)
            .term
            .as_ref()
            .map(|t| t.edges().iter().map(|e| e.block).collect())
            .unwrap_or_default()
    }

    /// How many times each value is read: as an instruction's operand, a
    /// terminator's operand, an edge's argument or a value of a loop
    /// header's `entry_state` (the code writes those to the frame when it
    /// leaves at the header: they need a location).
    pub fn use_counts(&self) -> Vec<u32> {
        let mut uses = vec![0u32; self.insns.len()];
        for blk in &self.blocks {
            for &(_, v) in blk.entry_state.iter().flatten() {
                uses[v.index()] += 1;
            }
            let ops = blk.insns.iter().flat_map(|&i| self.insn(i).insn.operands());
            let term = blk.term.iter().flat_map(|t| {
                let args = t.edges().into_iter().flat_map(|e| e.args.iter().copied());
                t.operands().into_iter().chain(args).collect::<Vec<_>>()
            });
            for o in ops.chain(term) {
                uses[o.index()] += 1;
            }
        }
        uses
    }

    /// Per block: in a loop (the natural loop of an edge back to a block no
    /// later in reverse postorder).
    pub fn loop_blocks(&self) -> Vec<bool> {
        self.loop_depths().iter().map(|&d| d > 0).collect()
    }

    /// Per block: how many loops it is in (natural loops of edges back to
    /// a block no later in reverse postorder, one per header).
    pub fn loop_depths(&self) -> Vec<u32> {
        let rpo = self.rpo();
        let mut at = vec![usize::MAX; self.blocks.len()];
        for (k, b) in rpo.iter().enumerate() {
            at[b.index()] = k;
        }
        let preds = self.preds();
        // Per header: its loop's blocks (all its back-edges').
        let mut bodies: Vec<(BlockId, Vec<bool>)> = Vec::new();
        for &u in &rpo {
            for h in self.succs(u) {
                if at[h.index()] > at[u.index()] {
                    continue;
                }
                let k = match bodies.iter().position(|b| b.0 == h) {
                    Some(k) => k,
                    None => {
                        bodies.push((h, vec![false; self.blocks.len()]));
                        bodies.len() - 1
                    }
                };
                // The blocks that reach `u` without passing the header.
                let body = &mut bodies[k].1;
                body[h.index()] = true;
                let mut work = vec![u];
                while let Some(x) = work.pop() {
                    if !std::mem::replace(&mut body[x.index()], true) {
                        work.extend(preds[x.index()].iter().copied());
                    }
                }
            }
        }
        let mut depth = vec![0u32; self.blocks.len()];
        for (_, body) in &bodies {
            for (k, &inside) in body.iter().enumerate() {
                depth[k] += u32::from(inside);
            }
        }
        depth
    }

    /// Per instruction: how much keeping it in a register is worth, from
    /// its uses (a use in a loop 8, elsewhere 1, on a miss path none),
    /// for the register allocator's choice of what goes to memory.
    pub fn use_weights(&self) -> Vec<u32> {
        let in_loop = self.loop_blocks();
        let mut w = vec![0u32; self.insns.len()];
        for b in self.block_ids() {
            let blk = self.block(b);
            let k = match (blk.cold, in_loop[b.index()]) {
                (true, _) => 0,
                (false, true) => 8,
                (false, false) => 1,
            };
            let ops = blk.insns.iter().flat_map(|&i| self.insn(i).insn.operands());
            let term = blk.term.iter().flat_map(|t| {
                let args = t.edges().into_iter().flat_map(|e| e.args.iter().copied());
                t.operands().into_iter().chain(args).collect::<Vec<_>>()
            });
            for o in ops.chain(term) {
                w[o.index()] = w[o.index()].saturating_add(k);
            }
        }
        w
    }

    /// Adds an instruction to the arena (not to a block).
    pub fn add_insn(&mut self, insn: Insn, ty: Ty, pc: u32) -> InsnId {
        self.add_insn_at(insn, ty, pc, 0)
    }

    /// [`Self::add_insn`] in inline context `ctx`.
    pub fn add_insn_at(&mut self, insn: Insn, ty: Ty, pc: u32, ctx: u32) -> InsnId {
        self.insns.push(InsnData { insn, ty, pc, ctx });
        InsnId(self.insns.len() as u32 - 1)
    }

    /// The frames of `pc` in context `ctx` of function `me`'s graph, as
    /// (function, pc) pairs, innermost first.
    pub fn frames_at(&self, me: FuncId, ctx: u32, pc: u32) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        let (mut c, mut pc) = (ctx, pc);
        while c > 0 {
            let Some(ic) = self.inline_ctxs.get(c as usize - 1) else {
                break;
            };
            out.push((ic.func.0, pc));
            (c, pc) = (ic.parent, ic.call_pc);
        }
        out.push((me.0, pc));
        out
    }

    /// The block holding instruction `i` in its body, and its index there.
    pub fn position(&self, i: InsnId) -> Option<(BlockId, usize)> {
        self.block_ids().find_map(|b| {
            self.block(b)
                .insns
                .iter()
                .position(|&x| x == i)
                .map(|k| (b, k))
        })
    }

    /// Replaces every use of a key of `map` (operands, terminators, edge
    /// arguments, loop headers' entry states) by its value.
    pub fn replace_uses(&mut self, map: &std::collections::HashMap<InsnId, InsnId>) {
        if map.is_empty() {
            return;
        }
        let get = |x: &mut InsnId| {
            if let Some(&y) = map.get(x) {
                *x = y;
            }
        };
        for d in &mut self.insns {
            d.insn.operands_mut().into_iter().for_each(get);
        }
        for blk in &mut self.blocks {
            if let Some(t) = &mut blk.term {
                t.operands_mut().into_iter().for_each(get);
                for e in t.edges_mut() {
                    e.args.iter_mut().for_each(get);
                }
            }
            if let Some(st) = &mut blk.entry_state {
                st.iter_mut().for_each(|(_, v)| get(v));
            }
        }
    }

    /// Predecessors of every block (one entry per edge).
    pub fn preds(&self) -> Vec<Vec<BlockId>> {
        let mut p = vec![Vec::new(); self.blocks.len()];
        for b in self.block_ids() {
            for s in self.succs(b) {
                if let Some(x) = p.get_mut(s.index()) {
                    x.push(b);
                }
            }
        }
        p
    }

    /// Blocks in reverse postorder from the entry (unreachable ones left
    /// out). Successors are visited last edge first, so a branch's `then`
    /// block comes right after it (the code generator's fall-through).
    pub fn rpo(&self) -> Vec<BlockId> {
        reverse_postorder(self.blocks.len(), self.entry, |b| {
            let mut s = self.succs(b);
            s.reverse();
            s
        })
    }
}

/// A natural loop's blocks: header `h` and every block that reaches one
/// of `latches` (its back-edges' sources) without passing `h`, over the
/// predecessor lists `preds`.
pub fn loop_body(
    preds: &[Vec<BlockId>],
    h: BlockId,
    latches: impl IntoIterator<Item = BlockId>,
) -> Vec<bool> {
    let mut body = vec![false; preds.len()];
    body[h.index()] = true;
    let mut work: Vec<BlockId> = latches.into_iter().collect();
    while let Some(x) = work.pop() {
        if !std::mem::replace(&mut body[x.index()], true) {
            work.extend(preds[x.index()].iter().copied());
        }
    }
    body
}

/// Reverse postorder of the blocks reachable from `entry` (of `n`), by a
/// depth-first search that visits each block's successors in the order
/// `succs` gives them (the first visited comes last among them).
pub fn reverse_postorder<S: AsRef<[BlockId]>>(
    n: usize,
    entry: BlockId,
    succs: impl Fn(BlockId) -> S,
) -> Vec<BlockId> {
    let mut seen = vec![false; n];
    let mut post = Vec::new();
    if entry.index() >= n {
        return post;
    }
    let mut stack = vec![(entry, 0usize)];
    seen[entry.index()] = true;
    while let Some(&mut (b, ref mut i)) = stack.last_mut() {
        if let Some(&s) = succs(b).as_ref().get(*i) {
            *i += 1;
            if s.index() < n && !seen[s.index()] {
                seen[s.index()] = true;
                stack.push((s, 0));
            }
        } else {
            post.push(b);
            stack.pop();
        }
    }
    post.reverse();
    post
}
