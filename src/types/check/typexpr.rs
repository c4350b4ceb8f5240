//! Type expressions: names, `*T`, `[]T`, `[N]T`, structs, interfaces, func types.

use rustc_hash::FxHashSet as HashSet;

use super::expr::strip_parens;
use super::{Checker, R};
use crate::diag::CompileError;
use crate::syntax::ast::*;
use crate::types::ty::{builtin, Field, IfaceMethod, Signature, Ty, TypeKind};
use crate::types::{ObjId, ObjKind};

impl Checker<'_> {
    /// Resolves an expression that must denote a type.
    pub(crate) fn resolve_type(&mut self, e: &Expr) -> R<Ty> {
        match self.try_type(e)? {
            Some(t) => Ok(t),
            None => self.err(e.pos, format!("{} is not a type", self.expr_string(e))),
        }
    }

    /// The type `e` denotes, or `None` when it is a value expression.
    pub(crate) fn try_type(&mut self, e: &Expr) -> R<Option<Ty>> {
        let t = match &e.kind {
            ExprKind::Ident(_) | ExprKind::Selector(..) => {
                // A name, or a name another package exports (`geom.Shape`).
                let o = match &e.kind {
                    ExprKind::Ident(name) => match self.lookup(name, e.pos) {
                        Some(o) => o,
                        None => return self.undefined(e.pos, name),
                    },
                    ExprKind::Selector(x, sel) => {
                        let ExprKind::Ident(pkg) = &x.kind else {
                            return Ok(None);
                        };
                        let Some(po) = self.lookup(pkg, x.pos) else {
                            return Ok(None);
                        };
                        let ObjKind::Package(p) = self.obj(po).kind else {
                            return Ok(None);
                        };
                        self.use_package(po);
                        self.info.uses.insert(x.id, po);
                        self.qualified_obj(p, sel)?
                    }
                    _ => unreachable!(),
                };
                if self.names_generic_type(e) {
                    let g = self.generic_type_string(e);
                    return self.err(
                        e.pos,
                        format!("cannot use generic type {g} without instantiation"),
                    );
                }
                if !matches!(self.obj(o).kind, ObjKind::TypeName) {
                    return Ok(None);
                }
                if self.obj(o).name == "comparable"
                    && self.in_interface_elems == 0
                    && self.universe.get("comparable") == Some(&o)
                {
                    // (Constraints name it outside types: `generics.rs`.)
                    return self.err(
                        e.pos,
                        "cannot use type comparable outside a type constraint: interface is (or embeds) comparable",
                    );
                }
                self.info.uses.insert(e.id, o);
                self.resolve_obj(o)?;
                self.obj(o).ty
            }
            ExprKind::Paren(x) => return self.try_type(x),
            ExprKind::Index(x, _) | ExprKind::Instance(x, _) if self.names_generic_type(x) => {
                let args: Vec<&Expr> = match &e.kind {
                    ExprKind::Index(_, i) => vec![i.as_ref()],
                    ExprKind::Instance(_, a) => a.iter().collect(),
                    _ => unreachable!(),
                };
                let o = self.name_obj(x).expect("looked up");
                self.use_qualifier(x);
                self.info.uses.insert(strip_parens(x).id, o);
                let ObjKind::Generic(g) = self.obj(o).kind else {
                    unreachable!()
                };
                self.instantiate_type(g, &args, e.pos)?
            }
            ExprKind::Star(x) => match self.try_type(x)? {
                Some(t) => self.info.types.pointer(t),
                None => return Ok(None),
            },
            ExprKind::ArrayType { len, elem } => {
                let el = self.resolve_type(elem)?;
                match len {
                    ArrayLen::Slice => self.info.types.slice(el),
                    ArrayLen::Ellipsis => {
                        return self.err(
                            e.pos,
                            "invalid use of [...] array (outside a composite literal)",
                        );
                    }
                    ArrayLen::Expr(n) => {
                        let n = self.array_len(n)?;
                        self.info.types.array(el, n)
                    }
                }
            }
            ExprKind::MapType(k, v) => {
                let kt = self.resolve_type(k)?;
                let vt = self.resolve_type(v)?;
                // (A named key type still being declared is checked when
                // it is complete: Go defers the check the same way.)
                let pending = matches!(
                    self.info.types.under(kt),
                    TypeKind::Named(_) | TypeKind::Basic(crate::types::ty::Basic::Invalid)
                );
                if pending {
                    self.pending_keys.push((k.pos, kt));
                } else if !self.info.types.comparable(kt) {
                    return self.err(
                        k.pos,
                        format!(
                            "invalid map key type {}",
                            self.info.types.name_unqualified(kt)
                        ),
                    );
                }
                self.info.types.map(kt, vt)
            }
            ExprKind::ChanType(d, t) => {
                let et = self.resolve_type(t)?;
                self.info.types.chan(*d, et)
            }
            ExprKind::FuncType(ft) => self.resolve_signature(ft)?,
            ExprKind::StructType(fields) => {
                let mut fs: Vec<Field> = Vec::new();
                let mut seen = HashSet::default();
                for fd in fields {
                    if fd.embedded {
                        let t = self.resolve_type(&fd.ty)?;
                        let name = self.embedded_name(&fd.ty);
                        // (A wrong embedded field is left out, the struct
                        // checked on.)
                        if let TypeKind::Pointer(p) = self.info.types.kind(t).clone() {
                            if self.info.types.is_interface(p) {
                                let msg = "embedded field type cannot be a pointer to an interface";
                                self.record(CompileError::new(fd.ty.pos, msg))?;
                                continue;
                            }
                        } else if matches!(self.info.types.under(t), TypeKind::Pointer(_)) {
                            let msg = "embedded field type cannot be a pointer";
                            self.record(CompileError::new(fd.ty.pos, msg))?;
                            continue;
                        }
                        if name != "_" && !seen.insert(name.clone()) {
                            return self.err(fd.ty.pos, format!("{name} redeclared"));
                        }
                        fs.push(Field {
                            name,
                            ty: t,
                            embedded: true,
                        });
                        continue;
                    }
                    let t = self.part_type(&fd.ty)?;
                    for n in &fd.names {
                        if n.name != "_" && !seen.insert(n.name.clone()) {
                            return self.err(n.pos, format!("{} redeclared", n.name));
                        }
                        fs.push(Field {
                            name: n.name.clone(),
                            ty: t,
                            embedded: false,
                        });
                    }
                }
                self.info.types.strukt(fs)
            }
            ExprKind::InterfaceType(elems) => {
                let mut ms: Vec<IfaceMethod> = Vec::new();
                for el in elems {
                    match el {
                        InterfaceElem::Method { name, ty } => {
                            let sig = self.resolve_signature(ty)?;
                            if ms.iter().any(|m| m.name == name.name) {
                                return self
                                    .err(name.pos, format!("duplicate method {}", name.name));
                            }
                            ms.push(IfaceMethod {
                                name: name.name.clone(),
                                sig,
                            });
                        }
                        InterfaceElem::Embedded(x) => {
                            // A type set (`~int | string`): constraints only,
                            // read from the syntax (`generics.rs`).
                            if matches!(x.kind, ExprKind::Binary { .. } | ExprKind::Tilde(_)) {
                                continue;
                            }
                            self.in_interface_elems += 1;
                            let t = self.resolve_type(x);
                            self.in_interface_elems -= 1;
                            let t = t?;
                            if !self.info.types.is_interface(t) {
                                continue;
                            }
                            // An interface being declared may embed one not resolved yet.
                            if self.info.types.underlying(t) == builtin::INVALID {
                                return self.err(x.pos, "invalid recursive type");
                            }
                            for m in self.info.types.iface_methods(t).to_vec() {
                                if let Some(prev) = ms.iter().find(|p| p.name == m.name) {
                                    if prev.sig != m.sig {
                                        return self
                                            .err(x.pos, format!("duplicate method {}", m.name));
                                    }
                                    continue;
                                }
                                ms.push(m);
                            }
                        }
                    }
                }
                self.info.types.interface(ms)
            }
            _ => return Ok(None),
        };
        self.info.expr_types.insert(e.id, t);
        Ok(Some(t))
    }

    fn array_len(&mut self, n: &Expr) -> R<i64> {
        let x = self.expr(n)?;
        let Some(v) = x.val.as_ref().and_then(|v| v.as_bigint()) else {
            return self.err(
                n.pos,
                format!(
                    "array length {} (value of type {}) must be constant",
                    self.expr_string(n),
                    self.info.types.name_unqualified(x.ty)
                ),
            );
        };
        let Some(len) = num_traits::ToPrimitive::to_i64(&v) else {
            return self.err(n.pos, "invalid array length");
        };
        if len < 0 {
            return self.err(
                n.pos,
                format!(
                    "invalid array length {} (untyped int constant {len})",
                    self.expr_string(n)
                ),
            );
        }
        if len > (1 << 28) {
            return self.err(n.pos, "unsupported: array too large");
        }
        Ok(len)
    }

    /// A function signature as a `Func` type.
    /// A type that may be wrong without making what it is part of wrong
    /// (a parameter's, a field's): its error recorded, and checking goes on
    /// with an invalid type there, as Go's does.
    fn part_type(&mut self, e: &Expr) -> R<Ty> {
        match self.resolve_type(e) {
            Ok(t) => Ok(t),
            Err(err) => {
                self.record(err)?;
                Ok(builtin::INVALID)
            }
        }
    }

    pub(crate) fn resolve_signature(&mut self, ft: &FuncType) -> R<Ty> {
        let mut params = Vec::new();
        let mut variadic = false;
        for (i, p) in ft.params.iter().enumerate() {
            let mut t = self.part_type(&p.ty)?;
            if p.variadic {
                if i + 1 != ft.params.len() {
                    return self.err(p.ty.pos, "can only use ... with final parameter in list");
                }
                variadic = true;
                t = self.info.types.slice(t);
            }
            params.push(t);
        }
        let mut results = Vec::new();
        for r in &ft.results {
            if r.variadic {
                return self.err(r.ty.pos, "can only use ... with final parameter in list");
            }
            results.push(self.part_type(&r.ty)?);
        }
        Ok(self.info.types.func(Signature {
            params,
            results,
            variadic,
        }))
    }

    /// Marks an import used (by its package name's object).
    pub(crate) fn use_package(&mut self, o: ObjId) {
        for imp in &mut self.imports {
            if imp.0 == o {
                imp.3 = true;
            }
        }
    }

    /// Marks the import a qualified name `pkg.Name` goes through used.
    pub(crate) fn use_qualifier(&mut self, x: &Expr) {
        if let ExprKind::Selector(p, _) = &strip_parens(x).kind {
            if let ExprKind::Ident(pn) = &p.kind {
                if let Some(o) = self.lookup(pn, p.pos) {
                    if matches!(self.obj(o).kind, ObjKind::Package(_)) {
                        self.use_package(o);
                        self.info.uses.insert(p.id, o);
                    }
                }
            }
        }
    }

    /// An embedded field's name: its type's name without package or `*`.
    pub(crate) fn embedded_name(&self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::Star(x) | ExprKind::Paren(x) | ExprKind::Instance(x, _) => {
                self.embedded_name(x)
            }
            ExprKind::Selector(_, sel) => sel.name.clone(),
            ExprKind::Ident(n) => n.clone(),
            _ => "_".into(),
        }
    }
}
