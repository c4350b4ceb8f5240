//! x86-64 code emission for pgojit: a macro-assembler over dynasm, W^X code
//! memory and annotated listings.
//!
//! Not built yet: the baseline JIT tier arrives with issue 5. This crate knows
//! nothing about Go or the bytecode; it will only know the machine.
