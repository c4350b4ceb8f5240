//! Register roles of compiled code under the System V x86-64 ABI.
//!
//! This is the only module that names machine registers by number; everything
//! else in pgojit says `FRAME`, `VM`, `TMP0`, ... Compiled functions are entered
//! as `extern "sysv64" fn(frame: *mut u64, vm: *mut u8) -> u64`.
//!
//! | role          | register | kept across calls | what it holds |
//! |---------------|----------|-------------------|---------------|
//! | `FRAME`       | r12      | yes (callee-saved)| base of the current VM frame: slot `i` is at `[FRAME + 8*i]` |
//! | `VM`          | r13      | yes (callee-saved)| pointer to the VM state (`vm` argument) |
//! | `SAVED0`      | rbx      | yes (callee-saved)| a value that must survive helper calls; also keeps the stack 16-aligned |
//! | `TMP0`        | rax      | no                | scratch; also `RET`, and the dividend for a later `idiv` |
//! | `TMP1`        | rcx      | no                | scratch; also the count of a later variable shift (`cl`) |
//! | `TMP2`        | rdx      | no                | scratch; also the high half of a later `idiv` |
//! | `CALL_TARGET` | r11      | no                | absolute target of `call_abs`; not an argument register |
//! | `RET`         | rax      | no                | return value of the compiled function and of helpers |
//! | `ARGS[0..6]`  | rdi, rsi, rdx, rcx, r8, r9 | no | arguments to helpers, in order |
//!
//! `TMP1` and `TMP2` alias `ARGS[3]` and `ARGS[2]`: set up helper arguments
//! last, after the scratch values they are computed from.

use dynasmrt::x64::Rq;
use std::fmt;

/// A 64-bit general-purpose register. Outside this module it is only ever
/// spelled by its role constant.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reg(pub(crate) Rq);

impl Reg {
    /// The hardware encoding (0..16), for the assembler only.
    pub(crate) fn code(self) -> u8 {
        self.0 as u8
    }

    /// The Intel-syntax name, as listings print it.
    pub fn name(self) -> &'static str {
        const NAMES: [&str; 16] = [
            "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11",
            "r12", "r13", "r14", "r15",
        ];
        NAMES[self.code() as usize]
    }
}

impl fmt::Debug for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Base of the current VM frame (slots of `u64`).
pub const FRAME: Reg = Reg(Rq::R12);
/// Pointer to the VM state.
pub const VM: Reg = Reg(Rq::R13);
/// Callee-saved register for values that must survive helper calls.
pub const SAVED0: Reg = Reg(Rq::RBX);
/// Scratch register 0 (same register as `RET`).
pub const TMP0: Reg = Reg(Rq::RAX);
/// Scratch register 1 (same register as `ARGS[3]`).
pub const TMP1: Reg = Reg(Rq::RCX);
/// Scratch register 2 (same register as `ARGS[2]`).
pub const TMP2: Reg = Reg(Rq::RDX);
/// Holds the absolute address that `call_abs` calls through.
pub const CALL_TARGET: Reg = Reg(Rq::R11);
/// Return value register.
pub const RET: Reg = Reg(Rq::RAX);
/// Integer argument registers, in order.
pub const ARGS: [Reg; 6] = [
    Reg(Rq::RDI),
    Reg(Rq::RSI),
    Reg(Rq::RDX),
    Reg(Rq::RCX),
    Reg(Rq::R8),
    Reg(Rq::R9),
];

/// Every register the System V ABI makes callee-saved, which the entry
/// trampoline saves before running compiled code.
pub const ENTRY_SAVED: [Reg; 6] = [SAVED0, Reg(Rq::RBP), FRAME, VM, Reg(Rq::R14), Reg(Rq::R15)];

/// Registers the baseline compiler may keep frame slots in, callee-saved
/// ones first: those survive calls (a compiled function saves the ones it
/// uses, Rust helpers save them all); the rest are written back and
/// reloaded around every call and helper.
pub const PINNABLE: [Reg; 9] = [
    SAVED0,
    Reg(Rq::RBP),
    Reg(Rq::R14),
    Reg(Rq::R15),
    Reg(Rq::R8),
    Reg(Rq::R9),
    Reg(Rq::R10),
    Reg(Rq::RSI),
    Reg(Rq::RDI),
];

/// Where a Go function's first argument words arrive, besides its frame:
/// every caller of a function's entry (compiled code of either tier, and
/// the entry trampoline) writes the arguments to the callee's frame slots
/// `0..n` and also puts the first `min(n, 4)` of them in these registers,
/// so an optimized callee takes them without a load that waits on the
/// caller's store. All are caller-saved and none has a role (the entry
/// sequence, `eax` = function id and `r11` = the cell, leaves them be).
/// The callee returns its first result word in [`RET`] as well as in slot 0.
pub const PARAMS: [Reg; 4] = [Reg(Rq::RDI), Reg(Rq::RSI), Reg(Rq::R8), Reg(Rq::R9)];

/// Whether the System V ABI makes `r` callee-saved.
pub fn is_callee_saved(r: Reg) -> bool {
    matches!(
        r.0,
        Rq::RBX | Rq::RBP | Rq::R12 | Rq::R13 | Rq::R14 | Rq::R15
    )
}

/// Callee-saved registers the prologue pushes, in push order. Three pushes
/// after the return address leave `rsp` 16-byte aligned for helper calls.
pub const CALLEE_SAVED: [Reg; 3] = [SAVED0, FRAME, VM];

const _: () = assert!(
    CALLEE_SAVED.len() % 2 == 1,
    "rsp must be 16-aligned after the pushes"
);

/// Byte offset of VM frame slot `slot` from `FRAME`. The one frame layout of
/// pgojit: both tiers address slot `i` at `8*i`.
pub const fn slot_offset(slot: u32) -> i32 {
    assert!(slot < (1 << 28), "frame slot out of range");
    (slot * 8) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_registers_are_caller_saved_and_free_of_roles() {
        for (i, r) in PARAMS.into_iter().enumerate() {
            assert!(!is_callee_saved(r), "{r} survives calls");
            assert!(PINNABLE.contains(&r), "{r} holds no values");
            assert!(!PARAMS[..i].contains(&r), "{r} listed twice");
            for role in [FRAME, VM, TMP0, TMP1, TMP2, CALL_TARGET, RET] {
                assert_ne!(r, role, "{r} has a role");
            }
        }
    }

    #[test]
    fn roles_are_distinct_where_they_must_be() {
        let kept = [FRAME, VM, SAVED0];
        let clobbered = [TMP0, TMP1, TMP2, CALL_TARGET];
        for k in kept {
            assert!(!clobbered.contains(&k));
            assert!(!ARGS.contains(&k));
        }
        assert!(!ARGS.contains(&CALL_TARGET));
        assert_eq!(RET, TMP0);
        assert_eq!(
            format!("{FRAME} {VM} {:?}", ARGS),
            "r12 r13 [rdi, rsi, rdx, rcx, r8, r9]"
        );
    }

    #[test]
    fn entry_saved_is_the_sysv_callee_saved_set() {
        let names = ENTRY_SAVED.map(Reg::name);
        assert_eq!(names, ["rbx", "rbp", "r12", "r13", "r14", "r15"]);
        for r in CALLEE_SAVED {
            assert!(ENTRY_SAVED.contains(&r), "{r} is pushed by the prologue");
        }
    }

    #[test]
    fn pinnable_registers_have_no_other_role() {
        assert_eq!(
            PINNABLE.map(Reg::name),
            ["rbx", "rbp", "r14", "r15", "r8", "r9", "r10", "rsi", "rdi"]
        );
        // Callee-saved ones first: the compiler gives them the hottest slots.
        let first_caller_saved = PINNABLE.iter().position(|&r| !is_callee_saved(r)).unwrap();
        assert!(PINNABLE[first_caller_saved..]
            .iter()
            .all(|&r| !is_callee_saved(r)));
        for (i, r) in PINNABLE.into_iter().enumerate() {
            assert!(!PINNABLE[..i].contains(&r), "{r} listed twice");
            for role in [FRAME, VM, TMP0, TMP1, TMP2, CALL_TARGET, RET] {
                assert_ne!(r, role, "{r} has a role");
            }
            // rbp is an ordinary callee-saved register here: compiled code
            // keeps no frame-pointer chain.
            assert!(r.name() != "rsp", "{r} is the stack pointer");
        }
    }

    #[test]
    fn slots_are_eight_bytes_apart() {
        assert_eq!(slot_offset(0), 0);
        assert_eq!(slot_offset(3), 24);
        assert_eq!(slot_offset((1 << 28) - 1), ((1 << 28) - 1) * 8);
    }
}
