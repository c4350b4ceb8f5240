//! x86-64 code emission for pgojit: a macro-assembler over dynasm, W^X code
//! memory and annotated listings.
//!
//! This crate knows nothing about Go or the bytecode; it only knows the
//! machine. [`abi`] names registers by role, [`masm`] emits instructions,
//! [`code`] maps finished code as executable (never writable at the same
//! time) under a byte budget, [`faults`] turns faults of accesses through nil
//! into jumps to their panic paths, [`frames`] finds compiled frames on
//! the native stack by their return addresses, and [`listing`] disassembles it with comments.

pub mod abi;
pub mod code;
pub mod faults;
pub mod frames;
pub mod listing;
pub mod masm;

pub use abi::{slot_offset, Reg};
pub use code::{CodeError, CodeMemory, CompiledCode};
pub use listing::disassemble;
pub use masm::{AsmError, Assembled, CallSite, Cond, Label, MacroAssembler, Mem, NO_MAP, NO_TAG};
