//! The machinery behind the opcode table: the `ops!` macro that turns each
//! row of [`super`] into a variant of `Op` and its facts, and the types
//! those facts are made of.
//!
//! A row reads
//!
//! ```text
//! /// doc
//! Name { field: Type, .. } <interp class> <jit class>
//!     reads[operand, ..] writes[operand, ..] (branch(field))? (site(field))?
//!     flags[flag (if cond)?, ..];
//! ```
//!
//! Operands and flag conditions are Rust expressions over the row's
//! fields. Every part is required, so a row without its facts does not
//! parse, and a misspelt flag is an unknown field of [`Facts`]. The
//! classes say where each tier runs the instruction:
//!
//! | interp class | the interpreter runs it |
//! |---|---|
//! | `fast` | inline in its dispatch loop |
//! | `slow` | out of line, in its one slow path (`Vm::exec_op`) |
//!
//! | jit class | the baseline compiler |
//! |---|---|
//! | `inline` | expands it inline, never calling the slow path |
//! | `exits` | expands it inline, with a path that calls the slow path (a re-run that panics, or an operand it leaves to the runtime) |
//! | `helper` | always calls the slow path |
//!
//! From the classes the macro also makes the patterns that keep the tiers'
//! matches exhaustive without a `_ =>` arm: [`interp_slow_ops!`] (what the
//! interpreter's loop sends to the slow path), [`jit_helper_ops!`] (what the
//! baseline compiler leaves to it) and [`never_slow_ops!`] (what never
//! reaches it).
//!
//! [`interp_slow_ops!`]: super::interp_slow_ops
//! [`jit_helper_ops!`]: super::jit_helper_ops
//! [`never_slow_ops!`]: super::never_slow_ops

use super::Slot;
use crate::types::Native;
use pgojit_profiler::{FuncId, SiteId};

/// An absent optional operand (`ok` of an assertion, a slice bound).
pub const NONE: Slot = u32::MAX;

/// What a run of slots holds, as an instruction reads or writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One word, never a heap pointer: integers, bools, lengths, itab or type words.
    Int,
    /// One word holding a float64's bits.
    Float,
    /// One word, possibly a heap pointer.
    Ptr,
    /// A string: (data pointer, length).
    Str,
    /// A slice: (data pointer, length, capacity).
    Slice,
    /// An interface: (itab or type word, data word).
    Iface,
    /// `words` scalar words.
    Ints,
    /// `words` words of any type (pointers among them, maybe).
    Words,
    /// (Writes) a copy of the same number of words starting at this slot.
    CopyOf(Slot),
    /// (Writes) one of `len` elements of a frame array: `n` words at
    /// `off` in the element, copied from slot `src`; which one is known
    /// only at run time. `words` covers the whole array.
    Elems {
        len: u32,
        stride: u32,
        off: u32,
        n: u32,
        src: Slot,
    },
    /// (Reads) a frame array indexed at run time: any of its `len`
    /// elements of `stride` words may be read; `words` covers the array.
    Array { len: u32, stride: u32 },
    /// Frame words at an offset known only at run time, from this slot on.
    Frame,
    /// A value as wide as its type (a descriptor says), from this slot on.
    Sized,
    /// A call's argument window (its width is the callee's).
    Args,
    /// A call's results (their width is the callee's).
    Results(Callee),
}

/// Who a call's results come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Callee {
    Func(FuncId),
    /// An interface or function-value call site.
    Site(SiteId),
    Native(Native),
}

/// A run of frame slots an instruction reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operand {
    pub slot: Slot,
    /// Words the instruction itself names (0 for a call's window, whose
    /// width is the callee's).
    pub words: u32,
    pub kind: Kind,
}

impl Operand {
    const fn new(slot: Slot, words: u32, kind: Kind) -> Operand {
        Operand { slot, words, kind }
    }

    /// The slots the instruction names (the first one only, where
    /// [`Self::open`]).
    pub fn range(&self) -> std::ops::Range<Slot> {
        self.slot..self.slot + self.words
    }

    /// The extent is known only at run time (a call's window, a frame
    /// array indexed dynamically, a value as wide as its type): it may
    /// reach any slot from its first on.
    pub fn open(&self) -> bool {
        matches!(
            self.kind,
            Kind::Frame | Kind::Sized | Kind::Args | Kind::Results(_)
        )
    }
}

/// One-word integer (or bool) operand.
pub const fn int(s: Slot) -> Operand {
    Operand::new(s, 1, Kind::Int)
}
/// One-word float64 operand.
pub const fn float(s: Slot) -> Operand {
    Operand::new(s, 1, Kind::Float)
}
/// One word that may be a heap pointer.
pub const fn ptr(s: Slot) -> Operand {
    Operand::new(s, 1, Kind::Ptr)
}
/// One word of any type.
pub const fn any(s: Slot) -> Operand {
    Operand::new(s, 1, Kind::Words)
}
pub const fn str(s: Slot) -> Operand {
    Operand::new(s, 2, Kind::Str)
}
pub const fn slice(s: Slot) -> Operand {
    Operand::new(s, 3, Kind::Slice)
}
/// A string when `is_str`, else a slice.
pub const fn str_or_slice(s: Slot, is_str: bool) -> Operand {
    if is_str {
        str(s)
    } else {
        slice(s)
    }
}
pub const fn iface(s: Slot) -> Operand {
    Operand::new(s, 2, Kind::Iface)
}
/// `n` scalar words.
pub const fn ints(s: Slot, n: u32) -> Operand {
    Operand::new(s, n, Kind::Ints)
}
/// `n` words of any type.
pub const fn words(s: Slot, n: u32) -> Operand {
    Operand::new(s, n, Kind::Words)
}
/// `n` words at `d` copied from `s`.
pub const fn copy(d: Slot, s: Slot, n: u32) -> Operand {
    Operand::new(d, n, Kind::CopyOf(s))
}
/// One element (`n` words at `off`) of the frame array at `base`, from `src`.
pub const fn elems(base: Slot, len: u32, stride: u32, off: u32, n: u32, src: Slot) -> Operand {
    Operand::new(
        base,
        len * stride,
        Kind::Elems {
            len,
            stride,
            off,
            n,
            src,
        },
    )
}
/// The frame array at `base` (`len` elements of `stride` words), read at
/// an index known only at run time.
pub const fn array(base: Slot, len: u32, stride: u32) -> Operand {
    Operand::new(base, len * stride, Kind::Array { len, stride })
}
/// A value whose width its type descriptor gives (the first word is named).
pub const fn sized(s: Slot) -> Operand {
    Operand::new(s, 1, Kind::Sized)
}
/// Frame words from `base` at a run-time offset (`base` itself is named).
pub const fn frame(base: Slot) -> Operand {
    Operand::new(base, 1, Kind::Frame)
}
pub const fn args(base: Slot) -> Operand {
    Operand::new(base, 0, Kind::Args)
}
pub const fn results(base: Slot, from: Callee) -> Operand {
    Operand::new(base, 0, Kind::Results(from))
}

/// Up to six operands, without allocating; absent ones ([`NONE`]) dropped.
#[derive(Clone, Copy, Debug)]
pub struct Operands {
    len: u8,
    items: [Operand; 6],
}

impl Operands {
    pub(crate) fn of(list: &[Operand]) -> Operands {
        let mut o = Operands {
            len: 0,
            items: [Operand::new(NONE, 0, Kind::Int); 6],
        };
        for &x in list.iter().filter(|x| x.slot != NONE) {
            o.items[o.len as usize] = x;
            o.len += 1;
        }
        o
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Operand> {
        self.items[..self.len as usize].iter()
    }
}

impl<'a> IntoIterator for &'a Operands {
    type Item = &'a Operand;
    type IntoIter = std::slice::Iter<'a, Operand>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Where the interpreter runs an instruction (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InterpClass {
    Fast,
    Slow,
}

/// How the baseline compiler expands an instruction (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JitClass {
    Inline,
    Exits,
    Helper,
}

/// What the tiers need to know about one instruction beyond its operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    pub interp: InterpClass,
    pub jit: JitClass,
    /// May allocate, so may run the collector: a safepoint.
    pub alloc: bool,
    /// May end in a Go panic (nil, bounds, division, assertion...).
    pub fail: bool,
    /// Calls Go code, or the runtime that may call Go code: a safepoint.
    pub call: bool,
    /// Reads the closure register.
    pub ctx: bool,
    /// Never falls through to the next instruction.
    pub end: bool,
    /// Returns from the function.
    pub ret: bool,
    /// A fused increment and test: when it does not jump it continues at
    /// pc + 2, past the test it was fused with (kept at pc + 1 for the
    /// jumps that reach it).
    pub skips: bool,
    /// The baseline expansion reaches frame slots by computed address, not
    /// slot by slot.
    pub frame: bool,
    /// The baseline expansion calls the slow path on its normal path (for
    /// some operands when the class is `exits`).
    pub helper: bool,
    /// Belongs to the activation it runs in (its frame and function), not
    /// only to the slots it names: deferred calls and `recover`. A
    /// function containing it is never inlined into another.
    pub activation: bool,
}

impl Facts {
    #[doc(hidden)]
    pub const fn base(interp: InterpClass, jit: JitClass) -> Facts {
        Facts {
            interp,
            jit,
            alloc: false,
            fail: false,
            call: false,
            ctx: false,
            end: false,
            ret: false,
            skips: false,
            frame: false,
            helper: matches!(jit, JitClass::Helper),
            activation: false,
        }
    }

    /// A collection may happen here: every live pointer must be in its slot.
    pub fn safepoint(&self) -> bool {
        self.alloc || self.call
    }
}

#[doc(hidden)]
#[macro_export]
macro_rules! __op_interp_class {
    (fast) => {
        $crate::bytecode::op::InterpClass::Fast
    };
    (slow) => {
        $crate::bytecode::op::InterpClass::Slow
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __op_jit_class {
    (inline) => {
        $crate::bytecode::op::JitClass::Inline
    };
    (exits) => {
        $crate::bytecode::op::JitClass::Exits
    };
    (helper) => {
        $crate::bytecode::op::JitClass::Helper
    };
}

/// Builds an or-pattern of the rows whose classes match a mode, from
/// `name interp-class jit-class` triples. Rules are tried in order: each
/// mode's "keep" rules come before its "skip" rule.
#[doc(hidden)]
#[macro_export]
macro_rules! __op_filter {
    // Interpreted out of line.
    (@slow [] $n:ident slow $j:ident $($r:tt)*) => {
        $crate::__op_filter!(@slow [$crate::bytecode::op::Op::$n { .. }] $($r)*)
    };
    (@slow [$($a:tt)+] $n:ident slow $j:ident $($r:tt)*) => {
        $crate::__op_filter!(@slow [$($a)+ | $crate::bytecode::op::Op::$n { .. }] $($r)*)
    };
    // Left to the slow path by the baseline compiler.
    (@helper [] $n:ident $i:ident helper $($r:tt)*) => {
        $crate::__op_filter!(@helper [$crate::bytecode::op::Op::$n { .. }] $($r)*)
    };
    (@helper [$($a:tt)+] $n:ident $i:ident helper $($r:tt)*) => {
        $crate::__op_filter!(@helper [$($a)+ | $crate::bytecode::op::Op::$n { .. }] $($r)*)
    };
    // Never in the slow path.
    (@never [] $n:ident fast inline $($r:tt)*) => {
        $crate::__op_filter!(@never [$crate::bytecode::op::Op::$n { .. }] $($r)*)
    };
    (@never [$($a:tt)+] $n:ident fast inline $($r:tt)*) => {
        $crate::__op_filter!(@never [$($a)+ | $crate::bytecode::op::Op::$n { .. }] $($r)*)
    };
    // Any other row: skipped.
    (@$mode:ident [$($a:tt)*] $n:ident $i:ident $j:ident $($r:tt)*) => {
        $crate::__op_filter!(@$mode [$($a)*] $($r)*)
    };
    (@$mode:ident [$($a:tt)+]) => { $($a)+ };
}

/// Declares `Op` and its facts from the rows of the opcode table.
macro_rules! ops {
    ($(
        $(#[$meta:meta])*
        $name:ident $({ $($(#[$fmeta:meta])* $field:ident : $fty:ty),* $(,)? })? $ic:ident $jc:ident
            reads[$($r:expr),* $(,)?]
            writes[$($w:expr),* $(,)?]
            $(branch($t:ident))?
            $(site($site:ident))?
            flags[$($flag:ident $(if $cond:expr)?),* $(,)?];
    )*) => {
        /// One bytecode instruction (see the table in `bytecode::op`).
        #[derive(Clone, Debug, PartialEq)]
        pub enum Op {
            $( $(#[$meta])* $name $({ $($(#[$fmeta])* $field: $fty),* })?, )*
        }

        impl Op {
            /// The instruction's name, as in listings.
            pub fn name(&self) -> &'static str {
                match self {
                    $( Op::$name { .. } => stringify!($name), )*
                }
            }

            /// The slots the instruction reads.
            #[allow(unused_variables)]
            pub fn reads(&self) -> $crate::bytecode::op::Operands {
                use $crate::bytecode::op::define::*;
                match *self {
                    $( Op::$name { $($($field),*)? } => Operands::of(&[$($r),*]), )*
                }
            }

            /// The slots the instruction writes.
            #[allow(unused_variables)]
            pub fn writes(&self) -> $crate::bytecode::op::Operands {
                use $crate::bytecode::op::define::*;
                match *self {
                    $( Op::$name { $($($field),*)? } => Operands::of(&[$($w),*]), )*
                }
            }

            /// The bytecode pc a branch may jump to.
            #[allow(unused_variables)]
            pub fn target(&self) -> Option<u32> {
                match *self {
                    $( Op::$name { $($($field),*)? } => None $(.or(Some($t)))?, )*
                }
            }

            /// The profiled call site (interface and function-value calls).
            #[allow(unused_variables)]
            pub fn site(&self) -> Option<SiteId> {
                match *self {
                    $( Op::$name { $($($field),*)? } => None $(.or(Some($site)))?, )*
                }
            }

            /// The branch target, to patch it.
            #[allow(unused_variables)]
            pub fn target_mut(&mut self) -> Option<&mut u32> {
                match self {
                    $( Op::$name { $($($field),*)? } => None $(.or(Some($t)))?, )*
                }
            }

            /// Allocation, failure, calls, classes: see [`Facts`].
            #[allow(unused_variables, unused_mut)]
            pub fn facts(&self) -> $crate::bytecode::op::Facts {
                match *self {
                    $( Op::$name { $($($field),*)? } => {
                        let mut f = $crate::bytecode::op::Facts::base(
                            $crate::__op_interp_class!($ic),
                            $crate::__op_jit_class!($jc),
                        );
                        $( f.$flag = true $(&& ($cond))?; )*
                        f
                    } )*
                }
            }
        }

        /// One instruction of every opcode, its operands all [`Sample`]s.
        #[cfg(test)]
        pub(crate) fn samples() -> Vec<Op> {
            use $crate::bytecode::op::define::Sample;
            vec![ $( Op::$name $({ $($field: Sample::sample()),* })?, )* ]
        }

        /// The pattern of every instruction the interpreter runs in its
        /// slow path (class `slow`).
        macro_rules! interp_slow_ops {
            () => { $crate::__op_filter!(@slow [] $($name $ic $jc)*) };
        }

        /// The pattern of every instruction the baseline compiler leaves
        /// to the slow path (class `helper`).
        macro_rules! jit_helper_ops {
            () => { $crate::__op_filter!(@helper [] $($name $ic $jc)*) };
        }

        /// The pattern of every instruction that never reaches the slow
        /// path (classes `fast` and `inline`).
        macro_rules! never_slow_ops {
            () => { $crate::__op_filter!(@never [] $($name $ic $jc)*) };
        }
        pub(crate) use {interp_slow_ops, jit_helper_ops, never_slow_ops};
    };
}
pub(crate) use ops;

/// A value of an operand's type, for tests over every opcode.
#[cfg(test)]
pub(crate) trait Sample {
    fn sample() -> Self;
}

#[cfg(test)]
mod sample {
    use super::super::{Cmp, IntKind, PrintKind};
    use super::Sample;
    macro_rules! sample {
        ($($t:ty = $v:expr),* $(,)?) => { $(impl Sample for $t { fn sample() -> $t { $v } })* };
    }
    sample! {
        u32 = 1,
        u64 = 1,
        i64 = 1,
        bool = false,
        Cmp = Cmp::Lt,
        IntKind = IntKind::I8,
        PrintKind = PrintKind::Int,
        crate::types::Native = crate::types::Native::FmtPrintln,
        pgojit_profiler::FuncId = pgojit_profiler::FuncId(0),
        pgojit_profiler::SiteId = pgojit_profiler::SiteId(0),
        pgojit_profiler::EdgeId = pgojit_profiler::EdgeId::NONE,
    }
}
