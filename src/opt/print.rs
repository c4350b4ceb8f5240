//! The text form of an SSA graph, behind `pgojit disasm --ir`:
//!
//! ```text
//! fn main.run (result words 1)
//! bb0(v0:ptr, v1:int, v2:int, v3:int, v4:int):
//!   v5:int = Const 0
//!   Jump bb2(v5, v3)
//! bb1:                                  # pc 3, from bb2
//!   v9:ptr = CallIface site=0 main.Applier.Apply recv=(v7, v8) args=(v6)
//!   Branch v12, bb3(), bb2(v10, v11)
//! ```
//!
//! Stable across runs: functions, sites, type descriptors and itabs are
//! printed by name ([`Names`]), package variables as offsets in their
//! block, and any other number too large to be a count as `<addr>`.

use std::fmt::Write;

use super::ir::*;
use crate::bytecode::op::Cmp;
use crate::bytecode::Program;
use pgojit_profiler::{FuncId, SiteId};

/// What the printer shows instead of ids and addresses.
pub trait Names {
    fn func(&self, f: FuncId) -> Option<String>;
    /// `main.Applier.Apply`, `func(int) int`...
    fn site(&self, s: SiteId) -> Option<String>;
    /// A type descriptor's or an itab's name, or a package variable's offset.
    fn addr(&self, a: u64) -> Option<String>;
}

/// No names: ids and `<addr>` (for tests on hand-made bytecode).
pub struct NoNames;

impl Names for NoNames {
    fn func(&self, _: FuncId) -> Option<String> {
        None
    }
    fn site(&self, _: SiteId) -> Option<String> {
        None
    }
    fn addr(&self, _: u64) -> Option<String> {
        None
    }
}

/// Names from a loaded program: its functions, sites, type descriptors,
/// the itabs of its interfaces and concrete types, package variables.
pub struct ProgramNames<'a> {
    prog: &'a Program,
    addrs: std::collections::HashMap<u64, String>,
}

impl<'a> ProgramNames<'a> {
    pub fn new(prog: &'a Program) -> ProgramNames<'a> {
        use crate::runtime::typedesc::{self, Kind};
        let mut addrs = std::collections::HashMap::new();
        let descs: Vec<&'static typedesc::TypeDesc> =
            prog.descs.iter().flatten().copied().collect();
        for d in &descs {
            addrs.insert(*d as *const _ as u64, d.name.clone());
        }
        // Itabs of (interface, concrete type) pairs that satisfy it: the
        // ones the program's conversions made.
        for i in descs.iter().filter(|d| d.kind == Kind::Interface) {
            for t in descs.iter().filter(|d| d.kind != Kind::Interface) {
                if typedesc::missing_method(i, t).is_none() {
                    if let Some(tab) = typedesc::itab(i, t) {
                        addrs.insert(
                            tab as *const _ as u64,
                            format!("itab({}, {})", i.name, t.name),
                        );
                    }
                }
            }
        }
        ProgramNames { prog, addrs }
    }
}

impl Names for ProgramNames<'_> {
    fn func(&self, f: FuncId) -> Option<String> {
        self.prog.funcs.get(f.index()).map(|f| f.name.clone())
    }

    fn site(&self, s: SiteId) -> Option<String> {
        self.prog.sites.get(s.index()).map(|m| {
            if m.is_iface {
                format!("{}.{}", m.iface, m.method)
            } else {
                format!("{} {}", m.method, m.iface)
            }
        })
    }

    fn addr(&self, a: u64) -> Option<String> {
        if let Some(n) = self.addrs.get(&a) {
            return Some(n.clone());
        }
        let (base, words) = self.prog.globals_block;
        (a >= base && a < base + 8 * words as u64).then(|| format!("G+{}", a - base))
    }
}

fn list(xs: &[InsnId]) -> String {
    xs.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn edge(e: &Edge) -> String {
    format!("{}({})", e.block, list(&e.args))
}

fn cmp(c: Cmp) -> &'static str {
    match c {
        Cmp::Eq => "eq",
        Cmp::Ne => "ne",
        Cmp::Lt => "lt",
        Cmp::Le => "le",
        Cmp::Gt => "gt",
        Cmp::Ge => "ge",
    }
}

/// Numbers in `text` that look like addresses (at least 2^32), by name.
fn hide_addresses(text: &str, names: &dyn Names) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if !digits.is_empty() {
            match digits.parse::<u64>() {
                Ok(v) if v >= 1 << 32 => {
                    out.push_str(&names.addr(v).unwrap_or_else(|| "<addr>".into()))
                }
                _ => out.push_str(digits),
            }
            digits.clear();
        }
    };
    let mut prev_word = false;
    for ch in text.chars() {
        if ch.is_ascii_digit() && !prev_word {
            digits.push(ch);
            continue;
        }
        flush(&mut digits, &mut out);
        prev_word = ch.is_alphanumeric() || ch == '_';
        out.push(ch);
    }
    flush(&mut digits, &mut out);
    out
}

fn addr(a: u64, names: &dyn Names) -> String {
    names.addr(a).unwrap_or_else(|| "<addr>".into())
}

/// A constant: float bits as a float, a known address by name, any
/// other word in the range of user-space addresses (a string literal's
/// bytes) as `<addr>`, an integer as itself.
fn konst(bits: u64, ty: Ty, names: &dyn Names) -> String {
    if ty == Ty::Float {
        return format!("{:?}", f64::from_bits(bits));
    }
    if let Some(n) = names.addr(bits) {
        return n;
    }
    if (0x1000_0000_0000..0x8000_0000_0000).contains(&bits) {
        return "<addr>".into();
    }
    (bits as i64).to_string()
}

/// One instruction's right-hand side (`ty`: its type).
pub fn insn(i: &Insn, ty: Ty, names: &dyn Names) -> String {
    let n = i.name();
    match i {
        Insn::Param { slot } => format!("{n} slot={slot}"),
        Insn::Const { bits } => format!("{n} {}", konst(*bits, ty, names)),
        Insn::TypeWord { tab } => format!("{n} {}", addr(*tab, names)),
        Insn::Bin { a, b, .. } => format!("{n} {a}, {b}"),
        Insn::Un { op, a } => match op {
            UnOp::Trunc(k) => format!("{n} {k:?} {a}"),
            UnOp::IToF { signed } | UnOp::FToI { signed, .. } if !signed => {
                format!("{n} unsigned {a}")
            }
            _ => format!("{n} {a}"),
        },
        Insn::Cmp { c, a, b, .. } => format!("{n} {} {a}, {b}", cmp(*c)),
        Insn::CheckShift { a } => format!("{n} {a}"),
        Insn::CheckIndex { i, len } => format!("{n} {i}, {len}"),
        Insn::Load { p, off } => format!("{n} {p}+{off}"),
        Insn::Store { p, off, v } => format!("{n} {p}+{off}, {v}"),
        Insn::AddrOff { p, off } => format!("{n} {p}+{off}"),
        Insn::AddrG { addr: a } | Insn::LoadG { addr: a } => format!("{n} {}", addr(*a, names)),
        Insn::FrameAddr { slot } => format!("{n} {slot}"),
        Insn::StoreG { addr: a, v } => format!("{n} {}, {v}", addr(*a, names)),
        Insn::SliceAddr {
            ptr,
            len,
            i,
            stride,
        } => format!("{n} ({ptr}, {len})[{i}] stride={stride}"),
        Insn::SliceLoad {
            ptr,
            len,
            i,
            stride,
            off,
        } => format!("{n} ({ptr}, {len})[{i}]+{off} stride={stride}"),
        Insn::SliceStore {
            ptr,
            len,
            i,
            stride,
            off,
            v,
        } => format!("{n} ({ptr}, {len})[{i}]+{off} stride={stride}, {v}"),
        Insn::LoadCtx => n.to_string(),
        Insn::KeyEq { v, .. } => format!("{n} {v}, [key cell]"),
        Insn::Bump { .. } => format!("{n} [counter]"),
        Insn::SiteMiss { site, key } => format!("{n} site={} {key}", site.0),
        Insn::VerifyType { site, tab, .. } => format!("{n} site={} {tab}", site.0),
        Insn::StressTick { site } => format!("{n} site={}", site.0),
        Insn::Release { p } => format!("{n} {p}"),
        Insn::FrameAlloc { buf, words } => format!("{n} buf+{buf} words={words}"),
        Insn::Entered { func, .. } => format!(
            "{n} {}",
            names.func(*func).unwrap_or_else(|| format!("f{}", func.0))
        ),
        Insn::Call { func, args, .. } => format!(
            "{n} {}({})",
            names.func(*func).unwrap_or_else(|| format!("f{}", func.0)),
            list(args)
        ),
        Insn::CallIface {
            site,
            method,
            recv,
            args,
        } => format!(
            "{n} site={} {} recv=({}, {}) args=({})",
            site.0,
            names
                .site(*site)
                .unwrap_or_else(|| format!("method={method}")),
            recv[0],
            recv[1],
            list(args)
        ),
        Insn::CallClosure { site, f, args } => format!(
            "{n} site={}{} f={f} args=({})",
            site.0,
            names
                .site(*site)
                .map(|s| format!(" {s}"))
                .unwrap_or_default(),
            list(args)
        ),
        Insn::CallNative { native, args } => format!("{n} {}({})", native.name(), list(args)),
        Insn::Select { cond, a, b } => format!("{n} {cond} ? {a} : {b}"),
        Insn::StrByte { ptr, len, i } => format!("{n} ({ptr}, {len})[{i}]"),
        Insn::StrEqConst {
            ptr,
            len,
            bytes,
            n: k,
        } => {
            let text: Vec<u8> = bytes.to_le_bytes()[..*k as usize].to_vec();
            format!("{n} ({ptr}, {len}), {:?}", String::from_utf8_lossy(&text))
        }
        Insn::CallRt { rt, args } => format!("{n} {}({})", rt.name(), list(args)),
        Insn::MemMove { dst, src, bytes } => format!("{n} {dst} <- {src}, {bytes} bytes"),
        Insn::Proj { of, index } => format!("{n} {of}.{index}"),
        Insn::LoadSlot { slot } => format!("{n} {slot}"),
        Insn::StoreSlot { slot, v } => format!("{n} {slot}, {v}"),
        Insn::Bytecode {
            op,
            args,
            inlined_from,
        } => format!(
            "{} ({}){}",
            hide_addresses(&format!("{op:?}"), names),
            list(args),
            inlined_from
                .map(|f| format!(
                    " on a frame of {}",
                    names.func(f).unwrap_or_else(|| format!("f{}", f.0))
                ))
                .unwrap_or_default()
        ),
    }
}

/// The whole graph.
pub fn graph(g: &Graph, names: &dyn Names) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "fn {} (result words {})", g.name, g.result_words);
    let preds = g.preds();
    for b in g.block_ids() {
        let blk = g.block(b);
        let params: Vec<String> = blk
            .params
            .iter()
            .map(|&p| format!("{p}:{}", g.insn(p).ty.name()))
            .collect();
        let head = if params.is_empty() {
            format!("{b}:")
        } else {
            format!("{b}({}):", params.join(", "))
        };
        let mut note = format!("pc {}", blk.pc);
        if !preds[b.index()].is_empty() {
            let ps: Vec<String> = preds[b.index()].iter().map(|p| p.to_string()).collect();
            let _ = write!(note, ", from {}", ps.join(" "));
        }
        if let Some(state) = &blk.entry_state {
            let st: Vec<String> = state.iter().map(|(s, v)| format!("s{s}={v}")).collect();
            let _ = write!(note, ", state {}", st.join(" "));
        }
        let _ = writeln!(out, "{head:<39} # {note}");
        for &x in &blk.insns {
            let d = g.insn(x);
            let mut rhs = insn(&d.insn, d.ty, names);
            if g.in_bounds.contains(&x) {
                rhs.push_str(" nobounds");
            }
            if d.ty == Ty::Void {
                let _ = writeln!(out, "  {rhs}");
            } else {
                let _ = writeln!(out, "  {x}:{} = {rhs}", d.ty.name());
            }
        }
        let t = match &blk.term {
            None => "<no terminator>".to_string(),
            Some(Term::Jump(e)) => format!("Jump {}", edge(e)),
            Some(Term::Branch { cond, then, else_ }) => {
                format!("Branch {cond}, {}, {}", edge(then), edge(else_))
            }
            Some(Term::Return(v)) => format!("Return {}", list(v)),
            Some(Term::Unreachable) => "Unreachable".to_string(),
        };
        let _ = writeln!(out, "  {}", t.trim_end());
    }
    out
}
