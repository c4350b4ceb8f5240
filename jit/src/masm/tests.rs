//! Byte-exact encoder tests (each cross-checked by decoding with iced-x86)
//! and execution tests of small JIT-compiled functions.

use super::*;
use crate::abi::{ENTRY_SAVED, PINNABLE, RET, SAVED0, TMP0, TMP1, TMP2};
use crate::code::CodeMemory;
use crate::listing::instructions;
use dynasmrt::x64::Rq;

// Registers without a role in `abi`, named only so encoder tests can reach
// every REX combination. Executed code may clobber the caller-saved ones
// (RSI, RDI, R8..R11) but must leave RBP, R14 and R15 alone.
const RSP: Reg = Reg(Rq::RSP);
const RBP: Reg = Reg(Rq::RBP);
const RSI: Reg = Reg(Rq::RSI);
const RDI: Reg = Reg(Rq::RDI);
const R8: Reg = Reg(Rq::R8);
const R9: Reg = Reg(Rq::R9);
const R10: Reg = Reg(Rq::R10);
const R11: Reg = Reg(Rq::R11);
const R14: Reg = Reg(Rq::R14);
const R15: Reg = Reg(Rq::R15);

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Assembles `f` alone and checks both the exact bytes and what iced-x86
/// decodes them as.
#[track_caller]
fn check(f: impl FnOnce(&mut MacroAssembler), bytes: &str, text: &[&str]) {
    let mut m = MacroAssembler::new();
    f(&mut m);
    let code = m.finish().unwrap();
    assert_eq!(
        instructions(&code.bytes),
        text,
        "decoded {}",
        hex(&code.bytes)
    );
    assert_eq!(hex(&code.bytes), bytes, "bytes of {text:?}");
}

#[test]
fn encodes_moves() {
    check(|m| m.mov(TMP0, FRAME), "4c89e0", &["mov rax, r12"]);
    check(|m| m.mov(VM, ARGS[1]), "4989f5", &["mov r13, rsi"]);
    check(|m| m.mov_imm(TMP0, 42), "40b82a000000", &["mov eax, 2Ah"]);
    check(
        |m| m.mov_imm(CALL_TARGET, 5),
        "41bb05000000",
        &["mov r11d, 5"],
    );
    check(
        |m| m.mov_imm(TMP1, u32::MAX as u64),
        "40b9ffffffff",
        &["mov ecx, 0FFFFFFFFh"],
    );
    check(
        |m| m.mov_imm(TMP1, u64::MAX),
        "48c7c1ffffffff",
        &["mov rcx, 0FFFFFFFFFFFFFFFFh"],
    );
    check(
        |m| m.mov_imm(TMP2, 0x1_0000_0000),
        "48ba0000000001000000",
        &["mov rdx, 100000000h"],
    );
}

#[test]
fn encodes_loads_and_stores() {
    check(
        |m| m.mov_slot_to_reg(TMP0, 3),
        "498b442418",
        &["mov rax, [r12+18h]"],
    );
    check(
        |m| m.mov_slot_to_reg(TMP0, 0),
        "498b0424",
        &["mov rax, [r12]"],
    );
    check(
        |m| m.mov_reg_to_slot(1000, TMP0),
        "49898424401f0000",
        &["mov [r12+1F40h], rax"],
    );
    check(
        |m| m.load(TMP1, Mem::at(VM, 0)),
        "498b4d00",
        &["mov rcx, [r13]"],
    );
    check(
        |m| m.store(Mem::at(VM, -8), TMP2),
        "498955f8",
        &["mov [r13-8], rdx"],
    );
    check(
        |m| m.load(SAVED0, Mem::at(TMP0, 24)),
        "488b5818",
        &["mov rbx, [rax+18h]"],
    );
}

#[test]
fn encodes_arithmetic() {
    check(|m| m.add(TMP0, TMP1), "4801c8", &["add rax, rcx"]);
    check(|m| m.sub(TMP0, TMP1), "4829c8", &["sub rax, rcx"]);
    check(|m| m.imul(TMP0, TMP2), "480fafc2", &["imul rax, rdx"]);
    check(|m| m.and(TMP1, TMP2), "4821d1", &["and rcx, rdx"]);
    check(|m| m.or(TMP1, FRAME), "4c09e1", &["or rcx, r12"]);
    check(|m| m.xor(TMP0, TMP0), "4831c0", &["xor rax, rax"]);
    check(|m| m.add_imm(TMP0, 1), "4883c001", &["add rax, 1"]);
    check(
        |m| m.add_imm(VM, -1000),
        "4981c518fcffff",
        &["add r13, 0FFFFFFFFFFFFFC18h"],
    );
}

#[test]
fn encodes_compares() {
    check(|m| m.cmp(TMP0, TMP1), "483bc1", &["cmp rax, rcx"]);
    check(|m| m.cmp(TMP1, 7), "4883f907", &["cmp rcx, 7"]);
    check(
        |m| m.cmp(Mem::at(TMP0, 8), TMP2),
        "48395008",
        &["cmp [rax+8], rdx"],
    );
    check(
        |m| m.cmp(Mem::slot(2), -1),
        "49837c2410ff",
        &["cmp qword ptr [r12+10h], 0FFFFFFFFFFFFFFFFh"],
    );
    check(
        |m| m.cmp_mem_imm32(Mem::at(VM, 16), 0x1234),
        "49817d1034120000",
        &["cmp qword ptr [r13+10h], 1234h"],
    );
}

#[test]
fn encodes_jumps_to_labels() {
    // Forward: rel32 to just past the jump.
    let forward = |f: fn(&mut MacroAssembler, Label)| {
        move |m: &mut MacroAssembler| {
            let l = m.new_label();
            f(m, l);
            m.bind(l);
        }
    };
    check(forward(|m, l| m.jmp(l)), "e900000000", &["jmp 5"]);
    check(forward(|m, l| m.je(l)), "0f8400000000", &["je 6"]);
    check(forward(|m, l| m.jne(l)), "0f8500000000", &["jne 6"]);
    let conds = [
        (Cond::Eq, 0x84, "je"),
        (Cond::Ne, 0x85, "jne"),
        (Cond::Lt, 0x8c, "jl"),
        (Cond::Le, 0x8e, "jle"),
        (Cond::Gt, 0x8f, "jg"),
        (Cond::Ge, 0x8d, "jge"),
        (Cond::Below, 0x82, "jb"),
        (Cond::BelowEq, 0x86, "jbe"),
        (Cond::Above, 0x87, "ja"),
        (Cond::AboveEq, 0x83, "jae"),
        (Cond::Parity, 0x8a, "jp"),
        (Cond::NoParity, 0x8b, "jnp"),
    ];
    for (cond, opcode, name) in conds {
        // Forward: rel32 = 0.
        check(
            |m| {
                let l = m.new_label();
                m.jcc(cond, l);
                m.bind(l);
            },
            &format!("0f{opcode:02x}00000000"),
            &[&format!("{name} 6")],
        );
        // Backward: to the start, rel32 = -6.
        check(
            |m| {
                let l = m.new_label();
                m.bind(l);
                m.jcc(cond, l);
            },
            &format!("0f{opcode:02x}faffffff"),
            &[&format!("{name} 0")],
        );
    }
}

#[test]
fn encodes_calls_and_frame() {
    check(|m| m.call_reg(TMP1), "40ffd1", &["call rcx"]);
    check(
        |m| m.call_abs(0x7f00_1234_5678),
        "49bb78563412007f000041ffd3",
        &["mov r11, 7F0012345678h", "call r11"],
    );
    check(|m| m.ret(), "c3", &["ret"]);
    check(
        |m| m.prologue(),
        "4053415441554989fc4989f5",
        &[
            "push rbx",
            "push r12",
            "push r13",
            "mov r12, rdi",
            "mov r13, rsi",
        ],
    );
    check(
        |m| m.epilogue(),
        "415d415c405bc3",
        &["pop r13", "pop r12", "pop rbx", "ret"],
    );
}

// Encodings of the `ext` instructions. dynasm encodes every `[base + disp]`
// operand with a dynamic base as ModRM mod=10, rm=100 plus a SIB byte with no
// index (so rsp/r12 bases need no special case) and a disp32 (so rbp/r13
// bases do not either): `REX op ModRM(10 reg 100) SIB(00 100 base) disp32`.
// Register operands always carry a REX prefix, at least the empty `40`.

#[test]
fn encodes_push_pop_and_native_stack() {
    check(|m| m.push_reg(TMP0), "4050", &["push rax"]);
    check(|m| m.push_reg(R15), "4157", &["push r15"]);
    check(|m| m.pop_reg(RSI), "405e", &["pop rsi"]);
    check(|m| m.pop_reg(VM), "415d", &["pop r13"]);
    // The entry trampoline's save and restore of ENTRY_SAVED.
    check(
        |m| ENTRY_SAVED.into_iter().for_each(|r| m.push_reg(r)),
        "405340554154415541564157",
        &[
            "push rbx", "push rbp", "push r12", "push r13", "push r14", "push r15",
        ],
    );
    check(
        |m| ENTRY_SAVED.into_iter().rev().for_each(|r| m.pop_reg(r)),
        "415f415e415d415c405d405b",
        &[
            "pop r15", "pop r14", "pop r13", "pop r12", "pop rbp", "pop rbx",
        ],
    );
    // push r/m64 = FF /6, pop r/m64 = 8F /0.
    check(
        |m| m.push_mem(Mem::slot(1)),
        "41ffb42408000000",
        &["push qword ptr [r12+8]"],
    );
    check(
        |m| m.push_mem(Mem::at(VM, -8)),
        "41ffb425f8ffffff",
        &["push qword ptr [r13-8]"],
    );
    check(
        |m| m.pop_mem(Mem::at(RSP, 16)),
        "408f842410000000",
        &["pop qword ptr [rsp+10h]"],
    );
    check(
        |m| m.pop_mem(Mem::at(RBP, -16)),
        "408f8425f0ffffff",
        &["pop qword ptr [rbp-10h]"],
    );
    check(
        |m| m.pop_mem(Mem::at(R9, 0)),
        "418f842100000000",
        &["pop qword ptr [r9]"],
    );
    // sub r/m64, imm32 = 81 /5; add = 81 /0; always the imm32 form.
    check(|m| m.sub_rsp(8), "4881ec08000000", &["sub rsp, 8"]);
    check(|m| m.sub_rsp(0x1000), "4881ec00100000", &["sub rsp, 1000h"]);
    check(|m| m.add_rsp(8), "4881c408000000", &["add rsp, 8"]);
    check(
        |m| m.add_rsp(-16),
        "4881c4f0ffffff",
        &["add rsp, 0FFFFFFFFFFFFFFF0h"],
    );
    // rsp in the ModRM reg field (100).
    check(
        |m| m.load_rsp(Mem::at(VM, 24)),
        "498b6518",
        &["mov rsp, [r13+18h]"],
    );
    check(
        |m| m.load_rsp(Mem::at(TMP0, -8)),
        "488b60f8",
        &["mov rsp, [rax-8]"],
    );
    check(
        |m| m.store_rsp(Mem::at(FRAME, 8)),
        "4989642408",
        &["mov [r12+8], rsp"],
    );
    check(
        |m| m.store_rsp(Mem::at(R15, -32)),
        "498967e0",
        &["mov [r15-20h], rsp"],
    );
    check(
        |m| m.cmp_rsp_mem(Mem::at(VM, 32)),
        "493b6520",
        &["cmp rsp, [r13+20h]"],
    );
    check(
        |m| m.cmp_rsp_mem(Mem::at(RDI, -8)),
        "483b67f8",
        &["cmp rsp, [rdi-8]"],
    );
}

#[test]
fn encodes_spills_of_pinnable_registers() {
    // mov [r12 + 8*i], r: REX.W+B (r12), plus REX.R for r8..r15; a SIB
    // byte (r12 as a base), no displacement for slot 0, else one byte.
    check(
        |m| {
            for (i, r) in PINNABLE.into_iter().enumerate() {
                m.mov_reg_to_slot(i as u32, r);
            }
        },
        concat!(
            "49891c24",
            "49896c2408",
            "4d89742410",
            "4d897c2418",
            "4d89442420",
            "4d894c2428",
            "4d89542430",
            "4989742438",
            "49897c2440",
        ),
        &[
            "mov [r12], rbx",
            "mov [r12+8], rbp",
            "mov [r12+10h], r14",
            "mov [r12+18h], r15",
            "mov [r12+20h], r8",
            "mov [r12+28h], r9",
            "mov [r12+30h], r10",
            "mov [r12+38h], rsi",
            "mov [r12+40h], rdi",
        ],
    );
}

#[test]
fn encodes_memory_operands() {
    // mov r/m64, imm32 = REX.W C7 /0 id (sign-extended).
    check(
        |m| m.store_imm(Mem::slot(2), -1),
        "49c7442410ffffffff",
        &["mov qword ptr [r12+10h], 0FFFFFFFFFFFFFFFFh"],
    );
    check(
        |m| m.store_imm(Mem::at(VM, -24), 7),
        "49c745e807000000",
        &["mov qword ptr [r13-18h], 7"],
    );
    check(
        |m| m.store_imm(Mem::at(RSP, 0), i32::MAX),
        "48c70424ffffff7f",
        &["mov qword ptr [rsp], 7FFFFFFFh"],
    );
    check(
        |m| m.lea(TMP0, Mem::at(FRAME, 16)),
        "498d442410",
        &["lea rax, [r12+10h]"],
    );
    check(
        |m| m.lea(R9, Mem::at(VM, -8)),
        "4d8d4df8",
        &["lea r9, [r13-8]"],
    );
    check(
        |m| m.lea(RDI, Mem::at(RSP, 8)),
        "488d7c2408",
        &["lea rdi, [rsp+8]"],
    );
    // [base + index*8 + disp32]: SIB(11 index base), REX.X for r8..r15 as index.
    check(
        |m| m.load_indexed(TMP0, FRAME, TMP1, 8),
        "498b44cc08",
        &["mov rax, [r12+rcx*8+8]"],
    );
    check(
        |m| m.load_indexed(R8, VM, R9, -16),
        "4f8b44cdf0",
        &["mov r8, [r13+r9*8-10h]"],
    );
    check(
        |m| m.load_indexed(RSI, RBP, R15, 0),
        "4a8b74fd00",
        &["mov rsi, [rbp+r15*8]"],
    );
    check(
        |m| m.store_indexed(RDI, FRAME, 0, RSI),
        "4a8934e7",
        &["mov [rdi+r12*8], rsi"],
    );
    check(
        |m| m.store_indexed(RBP, TMP0, -8, R15),
        "4c897cc5f8",
        &["mov [rbp+rax*8-8], r15"],
    );
    check(
        |m| m.store_indexed(VM, R10, 24, R11),
        "4f895cd518",
        &["mov [r13+r10*8+18h], r11"],
    );
    // mov r32, r/m32 = 8B /r without REX.W.
    check(
        |m| m.load32(TMP0, Mem::at(VM, 8)),
        "418b4508",
        &["mov eax, [r13+8]"],
    );
    check(
        |m| m.load32(R10, Mem::at(RSP, -4)),
        "448b5424fc",
        &["mov r10d, [rsp-4]"],
    );
    check(
        |m| m.load32(RSI, Mem::at(FRAME, 4)),
        "418b742404",
        &["mov esi, [r12+4]"],
    );
}

#[test]
#[should_panic(expected = "rsp cannot be an index register")]
fn load_indexed_rejects_rsp_index() {
    // SIB index 100 means "no index": this would assemble as `mov rax, [rdx]`.
    MacroAssembler::new().load_indexed(TMP0, TMP2, RSP, 0);
}

#[test]
#[should_panic(expected = "rsp cannot be an index register")]
fn store_indexed_rejects_rsp_index() {
    MacroAssembler::new().store_indexed(TMP2, RSP, 0, TMP0);
}

#[test]
#[should_panic(expected = "rsp cannot be an index register")]
fn call_indexed_rejects_rsp_index() {
    MacroAssembler::new().call_indexed(TMP2, RSP);
}

#[test]
fn encodes_unary_shifts_and_test() {
    // imul r64, r/m64, imm32 = REX.W 69 /r id.
    check(
        |m| m.imul_imm(TMP0, TMP1, 10),
        "486bc10a",
        &["imul rax, rcx, 0Ah"],
    );
    check(
        |m| m.imul_imm(R11, FRAME, -3),
        "4d6bdcfd",
        &["imul r11, r12, 0FFFFFFFFFFFFFFFDh"],
    );
    // iced prints the two-operand alias when dst == src.
    check(|m| m.imul_imm(TMP2, TMP2, 3), "486bd203", &["imul rdx, 3"]);
    check(
        |m| m.imul_imm(RSI, R8, 0x10000),
        "4969f000000100",
        &["imul rsi, r8, 10000h"],
    );
    // F7 /3 neg, F7 /2 not; D3 /4 shl, /7 sar, /5 shr.
    check(|m| m.neg(TMP0), "48f7d8", &["neg rax"]);
    check(|m| m.neg(VM), "49f7dd", &["neg r13"]);
    check(|m| m.not(RSI), "48f7d6", &["not rsi"]);
    check(|m| m.not(R15), "49f7d7", &["not r15"]);
    check(|m| m.shl_cl(TMP0), "48d3e0", &["shl rax, cl"]);
    check(|m| m.shl_cl(R8), "49d3e0", &["shl r8, cl"]);
    check(|m| m.sar_cl(RDI), "48d3ff", &["sar rdi, cl"]);
    check(|m| m.sar_cl(R11), "49d3fb", &["sar r11, cl"]);
    check(|m| m.shr_cl(TMP2), "48d3ea", &["shr rdx, cl"]);
    check(|m| m.shr_cl(R15), "49d3ef", &["shr r15, cl"]);
    // test r/m64, r64 = 85 /r: the first operand is r/m.
    check(|m| m.test(TMP0, TMP0), "4885c0", &["test rax, rax"]);
    check(|m| m.test(R9, RSI), "4985f1", &["test r9, rsi"]);
    check(|m| m.test(RSI, R9), "4c85ce", &["test rsi, r9"]);
    check(|m| m.test(FRAME, VM), "4d85ec", &["test r12, r13"]);
}

#[test]
fn encodes_set_for_every_condition() {
    let conds = [
        (Cond::Eq, 0x94, "sete"),
        (Cond::Ne, 0x95, "setne"),
        (Cond::Lt, 0x9c, "setl"),
        (Cond::Le, 0x9e, "setle"),
        (Cond::Gt, 0x9f, "setg"),
        (Cond::Ge, 0x9d, "setge"),
        (Cond::Below, 0x92, "setb"),
        (Cond::BelowEq, 0x96, "setbe"),
        (Cond::Above, 0x97, "seta"),
        (Cond::AboveEq, 0x93, "setae"),
        (Cond::Parity, 0x9a, "setp"),
        (Cond::NoParity, 0x9b, "setnp"),
    ];
    for (cond, opcode, name) in conds {
        check(
            |m| m.set(cond, TMP0),
            &format!("400f{opcode:02x}c0400fb6c0"),
            &[&format!("{name} al"), "movzx eax, al"],
        );
    }
    // Byte registers 4..7 need a REX prefix to mean spl/bpl/sil/dil; without
    // one the same ModRM names ah/ch/dh/bh.
    assert_eq!(instructions(&[0x0f, 0x94, 0xc6]), ["sete dh"]);
    check(
        |m| m.set(Cond::Eq, RSI),
        "400f94c6400fb6f6",
        &["sete sil", "movzx esi, sil"],
    );
    check(
        |m| m.set(Cond::Ne, RDI),
        "400f95c7400fb6ff",
        &["setne dil", "movzx edi, dil"],
    );
    check(
        |m| m.set(Cond::Lt, RBP),
        "400f9cc5400fb6ed",
        &["setl bpl", "movzx ebp, bpl"],
    );
    check(
        |m| m.set(Cond::Gt, SAVED0),
        "400f9fc3400fb6db",
        &["setg bl", "movzx ebx, bl"],
    );
    // r8..r15: REX.B on setcc, REX.R+B on movzx.
    check(
        |m| m.set(Cond::Below, R8),
        "410f92c0450fb6c0",
        &["setb r8b", "movzx r8d, r8b"],
    );
    check(
        |m| m.set(Cond::Parity, R15),
        "410f9ac7450fb6ff",
        &["setp r15b", "movzx r15d, r15b"],
    );
}

#[test]
fn encodes_every_extension() {
    let cases = [
        // movsx r64, r/m8 = REX.W 0F BE /r
        (Ext::S8, TMP0, TMP1, "480fbec1", "movsx rax, cl"),
        (Ext::S8, R8, RDI, "4c0fbec7", "movsx r8, dil"),
        (Ext::S8, RSI, FRAME, "490fbef4", "movsx rsi, r12b"),
        // movsx r64, r/m16 = REX.W 0F BF /r
        (Ext::S16, R15, RBP, "4c0fbffd", "movsx r15, bp"),
        (Ext::S16, TMP0, TMP2, "480fbfc2", "movsx rax, dx"),
        // movsxd r64, r/m32 = REX.W 63 /r
        (Ext::S32, TMP2, VM, "4963d5", "movsxd rdx, r13d"),
        (Ext::S32, RDI, RSI, "4863fe", "movsxd rdi, esi"),
        // movzx r32, r/m8 = 0F B6 /r (writing r32 clears the upper half)
        (Ext::U8, TMP0, RSI, "400fb6c6", "movzx eax, sil"),
        (Ext::U8, R9, RSI, "440fb6ce", "movzx r9d, sil"),
        (Ext::U8, RDI, R11, "410fb6fb", "movzx edi, r11b"),
        // movzx r32, r/m16 = 0F B7 /r
        (Ext::U16, SAVED0, FRAME, "410fb7dc", "movzx ebx, r12w"),
        (Ext::U16, R10, RDI, "440fb7d7", "movzx r10d, di"),
        // mov r/m32, r32 = 89 /r: the source is in the reg field
        (Ext::U32, R10, R11, "4589da", "mov r10d, r11d"),
        (Ext::U32, TMP0, TMP1, "4089c8", "mov eax, ecx"),
        (Ext::U32, RSI, R8, "4489c6", "mov esi, r8d"),
    ];
    for (ext, dst, src, bytes, text) in cases {
        check(|m| m.extend(ext, dst, src), bytes, &[text]);
    }
}

#[test]
fn encodes_division() {
    // cqo = REX.W 99; idiv = F7 /7, div = F7 /6; xor r/m32, r32 = 31 /r.
    check(|m| m.idiv(TMP1), "489948f7f9", &["cqo", "idiv rcx"]);
    check(|m| m.idiv(FRAME), "489949f7fc", &["cqo", "idiv r12"]);
    check(|m| m.udiv(RSI), "31d248f7f6", &["xor edx, edx", "div rsi"]);
    check(|m| m.udiv(R11), "31d249f7f3", &["xor edx, edx", "div r11"]);
}

#[test]
fn encodes_scalar_floats() {
    // movq xmm, r/m64 = 66 REX.W 0F 6E /r; movq r/m64, xmm = 66 REX.W 0F 7E /r
    // (xmm in the reg field both ways). The mandatory prefix precedes REX.
    check(|m| m.to_xmm(0, TMP0), "66480f6ec0", &["movq xmm0, rax"]);
    check(|m| m.to_xmm(1, R9), "66490f6ec9", &["movq xmm1, r9"]);
    check(|m| m.to_xmm(9, RSI), "664c0f6ece", &["movq xmm9, rsi"]);
    check(|m| m.to_xmm(15, VM), "664d0f6efd", &["movq xmm15, r13"]);
    check(|m| m.from_xmm(TMP0, 0), "66480f7ec0", &["movq rax, xmm0"]);
    check(|m| m.from_xmm(VM, 1), "66490f7ecd", &["movq r13, xmm1"]);
    check(|m| m.from_xmm(RDI, 15), "664c0f7eff", &["movq rdi, xmm15"]);
    let ops = [
        (FloatOp::Add, "58", "addsd"),
        (FloatOp::Sub, "5c", "subsd"),
        (FloatOp::Mul, "59", "mulsd"),
        (FloatOp::Div, "5e", "divsd"),
    ];
    for (op, opcode, name) in ops {
        check(
            |m| m.float_op(op),
            &format!("f20f{opcode}c1"),
            &[&format!("{name} xmm0, xmm1")],
        );
    }
    // ucomisd = 66 0F 2E /r
    check(|m| m.ucomisd(0, 1), "66400f2ec1", &["ucomisd xmm0, xmm1"]);
    check(|m| m.ucomisd(8, 1), "66440f2ec1", &["ucomisd xmm8, xmm1"]);
    check(|m| m.ucomisd(2, 12), "66410f2ed4", &["ucomisd xmm2, xmm12"]);
    // The same on any pair of registers: REX.R for the destination,
    // REX.B for the source (dynasm's empty REX when both are below 8, as
    // for ucomisd; memory operands in its long form with a SIB byte).
    check(
        |m| m.float_op_rr(FloatOp::Add, 3, 4),
        "f2400f58dc",
        &["addsd xmm3, xmm4"],
    );
    check(
        |m| m.float_op_rr(FloatOp::Sub, 9, 2),
        "f2440f5cca",
        &["subsd xmm9, xmm2"],
    );
    check(
        |m| m.float_op_rr(FloatOp::Mul, 2, 15),
        "f2410f59d7",
        &["mulsd xmm2, xmm15"],
    );
    check(
        |m| m.float_op_rr(FloatOp::Div, 12, 13),
        "f2450f5ee5",
        &["divsd xmm12, xmm13"],
    );
    // movaps xmm, xmm = 0F 28 /r; xorps = 0F 57 /r.
    check(|m| m.mov_xmm(2, 0), "400f28d0", &["movaps xmm2, xmm0"]);
    check(|m| m.mov_xmm(14, 3), "440f28f3", &["movaps xmm14, xmm3"]);
    check(|m| m.mov_xmm(1, 11), "410f28cb", &["movaps xmm1, xmm11"]);
    check(|m| m.xorps(5, 5), "400f57ed", &["xorps xmm5, xmm5"]);
    check(|m| m.xorps(10, 1), "440f57d1", &["xorps xmm10, xmm1"]);
    // movsd xmm, m64 = F2 0F 10 /r; movsd m64, xmm = F2 0F 11 /r.
    check(
        |m| m.load_xmm(3, Mem::at(FRAME, 0x28)),
        "f2410f105c2428",
        &["movsd xmm3, [r12+28h]"],
    );
    check(
        |m| m.load_xmm(13, Mem::at(R9, -8)),
        "f2450f1069f8",
        &["movsd xmm13, [r9-8]"],
    );
    check(
        |m| m.store_xmm(Mem::at(FRAME, 8), 2),
        "f2410f11542408",
        &["movsd [r12+8], xmm2"],
    );
    check(
        |m| m.store_xmm(Mem::at(RSI, 16), 15),
        "f2440f117e10",
        &["movsd [rsi+10h], xmm15"],
    );
    check(
        |m| m.cvt_i2f_to(4, R9),
        "f2490f2ae1",
        &["cvtsi2sd xmm4, r9"],
    );
    check(
        |m| m.cvt_i2f_to(11, TMP0),
        "f24c0f2ad8",
        &["cvtsi2sd xmm11, rax"],
    );
    check(
        |m| m.cvt_f2i_from(R10, 7),
        "f24c0f2cd7",
        &["cvttsd2si r10, xmm7"],
    );
    check(
        |m| m.cvt_f2i_from(TMP1, 14),
        "f2490f2cce",
        &["cvttsd2si rcx, xmm14"],
    );
    check(
        |m| m.cvt_f2i32_from(RSI, 3),
        "f2400f2cf3",
        &["cvttsd2si esi, xmm3"],
    );
    // cvtsi2sd xmm, r/m64 = F2 REX.W 0F 2A /r (without REX.W it would
    // convert the low 32 bits); cvttsd2si r64, xmm = F2 REX.W 0F 2C /r.
    check(|m| m.cvt_i2f(TMP2), "f2480f2ac2", &["cvtsi2sd xmm0, rdx"]);
    check(|m| m.cvt_i2f(R14), "f2490f2ac6", &["cvtsi2sd xmm0, r14"]);
    check(|m| m.cvt_f2i(TMP1), "f2480f2cc8", &["cvttsd2si rcx, xmm0"]);
    check(|m| m.cvt_f2i(R10), "f24c0f2cd0", &["cvttsd2si r10, xmm0"]);
    // add r/m64, imm32 = REX.W 81 /0 id; add r/m64, r64 = REX.W 01 /r
    // (dynasm's long form: a SIB byte 0x23 for the r11 base, and disp32).
    check(
        |m| m.add_mem_imm(Mem::at(CALL_TARGET, 16), 1),
        "4983431001",
        &["add qword ptr [r11+10h], 1"],
    );
    check(
        |m| m.add_mem_reg(Mem::at(CALL_TARGET, 32), R10),
        "4d015320",
        &["add [r11+20h], r10"],
    );
    // shl r/m64, imm8 = REX.W C1 /4 ib.
    check(|m| m.shl_imm(TMP0, 4), "48c1e004", &["shl rax, 4"]);
    check(|m| m.shl_imm(R10, 3), "49c1e203", &["shl r10, 3"]);
    // shr r/m64, imm8 = REX.W C1 /5 ib; sar = REX.W C1 /7 ib.
    check(|m| m.shr_imm(TMP2, 63), "48c1ea3f", &["shr rdx, 3Fh"]);
    check(|m| m.sar_imm(R10, 5), "49c1fa05", &["sar r10, 5"]);
    // mul r/m64 = REX.W F7 /4; imul r/m64 = REX.W F7 /5.
    check(|m| m.mul_wide(TMP1), "48f7e1", &["mul rcx"]);
    check(|m| m.mov_from_rsp(TMP1), "4889e1", &["mov rcx, rsp"]);
    check(|m| m.imul_wide(R10), "49f7ea", &["imul r10"]);
    // The 32-bit form: no REX.W; REX.R for r8d..r15d. dynasm emits an empty
    // REX (0x40) for eax: redundant but valid, it decodes the same.
    check(
        |m| m.cvt_f2i32(TMP0),
        "f2400f2cc0",
        &["cvttsd2si eax, xmm0"],
    );
    check(
        |m| m.cvt_f2i32(R10),
        "f2440f2cd0",
        &["cvttsd2si r10d, xmm0"],
    );
}

#[test]
fn encodes_indirect_control_flow() {
    // call r/m64 = FF /2, jmp r/m64 = FF /4.
    check(
        |m| m.call_mem(Mem::at(VM, 16)),
        "41ff5510",
        &["call qword ptr [r13+10h]"],
    );
    check(
        |m| m.call_mem(Mem::at(TMP0, -8)),
        "ff50f8",
        &["call qword ptr [rax-8]"],
    );
    check(
        |m| m.call_mem(Mem::at(FRAME, 0)),
        "41ff1424",
        &["call qword ptr [r12]"],
    );
    // Without a displacement dynasm uses mod=01 with disp8 0, which rbp/r13
    // bases need (mod=00 with base 101 would mean "no base, disp32").
    check(
        |m| m.call_indexed(CALL_TARGET, TMP0),
        "41ff14c3",
        &["call qword ptr [r11+rax*8]"],
    );
    check(
        |m| m.call_indexed(VM, FRAME),
        "43ff54e500",
        &["call qword ptr [r13+r12*8]"],
    );
    check(
        |m| m.call_indexed(FRAME, TMP1),
        "41ff14cc",
        &["call qword ptr [r12+rcx*8]"],
    );
    check(
        |m| m.call_indexed(RBP, R9),
        "42ff54cd00",
        &["call qword ptr [rbp+r9*8]"],
    );
    check(|m| m.jmp_reg(TMP0), "40ffe0", &["jmp rax"]);
    check(|m| m.jmp_reg(R11), "41ffe3", &["jmp r11"]);
    // lea r64, [rip + rel32] = REX.W 8D /r with ModRM mod=00 rm=101; iced
    // prints the absolute target (code at 0).
    check(
        |m| {
            let l = m.new_label();
            m.lea_label(TMP0, l);
            m.bind(l);
        },
        "488d0500000000",
        &["lea rax, [7]"],
    );
    check(
        |m| {
            let l = m.new_label();
            m.bind(l);
            m.lea_label(R9, l);
        },
        "4c8d0df9ffffff",
        &["lea r9, [0]"],
    );
    check(
        |m| {
            let l = m.new_label();
            m.lea_label(RSI, l);
            m.ret();
            m.bind(l);
        },
        "488d3501000000c3",
        &["lea rsi, [8]", "ret"],
    );
}

#[test]
fn encodes_counters_and_block_moves() {
    // Below 2 GB: add r/m64, imm8 = REX.W 83 /0 ib with an absolute
    // disp32 (ModRM 04, SIB 25: no base, no index); no scratch.
    check(
        |m| m.bump(TMP0, 0x1000),
        "488304250010000001",
        &["add qword ptr [1000h], 1"],
    );
    // Elsewhere: the address in the scratch register first.
    check(
        |m| m.bump(CALL_TARGET, 0x7f00_1234_5678),
        "49bb78563412007f000049830301",
        &["mov r11, 7F0012345678h", "add qword ptr [r11], 1"],
    );
    check(
        |m| m.bump(VM, 0x7f00_1234_5678),
        "49bd78563412007f00004983450001",
        &["mov r13, 7F0012345678h", "add qword ptr [r13], 1"],
    );
    // add r/m64, r64 = REX.W 01 /r: absolute, with REX.R for r9; else
    // through the scratch register.
    check(
        |m| m.add_word_at(0x1000, TMP1, TMP0),
        "48010c2500100000",
        &["add [1000h], rcx"],
    );
    check(
        |m| m.add_word_at(0x1000, R9, TMP0),
        "4c010c2500100000",
        &["add [1000h], r9"],
    );
    check(
        |m| m.add_word_at(0x7f00_1234_5678, TMP1, CALL_TARGET),
        "49bb78563412007f000049010b",
        &["mov r11, 7F0012345678h", "add [r11], rcx"],
    );
    // bswap r32 = 0F C8+r (dynasm's REX prefix for a register chosen at
    // run time: empty 40 for ecx, REX.B for r8d..r15d).
    check(|m| m.bswap32(TMP1), "400fc9", &["bswap ecx"]);
    check(|m| m.bswap32(R9), "410fc9", &["bswap r9d"]);
    // movups m128, xmm = 0F 11 /r (r12 as base takes a SIB byte).
    check(
        |m| m.store_xmm128(Mem::at(Reg(Rq::R12), 0xF0), 0),
        "410f118424f0000000",
        &["movups [r12+0F0h], xmm0"],
    );
    // rep = F3, stosq = REX.W AB, movsq = REX.W A5.
    check(|m| m.rep_stosq(), "f348ab", &["rep stosq [rdi]"]);
    check(|m| m.rep_movsq(), "f348a5", &["rep movsq [rdi], [rsi]"]);
}

#[test]
fn comments_record_offsets() {
    let mut m = MacroAssembler::new();
    m.comment("start");
    m.ret();
    m.comment("after ret");
    assert_eq!(m.offset(), 1);
    let code = m.finish().unwrap();
    assert_eq!(
        code.comments,
        vec![(0, "start".to_string()), (1, "after ret".to_string())]
    );
}

type JitFn = extern "sysv64" fn(*mut u64, *mut u8) -> u64;

/// Maps `m`'s code and calls it at offset 0 with `frame` and `vm`.
fn run(m: MacroAssembler, frame: &mut [u64], vm: &mut [u8]) -> u64 {
    run_code(&m.finish().unwrap(), frame, vm)
}

fn run_code(code: &Assembled, frame: &mut [u64], vm: &mut [u8]) -> u64 {
    let mem = CodeMemory::new(1 << 20);
    let code = mem.alloc(code).unwrap();
    // SAFETY: every test function starts at offset 0 with `prologue` and ends
    // every path with `epilogue`, so it is a well-formed sysv64 function of
    // type `JitFn`; it only touches the frame and vm buffers it is given, and
    // `code` keeps it mapped during the call.
    let f: JitFn = unsafe { std::mem::transmute(code.start()) };
    f(frame.as_mut_ptr(), vm.as_mut_ptr())
}

#[test]
fn runs_add_of_two_slots() {
    let mut m = MacroAssembler::new();
    m.prologue();
    m.mov_slot_to_reg(TMP0, 0);
    m.mov_slot_to_reg(TMP1, 1);
    m.add(TMP0, TMP1);
    m.mov_reg_to_slot(2, TMP0);
    m.epilogue();
    let mut frame = [5u64, 7, 0];
    assert_eq!(run(m, &mut frame, &mut [0]), 12);
    assert_eq!(frame, [5, 7, 12]);
}

#[test]
fn runs_arithmetic() {
    // ((a - b) * c & d | e) ^ f, with a wrapping subtraction.
    let mut m = MacroAssembler::new();
    m.prologue();
    m.mov_slot_to_reg(TMP0, 0);
    m.mov_slot_to_reg(TMP1, 1);
    m.sub(TMP0, TMP1);
    m.mov_slot_to_reg(TMP1, 2);
    m.imul(TMP0, TMP1);
    m.mov_slot_to_reg(TMP2, 3);
    m.and(TMP0, TMP2);
    m.mov_imm(TMP2, 0x1_0000_0000);
    m.or(TMP0, TMP2);
    m.mov_imm(TMP1, u64::MAX);
    m.xor(TMP0, TMP1);
    m.add_imm(TMP0, -1);
    m.epilogue();
    let (a, b, c, d) = (3u64, 10u64, 7u64, 0xffff_ffffu64);
    let want = ((a.wrapping_sub(b).wrapping_mul(c) & d) | 0x1_0000_0000) ^ u64::MAX;
    assert_eq!(run(m, &mut [a, b, c, d], &mut [0]), want.wrapping_sub(1));
}

#[test]
fn runs_loop_summing_one_to_n() {
    let mut m = MacroAssembler::new();
    let top = m.new_label();
    let done = m.new_label();
    m.prologue();
    m.mov_imm(TMP0, 0); // sum
    m.mov_imm(TMP1, 1); // i
    m.mov_slot_to_reg(TMP2, 0); // n
    m.cmp(TMP1, TMP2);
    m.jcc(Cond::Gt, done);
    m.bind(top);
    m.add(TMP0, TMP1);
    m.add_imm(TMP1, 1);
    m.cmp(TMP1, TMP2);
    m.jcc(Cond::Le, top); // backward
    m.bind(done);
    m.epilogue();
    let code = m.finish().unwrap();
    for n in [0u64, 1, 10, 100_000] {
        assert_eq!(
            run_code(&code, &mut [n], &mut [0]),
            n * (n + 1) / 2,
            "n = {n}"
        );
    }
}

#[test]
fn conditions_mean_what_they_say() {
    type Pred = fn(u64, u64) -> bool;
    let conds: [(Cond, Pred); 10] = [
        (Cond::Eq, |a, b| a == b),
        (Cond::Ne, |a, b| a != b),
        (Cond::Lt, |a, b| (a as i64) < b as i64),
        (Cond::Le, |a, b| (a as i64) <= b as i64),
        (Cond::Gt, |a, b| (a as i64) > b as i64),
        (Cond::Ge, |a, b| (a as i64) >= b as i64),
        (Cond::Below, |a, b| a < b),
        (Cond::BelowEq, |a, b| a <= b),
        (Cond::Above, |a, b| a > b),
        (Cond::AboveEq, |a, b| a >= b),
    ];
    let pairs = [(1u64, 2u64), (2, 2), (3, 2), (u64::MAX, 1), (1, u64::MAX)];
    for (cond, pred) in conds {
        for (a, b) in pairs {
            let mut m = MacroAssembler::new();
            let yes = m.new_label();
            m.prologue();
            m.mov_slot_to_reg(TMP0, 0);
            m.mov_slot_to_reg(TMP1, 1);
            m.cmp(TMP0, TMP1);
            m.jcc(cond, yes);
            m.mov_imm(RET, 0);
            m.epilogue();
            m.bind(yes);
            m.mov_imm(RET, 1);
            m.epilogue();
            let got = run(m, &mut [a, b], &mut [0]) == 1;
            assert_eq!(got, pred(a, b), "{cond:?} on ({a}, {b})");
        }
    }
}

/// Returns `frame[0] + vm[0]`, or 0 if the stack was not 16-byte aligned at
/// the call (a local of alignment 16 would then be misplaced).
extern "sysv64" fn helper(frame: *mut u64, vm: *mut u8) -> u64 {
    #[repr(align(16))]
    struct Aligned(#[allow(dead_code)] u8);
    let probe = std::hint::black_box(Aligned(0));
    if !std::hint::black_box(&probe as *const Aligned as usize).is_multiple_of(16) {
        return 0;
    }
    // SAFETY: the tests pass pointers to live buffers of at least one element.
    unsafe { *frame + *vm as u64 }
}

#[test]
fn runs_call_to_rust_helper() {
    let mut m = MacroAssembler::new();
    m.prologue();
    m.mov_imm(SAVED0, 1000); // must survive the call
    m.mov(ARGS[0], FRAME);
    m.mov(ARGS[1], VM);
    m.call_abs(helper as JitFn as usize);
    m.add(RET, SAVED0);
    m.mov_reg_to_slot(1, RET);
    m.epilogue();
    let mut frame = [40u64, 0];
    assert_eq!(run(m, &mut frame, &mut [2]), 1042);
    assert_eq!(frame[1], 1042);
}

/// A guarded call in the shape emitters will use: compare a word behind `VM`
/// with an expected value, call directly on a hit, through a loaded pointer on
/// a miss.
#[test]
fn runs_guard_with_memory_compare_and_indirect_call() {
    extern "sysv64" fn hit(_: *mut u64, _: *mut u8) -> u64 {
        1
    }
    extern "sysv64" fn miss(_: *mut u64, _: *mut u8) -> u64 {
        2
    }
    let mut m = MacroAssembler::new();
    let slow = m.new_label();
    let done = m.new_label();
    m.prologue();
    m.cmp_mem_imm32(Mem::at(VM, 8), 0x1234);
    m.jne(slow);
    m.call_abs(hit as JitFn as usize);
    m.jmp(done);
    m.bind(slow);
    m.load(TMP1, Mem::at(VM, 0));
    m.cmp(Mem::at(VM, 8), TMP1); // never equal in this test: vm[8] != vm[0]
    m.je(done);
    m.load(TMP1, Mem::slot(0));
    m.call_reg(TMP1);
    m.bind(done);
    m.epilogue();
    let code = m.finish().unwrap();
    let mem = CodeMemory::new(1 << 20);
    let code = mem.alloc(&code).unwrap();
    // SAFETY: starts with `prologue`, ends every path with `epilogue`; reads
    // only vm[0..16] and frame[0], which the calls below provide.
    let f: JitFn = unsafe { std::mem::transmute(code.start()) };
    let mut vm = [0u8; 16];
    vm[8..].copy_from_slice(&0x1234u64.to_le_bytes());
    let mut frame = [miss as JitFn as usize as u64];
    assert_eq!(f(frame.as_mut_ptr(), vm.as_mut_ptr()), 1);
    vm[8..].copy_from_slice(&0x9999u64.to_le_bytes());
    assert_eq!(f(frame.as_mut_ptr(), vm.as_mut_ptr()), 2);
}

/// `prologue; f; epilogue`, assembled.
fn compile(f: impl FnOnce(&mut MacroAssembler)) -> Assembled {
    let mut m = MacroAssembler::new();
    m.prologue();
    f(&mut m);
    m.epilogue();
    m.finish().unwrap()
}

#[test]
fn runs_signed_and_unsigned_division() {
    // frame: a, b -> a/b, a%b signed, then unsigned.
    let code = compile(|m| {
        m.mov_slot_to_reg(TMP1, 1);
        m.mov_slot_to_reg(TMP0, 0);
        m.mov_imm(TMP2, 0xdead_beef); // idiv must not see stale high bits
        m.idiv(TMP1);
        m.mov_reg_to_slot(2, TMP0);
        m.mov_reg_to_slot(3, TMP2);
        m.mov_slot_to_reg(TMP0, 0);
        m.mov_imm(TMP2, u64::MAX); // neither may udiv
        m.udiv(TMP1);
        m.mov_reg_to_slot(4, TMP0);
        m.mov_reg_to_slot(5, TMP2);
    });
    let pairs: [(i64, i64); 10] = [
        (7, 2),
        (-7, 2),
        (7, -2),
        (-7, -2),
        (0, 5),
        (5, 7),
        (i64::MAX, 3),
        (i64::MIN, 7),
        (-1, 1 << 40),
        (i64::MIN, i64::MAX),
    ];
    for (a, b) in pairs {
        let mut frame = [a as u64, b as u64, 0, 0, 0, 0];
        run_code(&code, &mut frame, &mut [0]);
        let (ua, ub) = (a as u64, b as u64);
        assert_eq!(
            frame[2..],
            [(a / b) as u64, (a % b) as u64, ua / ub, ua % ub],
            "{a} / {b}"
        );
    }
}

#[test]
fn set_materializes_every_integer_condition() {
    type Pred = fn(u64, u64) -> bool;
    let conds: [(Cond, Pred); 10] = [
        (Cond::Eq, |a, b| a == b),
        (Cond::Ne, |a, b| a != b),
        (Cond::Lt, |a, b| (a as i64) < b as i64),
        (Cond::Le, |a, b| (a as i64) <= b as i64),
        (Cond::Gt, |a, b| (a as i64) > b as i64),
        (Cond::Ge, |a, b| (a as i64) >= b as i64),
        (Cond::Below, |a, b| a < b),
        (Cond::BelowEq, |a, b| a <= b),
        (Cond::Above, |a, b| a > b),
        (Cond::AboveEq, |a, b| a >= b),
    ];
    let pairs = [(1u64, 2u64), (2, 2), (3, 2), (u64::MAX, 1), (1, u64::MAX)];
    // Byte registers that need an empty REX (sil, dil), REX.B (r8b, r11b)
    // or none (al, bl).
    for dst in [TMP0, SAVED0, RSI, RDI, R8, R11] {
        for (cond, pred) in conds {
            let code = compile(|m| {
                m.mov_imm(dst, u64::MAX); // set must clear all upper bits
                m.mov_slot_to_reg(TMP1, 0);
                m.mov_slot_to_reg(TMP2, 1);
                m.cmp(TMP1, TMP2);
                m.set(cond, dst);
                m.mov(RET, dst);
            });
            for (a, b) in pairs {
                let got = run_code(&code, &mut [a, b], &mut [0]);
                assert_eq!(got, pred(a, b) as u64, "{cond:?} into {dst} on ({a}, {b})");
            }
        }
    }
}

#[test]
fn set_after_ucomisd_reports_order_and_nan() {
    let conds = [
        Cond::Parity,
        Cond::NoParity,
        Cond::Eq,
        Cond::Below,
        Cond::BelowEq,
        Cond::Above,
        Cond::AboveEq,
    ];
    let pairs = [
        (1.0, 2.0),
        (2.0, 1.0),
        (1.5, 1.5),
        (-0.0, 0.0),
        (f64::NEG_INFINITY, f64::INFINITY),
        (f64::NAN, 1.0),
        (1.0, f64::NAN),
        (f64::NAN, f64::NAN),
    ];
    for (xa, xb) in [(0, 1), (9, 12)] {
        let code = compile(|m| {
            m.mov_slot_to_reg(TMP0, 0);
            m.to_xmm(xa, TMP0);
            m.mov_slot_to_reg(TMP0, 1);
            m.to_xmm(xb, TMP0);
            m.ucomisd(xa, xb);
            for (i, cond) in conds.into_iter().enumerate() {
                m.set(cond, RSI); // neither setcc, movzx nor mov touch flags
                m.mov_reg_to_slot(2 + i as u32, RSI);
            }
        });
        for (a, b) in pairs {
            let mut frame = [0u64; 9];
            frame[0] = f64::to_bits(a);
            frame[1] = f64::to_bits(b);
            run_code(&code, &mut frame, &mut [0]);
            // Unordered sets ZF, PF and CF: "equal" and "below" as well.
            let nan = a.is_nan() || b.is_nan();
            let want = [
                nan,
                !nan,
                nan || a == b,
                nan || a < b,
                nan || a <= b,
                !nan && a > b,
                !nan && a >= b,
            ]
            .map(u64::from);
            assert_eq!(frame[2..], want, "ucomisd xmm{xa}, xmm{xb} on ({a}, {b})");
        }
    }
}

#[test]
fn runs_float_arithmetic() {
    type Op = fn(f64, f64) -> f64;
    let ops: [(FloatOp, Op); 4] = [
        (FloatOp::Add, |a, b| a + b),
        (FloatOp::Sub, |a, b| a - b),
        (FloatOp::Mul, |a, b| a * b),
        (FloatOp::Div, |a, b| a / b),
    ];
    let pairs: [(f64, f64); 6] = [
        (1.5, 2.25),
        (-3.0, 0.1),
        (1e300, 1e300),
        (1.0, 0.0),
        (0.0, 0.0),
        (f64::NAN, 1.0),
    ];
    for (op, f) in ops {
        let code = compile(|m| {
            m.mov_slot_to_reg(R8, 0);
            m.to_xmm(0, R8);
            m.mov_slot_to_reg(R9, 1);
            m.to_xmm(1, R9);
            m.float_op(op);
            m.from_xmm(RET, 0);
        });
        for (a, b) in pairs {
            let got = f64::from_bits(run_code(&code, &mut [a.to_bits(), b.to_bits()], &mut [0]));
            let want = f(a, b);
            assert!(
                got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                "{op:?} on ({a}, {b}): {got} != {want}"
            );
        }
    }
}

#[test]
fn runs_int_float_conversions() {
    // slot 0: i -> slot 1: bits of (f64)i, slot 2: (i64) back again;
    // slot 3: bits of a double -> slot 4: truncated to i64.
    let code = compile(|m| {
        m.mov_slot_to_reg(RSI, 0);
        m.cvt_i2f(RSI);
        m.from_xmm(TMP0, 0);
        m.mov_reg_to_slot(1, TMP0);
        m.cvt_f2i(R9);
        m.mov_reg_to_slot(2, R9);
        m.mov_slot_to_reg(TMP1, 3);
        m.to_xmm(0, TMP1);
        m.cvt_f2i(R10);
        m.mov_reg_to_slot(4, R10);
    });
    // Exactly representable integers survive the round trip.
    let ints = [
        0i64,
        1,
        -1,
        42,
        -123_456_789,
        1 << 53,
        -(1 << 53),
        1 << 62,
        i64::MIN,
    ];
    for i in ints {
        let mut frame = [i as u64, 0, 0, 0, 0];
        run_code(&code, &mut frame, &mut [0]);
        assert_eq!(frame[1], (i as f64).to_bits(), "cvtsi2sd {i}");
        assert_eq!(frame[2] as i64, i, "round trip of {i}");
    }
    // Truncation toward zero; NaN and out of range give i64::MIN.
    let floats = [
        (2.7, 2),
        (-2.7, -2),
        (0.5, 0),
        (-0.0, 0),
        (9.2e18, 9_200_000_000_000_000_000),
        (i64::MIN as f64, i64::MIN),
        (-(i64::MIN as f64), i64::MIN), // 2^63,
        (1e300, i64::MIN),
        (f64::NEG_INFINITY, i64::MIN),
        (f64::NAN, i64::MIN),
    ];
    for (f, want) in floats {
        let mut frame = [0, 0, 0, f.to_bits(), 0];
        run_code(&code, &mut frame, &mut [0]);
        assert_eq!(frame[4] as i64, want, "cvttsd2si {f}");
    }
}

#[test]
fn runs_every_extension() {
    type Conv = fn(u64) -> u64;
    let exts: [(Ext, Conv); 6] = [
        (Ext::S8, |v| v as i8 as u64),
        (Ext::S16, |v| v as i16 as u64),
        (Ext::S32, |v| v as i32 as u64),
        (Ext::U8, |v| v as u8 as u64),
        (Ext::U16, |v| v as u16 as u64),
        (Ext::U32, |v| v as u32 as u64),
    ];
    let values = [
        0x0123_4567_89ab_cdefu64,
        0xffff_ffff_7fff_7f80,
        0x8000_0000_0000_0001,
        0xfedc_ba98_0123_4567,
        u64::MAX,
        0,
    ];
    for (dst, src) in [(TMP0, TMP1), (RSI, RDI), (R8, RSI), (R9, R10), (R11, R11)] {
        for (ext, conv) in exts {
            let code = compile(|m| {
                m.mov_imm(dst, u64::MAX); // the extension must overwrite all 64 bits
                m.mov_slot_to_reg(src, 0);
                m.extend(ext, dst, src);
                m.mov(RET, dst);
            });
            for v in values {
                let got = run_code(&code, &mut [v], &mut [0]);
                assert_eq!(got, conv(v), "{ext:?} {dst}, {src} of {v:#x}");
            }
        }
    }
}

#[test]
fn runs_shifts_unary_and_test() {
    let code = compile(|m| {
        m.mov_slot_to_reg(TMP0, 0);
        m.mov_slot_to_reg(TMP1, 1); // shift count in cl
        m.mov(RSI, TMP0);
        m.shl_cl(RSI);
        m.mov_reg_to_slot(2, RSI);
        m.mov(R8, TMP0);
        m.sar_cl(R8);
        m.mov_reg_to_slot(3, R8);
        m.mov(RDI, TMP0);
        m.shr_cl(RDI);
        m.mov_reg_to_slot(4, RDI);
        m.mov(R9, TMP0);
        m.neg(R9);
        m.mov_reg_to_slot(5, R9);
        m.mov(R10, TMP0);
        m.not(R10);
        m.mov_reg_to_slot(6, R10);
        m.imul_imm(R11, TMP0, -7);
        m.mov_reg_to_slot(7, R11);
        m.mov_slot_to_reg(TMP2, 8);
        m.test(TMP0, TMP2);
        m.set(Cond::Ne, RSI); // a & mask != 0
        m.mov_reg_to_slot(9, RSI);
    });
    let values = [
        0x8000_0000_0000_0f0fu64,
        1,
        0,
        u64::MAX,
        0x0123_4567_89ab_cdef,
    ];
    // x86 masks 64-bit shift counts to 6 bits, as `wrapping_sh*` does.
    let counts = [0u64, 1, 13, 63, 64, 65];
    for a in values {
        for c in counts {
            let mask = 0xff00;
            let mut frame = [a, c, 0, 0, 0, 0, 0, 0, mask, 0];
            run_code(&code, &mut frame, &mut [0]);
            let c = c as u32;
            let want = [
                a.wrapping_shl(c),
                (a as i64).wrapping_shr(c) as u64,
                a.wrapping_shr(c),
                a.wrapping_neg(),
                !a,
                a.wrapping_mul(-7i64 as u64),
                mask,
                (a & mask != 0) as u64,
            ];
            assert_eq!(frame[2..], want, "a = {a:#x}, count = {c}");
        }
    }
}

#[test]
fn runs_memory_operands_and_block_moves() {
    let mut frame = [0u64; 20];
    frame[..3].copy_from_slice(&[10, 20, 30]);
    frame[9] = 100; // bumped twice
    frame[13] = 0x5e47; // sentinels after the rep stores
    frame[17] = 0x5e47;
    let counter = frame.as_mut_ptr() as u64 + 9 * 8;
    let mut vm = [0u8; 32];
    vm[4..8].copy_from_slice(&0xdead_beefu32.to_le_bytes());
    vm[8..16].copy_from_slice(&0x1122_3344_5566_7788u64.to_le_bytes());
    let code = compile(|m| {
        m.store_imm(Mem::slot(3), -5);
        m.lea(RSI, Mem::at(FRAME, 40));
        m.store_imm(Mem::at(RSI, -8), 77); // slot 4
        m.mov_imm(TMP1, 2);
        m.load_indexed(TMP0, FRAME, TMP1, 8); // slot 3
        m.store_indexed(FRAME, TMP1, 24, TMP0); // slot 5
        m.load_indexed(R8, VM, TMP1, -8); // vm[8..16]
        m.mov_reg_to_slot(6, R8);
        m.mov_imm(TMP2, u64::MAX);
        m.load32(TMP2, Mem::at(VM, 4)); // zero-extends
        m.mov_reg_to_slot(7, TMP2);
        m.push_mem(Mem::slot(0));
        m.pop_mem(Mem::slot(8));
        m.bump(R11, counter);
        m.bump(TMP0, counter);
        m.lea(RDI, Mem::slot(10));
        m.mov_imm(TMP0, 0xabab_abab_abab_abab);
        m.mov_imm(TMP1, 3);
        m.rep_stosq(); // slots 10..13
        m.mov(RSI, FRAME);
        m.lea(RDI, Mem::slot(14));
        m.mov_imm(TMP1, 3);
        m.rep_movsq(); // slots 0..3 to 14..17
        m.mov_imm(RET, 0);
    });
    run_code(&code, &mut frame, &mut vm);
    let fill = 0xabab_abab_abab_abab;
    assert_eq!(
        frame,
        [
            10,
            20,
            30,
            -5i64 as u64,
            77,
            -5i64 as u64,
            0x1122_3344_5566_7788,
            0xdead_beef,
            10,
            102,
            fill,
            fill,
            fill,
            0x5e47,
            10,
            20,
            30,
            0x5e47,
            0,
            0
        ]
    );
}

#[test]
fn runs_native_stack_pointer_ops() {
    let code = compile(|m| {
        m.sub_rsp(32);
        m.store_rsp(Mem::at(VM, 0));
        m.mov_slot_to_reg(TMP0, 0);
        m.push_reg(TMP0);
        m.cmp_rsp_mem(Mem::at(VM, 0));
        m.set(Cond::Below, RSI); // a push moves rsp down
        m.mov_reg_to_slot(1, RSI);
        m.pop_reg(R9);
        m.mov_reg_to_slot(2, R9);
        m.cmp_rsp_mem(Mem::at(VM, 0));
        m.set(Cond::Eq, RSI);
        m.mov_reg_to_slot(3, RSI);
        m.add_rsp(16);
        m.load_rsp(Mem::at(VM, 0)); // back to the saved value
        m.cmp_rsp_mem(Mem::at(VM, 0));
        m.set(Cond::Eq, RSI);
        m.mov_reg_to_slot(4, RSI);
        m.add_rsp(32);
        m.store_rsp(Mem::at(VM, 8));
    });
    let mut frame = [0x0bad_cafe, 0, 0, 0, 0];
    let mut vm = [0u8; 16];
    run_code(&code, &mut frame, &mut vm);
    assert_eq!(frame, [0x0bad_cafe, 1, 0x0bad_cafe, 1, 1]);
    let low = u64::from_le_bytes(vm[..8].try_into().unwrap());
    let high = u64::from_le_bytes(vm[8..].try_into().unwrap());
    assert_eq!(high - low, 32);
    assert_eq!(
        low % 16,
        0,
        "rsp is 16-aligned after the prologue and sub 32"
    );
}

#[test]
fn runs_indirect_calls_and_jumps() {
    extern "sysv64" fn add_one(x: u64) -> u64 {
        x + 1
    }
    extern "sysv64" fn times_ten(x: u64) -> u64 {
        x * 10
    }
    type Unary = extern "sysv64" fn(u64) -> u64;
    let code = compile(|m| {
        let skip = m.new_label();
        m.mov_slot_to_reg(ARGS[0], 0);
        m.call_mem(Mem::at(VM, 0)); // add_one
        m.mov(ARGS[0], RET);
        m.mov_imm(TMP1, 1);
        m.call_indexed(VM, TMP1); // times_ten, [r13 + 1*8]
        m.mov(ARGS[0], RET);
        m.mov_imm(TMP1, 2);
        m.call_indexed(FRAME, TMP1); // add_one, [r12 + 2*8]
        m.lea_label(TMP2, skip);
        m.jmp_reg(TMP2);
        m.mov_imm(RET, 999); // jumped over
        m.bind(skip);
    });
    let mut vm = [0u8; 16];
    vm[..8].copy_from_slice(&(add_one as Unary as usize as u64).to_le_bytes());
    vm[8..].copy_from_slice(&(times_ten as Unary as usize as u64).to_le_bytes());
    let mut frame = [4, 0, add_one as Unary as usize as u64];
    assert_eq!(run_code(&code, &mut frame, &mut vm), 51);
}

/// W^X seen from inside: compiled code calls a helper that reads
/// `/proc/self/maps` while the code is running (its return address is on
/// the stack). No mapping of the process may be writable and executable,
/// and the mapping holding the running code must be `r-x`.
#[test]
fn no_mapping_is_writable_and_executable_while_code_runs() {
    extern "sysv64" fn inspect(frame: *mut u64, _: *mut u8) -> u64 {
        let maps = std::fs::read_to_string("/proc/self/maps").expect("/proc/self/maps");
        // SAFETY: the test passes a frame of two words: the code's address, then a result.
        let code = unsafe { *frame };
        let mut code_perms = None;
        for line in maps.lines() {
            let mut w = line.split_whitespace();
            let (range, perms) = (w.next().unwrap_or(""), w.next().unwrap_or(""));
            if perms.contains('w') && perms.contains('x') {
                panic!("writable and executable while compiled code runs: {line}");
            }
            let (lo, hi) = range.split_once('-').unwrap_or(("0", "0"));
            let lo = u64::from_str_radix(lo, 16).unwrap_or(0);
            let hi = u64::from_str_radix(hi, 16).unwrap_or(0);
            if (lo..hi).contains(&code) {
                code_perms = Some(perms.to_string());
            }
        }
        assert_eq!(
            code_perms.as_deref().map(|p| &p[..3]),
            Some("r-x"),
            "{maps}"
        );
        7
    }
    let mut m = MacroAssembler::new();
    m.prologue();
    m.mov(ARGS[0], FRAME);
    m.mov(ARGS[1], VM);
    m.call_abs(inspect as JitFn as usize);
    m.mov_reg_to_slot(1, RET);
    m.epilogue();
    let code = m.finish().unwrap();
    let mem = CodeMemory::new(1 << 20);
    let code = mem.alloc(&code).unwrap();
    // SAFETY: starts with `prologue`, ends with `epilogue`; touches frame[0..2] only.
    let f: JitFn = unsafe { std::mem::transmute(code.start()) };
    let mut frame = [code.start() as u64, 0];
    assert_eq!(f(frame.as_mut_ptr(), [0u8].as_mut_ptr()), 7);
    assert_eq!(frame[1], 7);
}

#[test]
fn encodes_scaled_index_addresses_and_alu_memory_operands() {
    // [base + index*scale + disp] for slice elements; scale 1 takes a
    // SIB byte with ss=00.
    check(
        |m| m.load_sib(RSI, RBP, TMP0, 8, 8),
        "488b74c508",
        &["mov rsi, [rbp+rax*8+8]"],
    );
    check(
        |m| m.load_sib(TMP1, RDI, RSI, 1, 0),
        "488b0c37",
        &["mov rcx, [rdi+rsi]"],
    );
    check(
        |m| m.store_sib(RBP, TMP0, 8, 16, RDI),
        "48897cc510",
        &["mov [rbp+rax*8+10h], rdi"],
    );
    check(
        |m| m.lea_sib(TMP0, RSI, TMP0, 1, 0),
        "488d0406",
        &["lea rax, [rsi+rax]"],
    );
    check(
        |m| m.lea_sib(RDI, RSI, RSI, 2, 0),
        "488d3c76",
        &["lea rdi, [rsi+rsi*2]"],
    );
    check(
        |m| m.lea_sib(TMP0, TMP0, TMP0, 4, 0),
        "488d0480",
        &["lea rax, [rax+rax*4]"],
    );
    // A string's byte, zero-extended; a conditional move.
    check(
        |m| m.load_u8_sib(RSI, RDI, TMP0, 0),
        "0fb63407",
        &["movzx esi, byte ptr [rdi+rax]"],
    );
    check(|m| m.cmovne(TMP0, RSI), "480f45c6", &["cmovne rax, rsi"]);
    // A byte stored: REX even for rsi, so that it is sil.
    check(
        |m| m.store_u8_sib(RDI, TMP0, 0, RSI),
        "40883407",
        &["mov [rdi+rax], sil"],
    );
    check(
        |m| m.store8(Mem::at(RDI, 0), TMP0),
        "408807",
        &["mov [rdi], al"],
    );
    // A short copy's loads and stores, 1 to 8 bytes, the last ones at
    // `base + n - w`.
    check(
        |m| m.load_n(1, TMP0, RSI, None, 0),
        "0fb606",
        &["movzx eax, byte ptr [rsi]"],
    );
    check(
        |m| m.load_n(2, TMP1, RSI, Some(RDI), -2),
        "0fb74c3efe",
        &["movzx ecx, word ptr [rsi+rdi-2]"],
    );
    check(
        |m| m.load_n(4, TMP0, R8, Some(R9), -4),
        "438b4408fc",
        &["mov eax, [r8+r9-4]"],
    );
    check(
        |m| m.load_n(8, TMP1, RSI, None, 0),
        "488b0e",
        &["mov rcx, [rsi]"],
    );
    check(
        |m| m.store_n(1, RDI, Some(RSI), -1, RSI),
        "40887437ff",
        &["mov [rdi+rsi-1], sil"],
    );
    check(
        |m| m.store_n(2, R8, None, 0, TMP1),
        "66418908",
        &["mov [r8], cx"],
    );
    check(
        |m| m.store_n(4, RDI, Some(R9), -4, TMP0),
        "4289440ffc",
        &["mov [rdi+r9-4], eax"],
    );
    check(
        |m| m.store_n(8, RDI, Some(RSI), -8, TMP1),
        "48894c37f8",
        &["mov [rdi+rsi-8], rcx"],
    );
    // A folded load: the operation reads its right operand from memory.
    check(
        |m| m.add_rm(RSI, Mem::at(RDI, 0)),
        "480337",
        &["add rsi, [rdi]"],
    );
    check(
        |m| m.sub_rm(TMP0, Mem::at(RBP, 8)),
        "482b4508",
        &["sub rax, [rbp+8]"],
    );
    check(
        |m| m.imul_rm(RDI, Mem::at(RSI, 16)),
        "480faf7e10",
        &["imul rdi, [rsi+10h]"],
    );
    check(
        |m| m.cmp_rm(RSI, Mem::at(RDI, 8)),
        "483b7708",
        &["cmp rsi, [rdi+8]"],
    );
}

/// Every base and index register with displacements at the edges of each
/// encoding: the decoder reads back the same operand, and the displacement
/// takes no byte when zero (except for an rbp/r13 base), one when it fits,
/// else four.
#[test]
fn memory_operands_take_their_shortest_encoding() {
    use iced_x86::{Decoder, DecoderOptions, Register};
    let regs = [
        Rq::RAX,
        Rq::RCX,
        Rq::RDX,
        Rq::RBX,
        Rq::RSP,
        Rq::RBP,
        Rq::RSI,
        Rq::RDI,
        Rq::R8,
        Rq::R9,
        Rq::R10,
        Rq::R11,
        Rq::R12,
        Rq::R13,
        Rq::R14,
        Rq::R15,
    ];
    let gpr = |r: Rq| Register::RAX + (r as u8 as u32);
    let disps = [0, 1, -1, 127, -128, 128, -129, 0x1234_5678, i32::MIN];
    for &base in &regs {
        for index in regs
            .iter()
            .filter(|&&r| r != Rq::RSP)
            .copied()
            .map(Some)
            .chain([None])
        {
            for &disp in &disps {
                for scale in [1u8, 8] {
                    let mut m = MacroAssembler::new();
                    match index {
                        Some(i) => m.load_sib(TMP1, Reg(base), Reg(i), scale, disp),
                        None => m.load(TMP1, Mem::at(Reg(base), disp)),
                    }
                    let code = m.finish().unwrap();
                    let mut d = Decoder::new(64, &code.bytes, DecoderOptions::NONE);
                    let ins = d.decode();
                    let what = format!("{base:?}+{index:?}*{scale}+{disp}: {}", hex(&code.bytes));
                    assert_eq!(ins.len(), code.bytes.len(), "{what}");
                    assert_eq!(ins.op0_register(), Register::RCX, "{what}");
                    assert_eq!(ins.memory_base(), gpr(base), "{what}");
                    match index {
                        Some(i) => {
                            assert_eq!(ins.memory_index(), gpr(i), "{what}");
                            assert_eq!(ins.memory_index_scale(), scale as u32, "{what}");
                        }
                        None => assert_eq!(ins.memory_index(), Register::None, "{what}"),
                    }
                    assert_eq!(ins.memory_displacement64() as i64, disp as i64, "{what}");
                    let want = if disp == 0 && !matches!(base, Rq::RBP | Rq::R13) {
                        0
                    } else if i8::try_from(disp).is_ok() {
                        1
                    } else {
                        4
                    };
                    // (iced-x86 sizes a disp32 in 64-bit code as 8.)
                    let got = match ins.memory_displ_size() {
                        8 => 4,
                        n => n,
                    };
                    assert_eq!(got, want, "{what}");
                }
            }
        }
    }
}

/// Immediates of the `81`/`83` group: one byte when it fits.
#[test]
fn alu_immediates_take_their_shortest_encoding() {
    check(|m| m.add_imm(TMP0, 1), "4883c001", &["add rax, 1"]);
    check(
        |m| m.add_imm(R15, -128),
        "4983c780",
        &["add r15, 0FFFFFFFFFFFFFF80h"],
    );
    check(|m| m.add_imm(R8, 128), "4981c080000000", &["add r8, 80h"]);
    check(
        |m| m.and_imm(TMP1, 0x3FF),
        "4881e1ff030000",
        &["and rcx, 3FFh"],
    );
    check(|m| m.cmp(R9, 7), "4983f907", &["cmp r9, 7"]);
    check(
        |m| m.cmp(Mem::at(VM, 8), 0),
        "49837d0800",
        &["cmp qword ptr [r13+8], 0"],
    );
    check(
        |m| m.imul_imm(R10, RSI, 3),
        "4c6bd603",
        &["imul r10, rsi, 3"],
    );
    check(
        |m| m.imul_imm(TMP0, R11, 1000),
        "4969c3e8030000",
        &["imul rax, r11, 3E8h"],
    );
}

/// An rbp or r13 base without displacement trades places with an index of
/// scale 1 (two-part `lea`); with a scaled index it keeps its zero byte.
#[test]
fn lea_avoids_a_zero_displacement_on_rbp_and_r13() {
    check(
        |m| m.lea_sib(TMP0, RBP, RSI, 1, 0),
        "488d042e",
        &["lea rax, [rsi+rbp]"],
    );
    check(
        |m| m.lea_sib(TMP0, VM, VM, 2, 0),
        "4b8d446d00",
        &["lea rax, [r13+r13*2]"],
    );
}

#[test]
fn align_nop_pads_to_the_boundary_with_few_long_nops() {
    use iced_x86::{Decoder, DecoderOptions, Mnemonic};
    for start in 0..40 {
        let mut m = MacroAssembler::new();
        for _ in 0..start {
            m.ops.push(0x90);
        }
        m.align_nop(32);
        assert_eq!(m.offset() % 32, 0, "from {start}");
        assert!(m.offset() - start < 32, "from {start}");
        let code = m.finish().unwrap();
        let pad = &code.bytes[start..];
        let mut d = Decoder::with_ip(64, pad, 0, DecoderOptions::NONE);
        let mut n = 0;
        while d.can_decode() {
            let i = d.decode();
            assert!(
                matches!(i.mnemonic(), Mnemonic::Nop),
                "from {start}: {i} in {}",
                hex(pad)
            );
            n += 1;
        }
        // (Nine bytes at most per nop.)
        assert_eq!(n, pad.len().div_ceil(9), "from {start}: {}", hex(pad));
    }
}

#[test]
fn float_constants_are_read_from_the_pool_after_the_code() {
    let mut m = MacroAssembler::new();
    let half = m.constant(0x3FE0_0000_0000_0000);
    m.load_xmm_const(2, half);
    m.float_op_const(FloatOp::Mul, 3, half);
    let four = m.constant(0x4010_0000_0000_0000);
    m.ucomisd_const(3, four);
    // (One pool entry per value.)
    assert_eq!(m.constant(0x3FE0_0000_0000_0000), half);
    m.ret();
    let code = m.finish().unwrap();
    let &[(start, end)] = code.data.as_slice() else {
        panic!("one data range: {:?}", code.data);
    };
    assert_eq!((start % 8, end - start), (0, 16));
    assert_eq!(
        code.bytes[start..start + 8],
        0x3FE0_0000_0000_0000u64.to_le_bytes()
    );
    assert_eq!(
        code.bytes[start + 8..end],
        0x4010_0000_0000_0000u64.to_le_bytes()
    );
    let text = crate::listing::disassemble(&code.bytes, 0, &code.comments, &code.data);
    let lines: Vec<&str> = text.lines().map(|l| &l[8..]).collect();
    assert_eq!(
        lines[..4],
        [
            format!("movsd xmm2, [{start:X}h]"),
            format!("mulsd xmm3, [{start:X}h]"),
            format!("ucomisd xmm3, [{:X}h]", start + 8),
            "ret".to_string(),
        ],
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "; constants\n  {start:04x}  dq 3FE0000000000000h\n"
        )),
        "{text}"
    );
}

#[test]
fn absolute_compare_encodes_a_disp32_with_no_base() {
    check(
        |m| m.cmp_abs(0x1234_5678, RBP),
        "48392c2578563412",
        &["cmp [12345678h], rbp"],
    );
    check(
        |m| m.cmp_abs(0x7FFF_FFF8, R15),
        "4c393c25f8ffff7f",
        &["cmp [7FFFFFF8h], r15"],
    );
}
