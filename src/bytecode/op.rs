//! The opcode table: statically typed register instructions over the
//! frame's 64-bit slots.
//!
//! Every operand named `d`, `a`, `b`, `s`, `p`... is a slot index in the
//! current frame; a multi-word value (string: 2, interface: 2, slice: 3,
//! structs and arrays: the sum of their parts) occupies consecutive slots
//! starting there. Instructions are specific (`AddI`, `LtS`, `Load`), so no
//! value carries a tag. Both tiers handle every variant with an exhaustive
//! `match` (no `_ =>` arm), so a new opcode does not compile until each
//! tier knows it.

use crate::types::Native;
use pgojit_profiler::{FuncId, SiteId};

pub type Slot = u32;

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

/// What `print`/`println` prints a value as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintKind {
    Bool,
    Int,
    Uint,
    Float,
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

#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    // ----- moves and constants -----
    /// `d = v` (one word).
    Const {
        d: Slot,
        v: u64,
    },
    /// `d[0..n] = 0`.
    Zero {
        d: Slot,
        n: u32,
    },
    /// `d = s` (one word).
    Move {
        d: Slot,
        s: Slot,
    },
    /// `d[0..n] = s[0..n]`.
    MoveN {
        d: Slot,
        s: Slot,
        n: u32,
    },

    // ----- integers (two's complement, wrapping) -----
    AddI {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    AddImm {
        d: Slot,
        a: Slot,
        imm: i64,
    },
    SubI {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    MulI {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    /// Signed division; panics on a zero divisor; MIN / -1 wraps.
    DivS {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    DivU {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    RemS {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    RemU {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    And {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    Or {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    Xor {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    AndNot {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    /// Shifts by an unsigned count (counts >= 64 give 0, or -1 for negative `ShrS`).
    Shl {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    ShrS {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    ShrU {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    /// Panics with "negative shift amount" when the signed count is negative.
    CheckShift {
        s: Slot,
    },
    NegI {
        d: Slot,
        s: Slot,
    },
    /// Bitwise complement.
    NotI {
        d: Slot,
        s: Slot,
    },
    /// Boolean not.
    Not {
        d: Slot,
        s: Slot,
    },
    /// Sign- or zero-extends the low bits: keeps sized integers canonical in their slot.
    Trunc {
        d: Slot,
        s: Slot,
        k: IntKind,
    },
    /// Integer comparison (signed or unsigned) producing a bool.
    CmpI {
        d: Slot,
        a: Slot,
        b: Slot,
        c: Cmp,
        signed: bool,
    },
    CmpImm {
        d: Slot,
        a: Slot,
        imm: i64,
        c: Cmp,
    },

    // ----- float64 -----
    AddF {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    SubF {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    MulF {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    DivF {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    NegF {
        d: Slot,
        s: Slot,
    },
    CmpF {
        d: Slot,
        a: Slot,
        b: Slot,
        c: Cmp,
    },
    /// Signed or unsigned integer to float64.
    IToF {
        d: Slot,
        s: Slot,
        signed: bool,
    },
    /// float64 to a 64-bit integer (truncating, as amd64 does).
    FToI {
        d: Slot,
        s: Slot,
        signed: bool,
        /// Convert as a 32-bit signed integer (Go's amd64 code for int32,
        /// int16, int8, uint16 and uint8 targets: out of range gives
        /// MinInt32 before the truncation that follows).
        w32: bool,
    },

    // ----- strings (ptr, len) -----
    StrConcat {
        d: Slot,
        a: Slot,
        b: Slot,
    },
    StrCmp {
        d: Slot,
        a: Slot,
        b: Slot,
        c: Cmp,
    },
    /// `d = s[i]` (a byte), bounds-checked.
    StrIndex {
        d: Slot,
        s: Slot,
        i: Slot,
    },
    /// `d = s[lo:hi]`; `u32::MAX` for an absent bound.
    StrSlice {
        d: Slot,
        s: Slot,
        lo: Slot,
        hi: Slot,
    },
    /// Decodes the rune at byte `i` of `s`: `d = rune`, `d+1 = width`.
    StrDecodeRune {
        d: Slot,
        s: Slot,
        i: Slot,
    },
    /// `string(rune)`.
    StrFromRune {
        d: Slot,
        s: Slot,
    },
    StrFromBytes {
        d: Slot,
        s: Slot,
    },
    BytesFromStr {
        d: Slot,
        s: Slot,
    },
    StrFromRunes {
        d: Slot,
        s: Slot,
    },
    RunesFromStr {
        d: Slot,
        s: Slot,
    },

    // ----- memory -----
    /// `d[0..n] = *(p + off words)`; panics if `p` is nil.
    Load {
        d: Slot,
        p: Slot,
        off: u32,
        n: u32,
    },
    /// `*(p + off words) = s[0..n]`; panics if `p` is nil.
    Store {
        p: Slot,
        off: u32,
        s: Slot,
        n: u32,
    },
    /// `d = p + off words`, panicking if `p` is nil (Go's `&p.f`).
    AddrOff {
        d: Slot,
        p: Slot,
        off: u32,
    },
    /// `d = &package variable at addr` (relocated, like `LoadG`, for a VM
    /// with its own copy of the package variables).
    AddrG {
        d: Slot,
        addr: u64,
    },
    /// Package variables: absolute addresses.
    LoadG {
        d: Slot,
        addr: u64,
        n: u32,
    },
    StoreG {
        addr: u64,
        s: Slot,
        n: u32,
    },
    /// `d = new object of n words` (zeroed).
    Alloc {
        d: Slot,
        n: u32,
        /// Pointer map of the allocated words (see `runtime::heap`).
        layout: u32,
    },
    /// `d = &s[i]` for a slice `s` with elements of `stride` words, bounds-checked.
    SliceAddr {
        d: Slot,
        s: Slot,
        i: Slot,
        stride: u32,
    },
    /// `d[0..n] = s[i]` (slice element of `n` words, plus an offset into it).
    SliceLoad {
        d: Slot,
        s: Slot,
        i: Slot,
        stride: u32,
        off: u32,
        n: u32,
    },
    SliceStore {
        s: Slot,
        i: Slot,
        v: Slot,
        stride: u32,
        off: u32,
        n: u32,
    },
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
    },
    FrameStoreIdx {
        base: Slot,
        i: Slot,
        v: Slot,
        len: u32,
        stride: u32,
        off: u32,
        n: u32,
    },
    /// Frame arrays nested in frame arrays: `o` holds a word offset from
    /// `base` that earlier `CheckIndex`es proved in range.
    FrameLoadDyn {
        d: Slot,
        base: Slot,
        o: Slot,
        off: u32,
        n: u32,
    },
    FrameStoreDyn {
        base: Slot,
        o: Slot,
        off: u32,
        v: Slot,
        n: u32,
    },
    /// Bounds check `0 <= i < len` (arrays in memory).
    CheckIndex {
        i: Slot,
        len: u32,
    },
    /// `d = s[lo:hi:max]` for a slice; `u32::MAX` for absent bounds.
    SliceSlice {
        d: Slot,
        s: Slot,
        lo: Slot,
        hi: Slot,
        max: Slot,
        stride: u32,
    },
    /// A slice over `len` elements at the address in `p` (`arr[lo:hi]` on an array in memory).
    ArraySlice {
        d: Slot,
        p: Slot,
        len: u32,
        lo: Slot,
        hi: Slot,
        max: Slot,
        stride: u32,
    },
    /// `make([]T, len, cap)`: `cap` may be `u32::MAX` (= len).
    MakeSlice {
        d: Slot,
        len: Slot,
        cap: Slot,
        stride: u32,
        /// Pointer map of the allocated words (see `runtime::heap`).
        layout: u32,
    },
    /// `d = append(s, v...)` with `count` elements of `stride` words starting at slot `v`.
    Append {
        d: Slot,
        s: Slot,
        v: Slot,
        count: u32,
        stride: u32,
        /// Pointer map of the allocated words (see `runtime::heap`).
        layout: u32,
    },
    /// `d = append(s, t...)` (`t` a slice, or a string when `from_str`).
    AppendSlice {
        d: Slot,
        s: Slot,
        t: Slot,
        stride: u32,
        from_str: bool,
        /// Pointer map of the allocated words (see `runtime::heap`).
        layout: u32,
    },
    /// `d = copy(dst, src)` (`src` a string when `from_str`).
    Copy {
        d: Slot,
        dst: Slot,
        src: Slot,
        stride: u32,
        from_str: bool,
    },

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
    },
    /// Converts an interface value to another interface type (`target` is its descriptor).
    IfaceToIface {
        d: Slot,
        s: Slot,
        target: u64,
        src_empty: bool,
    },
    /// `x.(T)` for a concrete `T`: `d` gets the value, `ok` (if not `u32::MAX`) the result;
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
    },
    /// `x.(I)` for an interface `I` (`target` its descriptor).
    AssertIface {
        d: Slot,
        s: Slot,
        target: u64,
        src_empty: bool,
        src: u64,
        ok: Slot,
    },
    /// Interface equality (dynamic types and values); panics on uncomparable dynamic types.
    IfaceEq {
        d: Slot,
        a: Slot,
        b: Slot,
        empty: bool,
        ne: bool,
    },
    /// Equality of two values of a type with several words (structs, arrays).
    ValueEq {
        d: Slot,
        a: Slot,
        b: Slot,
        ty: u64,
        ne: bool,
    },

    // ----- calls -----
    /// Calls `func` with its frame starting at `base`; results land at `base`.
    Call {
        func: FuncId,
        base: Slot,
    },
    /// Calls the function value in slot `f` (a closure pointer), frame at `base`.
    CallClosure {
        f: Slot,
        base: Slot,
        site: SiteId,
    },
    /// Calls method `method` of the interface value in `recv` (2 slots):
    /// the data word goes to `base`, arguments follow it.
    CallIface {
        recv: Slot,
        method: u32,
        base: Slot,
        site: SiteId,
    },
    /// Calls a runtime function (fmt, errors) with arguments at `base`.
    CallNative {
        native: Native,
        base: Slot,
    },
    /// `d = closure(func, cells at caps[0..n])`.
    MakeClosure {
        d: Slot,
        func: FuncId,
        caps: Slot,
        n: u32,
        /// Pointer map of the allocated words (see `runtime::heap`).
        layout: u32,
    },
    /// `d = the current closure pointer` (a closure body's prologue).
    LoadCtx {
        d: Slot,
    },
    /// Returns the word at `*(p + off words)` (nil-checked): a fused `Load`
    /// and one-word `Ret`, the whole body of a getter.
    RetLoad {
        p: Slot,
        off: u32,
    },
    /// Returns, copying the `n` result words at `s` to slot 0.
    Ret {
        s: Slot,
        n: u32,
    },

    // ----- control -----
    Jmp {
        t: u32,
    },
    /// Jumps unless `a c b` holds (a loop or `if` condition on integers).
    JfCmpI {
        a: Slot,
        b: Slot,
        c: Cmp,
        signed: bool,
        t: u32,
    },
    /// Jumps unless `a c imm` holds (signed).
    JfCmpImm {
        a: Slot,
        imm: i64,
        c: Cmp,
        t: u32,
    },
    /// Jumps when the bool in `c` is false.
    Jz {
        c: Slot,
        t: u32,
    },
    /// Jumps when the bool in `c` is true.
    Jnz {
        c: Slot,
        t: u32,
    },

    // ----- panics and printing -----
    /// `panic(v)` with an `any` in `s`.
    Panic {
        s: Slot,
    },
    /// A nil dereference detected by lowering (e.g. calling a nil method value).
    PanicNil,
    /// Builtin print/println of one value to stderr; `space` prints a separator first.
    Print {
        s: Slot,
        kind: PrintKind,
        space: bool,
    },
    PrintNl,

    // ----- added by interp-speed -----
    // Immediate forms and superinstructions made by `bytecode::peephole`
    // (lowering never emits them). A fused pair behaves exactly as its two
    // instructions in a row and writes every slot they write.
    /// `d = a & imm`.
    AndImm {
        d: Slot,
        a: Slot,
        imm: i64,
    },
    /// `d = a * imm` (wrapping).
    MulImm {
        d: Slot,
        a: Slot,
        imm: i64,
    },
    /// `Load { d: t, p, off, n: 1 }` then `AddI { d, a, b }`: `t = *(p +
    /// off words)`, panicking if `p` is nil, then `d = a + b` (one of `a`,
    /// `b` is usually `t`).
    LoadAddI {
        t: Slot,
        p: Slot,
        off: u32,
        d: Slot,
        a: Slot,
        b: Slot,
    },
    /// `AddImm { d, a, imm }` then `JfCmpI { a: d, b, c, signed, t }` (a
    /// loop's increment and test). When it does not jump it continues at
    /// pc + 2: the `JfCmpI` it was fused with stays at pc + 1 for the
    /// jumps that reach it (a loop's entry).
    AddImmJfCmpI {
        d: Slot,
        a: Slot,
        imm: i64,
        b: Slot,
        c: Cmp,
        signed: bool,
        t: u32,
    },
    /// `AddImm { d, a, imm }` then `JfCmpImm { a: d, imm: k, c, t }`; as
    /// [`Op::AddImmJfCmpI`], continues at pc + 2 when it does not jump.
    AddImmJfCmpImm {
        d: Slot,
        a: Slot,
        imm: i64,
        k: i64,
        c: Cmp,
        t: u32,
    },
}

#[cfg(test)]
mod tests {
    #[test]
    fn op_size() {
        eprintln!("size_of::<Op>() = {}", std::mem::size_of::<super::Op>());
        assert!(std::mem::size_of::<super::Op>() <= 48);
    }
}
