//! Maps: `make`, literals, `m[k]` with its comma-ok form, `delete`,
//! `clear`, `len` and `range`, as the map instructions (`interp::maps`
//! runs them in every tier).

use super::NONE;
use crate::bytecode::lower::{FnCtx, R};
use crate::bytecode::op::{Op, Slot};
use crate::runtime::heap::LayoutId;
use crate::syntax::ast::*;
use crate::types::ty::{Ty, TypeKind};

impl FnCtx<'_, '_> {
    /// The map type `t`'s descriptor (as the instructions name it), and
    /// the words of its key and of its value.
    pub(crate) fn map_words(&mut self, t: Ty) -> (u64, u32, u32) {
        let TypeKind::Map(k, v) = self.l.types().under(t).clone() else {
            unreachable!("a map type")
        };
        let ty = self.l.desc(t) as *const _ as u64;
        (ty, self.words(k), self.words(v))
    }

    /// The layouts of a map header and of `t`'s entries (tag, key, value).
    fn map_layouts(&mut self, t: Ty) -> (LayoutId, LayoutId) {
        let TypeKind::Map(k, v) = self.l.types().under(t).clone() else {
            unreachable!("a map type")
        };
        let header = self
            .l
            .intern_layout(crate::interp::MAP_HEADER_PTRS.to_vec());
        let mut entry = vec![false];
        entry.extend(self.l.ptr_map(k));
        entry.extend(self.l.ptr_map(v));
        (header, self.l.intern_layout(entry))
    }

    /// `d = make(t, hint)` (`hint` a slot, or `NONE`).
    pub(crate) fn map_make(&mut self, t: Ty, hint: Slot, d: Slot) {
        let (ty, _, _) = self.map_words(t);
        let (header, layout) = self.map_layouts(t);
        self.emit(Op::MapMake {
            d,
            hint,
            ty,
            header,
            layout,
        });
    }

    /// A map literal of type `t` at `d`.
    pub(crate) fn map_lit(&mut self, t: Ty, elts: &[Element], d: Slot) -> R<()> {
        let TypeKind::Map(kt, vt) = self.l.types().under(t).clone() else {
            unreachable!("a map type")
        };
        let hint = if elts.is_empty() {
            NONE
        } else {
            let h = self.temp(1);
            self.emit(Op::Const {
                d: h,
                v: elts.len() as u64,
            });
            h
        };
        self.map_make(t, hint, d);
        let (ty, kw, vw) = self.map_words(t);
        for item in elts {
            let key = item.key.as_ref().expect("a checked map literal has keys");
            let k = self.temp(kw);
            self.elem_to(key, kt, k)?;
            let v = self.temp(vw);
            self.elem_to(&item.value, vt, v)?;
            self.emit(Op::MapAssign {
                m: d,
                k,
                v,
                ty,
                kw,
                vw,
            });
        }
        Ok(())
    }

    /// `v, ok := m[k]` (`e` is the index expression): the value's and
    /// `ok`'s slots.
    pub(crate) fn map_index_ok(&mut self, e: &Expr) -> R<(Slot, Slot)> {
        let ExprKind::Index(x, i) = &e.kind else {
            unreachable!("a map index expression")
        };
        let mt = self.ty(x);
        let TypeKind::Map(kt, _) = self.l.types().under(mt).clone() else {
            unreachable!("a map")
        };
        let m = self.expr(x)?;
        let k = self.expr_conv(i, kt)?;
        let (ty, kw, vw) = self.map_words(mt);
        let d = self.temp(vw);
        let ok = self.temp(1);
        self.emit(Op::MapIndex {
            d,
            m,
            k,
            ty,
            kw,
            vw,
            ok,
        });
        Ok((d, ok))
    }

    /// `delete(m, k)`.
    pub(crate) fn map_delete(&mut self, args: &[Expr]) -> R<()> {
        let mt = self.ty(&args[0]);
        let TypeKind::Map(kt, _) = self.l.types().under(mt).clone() else {
            unreachable!("a map")
        };
        let m = self.expr(&args[0])?;
        let k = self.expr_conv(&args[1], kt)?;
        let (ty, kw, vw) = self.map_words(mt);
        self.mark_call((0, 0), super::NONE);
        self.emit(Op::MapDelete { m, k, ty, kw, vw });
        Ok(())
    }

    /// `clear(m)`.
    pub(crate) fn map_clear(&mut self, x: &Expr) -> R<()> {
        let mt = self.ty(x);
        let m = self.expr(x)?;
        let (ty, kw, vw) = self.map_words(mt);
        self.mark_call((0, 0), super::NONE);
        self.emit(Op::MapClear { m, ty, kw, vw });
        Ok(())
    }

    /// `d = len(m)`.
    pub(crate) fn map_len(&mut self, x: &Expr, d: Slot) -> R<()> {
        let m = self.expr(x)?;
        self.emit(Op::MapLen { d, m });
        Ok(())
    }

    /// The start of `for k, v := range m`: an iterator in a fresh slot.
    pub(crate) fn map_iter(&mut self, m: Slot) -> Slot {
        let layout = self.l.intern_layout(crate::interp::MAP_ITER_PTRS.to_vec());
        let it = self.temp(1);
        self.emit(Op::MapIter { d: it, m, layout });
        it
    }

    /// The next entry of iterator `it` over a map of type `t`: `ok`, and
    /// the key and value in fresh slots.
    pub(crate) fn map_next(&mut self, t: Ty, it: Slot) -> (Slot, Slot, Slot) {
        let (ty, kw, vw) = self.map_words(t);
        let ok = self.temp(1);
        let k = self.temp(kw);
        let v = self.temp(vw);
        self.emit(Op::MapNext {
            ok,
            it,
            k,
            v,
            ty,
            kw,
            vw,
        });
        (ok, k, v)
    }
}
