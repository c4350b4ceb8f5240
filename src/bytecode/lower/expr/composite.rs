//! Composite literals: arrays, slices and structs, built in place.

use super::Place;
use super::NONE;
use crate::bytecode::lower::{FnCtx, R};
use crate::bytecode::op::{slots_of, Op, Slot};
use crate::syntax::ast::*;
use crate::types::ty::{Ty, TypeKind};
use crate::types::Selection;

impl FnCtx<'_, '_> {
    /// A composite literal at `d` (for `&T{}` elements, a pointer).
    pub(crate) fn composite(&mut self, e: &Expr, d: Slot) -> R<()> {
        let ExprKind::CompositeLit { elts, .. } = &e.kind else {
            unreachable!()
        };
        let t = self.ty(e);
        // An elided `&T{...}` inside a literal of pointers.
        if let Some(p) = self.l.types().pointee(t) {
            let w = self.words(p);
            let v = self.temp(w);
            self.composite_value(e, p, elts, v)?;
            self.heap_copy(p, v, d);
            return Ok(());
        }
        self.composite_value(e, t, elts, d)
    }

    pub(super) fn composite_value(&mut self, e: &Expr, t: Ty, elts: &[Element], d: Slot) -> R<()> {
        let w = self.words(t);
        match self.l.types().under(t).clone() {
            TypeKind::Struct(fields) => {
                if w > 0 {
                    self.emit(Op::Zero { d, n: w });
                }
                for (i, el) in elts.iter().enumerate() {
                    let fi = match &el.key {
                        Some(k) => match self.info().selections.get(&k.id) {
                            Some(Selection::Field { index, .. }) => *index,
                            _ => i,
                        },
                        None => i,
                    };
                    let off = self.l.field_offset(t, fi);
                    let ft = fields[fi].ty;
                    self.elem_to(&el.value, ft, d + off)?;
                }
            }
            TypeKind::Array(el, _) => {
                if w > 0 {
                    self.emit(Op::Zero { d, n: w });
                }
                let stride = self.words(el);
                let mut idx = 0i64;
                for item in elts {
                    if let Some(k) = &item.key {
                        idx = self
                            .info()
                            .consts
                            .get(&k.id)
                            .and_then(|v| v.as_i64())
                            .unwrap_or(idx);
                    }
                    if self.l.packed(el) {
                        // (Into its word of the zeroed array.)
                        let t = self.temp(1);
                        self.elem_to(&item.value, el, t)?;
                        let at = Place::FrameByte {
                            base: d,
                            o: NONE,
                            off: idx as u32 / 8,
                            sh: NONE,
                            k: idx as u32 % 8,
                        };
                        self.write(at, t, 1);
                    } else {
                        self.elem_to(&item.value, el, d + idx as u32 * stride)?;
                    }
                    idx += 1;
                }
            }
            TypeKind::Slice(el) => {
                let stride = self.stride(el);
                let mut idx = 0i64;
                let mut n = 0i64;
                let mut items = Vec::new();
                for item in elts {
                    if let Some(k) = &item.key {
                        idx = self
                            .info()
                            .consts
                            .get(&k.id)
                            .and_then(|v| v.as_i64())
                            .unwrap_or(idx);
                    }
                    items.push((idx, &item.value));
                    idx += 1;
                    n = n.max(idx);
                }
                let len = self.temp(1);
                self.emit(Op::Const {
                    d: len,
                    v: n as u64,
                });
                let lay = self.l.layout_of(el);
                self.emit(Op::MakeSlice {
                    layout: lay,
                    d,
                    len,
                    cap: NONE,
                    stride,
                });
                let tmp = self.temp(slots_of(stride));
                let iv = self.temp(1);
                for (i, v) in items {
                    self.elem_to(v, el, tmp)?;
                    self.emit(Op::Const { d: iv, v: i as u64 });
                    self.elem_store(d, iv, tmp, stride);
                }
            }
            TypeKind::Map(..) => self.map_lit(t, elts, d)?,
            _ => return self.unsupported(e.pos, "composite literal of this type"),
        }
        Ok(())
    }

    pub(super) fn elem_to(&mut self, v: &Expr, t: Ty, d: Slot) -> R<()> {
        if let ExprKind::CompositeLit { ty: None, .. } = &v.kind {
            return self.composite(v, d);
        }
        self.expr_conv_to(v, t, d)
    }
}
