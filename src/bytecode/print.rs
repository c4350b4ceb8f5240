//! The bytecode printer behind `pgojit check --bytecode`.

use std::fmt::Write;

use super::Program;

/// Every function of the program, one after another.
pub fn program(p: &Program) -> String {
    let mut out = String::new();
    for (i, f) in p.funcs.iter().enumerate() {
        let _ = writeln!(
            out,
            "func f{i} {} (params {} words, results {} words, frame {} slots)",
            f.name, f.param_words, f.result_words, f.frame_size
        );
        let ptrs: Vec<String> = f
            .ptr_slots
            .iter()
            .enumerate()
            .filter(|(_, p)| **p)
            .map(|(i, _)| i.to_string())
            .collect();
        let _ = writeln!(out, "  pointer slots: [{}]", ptrs.join(" "));
        for (pc, op) in f.code.iter().enumerate() {
            let pos = f.pos.get(pc).copied().unwrap_or_default();
            let _ = writeln!(
                out,
                "  {pc:4}  {:<8} {op:?}",
                format!("{}:{}", pos.line, pos.col)
            );
        }
        out.push('\n');
    }
    out
}
