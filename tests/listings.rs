//! Small golden listings: the machine code of one bytecode instruction, one
//! guarded call site or one OSR entry, cut out of `pgojit disasm`, so a
//! change to one emitter shows as one small diff and a prologue change does
//! not rewrite every file.
//!
//! Each `tests/listings/FAMILY.go` is a few lines of Go with directives in
//! its leading comments:
//!
//! ```text
//! // listing: main.div DivS      every `DivS` of main.div
//! // listing: main.run CallIface every interface call site of main.run
//! // listing: main.run OSR       every OSR entry of main.run
//! // listing: main.f prologue    the code before the first instruction
//! // listing: main.f out-of-line the stubs after the last instruction
//! // flags: --no-inline          extra `pgojit disasm` options
//! ```
//!
//! The listings of a family go to `tests/listings/FAMILY.txt`;
//! `PGOJIT_BLESS=1 cargo test --release --test listings` rewrites them.
//!
//! A function's listing is cut into sections at the comments that start
//! one: each bytecode instruction (`;   5  CallIface {..}`), each OSR entry,
//! the prologue before the first instruction and each out-of-line stub
//! after the last one; the comments inside an instruction's code (guards,
//! inlined bodies, miss paths) stay in its section. A selected section is
//! normalized so that only its own code can change it: offsets count from
//! the section's start, a branch inside the section names its offset
//! (`jne +0070`), a branch out of it names where it lands (`jmp <pc 8>`,
//! `je <nil dereference>`, `<entry>` for the function's first byte, and
//! `<slow path>` for the uncommented code after the last instruction's
//! `ret` that re-runs an instruction in a helper to raise its panic), and
//! addresses are hidden (`--stable` does it in the code,
//! [`hide_decimal_addresses`] in bytecode comments).
//! Runs are deterministic: `--jit-sync` and fixed thresholds.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Fixed here so that a change of the defaults does not change the listings.
const FLAGS: &[&str] = &[
    "disasm",
    "--jit-sync",
    "--stable",
    "--hot-calls=100",
    "--hot-loops=1000",
    // The baseline tier's code, not what replaces it when it is hot again.
    "--no-opt",
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/listings")
}

/// One function's listing, cut into sections.
struct Func {
    /// The `slots in registers: ...` comment, if any: which register holds
    /// which slot, to read a section by.
    regs: Option<String>,
    sections: Vec<Section>,
}

#[derive(Debug, PartialEq)]
enum Kind {
    Prologue,
    /// A bytecode instruction: its pc and opcode name.
    Insn(u32, String),
    Osr,
    OutOfLine,
}

struct Section {
    kind: Kind,
    /// The comment that starts it (empty for the prologue).
    header: String,
    /// Offset of its first instruction (of the next section's, if it has none).
    start: u64,
    /// Comments and instructions after the header, as printed.
    lines: Vec<Line>,
}

enum Line {
    Comment(String),
    Insn(u64, String),
}

/// Comments emitted inside one instruction's code: they do not start a
/// section.
const INLINE_COMMENTS: &[&str] = &[
    "guard ",
    "guards ",
    "guard miss",
    "inlined ",
    "direct call ",
    "indirect call",
    "stress:",
    "--verify-guards: re-check",
    "new object",
];

fn insn_header(c: &str) -> Option<(u32, String)> {
    let t = c.trim_start();
    let (pc, rest) = t.split_once(char::is_whitespace)?;
    let pc = pc.parse().ok()?;
    let name = rest.trim_start().split([' ', '{']).next()?;
    Some((pc, name.to_string()))
}

/// Cuts the `--stable` listing of one function (the lines after its
/// `TEXT` line) into sections.
fn parse_func(text: &str) -> Func {
    let mut regs = None;
    let mut sections = vec![Section {
        kind: Kind::Prologue,
        header: String::new(),
        start: 0,
        lines: vec![],
    }];
    let mut seen_insn = false;
    for line in text.lines() {
        if let Some(c) = line.strip_prefix("; ") {
            let kind = if let Some((pc, name)) = insn_header(c) {
                seen_insn = true;
                Some(Kind::Insn(pc, name))
            } else if c.starts_with("OSR entry at ") {
                Some(Kind::Osr)
            } else if INLINE_COMMENTS.iter().any(|p| c.starts_with(p)) || !seen_insn {
                None
            } else {
                Some(Kind::OutOfLine)
            };
            if c.starts_with("slots in registers:") {
                regs = Some(line.to_string());
            }
            match kind {
                Some(kind) => sections.push(Section {
                    kind,
                    header: line.to_string(),
                    start: u64::MAX,
                    lines: vec![],
                }),
                None => sections
                    .last_mut()
                    .unwrap()
                    .lines
                    .push(Line::Comment(line.to_string())),
            }
        } else if let Some((off, ins)) = line.trim_start().split_once("  ") {
            let off = u64::from_str_radix(off, 16)
                .unwrap_or_else(|_| panic!("not a listing line: {line:?}"));
            let s = sections.last_mut().unwrap();
            if s.start == u64::MAX {
                s.start = off;
            }
            s.lines.push(Line::Insn(off, ins.to_string()));
        }
    }
    // The slow paths (an instruction re-run in a helper to raise its
    // panic) come after the last instruction, a `Ret`, without a comment
    // of their own: they start after its `ret`.
    if let Some(last) = sections
        .iter()
        .rposition(|s| matches!(s.kind, Kind::Insn(..)))
    {
        let s = &mut sections[last];
        let ret = s
            .lines
            .iter()
            .position(|l| matches!(l, Line::Insn(_, i) if i == "ret"));
        if let Some(r) = ret.filter(|&r| r + 1 < s.lines.len()) {
            let rest = s.lines.split_off(r + 1);
            sections.insert(
                last + 1,
                Section {
                    kind: Kind::OutOfLine,
                    header: String::new(),
                    start: u64::MAX,
                    lines: rest,
                },
            );
        }
    }
    // A section without code starts where the next one does.
    let mut next = u64::MAX;
    for s in sections.iter_mut().rev() {
        if let Some(Line::Insn(off, _)) = s.lines.iter().find(|l| matches!(l, Line::Insn(..))) {
            s.start = *off;
        }
        if s.start == u64::MAX {
            s.start = next;
        }
        next = s.start;
    }
    Func { regs, sections }
}

/// Where `target` lands, seen from section `from`.
fn name_target(f: &Func, from: usize, target: u64) -> String {
    if target == 0 {
        return "<entry>".into();
    }
    let s = &f.sections;
    let end = |i: usize| s.get(i + 1).map_or(u64::MAX, |n| n.start);
    if (s[from].start..end(from)).contains(&target) {
        return format!("+{:04x}", target - s[from].start);
    }
    // The section holding it: the last one starting at or before it (a
    // section without code shares its start with the next one).
    let Some(i) = (0..s.len())
        .rev()
        .find(|&i| s[i].start <= target && target < end(i))
    else {
        return "<outside>".into();
    };
    let delta = target - s[i].start;
    match &s[i].kind {
        Kind::Insn(pc, _) if delta == 0 => format!("<pc {pc}>"),
        Kind::Insn(pc, _) => format!("<pc {pc}+{delta:x}h>"),
        Kind::Osr | Kind::OutOfLine if delta == 0 && !s[i].header.is_empty() => {
            format!("<{}>", s[i].header.trim_start_matches("; "))
        }
        Kind::Prologue => format!("<prologue+{delta:x}h>"),
        // Only the slow paths have no comment of their own.
        Kind::Osr | Kind::OutOfLine => "<slow path>".into(),
    }
}

/// A hex code offset as iced prints it (`1BAh`, `0F4h`, `0`).
fn parse_offset(s: &str) -> Option<u64> {
    let hex = s.strip_suffix('h');
    let digits = hex.unwrap_or(s);
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    match hex {
        Some(h) => u64::from_str_radix(h, 16).ok(),
        None => digits.parse().ok(),
    }
}

/// Rewrites branch targets and rip-relative operands (`[2A6h]`) of one
/// instruction as names (see the module doc).
fn normalize_insn(f: &Func, from: usize, ins: &str) -> String {
    let (mnemonic, ops) = ins.split_once(' ').unwrap_or((ins, ""));
    let is_branch = mnemonic.starts_with('j') || mnemonic == "call" || mnemonic.starts_with("loop");
    if is_branch {
        if let Some(t) = parse_offset(ops) {
            return format!("{mnemonic} {}", name_target(f, from, t));
        }
    }
    // `[NNNh]`: a memory operand that is a code offset.
    let mut out = String::new();
    let mut rest = ins;
    while let Some(open) = rest.find('[') {
        let close = open + rest[open..].find(']').unwrap();
        out.push_str(&rest[..=open]);
        let inner = &rest[open + 1..close];
        match parse_offset(inner) {
            Some(t) => out.push_str(&name_target(f, from, t)),
            None => out.push_str(inner),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Decimal numbers in user-space address range (2^40..2^47) in bytecode
/// comments are addresses of the run (itabs, string data): `<addr>`.
/// Constants of other sizes, float bits among them, stay.
fn hide_decimal_addresses(line: &str) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        let addr = digits
            .parse::<u64>()
            .is_ok_and(|v| (1u64 << 40..1u64 << 47).contains(&v));
        out.push_str(if addr { "<addr>" } else { digits });
        digits.clear();
    };
    for ch in line.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else {
            flush(&mut digits, &mut out);
            out.push(ch);
        }
    }
    flush(&mut digits, &mut out);
    hide_func_ids(&out)
}

/// Function ids (`FuncId(102)`) count the functions of the standard
/// library the program imports, which grows with the library: `FuncId(_)`.
fn hide_func_ids(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find("FuncId(") {
        let open = at + "FuncId(".len();
        out.push_str(&rest[..open]);
        let digits = rest[open..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .count();
        out.push_str(if digits > 0 { "_" } else { "" });
        rest = &rest[open + digits..];
    }
    out.push_str(rest);
    out
}

/// The normalized text of section `i`.
fn render(f: &Func, i: usize) -> String {
    let s = &f.sections[i];
    let mut out = String::new();
    if !s.header.is_empty() {
        writeln!(out, "{}", hide_decimal_addresses(&s.header)).unwrap();
    }
    for l in &s.lines {
        match l {
            Line::Comment(c) => writeln!(out, "{}", hide_decimal_addresses(c)).unwrap(),
            Line::Insn(off, ins) => writeln!(
                out,
                "  {:04x}  {}",
                off - s.start,
                normalize_insn(f, i, ins)
            )
            .unwrap(),
        }
    }
    out
}

/// The sections of `f` that `what` selects.
fn select(f: &Func, what: &str) -> Vec<usize> {
    (0..f.sections.len())
        .filter(|&i| match (&f.sections[i].kind, what) {
            (Kind::Prologue, "prologue") | (Kind::Osr, "OSR") => true,
            (Kind::OutOfLine, "out-of-line") => true,
            (Kind::Insn(_, name), w) => name == w,
            _ => false,
        })
        .collect()
}

/// Listings of every function in `pgojit disasm` output, by name.
fn split_functions(out: &str) -> Vec<(String, Func)> {
    let mut funcs = vec![];
    let mut rest = out;
    while let Some(at) = if rest.starts_with("TEXT ") {
        Some(0)
    } else {
        rest.find("\nTEXT ").map(|i| i + 1)
    } {
        let body = &rest[at..];
        let (head, body) = body.split_once('\n').unwrap_or((body, ""));
        let name = head["TEXT ".len()..]
            .split(' ')
            .next()
            .unwrap()
            .trim_end_matches(':');
        let end = body.find("\nTEXT ").map_or(body.len(), |i| i + 1);
        funcs.push((name.to_string(), parse_func(&body[..end])));
        rest = &body[end..];
    }
    funcs
}

/// Runs `tests/listings/FAMILY.go` and compares its selected sections with
/// `FAMILY.txt` (rewritten with `PGOJIT_BLESS=1`).
fn family(name: &str) {
    let src_path = dir().join(format!("{name}.go"));
    let src = std::fs::read_to_string(&src_path).unwrap();
    let mut args: Vec<String> = FLAGS.iter().map(|s| s.to_string()).collect();
    let mut wanted = vec![];
    for l in src.lines() {
        if let Some(d) = l.strip_prefix("// listing: ") {
            let (func, what) = d.trim().split_once(' ').expect("// listing: FUNC WHAT");
            wanted.push((func.to_string(), what.trim().to_string()));
        } else if let Some(f) = l.strip_prefix("// flags: ") {
            args.extend(f.split_whitespace().map(String::from));
        }
    }
    assert!(!wanted.is_empty(), "{name}.go has no `// listing:` line");
    args.push(src_path.display().to_string());
    let out = Command::new(env!("CARGO_BIN_EXE_pgojit"))
        .args(&args)
        .output()
        .expect("pgojit runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "pgojit {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let funcs = split_functions(&stdout);
    let mut text = String::new();
    for (func, what) in &wanted {
        let Some((_, f)) = funcs.iter().find(|(n, _)| n == func) else {
            let names: Vec<_> = funcs.iter().map(|(n, _)| n.as_str()).collect();
            panic!("{name}.go: no listing of {func} (functions: {names:?})");
        };
        let picked = select(f, what);
        assert!(
            !picked.is_empty(),
            "{name}.go: nothing in {func} is {what}:\n{stdout}"
        );
        writeln!(text, "== {func} {what}").unwrap();
        // The prologue has it already.
        if let Some(r) = f.regs.as_ref().filter(|_| what != "prologue") {
            writeln!(text, "{r}").unwrap();
        }
        for i in picked {
            text.push_str(&render(f, i));
        }
        text.push('\n');
    }
    let golden = dir().join(format!("{name}.txt"));
    if std::env::var_os("PGOJIT_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&golden, &text).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&golden)
        .unwrap_or_else(|e| panic!("{}: {e} (bless with PGOJIT_BLESS=1)", golden.display()));
    if text != want {
        panic!(
            "listings of {name}.go changed (PGOJIT_BLESS=1 to accept):\n{}",
            diff(&want, &text)
        );
    }
}

/// The listings that differ, as `-`/`+` lines per `==` block.
fn diff(want: &str, got: &str) -> String {
    let blocks = |s: &str| -> Vec<String> {
        s.split("\n== ")
            .map(|b| b.trim_start_matches("== ").to_string())
            .collect()
    };
    let (w, g) = (blocks(want), blocks(got));
    let mut out = String::new();
    for k in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(k).map_or("", |s| s), g.get(k).map_or("", |s| s));
        if a == b {
            continue;
        }
        let (al, bl): (Vec<_>, Vec<_>) = (a.lines().collect(), b.lines().collect());
        writeln!(out, "== {}", bl.first().or(al.first()).unwrap_or(&"")).unwrap();
        // The common head and tail are left out; the rest is shown whole.
        let head = al.iter().zip(&bl).take_while(|(x, y)| x == y).count();
        let tail = al[head..]
            .iter()
            .rev()
            .zip(bl[head..].iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        for l in &al[head..al.len() - tail] {
            writeln!(out, "-{l}").unwrap();
        }
        for l in &bl[head..bl.len() - tail] {
            writeln!(out, "+{l}").unwrap();
        }
    }
    out
}

macro_rules! families {
    ($($name:ident),* $(,)?) => {
        $(#[test] fn $name() { family(stringify!($name)); })*

        /// Every program in tests/listings/ has its test.
        #[test]
        fn every_family_is_listed() {
            let listed = [$(stringify!($name)),*];
            for e in std::fs::read_dir(dir()).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x == "go") {
                    let stem = p.file_stem().unwrap().to_str().unwrap().to_string();
                    assert!(listed.contains(&stem.as_str()), "add {stem} to families! in tests/listings.rs");
                }
            }
        }
    };
}

families!(
    int_arith,
    shift_div,
    float,
    strings,
    memory,
    alloc,
    frame_arrays,
    iface,
    calls,
    closures,
    guard_mono,
    guard_inlined,
    guard_bimorphic,
    guard_merged,
    guard_funcval,
    guard_indirect,
    guard_polymorphic,
    guard_nodevirt,
    osr,
    prologue,
);

#[test]
fn sections_and_targets_are_normalized() {
    let text = "\
; function main.f (frame 4 slots)
; slots in registers: 3=rbx
  0000  push rbx
  0002  jb 40h
;    0  DivS { d: 3, a: 0, b: 1 }
  0008  test rcx, rcx
  000b  je 20h
  0011  jmp 18h
;    1  Ret { s: 3, n: 1 }
  0018  lea rcx, [0]
  001f  ret
  0020  call r11
  0023  jmp 4Ah
; stack overflow
  0040  call r11
; unwind to the nearest entry
  004a  jmp r11
";
    let f = parse_func(text);
    assert_eq!(f.regs.as_deref(), Some("; slots in registers: 3=rbx"));
    assert_eq!(select(&f, "DivS"), vec![1]);
    assert_eq!(
        render(&f, 1),
        ";    0  DivS { d: 3, a: 0, b: 1 }\n  0000  test rcx, rcx\n  0003  je <slow path>\n  0009  jmp <pc 1>\n"
    );
    assert_eq!(
        render(&f, 2),
        ";    1  Ret { s: 3, n: 1 }\n  0000  lea rcx, [<entry>]\n  0007  ret\n"
    );
    assert_eq!(select(&f, "out-of-line"), vec![3, 4, 5]);
    assert_eq!(
        render(&f, 3),
        "  0000  call r11\n  0003  jmp <unwind to the nearest entry>\n"
    );
    assert_eq!(select(&f, "prologue"), vec![0]);
    assert!(
        render(&f, 0).contains("jb <stack overflow>"),
        "{}",
        render(&f, 0)
    );
    assert_eq!(
        hide_decimal_addresses("; 2  MakeIface { tab: 139760987334800, v: 4609434218613702656 }"),
        "; 2  MakeIface { tab: <addr>, v: 4609434218613702656 }"
    );
    assert_eq!(
        hide_decimal_addresses("; 4  MakeClosure { d: 4, func: FuncId(102), caps: 5 }"),
        "; 4  MakeClosure { d: 4, func: FuncId(_), caps: 5 }"
    );
}
