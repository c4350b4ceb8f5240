//! Byte-exact encoder tests (each cross-checked by decoding with iced-x86)
//! and execution tests of small JIT-compiled functions.

use super::*;
use crate::abi::{RET, SAVED0, TMP0, TMP1, TMP2};
use crate::code::CodeMemory;
use crate::listing::instructions;

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
        "498b842418000000",
        &["mov rax, [r12+18h]"],
    );
    check(
        |m| m.mov_slot_to_reg(TMP0, 0),
        "498b842400000000",
        &["mov rax, [r12]"],
    );
    check(
        |m| m.mov_reg_to_slot(1000, TMP0),
        "49898424401f0000",
        &["mov [r12+1F40h], rax"],
    );
    check(
        |m| m.load(TMP1, Mem::at(VM, 0)),
        "498b8c2500000000",
        &["mov rcx, [r13]"],
    );
    check(
        |m| m.store(Mem::at(VM, -8), TMP2),
        "49899425f8ffffff",
        &["mov [r13-8], rdx"],
    );
    check(
        |m| m.load(SAVED0, Mem::at(TMP0, 24)),
        "488b9c2018000000",
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
    check(|m| m.add_imm(TMP0, 1), "4881c001000000", &["add rax, 1"]);
    check(
        |m| m.add_imm(VM, -1000),
        "4981c518fcffff",
        &["add r13, 0FFFFFFFFFFFFFC18h"],
    );
}

#[test]
fn encodes_compares() {
    check(|m| m.cmp(TMP0, TMP1), "483bc1", &["cmp rax, rcx"]);
    check(|m| m.cmp(TMP1, 7), "4881f907000000", &["cmp rcx, 7"]);
    check(
        |m| m.cmp(Mem::at(TMP0, 8), TMP2),
        "4839942008000000",
        &["cmp [rax+8], rdx"],
    );
    check(
        |m| m.cmp(Mem::slot(2), -1),
        "4981bc2410000000ffffffff",
        &["cmp qword ptr [r12+10h], 0FFFFFFFFFFFFFFFFh"],
    );
    check(
        |m| m.cmp_mem_imm32(Mem::at(VM, 16), 0x1234),
        "4981bc251000000034120000",
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
    ];
    for (cond, opcode, name) in conds {
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
