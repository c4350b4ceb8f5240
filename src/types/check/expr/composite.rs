//! Composite literals: arrays (`[...]T` lengths), slices, structs and
//! maps, keyed and positional elements.

use super::Operand;
use crate::syntax::ast::*;
use crate::types::check::{Checker, INVALID_TYPE_ERROR, R};
use crate::types::ty::{builtin, Field, Ty, TypeKind};
use crate::types::Selection;

impl Checker<'_> {
    /// `T{...}`; `hint` is the element type of an enclosing literal when `T` is elided.
    pub(crate) fn composite_lit(&mut self, e: &Expr, hint: Option<Ty>) -> R<Operand> {
        let ExprKind::CompositeLit { ty, elts, .. } = &e.kind else {
            unreachable!()
        };
        let (lit_ty, result_ty) = match ty {
            Some(te) => {
                let t = if let ExprKind::ArrayType {
                    len: ArrayLen::Ellipsis,
                    elem,
                } = &te.kind
                {
                    let el = self.resolve_type(elem)?;
                    let n = self.array_lit_len(elts)?;
                    let t = self.info.types.array(el, n);
                    self.info.expr_types.insert(te.id, t);
                    t
                } else {
                    self.resolve_type(te)?
                };
                (t, t)
            }
            None => {
                let Some(h) = hint else {
                    return self.err(e.pos, "invalid composite literal type: missing type");
                };
                // `[]*T{{...}}` means `&T{...}`.
                match self.info.types.pointee(h) {
                    Some(p) if !self.info.types.is_named(h) => (p, h),
                    _ => (h, h),
                }
            }
        };
        match self.info.types.under(lit_ty).clone() {
            TypeKind::Struct(fields) => self.struct_lit(e, lit_ty, &fields, elts)?,
            TypeKind::Array(el, n) => {
                self.elements(e, el, Some(n), elts)?;
            }
            TypeKind::Slice(el) => {
                self.elements(e, el, None, elts)?;
            }
            TypeKind::Map(kt, vt) => {
                let mut seen: Vec<(crate::types::constant::ConstVal, Ty)> = Vec::new();
                for item in elts {
                    let Some(k) = &item.key else {
                        return self.err(item.value.pos, "missing key in map literal");
                    };
                    self.elem_value(k, kt, "map literal")?;
                    // Constant keys must differ (compared as the key type's values).
                    if let Some(v) = self.info.consts.get(&k.id).cloned() {
                        let t = self.info.type_of(k.id);
                        if seen.iter().any(|(w, u)| *w == v && *u == t) {
                            return self.err(
                                k.pos,
                                format!("duplicate key {} in map literal", self.expr_string(k)),
                            );
                        }
                        seen.push((v, t));
                    }
                    self.elem_value(&item.value, vt, "map literal")?;
                }
            }
            _ if self.info.types.underlying(lit_ty) == builtin::INVALID => {
                // (A type an earlier error left without one.)
                return self.err(e.pos, INVALID_TYPE_ERROR);
            }
            _ => {
                return self.err(
                    e.pos,
                    format!(
                        "invalid composite literal type {}",
                        self.info.types.name_unqualified(lit_ty)
                    ),
                );
            }
        }
        self.info.expr_types.insert(e.id, result_ty);
        Ok(Operand::value(result_ty))
    }

    pub(super) fn array_lit_len(&mut self, elts: &[Element]) -> R<i64> {
        let mut idx: i64 = 0;
        let mut max: i64 = 0;
        for el in elts {
            if let Some(k) = &el.key {
                let ko = self.expr(k)?;
                idx = ko.val.as_ref().and_then(|v| v.as_i64()).unwrap_or(idx);
            }
            idx += 1;
            max = max.max(idx);
        }
        Ok(max)
    }

    pub(super) fn struct_lit(
        &mut self,
        e: &Expr,
        t: Ty,
        fields: &[Field],
        elts: &[Element],
    ) -> R<()> {
        if elts.is_empty() {
            return Ok(());
        }
        let keyed = elts[0].key.is_some();
        if keyed {
            let mut seen = rustc_hash::FxHashSet::default();
            for el in elts {
                let Some(k) = &el.key else {
                    return self.err(
                        el.value.pos,
                        "mixture of field:value and value elements in struct literal",
                    );
                };
                let ExprKind::Ident(name) = &k.kind else {
                    return self.err(
                        k.pos,
                        format!(
                            "invalid field name {} in struct literal",
                            self.expr_string(k)
                        ),
                    );
                };
                let Some(fi) = fields.iter().position(|f| &f.name == name) else {
                    return self.err(
                        k.pos,
                        format!(
                            "unknown field {} in struct literal of type {}",
                            name,
                            self.info.types.name_unqualified(t)
                        ),
                    );
                };
                if !seen.insert(fi) {
                    return self.err(
                        k.pos,
                        format!("duplicate field name {name} in struct literal"),
                    );
                }
                self.info.selections.insert(
                    k.id,
                    Selection::Field {
                        index: fi,
                        deref: false,
                    },
                );
                self.elem_value(&el.value, fields[fi].ty, "struct literal")?;
            }
        } else {
            for (i, el) in elts.iter().enumerate() {
                if el.key.is_some() {
                    return self.err(
                        el.value.pos,
                        "mixture of field:value and value elements in struct literal",
                    );
                }
                let Some(f) = fields.get(i) else {
                    return self.err(
                        el.value.pos,
                        format!(
                            "too many values in struct literal of type {}",
                            self.info.types.name_unqualified(t)
                        ),
                    );
                };
                self.elem_value(&el.value, f.ty, "struct literal")?;
            }
            if elts.len() < fields.len() {
                let ExprKind::CompositeLit { rbrace, .. } = &e.kind else {
                    unreachable!()
                };
                return self.err(
                    *rbrace,
                    format!(
                        "too few values in struct literal of type {}",
                        self.info.types.name_unqualified(t)
                    ),
                );
            }
        }
        Ok(())
    }

    pub(super) fn elements(
        &mut self,
        _e: &Expr,
        el: Ty,
        len: Option<i64>,
        elts: &[Element],
    ) -> R<()> {
        let mut idx: i64 = 0;
        let mut seen = rustc_hash::FxHashSet::default();
        for item in elts {
            if let Some(k) = &item.key {
                let mut ko = self.value_expr(k)?;
                let Some(i) = ko.val.as_ref().and_then(|v| v.as_i64()) else {
                    return self.err(
                        k.pos,
                        format!("index {} must be integer constant", self.expr_string(k)),
                    );
                };
                if i < 0 {
                    return self.err(
                        k.pos,
                        format!(
                            "index {} must be non-negative integer constant",
                            self.expr_string(k)
                        ),
                    );
                }
                self.convert_untyped(&mut ko, builtin::INT, k)?;
                idx = i;
            }
            if let Some(n) = len {
                if idx >= n {
                    return self.err(item.value.pos, format!("index {idx} out of bounds [0:{n}]"));
                }
            }
            if !seen.insert(idx) {
                return self.err(
                    item.value.pos,
                    format!("duplicate index {idx} in array or slice literal"),
                );
            }
            self.elem_value(&item.value, el, "array or slice literal")?;
            idx += 1;
        }
        Ok(())
    }

    pub(super) fn elem_value(&mut self, v: &Expr, t: Ty, ctx: &str) -> R<()> {
        if let ExprKind::CompositeLit { ty: None, .. } = &v.kind {
            self.composite_lit(v, Some(t))?;
            return Ok(());
        }
        let mut x = self.value_expr(v)?;
        self.assign_to(&mut x, t, v, ctx)
    }
}
