//! The opcode table: statically typed register instructions over the
//! frame's 64-bit slots, each declared once with its facts.
//!
//! Every operand named `d`, `a`, `b`, `s`, `p`... is a slot index in the
//! current frame; a multi-word value (string: 2, interface: 2, slice: 3,
//! structs and arrays: the sum of their parts) occupies consecutive slots
//! starting there. Instructions are specific (`AddI`, `CmpI`, `Load`), so
//! no value carries a tag.
//!
//! Each row of the table below gives, beside the operands, what the
//! interpreter, both compilers, the verifier and the frame maps need to
//! know: the slots read and written and what they hold, the branch target,
//! whether it allocates, may panic, calls, and where each tier runs it (see
//! [`define`] for the row syntax, in the spirit of LuaJIT's `BCDEF` and
//! V8's `BYTECODE_LIST`). Nothing else classifies opcodes: the tiers read
//! [`Op::facts`], [`Op::reads`], [`Op::writes`], [`Op::target`], and match
//! exhaustively (no `_ =>` arm) with the generated patterns
//! [`interp_slow_ops!`], [`jit_helper_ops!`] and [`never_slow_ops!`], so a
//! new opcode does not compile until its row has every fact and each tier
//! handles it.

pub mod define;

pub use define::{Callee, Facts, InterpClass, JitClass, Kind, Operand, Operands, NONE};

use crate::types::Native;
use define::ops;
use pgojit_profiler::{EdgeId, FuncId, SiteId};

pub type Slot = u32;

/// A `stride` with this bit set: the elements are bytes (Go's `uint8`),
/// packed one per byte in memory, as Go lays out a `[]byte` or a
/// `[N]byte` (an array of bytes takes `N` bytes rounded up to words); in
/// frame slots each element still takes a word, zero-extended. Only the
/// instructions that move elements in bulk (`MakeSlice`, `Append`,
/// `AppendSlice`, `Copy`, `SliceClear`, `SliceSlice`, `ArraySlice`) take
/// it; one element is read and written by `SliceLoadB`/`SliceStoreB`.
pub const PACKED: u32 = 1 << 31;

/// Frame slots an element of `stride` takes.
pub const fn slots_of(stride: u32) -> u32 {
    if stride & PACKED != 0 {
        1
    } else {
        stride
    }
}

/// Bytes an element of `stride` takes in memory.
pub const fn elem_bytes(stride: u32) -> u64 {
    if stride & PACKED != 0 {
        1
    } else {
        8 * stride as u64
    }
}

/// Words of memory `n` elements of `stride` take.
pub const fn elems_words(n: u64, stride: u32) -> u64 {
    if stride & PACKED != 0 {
        n.div_ceil(8)
    } else {
        n * stride as u64
    }
}

/// Integer widths for truncation after arithmetic on sized integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntKind {
    I8,
    I16,
    I32,
    U8,
    U16,
    U32,
}

impl IntKind {
    /// `v` sign- or zero-extended from the kind's width, as every tier
    /// keeps a sized integer in its slot.
    #[inline]
    pub fn truncate(self, v: u64) -> u64 {
        match self {
            IntKind::I8 => v as i8 as i64 as u64,
            IntKind::I16 => v as i16 as i64 as u64,
            IntKind::I32 => v as i32 as i64 as u64,
            IntKind::U8 => v as u8 as u64,
            IntKind::U16 => v as u16 as u64,
            IntKind::U32 => v as u32 as u64,
        }
    }
}

impl Cmp {
    /// The comparison that holds exactly when `self` does not.
    pub fn negate(self) -> Cmp {
        match self {
            Cmp::Eq => Cmp::Ne,
            Cmp::Ne => Cmp::Eq,
            Cmp::Lt => Cmp::Ge,
            Cmp::Ge => Cmp::Lt,
            Cmp::Le => Cmp::Gt,
            Cmp::Gt => Cmp::Le,
        }
    }

    /// Whether `x self y` holds.
    #[inline]
    pub fn holds<T: PartialOrd>(self, x: T, y: T) -> bool {
        match self {
            Cmp::Eq => x == y,
            Cmp::Ne => x != y,
            Cmp::Lt => x < y,
            Cmp::Le => x <= y,
            Cmp::Gt => x > y,
            Cmp::Ge => x >= y,
        }
    }
}

/// What `print`/`println` prints a value as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintKind {
    Bool,
    Int,
    Uint,
    Float,
    /// A float32, printed as the shortest float32 that reads back.
    Float32,
    /// A complex128 (two words), `(re+imi)`.
    Complex,
    /// A complex64.
    Complex64,
    String,
    /// Pointers, slices, funcs: an address.
    Pointer,
    /// `(0x...,0x...)` for interfaces.
    Iface,
}

/// Runtime checks that can fail with a Go panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

ops! {
    // ----- moves and constants -----
    /// `d = v` (one word).
    Const { d: Slot, v: u64 } fast inline
        reads[] writes[int(d)] flags[];
    /// `d[0..n] = 0`.
    Zero { d: Slot, n: u32 } fast inline
        reads[] writes[ints(d, n)] flags[frame if n > 16];
    /// `d = s` (one word).
    Move { d: Slot, s: Slot } fast inline
        reads[any(s)] writes[copy(d, s, 1)] flags[];
    /// `d[0..n] = s[0..n]`.
    MoveN { d: Slot, s: Slot, n: u32 } fast inline
        reads[words(s, n)] writes[copy(d, s, n)] flags[];

    // ----- integers (two's complement, wrapping) -----
    AddI { d: Slot, a: Slot, b: Slot } fast inline
        reads[int(a), int(b)] writes[int(d)] flags[];
    AddImm { d: Slot, a: Slot, imm: i64 } fast inline
        reads[int(a)] writes[int(d)] flags[];
    SubI { d: Slot, a: Slot, b: Slot } fast inline
        reads[int(a), int(b)] writes[int(d)] flags[];
    MulI { d: Slot, a: Slot, b: Slot } fast inline
        reads[int(a), int(b)] writes[int(d)] flags[];
    /// Signed division; panics on a zero divisor; MIN / -1 wraps.
    DivS { d: Slot, a: Slot, b: Slot } slow exits
        reads[int(a), int(b)] writes[int(d)] flags[fail];
    DivU { d: Slot, a: Slot, b: Slot } slow exits
        reads[int(a), int(b)] writes[int(d)] flags[fail];
    RemS { d: Slot, a: Slot, b: Slot } slow exits
        reads[int(a), int(b)] writes[int(d)] flags[fail];
    RemU { d: Slot, a: Slot, b: Slot } slow exits
        reads[int(a), int(b)] writes[int(d)] flags[fail];
    And { d: Slot, a: Slot, b: Slot } fast inline
        reads[int(a), int(b)] writes[int(d)] flags[];
    Or { d: Slot, a: Slot, b: Slot } fast inline
        reads[int(a), int(b)] writes[int(d)] flags[];
    Xor { d: Slot, a: Slot, b: Slot } fast inline
        reads[int(a), int(b)] writes[int(d)] flags[];
    AndNot { d: Slot, a: Slot, b: Slot } fast inline
        reads[int(a), int(b)] writes[int(d)] flags[];
    /// Shifts by an unsigned count (counts >= 64 give 0, or -1 for negative `ShrS`).
    Shl { d: Slot, a: Slot, b: Slot } fast inline
        reads[int(a), int(b)] writes[int(d)] flags[];
    ShrS { d: Slot, a: Slot, b: Slot } fast inline
        reads[int(a), int(b)] writes[int(d)] flags[];
    ShrU { d: Slot, a: Slot, b: Slot } fast inline
        reads[int(a), int(b)] writes[int(d)] flags[];
    /// Panics with "negative shift amount" when the signed count is negative.
    CheckShift { s: Slot } fast exits
        reads[int(s)] writes[] flags[fail];
    NegI { d: Slot, s: Slot } fast inline
        reads[int(s)] writes[int(d)] flags[];
    /// Bitwise complement.
    NotI { d: Slot, s: Slot } fast inline
        reads[int(s)] writes[int(d)] flags[];
    /// Boolean not.
    Not { d: Slot, s: Slot } fast inline
        reads[int(s)] writes[int(d)] flags[];
    /// Sign- or zero-extends the low bits: keeps sized integers canonical in their slot.
    Trunc { d: Slot, s: Slot, k: IntKind } fast inline
        reads[int(s)] writes[int(d)] flags[];
    /// Integer comparison (signed or unsigned) producing a bool.
    CmpI { d: Slot, a: Slot, b: Slot, c: Cmp, signed: bool } fast inline
        reads[int(a), int(b)] writes[int(d)] flags[];
    CmpImm { d: Slot, a: Slot, imm: i64, c: Cmp } fast inline
        reads[int(a)] writes[int(d)] flags[];

    // ----- float64 -----
    AddF { d: Slot, a: Slot, b: Slot } fast inline
        reads[float(a), float(b)] writes[float(d)] flags[];
    SubF { d: Slot, a: Slot, b: Slot } fast inline
        reads[float(a), float(b)] writes[float(d)] flags[];
    MulF { d: Slot, a: Slot, b: Slot } fast inline
        reads[float(a), float(b)] writes[float(d)] flags[];
    DivF { d: Slot, a: Slot, b: Slot } fast inline
        reads[float(a), float(b)] writes[float(d)] flags[];
    NegF { d: Slot, s: Slot } fast inline
        reads[float(s)] writes[float(d)] flags[];
    CmpF { d: Slot, a: Slot, b: Slot, c: Cmp } fast inline
        reads[float(a), float(b)] writes[int(d)] flags[];
    /// Signed or unsigned integer to float64 (the baseline tier leaves
    /// unsigned ones to the runtime).
    IToF { d: Slot, s: Slot, signed: bool } fast exits
        reads[int(s)] writes[float(d)] flags[helper if !signed];
    /// `d = a / b` on complex128 values (two words each), as Go's
    /// `complex128div` computes it (Smith's algorithm, C99's infinities).
    DivC { d: Slot, a: Slot, b: Slot } slow helper
        reads[ints(a, 2), ints(b, 2)] writes[ints(d, 2)] flags[];
    /// `d = s` rounded to float32's precision: a float32 is a float64
    /// holding a value float32 can represent, and every operation on one
    /// rounds its result, as Go computes in float32.
    RoundF32 { d: Slot, s: Slot } fast inline
        reads[float(s)] writes[float(d)] flags[];
    /// `d = float32(s)` for a 64-bit integer, rounded once (as `CVTSQ2SS`:
    /// through a float64 it could round twice).
    IToF32 { d: Slot, s: Slot, signed: bool } slow helper
        reads[int(s)] writes[float(d)] flags[];
    /// float64 to a 64-bit integer (truncating, as amd64 does).
    FToI {
        d: Slot,
        s: Slot,
        signed: bool,
        /// Convert as a 32-bit signed integer (Go's amd64 code for int32,
        /// int16, int8, uint16 and uint8 targets: out of range gives
        /// MinInt32 before the truncation that follows).
        w32: bool,
    } slow exits
        reads[float(s)] writes[int(d)] flags[helper if !signed && !w32];

    // ----- strings (ptr, len) -----
    StrConcat { d: Slot, a: Slot, b: Slot } slow helper
        reads[str(a), str(b)] writes[str(d)] flags[alloc];
    StrCmp { d: Slot, a: Slot, b: Slot, c: Cmp } slow helper
        reads[str(a), str(b)] writes[int(d)] flags[];
    /// `d = s[i]` (a byte), bounds-checked.
    StrIndex { d: Slot, s: Slot, i: Slot } slow helper
        reads[str(s), int(i)] writes[int(d)] flags[fail];
    /// `d = s[lo:hi]`; `NONE` for an absent bound.
    StrSlice { d: Slot, s: Slot, lo: Slot, hi: Slot } slow helper
        reads[str(s), int(lo), int(hi)] writes[str(d)] flags[fail];
    /// Decodes the rune at byte `i` of `s`: `d = rune`, `d+1 = width`.
    StrDecodeRune { d: Slot, s: Slot, i: Slot } slow helper
        reads[str(s), int(i)] writes[ints(d, 2)] flags[];
    /// `string(rune)`.
    StrFromRune { d: Slot, s: Slot } slow helper
        reads[int(s)] writes[str(d)] flags[alloc];
    StrFromBytes { d: Slot, s: Slot } slow helper
        reads[slice(s)] writes[str(d)] flags[alloc];
    BytesFromStr { d: Slot, s: Slot } slow helper
        reads[str(s)] writes[slice(d)] flags[alloc];
    StrFromRunes { d: Slot, s: Slot } slow helper
        reads[slice(s)] writes[str(d)] flags[alloc];
    RunesFromStr { d: Slot, s: Slot } slow helper
        reads[str(s)] writes[slice(d)] flags[alloc];

    // ----- memory -----
    /// `d[0..n] = *(p + off words)`; panics if `p` is nil.
    Load { d: Slot, p: Slot, off: u32, n: u32 } fast inline
        reads[ptr(p)] writes[words(d, n)] flags[fail];
    /// `*(p + off words) = s[0..n]`; panics if `p` is nil.
    Store { p: Slot, off: u32, s: Slot, n: u32 } fast inline
        reads[ptr(p), words(s, n)] writes[] flags[fail];
    /// `d = p + off words`, panicking if `p` is nil (Go's `&p.f`).
    AddrOff { d: Slot, p: Slot, off: u32 } fast inline
        reads[ptr(p)] writes[ptr(d)] flags[fail];
    /// `d = &package variable at addr` (relocated, like `LoadG`, for a VM
    /// with its own copy of the package variables).
    AddrG { d: Slot, addr: u64 } fast inline
        reads[] writes[ptr(d)] flags[];
    /// Package variables: absolute addresses.
    LoadG { d: Slot, addr: u64, n: u32 } fast inline
        reads[] writes[words(d, n)] flags[];
    StoreG { addr: u64, s: Slot, n: u32 } fast inline
        reads[words(s, n)] writes[] flags[];
    /// `d = new object of n words` (zeroed).
    Alloc {
        d: Slot,
        n: u32,
        /// Pointer map of the allocated words (see `runtime::heap`).
        layout: u32,
    } fast helper
        reads[] writes[ptr(d)] flags[alloc];
    /// `d = &s[i]` for a slice `s` with elements of `stride` words, bounds-checked.
    SliceAddr { d: Slot, s: Slot, i: Slot, stride: u32 } fast exits
        reads[slice(s), int(i)] writes[ptr(d)] flags[fail];
    /// `d[0..n] = s[i]` (slice element of `n` words, plus an offset into it).
    SliceLoad { d: Slot, s: Slot, i: Slot, stride: u32, off: u32, n: u32 } fast exits
        reads[slice(s), int(i)] writes[words(d, n)] flags[fail];
    SliceStore { s: Slot, i: Slot, v: Slot, stride: u32, off: u32, n: u32 } fast exits
        reads[slice(s), int(i), words(v, n)] writes[] flags[fail];
    /// `d = s[i]` for a slice of bytes (packed, one per byte: [`PACKED`]),
    /// bounds-checked.
    SliceLoadB { d: Slot, s: Slot, i: Slot } fast exits
        reads[slice(s), int(i)] writes[int(d)] flags[fail];
    /// `s[i] = v` for a slice of bytes, bounds-checked.
    SliceStoreB { s: Slot, i: Slot, v: Slot } fast exits
        reads[slice(s), int(i), int(v)] writes[] flags[fail];
    /// `d = &s[i]` for a slice of bytes, bounds-checked.
    SliceAddrB { d: Slot, s: Slot, i: Slot } slow helper
        reads[slice(s), int(i)] writes[ptr(d)] flags[fail];
    /// `d = *p` for a `*byte` (one byte: it may point into packed bytes;
    /// a byte in a word of its own is its low byte); panics if `p` is nil.
    LoadB { d: Slot, p: Slot } slow helper
        reads[ptr(p)] writes[int(d)] flags[fail];
    /// `*p = s` for a `*byte`, writing that byte only.
    StoreB { p: Slot, s: Slot } slow helper
        reads[ptr(p), int(s)] writes[] flags[fail];
    /// Arrays held in the frame with a dynamic index: `base` is the array's
    /// first slot, `len` its length, `stride` the element size in words.
    FrameLoadIdx {
        d: Slot,
        base: Slot,
        i: Slot,
        len: u32,
        stride: u32,
        off: u32,
        n: u32,
    } slow exits
        reads[array(base, len, stride), int(i)] writes[words(d, n)] flags[fail, frame];
    FrameStoreIdx {
        base: Slot,
        i: Slot,
        v: Slot,
        len: u32,
        stride: u32,
        off: u32,
        n: u32,
    } slow exits
        reads[int(i), words(v, n)] writes[elems(base, len, stride, off, n, v)] flags[fail, frame];
    /// Frame arrays nested in frame arrays: `o` holds a word offset from
    /// `base` that earlier `CheckIndex`es proved in range.
    FrameLoadDyn { d: Slot, base: Slot, o: Slot, off: u32, n: u32 } slow inline
        reads[frame(base), int(o)] writes[words(d, n)] flags[frame];
    FrameStoreDyn { base: Slot, o: Slot, off: u32, v: Slot, n: u32 } slow inline
        reads[int(o), words(v, n)] writes[frame(base)] flags[frame];
    /// Bounds check `0 <= i < len` (arrays in memory).
    CheckIndex { i: Slot, len: u32 } fast exits
        reads[int(i)] writes[] flags[fail];
    /// `d = s[lo:hi:max]` for a slice; `NONE` for absent bounds.
    SliceSlice { d: Slot, s: Slot, lo: Slot, hi: Slot, max: Slot, stride: u32 } slow helper
        reads[slice(s), int(lo), int(hi), int(max)] writes[slice(d)] flags[fail];
    /// A slice over `len` elements at the address in `p` (`arr[lo:hi]` on an array in memory).
    ArraySlice {
        d: Slot,
        p: Slot,
        len: u32,
        lo: Slot,
        hi: Slot,
        max: Slot,
        stride: u32,
    } slow helper
        reads[ptr(p), int(lo), int(hi), int(max)] writes[slice(d)] flags[fail];
    /// `make([]T, len, cap)`: `cap` may be `NONE` (= len).
    MakeSlice {
        d: Slot,
        len: Slot,
        cap: Slot,
        stride: u32,
        /// Pointer map of the allocated words (see `runtime::heap`).
        layout: u32,
    } slow helper
        reads[int(len), int(cap)] writes[slice(d)] flags[alloc, fail];
    /// `d = append(s, v...)` with `count` elements of `stride` words starting at slot `v`.
    Append {
        d: Slot,
        s: Slot,
        v: Slot,
        count: u32,
        stride: u32,
        /// Pointer map of the allocated words (see `runtime::heap`).
        layout: u32,
        /// The element as Go's runtime sizes a grown array
        /// ([`crate::runtime::growslice::go_elem`]).
        elem: u32,
    } slow helper
        reads[slice(s), words(v, count * slots_of(stride))] writes[slice(d)] flags[alloc];
    /// `d = append(s, t...)` (`t` a slice, or a string when `from_str`).
    AppendSlice {
        d: Slot,
        s: Slot,
        t: Slot,
        stride: u32,
        from_str: bool,
        /// Pointer map of the allocated words (see `runtime::heap`).
        layout: u32,
        /// The element as Go's runtime sizes a grown array
        /// ([`crate::runtime::growslice::go_elem`]).
        elem: u32,
    } slow helper
        reads[slice(s), str_or_slice(t, from_str)] writes[slice(d)] flags[alloc];
    /// `clear(s)`: every element of slice `s` zeroed.
    SliceClear { s: Slot, stride: u32 } slow helper
        reads[slice(s)] writes[] flags[];
    /// `d = copy(dst, src)` (`src` a string when `from_str`).
    Copy { d: Slot, dst: Slot, src: Slot, stride: u32, from_str: bool } slow helper
        reads[slice(dst), str_or_slice(src, from_str)] writes[int(d)] flags[];

    // ----- interfaces -----
    /// Boxes `s` (`n` words) with type word `tab` (an itab, or a type descriptor for `any`).
    MakeIface {
        d: Slot,
        s: Slot,
        tab: u64,
        n: u32,
        direct: bool,
        /// Pointer map of the allocated words (see `runtime::heap`).
        layout: u32,
    } slow helper
        reads[words(s, if direct { 1 } else { n })] writes[iface(d)] flags[alloc if !direct && n > 0];
    /// Converts an interface value to another interface type (`target` is its descriptor).
    IfaceToIface { d: Slot, s: Slot, target: u64, src_empty: bool } slow helper
        reads[iface(s)] writes[iface(d)] flags[];
    /// `x.(T)` for a concrete `T`: `d` gets the value, `ok` (if not `NONE`) the result;
    /// without `ok`, a mismatch panics.
    AssertType {
        d: Slot,
        s: Slot,
        ty: u64,
        n: u32,
        direct: bool,
        src_empty: bool,
        src: u64,
        ok: Slot,
    } slow helper
        reads[iface(s)] writes[words(d, n.max(1)), int(ok)] flags[fail];
    /// `x.(I)` for an interface `I` (`target` its descriptor).
    AssertIface { d: Slot, s: Slot, target: u64, src_empty: bool, src: u64, ok: Slot } slow helper
        reads[iface(s)] writes[iface(d), int(ok)] flags[fail];
    /// Interface equality (dynamic types and values); panics on uncomparable dynamic types.
    IfaceEq { d: Slot, a: Slot, b: Slot, empty: bool, ne: bool } slow helper
        reads[iface(a), iface(b)] writes[int(d)] flags[fail];
    /// Equality of two values of a type with several words (structs, arrays;
    /// the width is the descriptor's, checked by lowering's layout).
    ValueEq { d: Slot, a: Slot, b: Slot, ty: u64, ne: bool } slow helper
        reads[sized(a), sized(b)] writes[int(d)] flags[fail];

    // ----- maps (see `interp::maps`; `ty` is the map type's descriptor) -----
    /// `d = make(map[K]V, hint)` (`hint` may be `NONE`): a header object
    /// of layout `header`, entries of layout `layout`.
    MapMake { d: Slot, hint: Slot, ty: u64, header: u32, layout: u32 } slow helper
        reads[int(hint)] writes[ptr(d)] flags[alloc, fail];
    /// `d = m[k]` (`kw` key words, `vw` value words; zero when absent), and
    /// `ok` (if not `NONE`) whether the key is there.
    MapIndex { d: Slot, m: Slot, k: Slot, ty: u64, kw: u32, vw: u32, ok: Slot } slow helper
        reads[ptr(m), words(k, kw)] writes[words(d, vw), int(ok)] flags[fail];
    /// `m[k] = v`.
    MapAssign { m: Slot, k: Slot, v: Slot, ty: u64, kw: u32, vw: u32 } slow helper
        reads[ptr(m), words(k, kw), words(v, vw)] writes[] flags[alloc, fail];
    /// `delete(m, k)`.
    MapDelete { m: Slot, k: Slot, ty: u64, kw: u32, vw: u32 } slow helper
        reads[ptr(m), words(k, kw)] writes[] flags[fail];
    /// `d = len(m)`.
    MapLen { d: Slot, m: Slot } slow helper
        reads[ptr(m)] writes[int(d)] flags[];
    /// `clear(m)`.
    MapClear { m: Slot, ty: u64, kw: u32, vw: u32 } slow helper
        reads[ptr(m)] writes[] flags[];
    /// `d` = a new iterator over `m` (an object of layout `layout`).
    MapIter { d: Slot, m: Slot, layout: u32 } slow helper
        reads[ptr(m)] writes[ptr(d)] flags[alloc];
    /// The next entry of iterator `it`: `ok` whether there is one, its key
    /// in `k`, its value in `v`.
    MapNext { ok: Slot, it: Slot, k: Slot, v: Slot, ty: u64, kw: u32, vw: u32 } slow helper
        reads[ptr(it)] writes[int(ok), words(k, kw), words(v, vw)] flags[fail];

    // ----- channels and goroutines (`interp::chans`, `interp::sched`) -----
    /// `d = make(chan T, size)` (`size` may be `NONE`: unbuffered): a
    /// header object of layout `header` and a buffer of `size` elements of
    /// `w` words, of layout `layout`.
    ChanMake { d: Slot, size: Slot, w: u32, header: u32, layout: u32 } slow helper
        reads[int(size)] writes[ptr(d)] flags[alloc, fail];
    /// `ch <- v` (`w` words at `v`). It may block: other goroutines run
    /// (and may collect) until a receiver or the buffer takes the value.
    ChanSend { ch: Slot, v: Slot, w: u32 } slow helper
        reads[ptr(ch), words(v, w)] writes[] flags[alloc, fail];
    /// `d = <-ch` (`w` words), and `ok` (if not `NONE`) whether a send
    /// made the value (not a close). It may block, as `ChanSend`.
    ChanRecv { d: Slot, ch: Slot, w: u32, ok: Slot } slow helper
        reads[ptr(ch)] writes[words(d, w), int(ok)] flags[alloc, fail];
    /// `close(ch)`.
    ChanClose { ch: Slot } slow helper
        reads[ptr(ch)] writes[] flags[fail];
    /// `d = len(ch)`, or `cap(ch)` when `cap`.
    ChanLen { d: Slot, ch: Slot, cap: bool } slow helper
        reads[ptr(ch)] writes[int(d)] flags[];
    /// `select`: `n` cases of two words at `cases` (the channel, then
    /// what the case does: see `interp::chans::CaseInfo`), the values
    /// sent in the `nvals` words at `vals`, the values received (each
    /// with its ok word) into the `nouts` words at `outs`; `d` is the
    /// case that ran, or `n` for `default` (only when not `block`).
    Select { d: Slot, cases: Slot, n: u32, vals: Slot, nvals: u32, outs: Slot, nouts: u32, block: bool } slow helper
        reads[words(cases, 2 * n), words(vals, nvals)] writes[int(d), words(outs, nouts)]
        flags[alloc, fail];
    /// `go call`: a new goroutine runs `wrap` (which makes the call, as
    /// `DeferPush`'s wrappers) on a frame whose slots `base..base + n`
    /// hold the words at the same slots here. Panics first if the word at
    /// `nil_at` is nil (a method of a nil interface, bound here); Go's
    /// fatal error if the function value at `func_at` (if not `NONE`) is
    /// nil. `by` and `line`: the statement's function and line (the new
    /// goroutine's `created by` in tracebacks).
    Go { wrap: FuncId, base: Slot, n: u32, nil_at: Slot, func_at: Slot, by: FuncId, line: u32 } slow helper
        reads[words(base, n), ptr(nil_at), ptr(func_at)] writes[] flags[alloc, fail];

    // ----- calls -----
    /// Calls `func` with its frame starting at `base`; results land at `base`.
    /// Every tier counts the call at direct call site `edge` (unless
    /// `EdgeId::NONE`).
    Call { func: FuncId, base: Slot, edge: EdgeId } fast inline
        reads[args(base)] writes[results(base, Callee::Func(func))] flags[call];
    /// Calls the function value in slot `f` (a closure pointer), frame at `base`.
    CallClosure { f: Slot, base: Slot, site: SiteId } fast inline
        reads[ptr(f), args(base)] writes[results(base, Callee::Site(site))] site(site)
        flags[call, fail];
    /// Calls method `method` of the interface value in `recv` (2 slots):
    /// the data word goes to `base`, arguments follow it.
    CallIface { recv: Slot, method: u32, base: Slot, site: SiteId } fast inline
        reads[iface(recv), args(base)] writes[ptr(base), results(base, Callee::Site(site))]
        site(site) flags[call, fail];
    /// Calls a runtime function (fmt, errors) with arguments at `base`.
    CallNative { native: Native, base: Slot } fast helper
        reads[args(base)] writes[results(base, Callee::Native(native))]
        flags[call, alloc, fail];
    /// `d = closure(func, cells at caps[0..n])`.
    MakeClosure {
        d: Slot,
        func: FuncId,
        caps: Slot,
        n: u32,
        /// Pointer map of the allocated words (see `runtime::heap`).
        layout: u32,
    } slow helper
        reads[words(caps, n)] writes[ptr(d)] flags[alloc];
    /// `d = the current closure pointer` (a closure body's prologue).
    LoadCtx { d: Slot } fast inline
        reads[] writes[ptr(d)] flags[ctx];
    /// Returns the word at `*(p + off words)` (nil-checked): a fused `Load`
    /// and one-word `Ret`, the whole body of a getter.
    RetLoad { p: Slot, off: u32 } fast inline
        reads[ptr(p)] writes[] flags[fail, end, ret];
    /// Returns, copying the `n` result words at `s` to slot 0.
    Ret { s: Slot, n: u32 } fast inline
        reads[words(s, n)] writes[] flags[end, ret];

    // ----- control -----
    Jmp { t: u32 } fast inline
        reads[] writes[] branch(t) flags[end];
    /// Jumps unless `a c b` holds (a loop or `if` condition on integers).
    JfCmpI { a: Slot, b: Slot, c: Cmp, signed: bool, t: u32 } fast inline
        reads[int(a), int(b)] writes[] branch(t) flags[];
    /// Jumps unless `a c imm` holds (signed).
    JfCmpImm { a: Slot, imm: i64, c: Cmp, t: u32 } fast inline
        reads[int(a)] writes[] branch(t) flags[];
    /// Jumps when the bool in `c` is false.
    Jz { c: Slot, t: u32 } fast inline
        reads[int(c)] writes[] branch(t) flags[];
    /// Jumps when the bool in `c` is true.
    Jnz { c: Slot, t: u32 } fast inline
        reads[int(c)] writes[] branch(t) flags[];

    // ----- deferred calls (`bytecode::lower::defers`) -----
    /// Runs `body`, this function's body, on this very frame, then the
    /// calls it deferred, also when it or one of them panics; a panic a
    /// deferred call recovers ends here, and the function goes on to
    /// return what its result variables hold. (The body reads and writes
    /// the whole frame.) Each return of the body writes its line to slot
    /// `line`, for a traceback through a deferred call.
    Protect { body: FuncId, line: Slot } fast helper
        reads[frame(0)] writes[frame(0)] flags[call, alloc, fail, frame, activation];
    /// Defers a call: saves the `n` words at `base`, which go back to the
    /// same slots of `wrap`'s frame when the call runs (`wrap` makes the
    /// call, on a frame laid out as this one up to `base + n`). Panics
    /// first if the word at `nil_at` is nil (a method of a nil interface
    /// is bound here, as Go binds it).
    /// `into`: the function whose deferred calls it joins, when that is
    /// not the running one (a `defer` in the body of a loop over a
    /// function defers to the function the loop is in); `FuncId(NONE)`
    /// otherwise.
    DeferPush { wrap: FuncId, base: Slot, n: u32, nil_at: Slot, into: FuncId } slow helper
        reads[words(base, n), ptr(nil_at)] writes[] flags[fail, activation];
    /// `d = recover()`: the running panic's value if a deferred call this
    /// function is was called by it, else nil.
    Recover { d: Slot } slow helper
        reads[] writes[iface(d)] flags[alloc, activation];

    // ----- panics and printing -----
    /// `panic(v)` with an `any` in `s`.
    Panic { s: Slot } fast helper
        reads[iface(s)] writes[] flags[fail, end];
    /// A nil dereference detected by lowering (e.g. calling a nil method value).
    PanicNil fast helper
        reads[] writes[] flags[fail, end];
    /// Go's panic when an iterator calls the body of a loop over it again
    /// after the body stopped the loop, or (`exited`) after the whole loop
    /// is over (`bytecode::lower::range_func`).
    PanicRangeDone { exited: bool } fast helper
        reads[] writes[] flags[fail, end];
    /// Builtin print/println of one value to stderr; `space` prints a separator first.
    Print { s: Slot, kind: PrintKind, space: bool } slow helper
        reads[words(s, kind.words())] writes[] flags[];
    PrintNl fast helper
        reads[] writes[] flags[];

    // ----- immediate forms and superinstructions -----
    // Made by `bytecode::peephole` (lowering never emits them); a fused
    // pair behaves exactly as its two instructions in a row
    // (`peephole::parts`) and writes every slot they write.
    /// `d = a & imm`.
    AndImm { d: Slot, a: Slot, imm: i64 } fast inline
        reads[int(a)] writes[int(d)] flags[];
    /// `d = a * imm` (wrapping).
    MulImm { d: Slot, a: Slot, imm: i64 } fast inline
        reads[int(a)] writes[int(d)] flags[];
    /// `Load { d: t, p, off, n: 1 }` then `AddI { d, a, b }`: `t = *(p +
    /// off words)`, panicking if `p` is nil, then `d = a + b` (one of `a`,
    /// `b` is usually `t`).
    LoadAddI { t: Slot, p: Slot, off: u32, d: Slot, a: Slot, b: Slot } fast inline
        reads[ptr(p), int(a), int(b)] writes[any(t), int(d)] flags[fail];
    /// `AddImm { d, a, imm }` then `JfCmpI { a: d, b, c, signed, t }` (a
    /// loop's increment and test). When it does not jump it continues at
    /// pc + 2: the `JfCmpI` it was fused with stays at pc + 1 for the
    /// jumps that reach it (a loop's entry).
    AddImmJfCmpI { d: Slot, a: Slot, imm: i64, b: Slot, c: Cmp, signed: bool, t: u32 } fast inline
        reads[int(a), int(b)] writes[int(d)] branch(t) flags[skips];
    /// `AddImm { d, a, imm }` then `JfCmpImm { a: d, imm: k, c, t }`; as
    /// [`Op::AddImmJfCmpI`], continues at pc + 2 when it does not jump.
    AddImmJfCmpImm { d: Slot, a: Slot, imm: i64, k: i64, c: Cmp, t: u32 } fast inline
        reads[int(a)] writes[int(d)] branch(t) flags[skips];
    /// `Move { d, s }` then `Call { func, base }`: the last argument
    /// copied into the window by the call itself (`d` inside the window,
    /// `s` outside it).
    MoveCall { d: Slot, s: Slot, func: FuncId, base: Slot, edge: EdgeId } fast inline
        reads[any(s), args(base)] writes[copy(d, s, 1), results(base, Callee::Func(func))]
        flags[call];
    /// `Move { d, s }` then `CallIface { recv, method, base, site }` (`d`
    /// an argument slot past the receiver's, `s` neither the receiver nor
    /// `base`, so re-running it at the call is harmless).
    MoveCallIface { d: Slot, s: Slot, recv: Slot, method: u32, base: Slot, site: SiteId } fast inline
        reads[any(s), iface(recv), args(base)]
        writes[copy(d, s, 1), ptr(base), results(base, Callee::Site(site))]
        site(site) flags[call, fail];
    /// `AndImm { d: m, a, imm: mask }` then `MulImm { d, a: m, imm: k }`:
    /// `(a & mask) * k`, a masked value scaled (a hash step, the
    /// scenarios' method bodies).
    AndImmMulImm { m: Slot, a: Slot, mask: i64, d: Slot, k: i64 } fast inline
        reads[int(a), int(m)] writes[int(m), int(d)] flags[];
    /// `AndImm { d: m, a, imm }` then `SliceLoad { d, s, i: m, stride, off,
    /// n }`: an element at a masked index (`xs[i&1023]`, a ring buffer's
    /// or a hash table's). Its slow path re-runs both (the mask again is
    /// harmless: `x & imm & imm == x & imm`).
    AndImmSliceLoad { m: Slot, a: Slot, imm: i64, d: Slot, s: Slot, stride: u32, off: u32, n: u32 }
        fast exits reads[int(a), slice(s), int(m)] writes[int(m), words(d, n)] flags[fail];
    /// `AddI { d, a, b }` then `Ret { s: d, n: 1 }`: returns `a + b`.
    /// (`d` is written, but the frame is dead once it returns.)
    AddIRet { d: Slot, a: Slot, b: Slot } fast inline
        reads[int(a), int(b)] writes[] flags[end, ret];
    /// `LoadAddI { t, p, off, d, a, b }` then `Ret { s: d, n: 1 }`:
    /// returns a field plus a value (the loaded word is one of `a`, `b`).
    LoadAddIRet { t: Slot, p: Slot, off: u32, d: Slot, a: Slot, b: Slot } fast inline
        reads[ptr(p), int(a), int(b)] writes[] flags[fail, end, ret];
}

impl PrintKind {
    /// Slots the printed value takes.
    pub const fn words(self) -> u32 {
        match self {
            PrintKind::String | PrintKind::Iface | PrintKind::Complex | PrintKind::Complex64 => 2,
            PrintKind::Bool
            | PrintKind::Int
            | PrintKind::Uint
            | PrintKind::Float
            | PrintKind::Float32
            | PrintKind::Pointer => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn op_size() {
        eprintln!("size_of::<Op>() = {}", std::mem::size_of::<Op>());
        assert!(std::mem::size_of::<Op>() <= 48);
    }

    /// The generated patterns select exactly the rows of their classes.
    #[test]
    fn patterns_agree_with_classes() {
        let all = samples();
        assert!(all.len() > 70, "every opcode has a sample");
        for op in &all {
            let f = op.facts();
            let name = op.name();
            assert_eq!(
                matches!(op, interp_slow_ops!()),
                f.interp == InterpClass::Slow,
                "{name}"
            );
            assert_eq!(
                matches!(op, jit_helper_ops!()),
                f.jit == JitClass::Helper,
                "{name}"
            );
            assert_eq!(
                matches!(op, never_slow_ops!()),
                f.interp == InterpClass::Fast && f.jit == JitClass::Inline,
                "{name}"
            );
            assert!(format!("{op:?}").starts_with(name), "{name}");
        }
    }

    /// Facts that hold together: helpers are flagged, whatever allocates
    /// or calls is a safepoint, branches have targets, only fallible or
    /// unconditional exits end a block.
    #[test]
    fn facts_are_consistent() {
        for op in samples() {
            let f = op.facts();
            let name = op.name();
            if f.jit == JitClass::Helper {
                assert!(f.helper, "{name}: a helper-class op calls the slow path");
            }
            if f.alloc || f.call {
                assert!(f.safepoint(), "{name}");
            }
            if f.interp == InterpClass::Fast && f.jit == JitClass::Inline {
                assert!(!f.helper && !f.alloc, "{name} never reaches the slow path");
            }
            if let Some(t) = op.target() {
                assert_eq!(t, 1, "{name}: the target is its field");
                assert!(
                    f.skips || op.writes().iter().next().is_none(),
                    "{name}: only fused branches write"
                );
            }
            if f.skips {
                assert!(op.target().is_some(), "{name}: a fused test is a branch");
            }
            if f.end && op.target().is_none() {
                assert!(op.writes().iter().next().is_none(), "{name}");
            }
        }
        // Operands that are absent drop out.
        let op = Op::StrSlice {
            d: 0,
            s: 2,
            lo: NONE,
            hi: 4,
        };
        let reads: Vec<Slot> = op.reads().iter().map(|o| o.slot).collect();
        assert_eq!(reads, vec![2, 4]);
    }

    /// Frame slots reached by computed address (a frame array read or
    /// written at a run-time index, frame words at a run-time offset) are
    /// named by their own operand kinds, which the optimizing tier keeps
    /// in frame memory; exactly the rows flagged `frame` have them (a
    /// large `Zero` is flagged for its expansion, and its sample is small).
    #[test]
    fn computed_frame_addresses_have_their_own_operand_kinds() {
        for op in samples() {
            let reads = op.reads();
            let writes = op.writes();
            let computed = reads.iter().chain(writes.iter()).any(|o| {
                matches!(
                    o.kind,
                    Kind::Array { .. } | Kind::Elems { .. } | Kind::Frame
                )
            });
            assert_eq!(computed, op.facts().frame, "{}", op.name());
        }
        let op = Op::FrameLoadIdx {
            d: 0,
            base: 4,
            i: 1,
            len: 3,
            stride: 2,
            off: 0,
            n: 1,
        };
        let arr = op.reads().iter().next().copied().expect("the array");
        assert_eq!(arr.kind, Kind::Array { len: 3, stride: 2 });
        assert_eq!(arr.range(), 4..10, "the whole array");
    }

    #[test]
    fn branch_targets_can_be_patched() {
        let mut op = Op::JfCmpImm {
            a: 0,
            imm: 3,
            c: Cmp::Lt,
            t: 7,
        };
        *op.target_mut().unwrap() = 9;
        assert_eq!(op.target(), Some(9));
        assert_eq!(Op::Move { d: 0, s: 1 }.target(), None);
    }
}
