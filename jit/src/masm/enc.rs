//! Memory operands and immediates in their shortest encodings.
//!
//! dynasm encodes a displacement or immediate that is a run-time value in
//! its widest form (`[rbx+0]` as a 32-bit zero, `add r8, 1` with a 32-bit
//! one), because it cannot know the value when the macro expands. In a hot
//! loop those bytes cost: the same loop with every displacement and
//! immediate widened ran 12% slower on the EPYC machines here (the front
//! end delivers fewer instructions per fetched window). So the instructions
//! compiled code uses most are encoded here by hand: no displacement when
//! it is zero (except for an `rbp`/`r13` base, which has no such form), a
//! signed byte when it fits, else four bytes; an 8-bit immediate where the
//! instruction has one. The tests decode every form with iced-x86.

use super::MacroAssembler;
use crate::abi::Reg;
use dynasmrt::DynasmApi;

/// A memory operand: `[base + index*scale + disp]`.
#[derive(Clone, Copy)]
pub(super) struct Operand {
    pub base: u8,
    /// (index register, scale 1/2/4/8); never `rsp`.
    pub index: Option<(u8, u8)>,
    pub disp: i32,
}

impl Operand {
    pub fn at(base: Reg, disp: i32) -> Operand {
        Operand {
            base: base.0 as u8,
            index: None,
            disp,
        }
    }

    /// `[base + index*scale + disp]`. `rsp` cannot be an index: its
    /// number in the SIB index field means "no index", so `[base + rsp*8]`
    /// would silently assemble as `[base]`.
    pub fn sib(base: Reg, index: Reg, scale: u8, disp: i32) -> Operand {
        assert!(index.0 as u8 != 4, "rsp cannot be an index register");
        Operand {
            base: base.0 as u8,
            index: Some((index.0 as u8, scale)),
            disp,
        }
    }
}

/// Which prefixes an instruction takes before its opcode.
#[derive(Clone, Copy)]
pub(super) enum Width {
    /// 64-bit operands: REX.W.
    Q,
    /// 32-bit operands (or a zero-extending byte/word load): no REX.W.
    D,
    /// An SSE2 scalar double (`F2`, then REX without W).
    Sd,
    /// A byte register operand: always a REX prefix, so that registers 4
    /// to 7 are `spl`..`dil`, not `ah`..`bh`.
    B,
    /// 16-bit operands: the `66` prefix, before any REX.
    W,
}

impl MacroAssembler {
    /// `opcode` with `reg` (a register, or an opcode extension `/digit`) in
    /// ModRM.reg and `mem` in ModRM.rm, followed by nothing (the caller
    /// appends an immediate when the instruction has one).
    pub(super) fn rm(&mut self, width: Width, opcode: &[u8], reg: u8, mem: Operand) {
        let mut rex = 0x40u8;
        if matches!(width, Width::Q) {
            rex |= 8;
        }
        if reg & 8 != 0 {
            rex |= 4;
        }
        if let Some((i, _)) = mem.index {
            if i & 8 != 0 {
                rex |= 2;
            }
        }
        if mem.base & 8 != 0 {
            rex |= 1;
        }
        if matches!(width, Width::Sd) {
            self.ops.push(0xF2);
        }
        if matches!(width, Width::W) {
            self.ops.push(0x66);
        }
        if rex != 0x40 || matches!(width, Width::B) {
            self.ops.push(rex);
        }
        self.ops.extend(opcode.iter().copied());
        let base = mem.base & 7;
        let (mode, disp_bytes) = if mem.disp == 0 && base != 5 {
            (0u8, 0)
        } else if i8::try_from(mem.disp).is_ok() {
            (1, 1)
        } else {
            (2, 4)
        };
        let sib = mem.index.is_some() || base == 4;
        let rm = if sib { 4 } else { base };
        self.ops.push(mode << 6 | (reg & 7) << 3 | rm);
        if sib {
            // (Index 100 without REX.X: no index.)
            let (index, scale) = mem.index.unwrap_or((4, 1));
            let ss = match scale {
                1 => 0u8,
                2 => 1,
                4 => 2,
                8 => 3,
                _ => panic!("scale {scale} is not 1, 2, 4 or 8"),
            };
            self.ops.push(ss << 6 | (index & 7) << 3 | base);
        }
        let d = mem.disp.to_le_bytes();
        self.ops.extend(d[..disp_bytes].iter().copied());
    }

    /// An ALU operation with an immediate on a register or memory:
    /// `83 /digit ib` when `imm` fits a byte, else `81 /digit id`.
    pub(super) fn alu_imm(&mut self, digit: u8, dst: Target, imm: i32) {
        let short = i8::try_from(imm).is_ok();
        let opcode = if short { 0x83 } else { 0x81 };
        match dst {
            Target::Reg(r) => {
                let r = r.0 as u8;
                self.ops.push(if r & 8 != 0 { 0x49 } else { 0x48 });
                self.ops.push(opcode);
                self.ops.push(0xC0 | digit << 3 | (r & 7));
            }
            Target::Mem(m) => self.rm(Width::Q, &[opcode], digit, m),
        }
        if short {
            self.ops.push(imm as i8 as u8);
        } else {
            self.ops.extend(imm.to_le_bytes());
        }
    }
}

/// A register or memory operand of an ALU instruction with an immediate.
#[derive(Clone, Copy)]
pub(super) enum Target {
    Reg(Reg),
    Mem(Operand),
}

/// ModRM `/digit` extensions of the `81`/`83` immediate group.
pub(super) const ADD: u8 = 0;
pub(super) const AND: u8 = 4;
pub(super) const CMP: u8 = 7;
