//! Annotated disassembly of machine code, as `pgojit disasm` prints it.
//!
//! Each comment recorded by [`crate::MacroAssembler::comment`] is printed as a
//! `; text` line before the instruction at its offset; instructions follow as
//! `  OFFS  mnemonic operands` in Intel syntax (iced-x86).

use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};
use std::fmt::Write;

fn formatter() -> IntelFormatter {
    let mut f = IntelFormatter::new();
    let o = f.options_mut();
    o.set_space_after_operand_separator(true);
    o.set_branch_leading_zeros(false);
    o.set_show_branch_size(false);
    f
}

/// Decodes `bytes` as 64-bit code loaded at `base_addr` (branch targets are
/// printed as absolute addresses; pass 0 to see them as offsets) and returns
/// one text line per instruction with `comments` (code offset, text)
/// interleaved. Comments at or past the end are printed last. The `data`
/// ranges (the constant pool) are printed as `dq` words, not decoded.
pub fn disassemble(
    bytes: &[u8],
    base_addr: u64,
    comments: &[(usize, String)],
    data: &[(usize, usize)],
) -> String {
    let mut comments: Vec<&(usize, String)> = comments.iter().collect();
    comments.sort_by_key(|(at, _)| *at); // stable: same-offset comments keep their order
    let mut next = comments.into_iter().peekable();
    let mut out = String::new();
    let mut fmt = formatter();
    let mut instr = Instruction::default();
    let mut text = String::new();
    // Code between data ranges, each decoded on its own.
    let mut pieces = Vec::new();
    let mut from = 0;
    for &(s, e) in data {
        pieces.push((from, s.min(bytes.len()), false));
        pieces.push((s, e.min(bytes.len()), true));
        from = e;
    }
    pieces.push((from, bytes.len(), false));
    for (s, e, is_data) in pieces {
        if s >= e {
            continue;
        }
        if is_data {
            while let Some((_, c)) = next.next_if(|(o, _)| *o <= s) {
                writeln!(out, "; {c}").unwrap();
            }
            writeln!(out, "; constants").unwrap();
            for (k, w) in bytes[s..e].chunks(8).enumerate() {
                let mut word = [0u8; 8];
                word[..w.len()].copy_from_slice(w);
                writeln!(
                    out,
                    "  {:04x}  dq {:X}h",
                    s + 8 * k,
                    u64::from_le_bytes(word)
                )
                .unwrap();
            }
            continue;
        }
        let mut decoder =
            Decoder::with_ip(64, &bytes[s..e], base_addr + s as u64, DecoderOptions::NONE);
        while decoder.can_decode() {
            decoder.decode_out(&mut instr);
            let at = (instr.ip() - base_addr) as usize;
            while let Some((_, c)) = next.next_if(|(o, _)| *o <= at) {
                writeln!(out, "; {c}").unwrap();
            }
            text.clear();
            fmt.format(&instr, &mut text);
            writeln!(out, "  {at:04x}  {text}").unwrap();
        }
    }
    for (_, c) in next {
        writeln!(out, "; {c}").unwrap();
    }
    out
}

/// The instructions of `bytes` in Intel syntax, one per element, without
/// offsets: for encoder tests.
#[cfg(test)]
pub(crate) fn instructions(bytes: &[u8]) -> Vec<String> {
    let mut fmt = formatter();
    Decoder::with_ip(64, bytes, 0, DecoderOptions::NONE)
        .into_iter()
        .map(|i| {
            assert!(!i.is_invalid(), "undecodable bytes in {bytes:02x?}");
            let mut s = String::new();
            fmt.format(&i, &mut s);
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::{ARGS, CALLEE_SAVED, FRAME, RET, TMP0, TMP1, VM};
    use crate::masm::{Cond, MacroAssembler, Mem};
    use std::path::PathBuf;

    /// Compares `actual` with `jit/tests/golden/NAME.txt`; `PGOJIT_BLESS=1`
    /// rewrites the file instead.
    fn golden(name: &str, actual: &str) {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(format!("{name}.txt"));
        if std::env::var_os("PGOJIT_BLESS").is_some_and(|v| v == "1") {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, actual).unwrap();
            return;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run with PGOJIT_BLESS=1)", path.display()));
        assert_eq!(
            expected,
            actual,
            "listing differs from {}; rerun with PGOJIT_BLESS=1 if intended",
            path.display()
        );
    }

    #[test]
    fn comments_precede_their_instruction() {
        let comments = vec![
            (0, "first".to_string()),
            (1, "second".to_string()),
            (1, "second too".to_string()),
            (9, "after the end".to_string()),
        ];
        // push rbx; ret
        let text = disassemble(&[0x53, 0xc3], 0x1000, &comments, &[]);
        assert_eq!(
            text,
            "; first\n  0000  push rbx\n; second\n; second too\n  0001  ret\n; after the end\n"
        );
    }

    #[test]
    fn golden_guarded_call_listing() {
        // An interface-call-shaped sequence: the kind of code emitters will produce.
        let mut m = MacroAssembler::new();
        let miss = m.new_label();
        let done = m.new_label();
        m.comment("prologue");
        m.prologue();
        m.comment("CallIface site=3");
        m.mov_slot_to_reg(TMP0, 3);
        m.cmp(Mem::at(TMP0, 8), 0x1234);
        m.jcc(Cond::Ne, miss);
        m.mov(ARGS[0], FRAME);
        m.mov(ARGS[1], VM);
        m.call_abs(0x7f00_dead_beef);
        m.jmp(done);
        m.bind(miss);
        m.comment("guard miss site=3 (counter iface_guard_miss)");
        m.load(TMP1, Mem::at(TMP0, 24));
        m.call_reg(TMP1);
        m.bind(done);
        m.mov_reg_to_slot(4, RET);
        m.comment("epilogue");
        m.epilogue();
        assert_eq!(CALLEE_SAVED.len(), 3);
        let code = m.finish().unwrap();
        golden(
            "guarded_call",
            &disassemble(&code.bytes, 0, &code.comments, &code.data),
        );
    }
}
