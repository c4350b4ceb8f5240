//! Global value numbering: a walk of the dominator tree with a scoped
//! table from an instruction's shape (operation, operands after
//! replacement, commutative operands in order, type) to the first
//! instruction of that shape on the path from the entry. An instruction
//! whose shape is in the table is dominated by an identical one, and is
//! replaced by it.
//!
//! What takes part, and why it is safe:
//!
//! - pure operations: `Const`, integer and float `Bin`, `Un`, `Cmp`,
//!   `AddrG`, `FrameAddr`, `Proj` (of the same tuple), `LoadCtx`;
//! - operations that may fail, when an identical one dominates them: it
//!   failed first, or they cannot fail: `DivS`/`RemS`/`DivU`/`RemU`,
//!   `AddrOff` (a nil check), `CheckIndex`, `CheckShift`, `SliceAddr`
//!   (a bounds check). The dominating one comes first in every path, so
//!   the order of panics is unchanged;
//! - not memory reads (`Load`, `SliceLoad`, `LoadG`, `LoadSlot`: the
//!   loads pass knows what writes in between), nor `KeyEq` (its cell
//!   changes when the runtime retires code, at any call), nor anything
//!   with an effect.

use super::{apply, dom_children, remove_insns, Counts, Subst};
use crate::opt::ir::*;
use std::collections::HashMap;

/// The shape of a value-numbered instruction, `None` for one that does
/// not take part.
fn key(d: &InsnData) -> Option<String> {
    let commutes = |op: BinOp| {
        matches!(
            op,
            BinOp::AddI | BinOp::MulI | BinOp::And | BinOp::Or | BinOp::Xor
        )
    };
    let insn = match &d.insn {
        Insn::Bin { op, a, b } if commutes(*op) && b < a => Insn::Bin {
            op: *op,
            a: *b,
            b: *a,
        },
        Insn::Cmp { c, kind, a, b }
            if b < a
                && matches!(
                    c,
                    crate::bytecode::op::Cmp::Eq | crate::bytecode::op::Cmp::Ne
                ) =>
        {
            Insn::Cmp {
                c: *c,
                kind: *kind,
                a: *b,
                b: *a,
            }
        }
        Insn::Const { .. }
        | Insn::TypeWord { .. }
        | Insn::Bin { .. }
        | Insn::Un { .. }
        | Insn::Cmp { .. }
        | Insn::AddrG { .. }
        | Insn::FrameAddr { .. }
        | Insn::Proj { .. }
        | Insn::LoadCtx
        | Insn::AddrOff { .. }
        | Insn::CheckIndex { .. }
        | Insn::CheckShift { .. }
        | Insn::SliceAddr { .. }
        | Insn::Select { .. }
        // (Strings never change: a dominating identical read or
        // comparison of one gives the same word.)
        | Insn::StrByte { .. }
        | Insn::StrEqConst { .. }
        | Insn::CallRt { .. } => d.insn.clone(),
        _ => return None,
    };
    Some(format!("{insn:?}:{:?}", d.ty))
}

pub fn run(g: &mut Graph) -> Counts {
    let kids = dom_children(g);
    let mut s = Subst::new(g);
    let mut gone = vec![false; g.insns.len()];
    let mut table: HashMap<String, InsnId> = HashMap::new();
    let (mut values, mut checks) = (0, 0);
    // (block, whether its children were pushed; keys added in it)
    let mut stack: Vec<(BlockId, bool, Vec<String>)> = vec![(g.entry, false, Vec::new())];
    while let Some((b, visited, added)) = stack.pop() {
        if visited {
            for k in added {
                table.remove(&k);
            }
            continue;
        }
        let mut mine = Vec::new();
        for i in g.block(b).insns.clone() {
            for o in g.insns[i.index()].insn.operands_mut() {
                *o = s.get(*o);
            }
            let Some(k) = key(g.insn(i)) else { continue };
            match table.get(&k) {
                Some(&first) => {
                    if g.insn(i).ty == Ty::Void {
                        checks += 1;
                    } else {
                        values += 1;
                        s.set(i, first);
                    }
                    gone[i.index()] = true;
                }
                None => {
                    table.insert(k.clone(), i);
                    mine.push(k);
                }
            }
        }
        stack.push((b, true, mine));
        for &c in kids[b.index()].iter().rev() {
            stack.push((c, false, Vec::new()));
        }
    }
    apply(g, &s);
    remove_insns(g, &gone);
    vec![
        ("redundant values removed", values),
        ("redundant checks removed", checks),
    ]
}
