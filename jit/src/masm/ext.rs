//! The rest of the instruction set the baseline compiler needs: unary and
//! shift ALU forms, flag materialization, widening moves, scalar floats,
//! division, memory-indirect calls, counters and block moves.
// dynasm's `Rx(x)` converts its `u8` register number to `u8`.
#![allow(clippy::useless_conversion)]

use super::enc::{self, Operand, Target, Width};
use super::{Cond, Label, MacroAssembler, Mem};
use crate::abi::Reg;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

/// Operand width of a sign- or zero-extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ext {
    S8,
    S16,
    S32,
    U8,
    U16,
    U32,
}

/// Scalar double operations on xmm0, xmm1 (result in xmm0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl MacroAssembler {
    /// `push reg`
    pub fn push_reg(&mut self, r: Reg) {
        let r = r.0;
        dynasm!(self.ops ; .arch x64 ; push Rq(r));
        self.depth += 8;
    }

    /// `pop reg`
    pub fn pop_reg(&mut self, r: Reg) {
        let r = r.0;
        dynasm!(self.ops ; .arch x64 ; pop Rq(r));
        self.depth -= 8;
    }

    /// `push qword [mem]`
    pub fn push_mem(&mut self, m: Mem) {
        let (b, d) = (m.base.0, m.disp);
        dynasm!(self.ops ; .arch x64 ; push QWORD [Rq(b) + d]);
        self.depth += 8;
    }

    /// `pop qword [mem]`
    pub fn pop_mem(&mut self, m: Mem) {
        let (b, d) = (m.base.0, m.disp);
        dynasm!(self.ops ; .arch x64 ; pop QWORD [Rq(b) + d]);
        self.depth -= 8;
    }

    /// `sub rsp, imm` (keeps the native stack aligned inside compiled code).
    pub fn sub_rsp(&mut self, imm: i32) {
        dynasm!(self.ops ; .arch x64 ; sub rsp, imm);
        self.depth += imm;
    }

    /// `add rsp, imm`
    pub fn add_rsp(&mut self, imm: i32) {
        dynasm!(self.ops ; .arch x64 ; add rsp, imm);
        self.depth -= imm;
    }

    /// `and rsp, -16` (on a path that restores `rsp` from memory later).
    pub fn align_rsp(&mut self) {
        dynasm!(self.ops ; .arch x64 ; and rsp, -16);
    }

    /// `mov rsp, [mem]` (unwinding to a saved native stack pointer).
    pub fn load_rsp(&mut self, m: Mem) {
        self.rm(Width::Q, &[0x8B], 4, Operand::at(m.base, m.disp));
    }

    /// `mov dst, rsp`
    pub fn mov_from_rsp(&mut self, dst: Reg) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; mov Rq(d), rsp);
    }

    /// `mov [mem], rsp`
    pub fn store_rsp(&mut self, m: Mem) {
        self.rm(Width::Q, &[0x89], 4, Operand::at(m.base, m.disp));
    }

    /// `cmp rsp, [mem]`
    pub fn cmp_rsp_mem(&mut self, m: Mem) {
        self.rm(Width::Q, &[0x3B], 4, Operand::at(m.base, m.disp));
    }

    /// `mov qword [mem], imm32` (sign-extended).
    pub fn store_imm(&mut self, m: Mem, imm: i32) {
        self.rm(Width::Q, &[0xC7], 0, Operand::at(m.base, m.disp));
        self.ops.extend(imm.to_le_bytes());
    }

    /// `lea dst, [mem]`
    pub fn lea(&mut self, dst: Reg, m: Mem) {
        self.rm(Width::Q, &[0x8D], dst.0 as u8, Operand::at(m.base, m.disp));
    }

    /// `dst = [base + index*8 + disp]` (`index` must not be `rsp`).
    pub fn load_indexed(&mut self, dst: Reg, base: Reg, index: Reg, disp: i32) {
        let mem = Operand::sib(base, index, 8, disp);
        self.rm(Width::Q, &[0x8B], dst.0 as u8, mem);
    }

    /// `[base + index*8 + disp] = src` (`index` must not be `rsp`).
    pub fn store_indexed(&mut self, base: Reg, index: Reg, disp: i32, src: Reg) {
        let mem = Operand::sib(base, index, 8, disp);
        self.rm(Width::Q, &[0x89], src.0 as u8, mem);
    }

    /// `dst = [base + index*scale + disp]`, `scale` 1 or 8 (`index` must
    /// not be `rsp`).
    pub fn load_sib(&mut self, dst: Reg, base: Reg, index: Reg, scale: u8, disp: i32) {
        assert!(matches!(scale, 1 | 8), "scale {scale}");
        let mem = Operand::sib(base, index, scale, disp);
        self.rm(Width::Q, &[0x8B], dst.0 as u8, mem);
    }

    /// `movzx dst, byte [base + index + disp]` (a string's byte).
    pub fn load_u8_sib(&mut self, dst: Reg, base: Reg, index: Reg, disp: i32) {
        let mem = Operand::sib(base, index, 1, disp);
        self.rm(Width::D, &[0x0F, 0xB6], dst.0 as u8, mem);
    }

    /// `mov byte [base + index + disp], src8` (a `[]byte`'s element).
    pub fn store_u8_sib(&mut self, base: Reg, index: Reg, disp: i32, src: Reg) {
        let mem = Operand::sib(base, index, 1, disp);
        self.rm(Width::B, &[0x88], src.0 as u8, mem);
    }

    /// `dst` = the `bytes` (1, 2, 4 or 8) at `[base + index + disp]`
    /// (`[base + disp]` without an index), zero-extended: a short copy's
    /// load.
    pub fn load_n(&mut self, bytes: u8, dst: Reg, base: Reg, index: Option<Reg>, disp: i32) {
        let mem = match index {
            Some(i) => Operand::sib(base, i, 1, disp),
            None => Operand::at(base, disp),
        };
        let (width, opcode): (Width, &[u8]) = match bytes {
            1 => (Width::D, &[0x0F, 0xB6]),
            2 => (Width::D, &[0x0F, 0xB7]),
            4 => (Width::D, &[0x8B]),
            8 => (Width::Q, &[0x8B]),
            _ => panic!("a load of {bytes} bytes"),
        };
        self.rm(width, opcode, dst.0 as u8, mem);
    }

    /// The low `bytes` (1, 2, 4 or 8) of `src` to `[base + index + disp]`
    /// (`[base + disp]` without an index): a short copy's store.
    pub fn store_n(&mut self, bytes: u8, base: Reg, index: Option<Reg>, disp: i32, src: Reg) {
        let mem = match index {
            Some(i) => Operand::sib(base, i, 1, disp),
            None => Operand::at(base, disp),
        };
        let (width, opcode): (Width, &[u8]) = match bytes {
            1 => (Width::B, &[0x88]),
            2 => (Width::W, &[0x89]),
            4 => (Width::D, &[0x89]),
            8 => (Width::Q, &[0x89]),
            _ => panic!("a store of {bytes} bytes"),
        };
        self.rm(width, opcode, src.0 as u8, mem);
    }

    /// `mov byte [mem], src8`.
    pub fn store8(&mut self, m: Mem, src: Reg) {
        self.rm(Width::B, &[0x88], src.0 as u8, Operand::at(m.base, m.disp));
    }

    /// `cmovne dst, src`: `dst = src` when the last comparison found
    /// them different (ZF clear).
    pub fn cmovne(&mut self, dst: Reg, src: Reg) {
        let (d, s) = (dst.0, src.0);
        dynasm!(self.ops ; .arch x64 ; cmovne Rq(d), Rq(s));
    }

    /// `[base + index*scale + disp] = src`, `scale` 1 or 8.
    pub fn store_sib(&mut self, base: Reg, index: Reg, scale: u8, disp: i32, src: Reg) {
        assert!(matches!(scale, 1 | 8), "scale {scale}");
        let mem = Operand::sib(base, index, scale, disp);
        self.rm(Width::Q, &[0x89], src.0 as u8, mem);
    }

    /// `lea dst, [base + index*scale + disp]`, `scale` 1, 2, 4 or 8.
    /// An rbp or r13 base with no displacement swaps with an index of
    /// scale 1 when it can: as a base it takes a zero displacement byte,
    /// and a three-part `lea` (base, index, displacement) has twice the
    /// latency of a two-part one on AMD's cores.
    pub fn lea_sib(&mut self, dst: Reg, base: Reg, index: Reg, scale: u8, disp: i32) {
        let (base, index) = if disp == 0
            && scale == 1
            && super::base_needs_disp(base)
            && !super::base_needs_disp(index)
        {
            (index, base)
        } else {
            (base, index)
        };
        let mem = Operand::sib(base, index, scale, disp);
        self.rm(Width::Q, &[0x8D], dst.0 as u8, mem);
    }

    /// `imul dst, src, imm`
    pub fn imul_imm(&mut self, dst: Reg, src: Reg, imm: i32) {
        // (`6B /r ib` when the immediate fits a byte, else `69 /r id`.)
        let (d, s) = (dst.0 as u8, src.0 as u8);
        self.ops.push(0x48 | (d >> 3) << 2 | s >> 3);
        let short = i8::try_from(imm).is_ok();
        self.ops.push(if short { 0x6B } else { 0x69 });
        self.ops.push(0xC0 | (d & 7) << 3 | (s & 7));
        if short {
            self.ops.push(imm as i8 as u8);
        } else {
            self.ops.extend(imm.to_le_bytes());
        }
    }

    /// `shl dst, imm`
    pub fn shl_imm(&mut self, dst: Reg, imm: u8) {
        let d = dst.0;
        let i = imm as i8;
        dynasm!(self.ops ; .arch x64 ; shl Rq(d), i);
    }

    /// `shr dst, imm` (logical)
    pub fn shr_imm(&mut self, dst: Reg, imm: u8) {
        let d = dst.0;
        let i = imm as i8;
        dynasm!(self.ops ; .arch x64 ; shr Rq(d), i);
    }

    /// `sar dst, imm` (arithmetic)
    pub fn sar_imm(&mut self, dst: Reg, imm: u8) {
        let d = dst.0;
        let i = imm as i8;
        dynasm!(self.ops ; .arch x64 ; sar Rq(d), i);
    }

    /// `mul src`: rdx:rax = rax * src, unsigned (rdx: the high word).
    pub fn mul_wide(&mut self, src: Reg) {
        let s = src.0;
        dynasm!(self.ops ; .arch x64 ; mul Rq(s));
    }

    /// `imul src` (one operand): rdx:rax = rax * src, signed (rdx: the
    /// high word).
    pub fn imul_wide(&mut self, src: Reg) {
        let s = src.0;
        dynasm!(self.ops ; .arch x64 ; imul Rq(s));
    }

    /// `add qword [mem], imm` (sign-extended imm8 or imm32).
    pub fn add_mem_imm(&mut self, m: Mem, imm: i32) {
        self.alu_imm(enc::ADD, Target::Mem(Operand::at(m.base, m.disp)), imm);
    }

    /// `add qword [mem], src`
    pub fn add_mem_reg(&mut self, m: Mem, src: Reg) {
        self.rm(Width::Q, &[0x01], src.0 as u8, Operand::at(m.base, m.disp));
    }

    /// `test dst, imm` (sign-extended imm32).
    pub fn test_imm(&mut self, dst: Reg, imm: i32) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; test Rq(d), DWORD imm);
    }

    /// `neg dst`
    pub fn neg(&mut self, dst: Reg) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; neg Rq(d));
    }

    /// `not dst`
    pub fn not(&mut self, dst: Reg) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; not Rq(d));
    }

    /// `shl dst, cl`
    pub fn shl_cl(&mut self, dst: Reg) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; shl Rq(d), cl);
    }

    /// `sar dst, cl`
    pub fn sar_cl(&mut self, dst: Reg) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; sar Rq(d), cl);
    }

    /// `shr dst, cl`
    pub fn shr_cl(&mut self, dst: Reg) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; shr Rq(d), cl);
    }

    /// `test a, b`
    pub fn test(&mut self, a: Reg, b: Reg) {
        let (a, b) = (a.0, b.0);
        dynasm!(self.ops ; .arch x64 ; test Rq(a), Rq(b));
    }

    /// `dst = cond ? 1 : 0` from the last comparison (`setcc` + `movzx`).
    pub fn set(&mut self, cond: Cond, dst: Reg) {
        let d = dst.0;
        match cond {
            Cond::Eq => dynasm!(self.ops ; .arch x64 ; sete Rb(d)),
            Cond::Ne => dynasm!(self.ops ; .arch x64 ; setne Rb(d)),
            Cond::Lt => dynasm!(self.ops ; .arch x64 ; setl Rb(d)),
            Cond::Le => dynasm!(self.ops ; .arch x64 ; setle Rb(d)),
            Cond::Gt => dynasm!(self.ops ; .arch x64 ; setg Rb(d)),
            Cond::Ge => dynasm!(self.ops ; .arch x64 ; setge Rb(d)),
            Cond::Below => dynasm!(self.ops ; .arch x64 ; setb Rb(d)),
            Cond::BelowEq => dynasm!(self.ops ; .arch x64 ; setbe Rb(d)),
            Cond::Above => dynasm!(self.ops ; .arch x64 ; seta Rb(d)),
            Cond::AboveEq => dynasm!(self.ops ; .arch x64 ; setae Rb(d)),
            Cond::Parity => dynasm!(self.ops ; .arch x64 ; setp Rb(d)),
            Cond::NoParity => dynasm!(self.ops ; .arch x64 ; setnp Rb(d)),
        }
        dynasm!(self.ops ; .arch x64 ; movzx Rd(d), Rb(d));
    }

    /// Sign- or zero-extends the low bits of `src` into `dst`.
    pub fn extend(&mut self, ext: Ext, dst: Reg, src: Reg) {
        let (d, s) = (dst.0, src.0);
        match ext {
            Ext::S8 => dynasm!(self.ops ; .arch x64 ; movsx Rq(d), Rb(s)),
            Ext::S16 => dynasm!(self.ops ; .arch x64 ; movsx Rq(d), Rw(s)),
            Ext::S32 => dynasm!(self.ops ; .arch x64 ; movsxd Rq(d), Rd(s)),
            Ext::U8 => dynasm!(self.ops ; .arch x64 ; movzx Rd(d), Rb(s)),
            Ext::U16 => dynasm!(self.ops ; .arch x64 ; movzx Rd(d), Rw(s)),
            Ext::U32 => dynasm!(self.ops ; .arch x64 ; mov Rd(d), Rd(s)),
        }
    }

    /// `cqo; idiv src` (rdx:rax / src → quotient rax, remainder rdx).
    pub fn idiv(&mut self, src: Reg) {
        let s = src.0;
        dynasm!(self.ops ; .arch x64 ; cqo ; idiv Rq(s));
    }

    /// `xor edx, edx; div src` (unsigned).
    pub fn udiv(&mut self, src: Reg) {
        let s = src.0;
        dynasm!(self.ops ; .arch x64 ; xor edx, edx ; div Rq(s));
    }

    /// `cvttsd2si dst32, xmm0` (truncating; out of range gives i32::MIN).
    pub fn cvt_f2i32(&mut self, dst: Reg) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; cvttsd2si Rd(d), xmm0);
    }

    /// `movq xmm{x}, src`
    pub fn to_xmm(&mut self, x: u8, src: Reg) {
        let s = src.0;
        dynasm!(self.ops ; .arch x64 ; movq Rx(x), Rq(s));
    }

    /// `movq dst, xmm{x}`
    pub fn from_xmm(&mut self, dst: Reg, x: u8) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; movq Rq(d), Rx(x));
    }

    /// `xmm0 = xmm0 op xmm1`
    pub fn float_op(&mut self, op: FloatOp) {
        match op {
            FloatOp::Add => dynasm!(self.ops ; .arch x64 ; addsd xmm0, xmm1),
            FloatOp::Sub => dynasm!(self.ops ; .arch x64 ; subsd xmm0, xmm1),
            FloatOp::Mul => dynasm!(self.ops ; .arch x64 ; mulsd xmm0, xmm1),
            FloatOp::Div => dynasm!(self.ops ; .arch x64 ; divsd xmm0, xmm1),
        }
    }

    /// `ucomisd xmm{a}, xmm{b}`
    pub fn ucomisd(&mut self, a: u8, b: u8) {
        dynasm!(self.ops ; .arch x64 ; ucomisd Rx(a), Rx(b));
    }

    /// `xmm{d} = xmm{d} op xmm{s}` (`addsd xmm3, xmm4`).
    pub fn float_op_rr(&mut self, op: FloatOp, d: u8, s: u8) {
        match op {
            FloatOp::Add => dynasm!(self.ops ; .arch x64 ; addsd Rx(d), Rx(s)),
            FloatOp::Sub => dynasm!(self.ops ; .arch x64 ; subsd Rx(d), Rx(s)),
            FloatOp::Mul => dynasm!(self.ops ; .arch x64 ; mulsd Rx(d), Rx(s)),
            FloatOp::Div => dynasm!(self.ops ; .arch x64 ; divsd Rx(d), Rx(s)),
        }
    }

    /// `movaps xmm{d}, xmm{s}` (a whole-register copy: no dependency on
    /// `d`'s old contents, as `movsd` between registers would have).
    pub fn mov_xmm(&mut self, d: u8, s: u8) {
        dynasm!(self.ops ; .arch x64 ; movaps Rx(d), Rx(s));
    }

    /// `xorps xmm{d}, xmm{s}` (with `d == s`: zero, and no dependency).
    pub fn xorps(&mut self, d: u8, s: u8) {
        dynasm!(self.ops ; .arch x64 ; xorps Rx(d), Rx(s));
    }

    /// `movsd xmm{d}, [rip+c]`: constant `c` of the pool
    /// ([`constant`](Self::constant)).
    pub fn load_xmm_const(&mut self, d: u8, c: Label) {
        dynasm!(self.ops ; .arch x64 ; movsd Rx(d), QWORD [=>c.0]);
    }

    /// `xmm{d} = xmm{d} op [rip+c]` (`mulsd xmm3, [rip+c]`).
    pub fn float_op_const(&mut self, op: FloatOp, d: u8, c: Label) {
        match op {
            FloatOp::Add => dynasm!(self.ops ; .arch x64 ; addsd Rx(d), QWORD [=>c.0]),
            FloatOp::Sub => dynasm!(self.ops ; .arch x64 ; subsd Rx(d), QWORD [=>c.0]),
            FloatOp::Mul => dynasm!(self.ops ; .arch x64 ; mulsd Rx(d), QWORD [=>c.0]),
            FloatOp::Div => dynasm!(self.ops ; .arch x64 ; divsd Rx(d), QWORD [=>c.0]),
        }
    }

    /// `ucomisd xmm{a}, [rip+c]`
    pub fn ucomisd_const(&mut self, a: u8, c: Label) {
        dynasm!(self.ops ; .arch x64 ; ucomisd Rx(a), QWORD [=>c.0]);
    }

    /// `movsd xmm{d}, [mem]`
    pub fn load_xmm(&mut self, d: u8, mem: Mem) {
        self.rm(Width::Sd, &[0x0F, 0x10], d, Operand::at(mem.base, mem.disp));
    }

    /// `movsd [mem], xmm{s}`
    pub fn store_xmm(&mut self, mem: Mem, s: u8) {
        self.rm(Width::Sd, &[0x0F, 0x11], s, Operand::at(mem.base, mem.disp));
    }

    /// `bswap r32` (the low dword's bytes reversed, the upper half zeroed).
    pub fn bswap32(&mut self, r: Reg) {
        let r = r.0;
        dynasm!(self.ops ; .arch x64 ; bswap Rd(r));
    }

    /// `movups [mem], xmm{s}` (16 bytes).
    pub fn store_xmm128(&mut self, mem: Mem, s: u8) {
        self.rm(Width::D, &[0x0F, 0x11], s, Operand::at(mem.base, mem.disp));
    }

    /// `cvtsd2ss xmm{d}, xmm{s}; cvtss2sd xmm{d}, xmm{d}`: a double
    /// rounded to float's precision (round to nearest even, as Go's
    /// float32 arithmetic), kept as a double.
    pub fn round_f32(&mut self, d: u8, s: u8) {
        dynasm!(self.ops ; .arch x64 ; cvtsd2ss Rx(d), Rx(s) ; cvtss2sd Rx(d), Rx(d));
    }

    /// `cvtsi2sd xmm{d}, src` (signed 64-bit integer to double).
    pub fn cvt_i2f_to(&mut self, d: u8, src: Reg) {
        let s = src.0;
        dynasm!(self.ops ; .arch x64 ; cvtsi2sd Rx(d), Rq(s));
    }

    /// `cvttsd2si dst, xmm{x}` (truncating; out of range gives i64::MIN).
    pub fn cvt_f2i_from(&mut self, dst: Reg, x: u8) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; cvttsd2si Rq(d), Rx(x));
    }

    /// `cvttsd2si dst32, xmm{x}` (truncating; out of range gives i32::MIN).
    pub fn cvt_f2i32_from(&mut self, dst: Reg, x: u8) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; cvttsd2si Rd(d), Rx(x));
    }

    /// `cvtsi2sd xmm0, src` (signed 64-bit integer to double).
    pub fn cvt_i2f(&mut self, src: Reg) {
        let s = src.0;
        dynasm!(self.ops ; .arch x64 ; cvtsi2sd xmm0, Rq(s));
    }

    /// `cvttsd2si dst, xmm0` (truncating; out of range gives i64::MIN).
    pub fn cvt_f2i(&mut self, dst: Reg) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; cvttsd2si Rq(d), xmm0);
    }

    /// `call qword [mem]`
    pub fn call_mem(&mut self, m: Mem) {
        self.rm(Width::D, &[0xFF], 2, Operand::at(m.base, m.disp));
        self.record_call();
    }

    /// `call qword [base + index*8]` (`index` must not be `rsp`).
    pub fn call_indexed(&mut self, base: Reg, index: Reg) {
        self.rm(Width::D, &[0xFF], 2, Operand::sib(base, index, 8, 0));
        self.record_call();
    }

    /// `jmp reg`
    pub fn jmp_reg(&mut self, r: Reg) {
        let r = r.0;
        dynasm!(self.ops ; .arch x64 ; jmp Rq(r));
    }

    /// Adds one to the 64-bit counter at the absolute address `addr`:
    /// `add qword [addr], 1` when `addr` is below 2 GB, else through
    /// `scratch` (which it clobbers).
    pub fn bump(&mut self, scratch: Reg, addr: u64) {
        if addr < 1 << 31 {
            self.add_abs_imm8(addr, 1);
        } else {
            self.mov_imm(scratch, addr);
            self.add_mem_imm(Mem::at(scratch, 0), 1);
        }
    }

    /// `add qword [addr], imm` for an absolute `addr` below 2 GB.
    pub fn add_abs_imm8(&mut self, addr: u64, imm: i8) {
        let disp = i32::try_from(addr).expect("an absolute operand is below 2 GB");
        // REX.W 83 /0 with ModRM mod=00 rm=100 and SIB base=101 (no base,
        // no index): disp32 alone.
        self.ops.extend([0x48, 0x83, 0x04, 0x25]);
        self.ops.extend(disp.to_le_bytes());
        self.ops.push(imm as u8);
    }

    /// `add qword [addr], src` to the word at absolute address `addr`
    /// (through `scratch` when `addr` is not below 2 GB).
    pub fn add_word_at(&mut self, addr: u64, src: Reg, scratch: Reg) {
        if addr < 1 << 31 {
            let disp = addr as i32;
            let r = src.0 as u8;
            self.ops.push(if r & 8 != 0 { 0x4C } else { 0x48 });
            self.ops.extend([0x01, (r & 7) << 3 | 4, 0x25]);
            self.ops.extend(disp.to_le_bytes());
        } else {
            self.mov_imm(scratch, addr);
            self.add_mem_reg(Mem::at(scratch, 0), src);
        }
    }

    /// `mov dst32, dword [mem]` (zero-extending 32-bit load).
    pub fn load32(&mut self, dst: Reg, m: Mem) {
        self.rm(Width::D, &[0x8B], dst.0 as u8, Operand::at(m.base, m.disp));
    }

    /// `movzx dst32, byte [mem]`.
    pub fn load8(&mut self, dst: Reg, m: Mem) {
        self.rm(
            Width::D,
            &[0x0F, 0xB6],
            dst.0 as u8,
            Operand::at(m.base, m.disp),
        );
    }

    /// `movzx dst32, word [mem]`.
    pub fn load16(&mut self, dst: Reg, m: Mem) {
        self.rm(
            Width::D,
            &[0x0F, 0xB7],
            dst.0 as u8,
            Operand::at(m.base, m.disp),
        );
    }

    /// `rep stosq`: stores rax to rcx words at rdi.
    pub fn rep_stosq(&mut self) {
        dynasm!(self.ops ; .arch x64 ; rep stosq);
    }

    /// `rep movsq`: copies rcx words from rsi to rdi (forward).
    pub fn rep_movsq(&mut self) {
        dynasm!(self.ops ; .arch x64 ; rep movsq);
    }

    /// A label's address into `dst` (`lea dst, [rip + label]`).
    pub fn lea_label(&mut self, dst: Reg, label: Label) {
        let d = dst.0;
        dynasm!(self.ops ; .arch x64 ; lea Rq(d), [=>label.0]);
    }
}
