//! Fields and methods: selector lookup with automatic `&`/`*`, method sets
//! (`T` has value-receiver methods, `*T` has both), interface satisfaction
//! with Go's reasons, and type assertions.

use super::expr::{Mode, Operand};
use super::{Checker, R};
use crate::syntax::ast::*;
use crate::types::ty::{Ty, TypeKind};
use crate::types::Selection;

/// Why a type does not implement an interface.
pub(crate) enum Missing {
    Method(String),
    PointerRecv(String),
    WrongType(String),
}

impl Checker<'_> {
    /// `x.sel` on a value.
    pub(crate) fn select_member(
        &mut self,
        e: &Expr,
        x: &Expr,
        xo: &Operand,
        sel: &Ident,
    ) -> R<Operand> {
        let t = xo.ty;
        let name = &sel.name;
        // Interface methods.
        if self.info.types.is_interface(t) {
            let ms = self.info.types.iface_methods(t);
            if let Some(i) = ms.iter().position(|m| &m.name == name) {
                let sig = ms[i].sig;
                self.info
                    .selections
                    .insert(e.id, Selection::IfaceMethod { iface: t, index: i });
                return Ok(Operand::value(sig));
            }
            return self.err(
                sel.pos,
                format!(
                    "{}.{} undefined (type {} has no field or method {})",
                    self.expr_string(x),
                    name,
                    self.info.types.name_unqualified(t),
                    name
                ),
            );
        }
        // Fields, through one implicit pointer indirection.
        let (base, deref) = match self.info.types.kind(t) {
            TypeKind::Pointer(p) => (*p, true),
            _ => match self.info.types.under(t) {
                TypeKind::Pointer(p) if !self.info.types.is_named(t) => (*p, true),
                _ => (t, false),
            },
        };
        if let Some(fs) = self.info.types.struct_fields(base) {
            if let Some(i) = fs.iter().position(|f| &f.name == name) {
                let ft = fs[i].ty;
                self.info
                    .selections
                    .insert(e.id, Selection::Field { index: i, deref });
                let mode = if deref || xo.mode == Mode::Var {
                    Mode::Var
                } else {
                    Mode::Value
                };
                return Ok(Operand {
                    mode,
                    ty: ft,
                    val: None,
                });
            }
        }
        // Methods of named types.
        if let Some(n) = self.info.types.named(base) {
            if let Some(m) = n.methods.iter().find(|m| &m.name == name).cloned() {
                let (addr, dr) = match (m.ptr_recv, deref) {
                    (true, true) => (false, false),
                    (true, false) => {
                        if xo.mode != Mode::Var {
                            return self.err(
                                e.pos,
                                format!(
                                    "cannot call pointer method {} on {}",
                                    name,
                                    self.info.types.name_unqualified(t)
                                ),
                            );
                        }
                        (true, false)
                    }
                    (false, true) => (false, true),
                    (false, false) => (false, false),
                };
                self.info.selections.insert(
                    e.id,
                    Selection::Method {
                        func: m.func,
                        ptr_recv: m.ptr_recv,
                        addr,
                        deref: dr,
                    },
                );
                if addr {
                    self.mark_addr_taken(x);
                }
                return Ok(Operand::value(m.sig));
            }
        }
        if deref && self.info.types.is_interface(base) {
            return self.err(
                sel.pos,
                format!(
                    "{}.{} undefined (type {} is pointer to interface, not interface)",
                    self.expr_string(x),
                    name,
                    self.info.types.name_unqualified(t)
                ),
            );
        }
        self.err(
            sel.pos,
            format!(
                "{}.{} undefined (type {} has no field or method {})",
                self.expr_string(x),
                name,
                self.info.types.name_unqualified(t),
                name
            ),
        )
    }

    /// `T.M` or `(*T).M`: a function whose first parameter is the receiver.
    pub(crate) fn method_expr(&mut self, e: &Expr, t: Ty, sel: &Ident) -> R<Operand> {
        let name = &sel.name;
        if self.info.types.is_interface(t) {
            let ms = self.info.types.iface_methods(t);
            let Some(index) = ms.iter().position(|m| &m.name == name) else {
                return self.err(
                    sel.pos,
                    format!(
                        "{}.{} undefined (type {} has no method {})",
                        self.info.types.name_unqualified(t),
                        name,
                        self.info.types.name_unqualified(t),
                        name
                    ),
                );
            };
            let ft = self.method_expr_sig(t, ms[index].sig);
            self.info
                .selections
                .insert(e.id, Selection::IfaceMethodExpr { iface: t, index });
            return Ok(Operand::value(ft));
        }
        let (base, is_ptr) = match self.info.types.kind(t) {
            TypeKind::Pointer(p) => (*p, true),
            _ => (t, false),
        };
        let Some(m) = self
            .info
            .types
            .named(base)
            .and_then(|n| n.methods.iter().find(|m| &m.name == name).cloned())
        else {
            return self.err(
                sel.pos,
                format!(
                    "{}.{} undefined (type {} has no method {})",
                    self.info.types.name_unqualified(t),
                    name,
                    self.info.types.name_unqualified(t),
                    name
                ),
            );
        };
        if m.ptr_recv && !is_ptr {
            return self.err(
                sel.pos,
                format!(
                    "invalid method expression {}.{} (needs pointer receiver (*{}).{})",
                    self.info.types.name_unqualified(t),
                    name,
                    self.info.types.name_unqualified(t),
                    name
                ),
            );
        }
        let ft = self.method_expr_sig(t, m.sig);
        self.info.selections.insert(
            e.id,
            Selection::MethodExpr {
                func: m.func,
                ptr_recv: m.ptr_recv,
                recv: t,
            },
        );
        Ok(Operand::value(ft))
    }

    /// The type of a method expression `T.M`: M's signature with the receiver first.
    fn method_expr_sig(&mut self, recv: Ty, method_sig: Ty) -> Ty {
        let sig = self
            .info
            .types
            .sig(method_sig)
            .cloned()
            .expect("method signature");
        let mut params = vec![recv];
        params.extend(sig.params.iter().copied());
        self.new_signature(params, sig.results, sig.variadic)
    }

    /// Checks that `t` implements interface `iface`; `None` if it does.
    pub(crate) fn missing_method(&self, t: Ty, iface: Ty) -> Option<Missing> {
        let want = self.info.types.iface_methods(iface).to_vec();
        if self.info.types.is_interface(t) {
            let have = self.info.types.iface_methods(t);
            for m in &want {
                match have.iter().find(|h| h.name == m.name) {
                    None => return Some(Missing::Method(m.name.clone())),
                    Some(h) if h.sig != m.sig => return Some(Missing::WrongType(m.name.clone())),
                    _ => {}
                }
            }
            return None;
        }
        let (base, is_ptr) = match self.info.types.kind(t) {
            TypeKind::Pointer(p) => (*p, true),
            _ => (t, false),
        };
        let methods = self
            .info
            .types
            .named(base)
            .map(|n| n.methods.clone())
            .unwrap_or_default();
        // A pointer to a pointer or unnamed type has no methods.
        let methods = if is_ptr && !self.info.types.is_named(base) {
            Vec::new()
        } else {
            methods
        };
        for m in &want {
            match methods.iter().find(|h| h.name == m.name) {
                None => return Some(Missing::Method(m.name.clone())),
                Some(h) if h.sig != m.sig => return Some(Missing::WrongType(m.name.clone())),
                Some(h) if h.ptr_recv && !is_ptr => {
                    return Some(Missing::PointerRecv(m.name.clone()))
                }
                _ => {}
            }
        }
        None
    }

    pub(crate) fn missing_reason(&self, m: &Missing) -> String {
        match m {
            Missing::Method(n) => format!("missing method {n}"),
            Missing::PointerRecv(n) => format!("method {n} has pointer receiver"),
            Missing::WrongType(n) => format!("wrong type for method {n}"),
        }
    }

    /// `x.(T)` must be possible: a concrete `T` must implement `x`'s interface.
    pub(crate) fn check_assertable(
        &self,
        iface: Ty,
        t: Ty,
        e: &Expr,
        _x: &Expr,
        _te: &Expr,
    ) -> R<()> {
        if self.info.types.is_interface(t) {
            return Ok(());
        }
        if let Some(m) = self.missing_method(t, iface) {
            return self.err(
                e.pos,
                format!(
                    "impossible type assertion: {}\n\t{} does not implement {} ({})",
                    self.expr_string(e),
                    self.info.types.name_unqualified(t),
                    self.info.types.name_unqualified(iface),
                    self.missing_reason(&m)
                ),
            );
        }
        Ok(())
    }
}
