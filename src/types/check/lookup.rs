//! Fields and methods: selector lookup with automatic `&`/`*`, method sets
//! (`T` has value-receiver methods, `*T` has both), interface satisfaction
//! with Go's reasons, and type assertions.

use super::expr::{Mode, Operand};
use super::{Checker, R};
use crate::syntax::ast::*;
use crate::types::ty::{MethodDef, Ty, TypeKind};
use crate::types::{FuncInfo, FuncSource, ObjKind, Promoted, PromotedTarget, Selection, VarInfo};

/// What a name denotes below the top of a struct (an embedded field's
/// member), found at the shallowest depth.
#[derive(Clone, Debug)]
pub(crate) enum Member {
    /// Field `index` of the struct reached (`deref`: through a pointer).
    Field { index: usize, deref: bool, ty: Ty },
    /// A declared method of the named type reached.
    Method(MethodDef),
    /// Method `index` of the interface reached.
    Iface { iface: Ty, index: usize, sig: Ty },
}

/// A method promoted into a struct type (`Checker::promotion`): the
/// path of embedded fields to the value it is called on, its signature,
/// what the wrapper calls, and whether the wrapper's receiver is a
/// pointer.
type Promotion = (Vec<(usize, bool)>, Ty, PromotedTarget, bool);

/// Why a type does not implement an interface.
pub(crate) enum Missing {
    Method(String),
    PointerRecv(String),
    WrongType(String),
}

/// The embedded fields to a member (field index, through a pointer) and
/// the member.
pub(crate) type EmbeddedPath = (Vec<(usize, bool)>, Member);

impl Checker<'_> {
    /// `name` in a value of type `t` through its embedded fields, at the
    /// shallowest depth where it exists (Go's selector rule): the path of
    /// embedded fields there and the member; `Err` with the depth's
    /// several candidates when it is ambiguous. Depth 0 (`t`'s own fields
    /// and methods) is not searched: the caller did.
    pub(crate) fn find_embedded(&self, t: Ty, name: &str) -> Result<Option<EmbeddedPath>, ()> {
        let types = &self.info.types;
        let strip = |t: Ty| match types.kind(t) {
            TypeKind::Pointer(p) => (*p, true),
            _ => (t, false),
        };
        let mut level: Vec<(Ty, Vec<(usize, bool)>)> = Vec::new();
        let mut seen: Vec<Ty> = Vec::new();
        let (base, deref) = strip(t);
        if let Some(fs) = types.struct_fields(base) {
            for (i, f) in fs.iter().enumerate() {
                if f.embedded {
                    level.push((f.ty, vec![(i, deref)]));
                }
            }
        }
        seen.push(base);
        while !level.is_empty() {
            let mut found: Vec<(Vec<(usize, bool)>, Member)> = Vec::new();
            let mut next = Vec::new();
            for (t, path) in &level {
                let (base, deref) = strip(*t);
                if seen.contains(&base) {
                    continue;
                }
                if types.is_interface(base) {
                    let ms = types.iface_methods(base);
                    if let Some(i) = ms.iter().position(|m| m.name == name) {
                        found.push((
                            path.clone(),
                            Member::Iface {
                                iface: base,
                                index: i,
                                sig: ms[i].sig,
                            },
                        ));
                    }
                    continue;
                }
                if let Some(n) = types.named(base) {
                    if let Some(m) = n.methods.iter().find(|m| {
                        m.name == name
                            && !matches!(self.info.funcs[m.func].source, FuncSource::Promoted(_))
                    }) {
                        found.push((path.clone(), Member::Method(m.clone())));
                    }
                }
                if let Some(fs) = types.struct_fields(base) {
                    for (i, f) in fs.iter().enumerate() {
                        if f.name == name {
                            found.push((
                                path.clone(),
                                Member::Field {
                                    index: i,
                                    deref,
                                    ty: f.ty,
                                },
                            ));
                        }
                        if f.embedded {
                            let mut p = path.clone();
                            p.push((i, deref));
                            next.push((f.ty, p));
                        }
                    }
                }
            }
            for (t, _) in &level {
                seen.push(strip(*t).0);
            }
            match found.len() {
                0 => level = next,
                1 => return Ok(found.pop()),
                _ => return Err(()),
            }
        }
        Ok(None)
    }

    /// Gives named struct type `named` the methods its embedded fields
    /// promote (those not shadowed by a shallower field or method, nor
    /// ambiguous), each a wrapper function (`FuncSource::Promoted`) that
    /// walks to the embedded value and calls the method there, as Go's
    /// compiler generates them: so calls, method values, interface
    /// satisfaction, itabs and devirtualization treat them as `named`'s
    /// own. The wrapper has a pointer receiver when the method has one
    /// and no embedded pointer leads to it (Go's method sets: `T` has
    /// the promoted methods of `S` and, through `*S`, of `*S`; `*T` has
    /// all).
    ///
    /// An unnamed struct type gets them too (kept in
    /// `TypeTable::unnamed_methods`), once, when a selector reaches one or
    /// when checking is over (`promote_unnamed`).
    pub(crate) fn promote_methods(&mut self, named: Ty) -> R<()> {
        let Some(fs) = self.info.types.struct_fields(named).map(|f| f.to_vec()) else {
            return Ok(());
        };
        if !fs.iter().any(|f| f.embedded) {
            return Ok(());
        }
        let is_named = self.info.types.is_named(named);
        if !is_named {
            if self.info.types.unnamed_methods.contains_key(&named) {
                return Ok(());
            }
            self.info.types.unnamed_methods.insert(named, Vec::new());
        }
        // Every method name reachable through embedded fields.
        let mut names: Vec<String> = Vec::new();
        let mut work: Vec<Ty> = fs.iter().filter(|f| f.embedded).map(|f| f.ty).collect();
        let mut seen: Vec<Ty> = vec![named];
        while let Some(t) = work.pop() {
            let base = match self.info.types.kind(t) {
                TypeKind::Pointer(p) => *p,
                _ => t,
            };
            if seen.contains(&base) {
                continue;
            }
            seen.push(base);
            if self.info.types.is_interface(base) {
                names.extend(
                    self.info
                        .types
                        .iface_methods(base)
                        .iter()
                        .map(|m| m.name.clone()),
                );
                continue;
            }
            if let Some(n) = self.info.types.named(base) {
                names.extend(n.methods.iter().map(|m| m.name.clone()));
            }
            if let Some(sub) = self.info.types.struct_fields(base) {
                work.extend(sub.iter().filter(|f| f.embedded).map(|f| f.ty));
            }
        }
        names.sort();
        names.dedup();
        let tname = self.info.types.name(named);
        // (The wrappers' position, for their call sites in profiles and
        // traces: the type's declaration.)
        let pos = self
            .info
            .objs
            .iter()
            .find(|o| o.ty == named && matches!(o.kind, ObjKind::TypeName))
            .map_or(Pos::default(), |o| o.pos);
        for name in names {
            let own = self
                .info
                .types
                .named(named)
                .is_some_and(|n| n.methods.iter().any(|m| m.name == name));
            // (An unnamed type's wrappers are Go's generated code: no line.)
            let pos = if is_named { pos } else { Pos::default() };
            if own || fs.iter().any(|f| f.name == name) {
                continue;
            }
            let Some((path, sig, target, ptr_recv)) = self.promotion(named, &name) else {
                continue;
            };
            let recv_t = if ptr_recv {
                self.info.types.pointer(named)
            } else {
                named
            };
            let var = |c: &mut Self, n: &str, t: Ty| {
                c.new_obj(
                    n,
                    pos,
                    t,
                    ObjKind::Var(VarInfo {
                        global: false,
                        boxed: false,
                        owner: None,
                        used: true,
                    }),
                )
            };
            let recv = var(self, "recv", recv_t);
            let s = self.info.types.sig(sig).cloned().expect("method signature");
            let params: Vec<_> = s
                .params
                .iter()
                .enumerate()
                .map(|(i, &t)| var(self, &format!("p{i}"), t))
                .collect();
            let results: Vec<_> = s
                .results
                .iter()
                .enumerate()
                .map(|(i, &t)| var(self, &format!("~r{i}"), t))
                .collect();
            let fi = self.info.funcs.len();
            self.info.promoted.push(Promoted { path, target });
            let fname = if is_named {
                self.method_name(named, ptr_recv, &name)
            } else if ptr_recv {
                format!("(*{}).{name}", tname.trim_start_matches("main."))
            } else {
                format!("{}.{name}", tname.trim_start_matches("main."))
            };
            let mut info = FuncInfo::new(
                fname,
                FuncSource::Promoted(self.info.promoted.len() - 1),
                sig,
                pos,
            );
            info.recv = Some(recv);
            info.recv_named = Some((named, ptr_recv));
            info.params = params;
            info.results = results;
            self.info.funcs.push(info);
            let def = MethodDef {
                name,
                sig,
                ptr_recv,
                func: fi,
            };
            let ms = match self.info.types.named_mut(named) {
                Some(n) => &mut n.methods,
                None => self.info.types.unnamed_methods.entry(named).or_default(),
            };
            ms.push(def);
            ms.sort_by(|a, b| a.name.cmp(&b.name));
        }
        Ok(())
    }

    /// The method `name` that struct type `named`'s embedded fields
    /// promote into it: the path to the embedded value, its signature,
    /// what the wrapper calls, and whether the wrapper has a pointer
    /// receiver.
    fn promotion(&self, named: Ty, name: &str) -> Option<Promotion> {
        let Ok(Some((path, member))) = self.find_embedded(named, name) else {
            return None;
        };
        // (Whether the value the method is called on is reached
        // through a pointer: the last embedded field's own type.)
        let last_ptr = {
            let (i, _) = *path.last().expect("a path");
            let mut t = named;
            for &(j, _) in &path[..path.len() - 1] {
                let base = match self.info.types.kind(t) {
                    TypeKind::Pointer(p) => *p,
                    _ => t,
                };
                t = self.info.types.struct_fields(base).expect("struct")[j].ty;
            }
            let base = match self.info.types.kind(t) {
                TypeKind::Pointer(p) => *p,
                _ => t,
            };
            let ft = self.info.types.struct_fields(base).expect("struct")[i].ty;
            matches!(self.info.types.kind(ft), TypeKind::Pointer(_))
        };
        let through_ptr = last_ptr || path.iter().any(|&(_, d)| d);
        let (sig, target, ptr_recv) = match member {
            Member::Field { .. } => return None,
            Member::Method(m) => (
                m.sig,
                PromotedTarget::Method {
                    func: m.func,
                    ptr_recv: m.ptr_recv,
                },
                m.ptr_recv && !through_ptr,
            ),
            Member::Iface { iface, index, sig } => {
                (sig, PromotedTarget::Iface { iface, index }, false)
            }
        };
        Some((path, sig, target, ptr_recv))
    }

    /// The promoted methods of every unnamed struct type checking made
    /// (for their itabs: any of them may be in an interface value).
    pub(crate) fn promote_unnamed(&mut self) -> R<()> {
        let n = self.info.types.len();
        for t in 0..n {
            let t = Ty(t as u32);
            if !self.info.types.is_named(t)
                && matches!(self.info.types.kind(t), TypeKind::Struct(_))
            {
                self.promote_methods(t)?;
            }
        }
        Ok(())
    }

    /// Makes the wrappers of the methods promoted into `t` (or the type
    /// it points to) when it is an unnamed struct type, so that its method
    /// set is complete.
    fn promote_if_unnamed(&mut self, t: Ty) -> R<()> {
        let base = match self.info.types.kind(t) {
            TypeKind::Pointer(p) => *p,
            _ => t,
        };
        if self.methods_collected
            && !self.info.types.is_named(base)
            && matches!(self.info.types.kind(base), TypeKind::Struct(_))
        {
            self.promote_methods(base)?;
        }
        Ok(())
    }

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
        // Methods of named types, and those promoted into unnamed struct
        // types.
        self.promote_if_unnamed(base)?;
        {
            let ms = self.info.types.methods(base);
            if let Some(m) = ms.iter().find(|m| &m.name == name).cloned() {
                let (addr, dr) = match (m.ptr_recv, deref) {
                    (true, true) => (false, false),
                    (true, false) => {
                        if xo.mode != Mode::Var {
                            return self.no_pointer_method(e, name, t);
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
        // Fields promoted from embedded fields (their methods are the
        // named type's own, as wrappers: see `promote_methods`).
        match self.find_embedded(t, name) {
            Err(()) => {
                return self.err(
                    sel.pos,
                    format!("ambiguous selector {}.{}", self.expr_string(x), name),
                );
            }
            Ok(Some((
                path,
                Member::Field {
                    index,
                    deref: d,
                    ty,
                },
            ))) => {
                let through = d || path.iter().any(|&(_, p)| p);
                self.info.selections.insert(
                    e.id,
                    Selection::Promoted {
                        path,
                        last: Box::new(Selection::Field { index, deref: d }),
                    },
                );
                let mode = if through || xo.mode == Mode::Var {
                    Mode::Var
                } else {
                    Mode::Value
                };
                return Ok(Operand {
                    mode,
                    ty,
                    val: None,
                });
            }
            // A method promoted into an unnamed struct type (no wrapper of
            // its own, as a named type gets): called through the embedded
            // fields' path.
            Ok(Some((path, Member::Method(m)))) if self.calling == Some(e.id) => {
                let through = path.iter().any(|&(_, p)| p)
                    || matches!(self.embedded_at(t, &path), Some(et) if matches!(self.info.types.kind(et), TypeKind::Pointer(_)));
                if m.ptr_recv && !through {
                    if xo.mode != Mode::Var {
                        return self.no_pointer_method(e, name, t);
                    }
                    self.mark_addr_taken(x);
                }
                self.info.selections.insert(
                    e.id,
                    Selection::Promoted {
                        path,
                        last: Box::new(Selection::Method {
                            func: m.func,
                            ptr_recv: m.ptr_recv,
                            addr: false,
                            deref: false,
                        }),
                    },
                );
                return Ok(Operand::value(m.sig));
            }
            Ok(Some(_)) => {
                return self.err(
                    sel.pos,
                    format!(
                        "unsupported: method {} promoted into unnamed type {}",
                        name,
                        self.info.types.name_unqualified(t)
                    ),
                );
            }
            Ok(None) => {}
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

    /// Go's error for a pointer method of a value that is not addressable.
    fn no_pointer_method<T>(&self, e: &Expr, name: &str, t: Ty) -> R<T> {
        self.err(
            e.pos,
            format!(
                "cannot call pointer method {name} on {}",
                self.info.types.name_unqualified(t)
            ),
        )
    }

    /// The type of the embedded field `path` reaches from a value of type
    /// `t`.
    fn embedded_at(&self, t: Ty, path: &[(usize, bool)]) -> Option<Ty> {
        let mut t = t;
        for &(i, _) in path {
            let st = match self.info.types.kind(t) {
                TypeKind::Pointer(p) => *p,
                _ => t,
            };
            t = self.info.types.struct_fields(st)?.get(i)?.ty;
        }
        Some(t)
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
        self.promote_if_unnamed(base)?;
        let Some(m) = self
            .info
            .types
            .methods(base)
            .iter()
            .find(|m| &m.name == name)
            .cloned()
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
        let types = &self.info.types;
        let unnamed_struct =
            !types.is_named(base) && matches!(types.kind(base), TypeKind::Struct(_));
        // A pointer to a pointer or to an unnamed type has no methods (an
        // unnamed struct type's promoted ones aside).
        let none = is_ptr && !types.is_named(base) && !unnamed_struct;
        let pending = unnamed_struct && !types.unnamed_methods.contains_key(&base);
        for m in &want {
            let found = if none {
                None
            } else if let Some(h) = types.methods(base).iter().find(|h| h.name == m.name) {
                Some((h.sig, h.ptr_recv))
            } else if pending
                && !types
                    .struct_fields(base)
                    .is_some_and(|fs| fs.iter().any(|f| f.name == m.name))
            {
                // (Its wrappers are made when checking is over.)
                self.promotion(base, &m.name).map(|(_, sig, _, p)| (sig, p))
            } else {
                None
            };
            match found {
                None => return Some(Missing::Method(m.name.clone())),
                Some((sig, _)) if sig != m.sig => return Some(Missing::WrongType(m.name.clone())),
                Some((_, true)) if !is_ptr => return Some(Missing::PointerRecv(m.name.clone())),
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
