//! Generics by instantiation: a generic function or type is a template,
//! and each set of type arguments it is used with makes a function or a
//! named type of its own (`main.Map[int,string]`, `main.List[int]`), as
//! if the program had been written once per instantiation. A function's
//! declaration is parsed again for each instantiation (node ids of its
//! own, so the side tables of `Info` keep one entry per instantiation;
//! `Info::insts`) and checked with its type parameters naming the type
//! arguments. So within an instantiation a type parameter *is* its
//! argument: a method call through a constraint is a static call when the
//! argument is a concrete type (devirtualized by construction) and an
//! interface call site of its own, profiled and guarded, when it is an
//! interface.
//!
//! Type arguments come from the code (`F[int]`, `List[string]`) or are
//! inferred from a call's arguments: the parameters' types, with each type
//! parameter a placeholder type, unified with the arguments' types; then
//! untyped constants give their default types; then the core type of a
//! constraint such as `~[]E` unifies with what its parameter is bound to.
//!
//! Constraints are checked per instantiation: `any`, `comparable`, methods,
//! and type sets (`~int | ~float64`), which are read from the constraint's
//! syntax (an interface type keeps only its methods).
//!
//! What this does not do (yet): a generic body is checked only for the
//! instantiations the program makes, with its type arguments in place of
//! its type parameters, so an error Go reports in a generic body under its
//! constraints (`x + y` with `T any`) is not reported, and an uninstantiated
//! generic function is never checked.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::expr::{strip_parens, Mode, Operand};
use super::{Checker, R};
use crate::syntax::ast::*;
use crate::types::ty::{builtin, Signature, Ty, TypeKind};
use crate::types::{FuncInfo, FuncSource, ObjId, ObjKind};

/// A generic declaration (`ObjKind::Generic`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum GenericDecl {
    Func {
        decl: usize,
    },
    Type {
        decl: usize,
        spec: usize,
    },
    /// A method with type parameters of its own (Go 1.27): instantiated
    /// per call with its receiver's type arguments and its own; never in
    /// a method set.
    Method {
        decl: usize,
    },
}

/// An instantiated body waiting to be checked: the function, its
/// declaration and the type parameters' bindings.
#[derive(Clone)]
pub(crate) struct PendingBody {
    pub fi: usize,
    pub fd: &'static FuncDecl,
    pub binds: Vec<(String, Ty)>,
}

#[derive(Default, Clone)]
pub(crate) struct Generics {
    pub decls: Vec<GenericDecl>,
    funcs: HashMap<(usize, Vec<Ty>), usize>,
    types: HashMap<(usize, Vec<Ty>), Ty>,
    /// Named instance types: their generic type and type arguments.
    inst_of: HashMap<Ty, (usize, Vec<Ty>)>,
    /// Methods of generic types: declarations, by the type's name.
    pub methods: HashMap<String, Vec<usize>>,
    /// Methods with type parameters, by their receiver's base type name
    /// and their name.
    pub generic_methods: HashMap<(String, String), usize>,
    /// While a generic body is checked under its constraints: the types
    /// standing for its type parameters, with their constraints' text.
    pub tparam_constraints: HashMap<Ty, String>,
    /// Type parameters standing for themselves while inferring.
    placeholders: HashSet<Ty>,
    pub queue: Vec<PendingBody>,
    /// Instantiations made of each generic declaration (a bound on the
    /// ones a generic makes of itself with growing type arguments).
    made: HashMap<usize, u32>,
    /// The next node id for a declaration parsed again.
    pub next_node: u32,
}

impl Generics {
    pub fn new(next_node: u32) -> Generics {
        Generics {
            next_node,
            ..Default::default()
        }
    }
}

/// The base type name and type parameter names of a generic method's
/// receiver (`(l *List[T])`: `List`, `[T]`, pointer), or `None` for a
/// receiver that is not an instantiation.
pub(crate) fn generic_receiver(fd: &FuncDecl) -> Option<(String, Vec<Ident>, bool)> {
    let recv = fd.recv.as_ref()?;
    let mut t = &recv.ty;
    let mut ptr = false;
    loop {
        match &t.kind {
            ExprKind::Paren(x) => t = x,
            ExprKind::Star(x) if !ptr => {
                ptr = true;
                t = x;
            }
            _ => break,
        }
    }
    let (base, args): (&Expr, Vec<&Expr>) = match &t.kind {
        ExprKind::Index(b, i) => (b, vec![i.as_ref()]),
        ExprKind::Instance(b, args) => (b, args.iter().collect()),
        _ => return None,
    };
    let ExprKind::Ident(name) = &base.kind else {
        return None;
    };
    let names = args
        .iter()
        .map(|a| match &a.kind {
            ExprKind::Ident(n) => Ident {
                name: n.clone(),
                pos: a.pos,
                id: a.id,
            },
            _ => Ident {
                name: "_".into(),
                pos: a.pos,
                id: a.id,
            },
        })
        .collect();
    Some((name.clone(), names, ptr))
}

/// Where each of `n` type arguments of a call of `fname` comes from: the
/// position it is written at, or (inferred) the call's `(` and its name.
fn targ_sites<'s>(
    explicit: &[&Expr],
    n: usize,
    at: Pos,
    fname: &'s str,
) -> Vec<(Pos, Option<&'s str>)> {
    (0..n)
        .map(|k| match explicit.get(k) {
            Some(x) => (x.pos, None),
            None => (at, Some(fname)),
        })
        .collect()
}

/// The name of a (non-generic) receiver's base type (`(s *S)`: `S`).
pub(crate) fn receiver_base(fd: &FuncDecl) -> String {
    let mut t = fd.recv.as_ref().map(|r| &r.ty);
    while let Some(x) = t {
        match &x.kind {
            ExprKind::Paren(y) | ExprKind::Star(y) => t = Some(y),
            ExprKind::Ident(n) => return n.clone(),
            _ => break,
        }
    }
    "_".into()
}

/// A method with type parameters selected from a value: the generic
/// declaration, the receiver's named type and whether the method takes
/// a pointer, and how the value becomes the receiver (`&x`, `*x`).
pub(crate) struct GenericMethodRef {
    pub g: usize,
    pub named: Ty,
    pub ptr_recv: bool,
    pub addr: bool,
    pub deref: bool,
}

/// Instantiations of one generic declaration before it is taken for an
/// instantiation cycle (`F[T]` calling `F[[]T]`), which Go rejects.
const MAX_INSTANCES: u32 = 1000;

impl Checker<'_> {
    /// Counts an instantiation of `g`: an error past [`MAX_INSTANCES`].
    fn count_instance(&mut self, g: usize, pos: Pos) -> R<()> {
        let n = self.gen.made.entry(g).or_insert(0);
        *n += 1;
        if *n > MAX_INSTANCES {
            return self.err(pos, "instantiation cycle:");
        }
        Ok(())
    }

    /// Runs `f` at package level with the type parameters `binds` naming
    /// their arguments (a scope of their own, outside any function).
    fn in_tparams<T>(&mut self, binds: &[(String, Ty)], f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let saved_scopes = std::mem::take(&mut self.scopes);
        let saved_func = self.cur_func.take();
        let saved_iota = self.iota.take();
        self.push_tparams(binds);
        let r = f(self);
        self.scopes = saved_scopes;
        self.cur_func = saved_func;
        self.iota = saved_iota;
        r
    }

    /// A scope in which each type parameter names its argument.
    pub(crate) fn push_tparams(&mut self, binds: &[(String, Ty)]) {
        self.push_scope();
        for (name, t) in binds {
            let o = self.new_obj(name, Pos::default(), *t, ObjKind::TypeName);
            if let Some(s) = self.scopes.last_mut() {
                s.insert(name.clone(), o);
            }
        }
    }

    /// The declaration `decl` parsed again, with node ids of its own.
    fn fresh_func(&mut self, decl: usize) -> R<&'static FuncDecl> {
        let fid = self.file.file_of_decl(decl);
        let unit = &self.file.files[fid as usize];
        let mut f = crate::syntax::parser::parse_unit(&unit.src, self.gen.next_node, fid)?;
        self.gen.next_node = f.node_count;
        let Decl::Func(fd) = f.decls.swap_remove(decl - unit.decls.start) else {
            unreachable!("a function declaration")
        };
        Ok(Box::leak(Box::new(fd)))
    }

    /// How Go writes type arguments in names: `int,main.Point`.
    fn targ_list(&self, targs: &[Ty]) -> String {
        let names: Vec<String> = targs.iter().map(|t| self.info.types.name(*t)).collect();
        names.join(",")
    }

    fn is_placeholder(&self, t: Ty) -> bool {
        if self.gen.placeholders.contains(&t) {
            return true;
        }
        match self.info.types.kind(t).clone() {
            TypeKind::Pointer(x) | TypeKind::Slice(x) | TypeKind::Array(x, _) => {
                self.is_placeholder(x)
            }
            TypeKind::Map(k, v) => self.is_placeholder(k) || self.is_placeholder(v),
            TypeKind::Chan(_, x) => self.is_placeholder(x),
            TypeKind::Func(s) => s
                .params
                .iter()
                .chain(&s.results)
                .any(|&x| self.is_placeholder(x)),
            TypeKind::Struct(fs) => fs.iter().any(|f| self.is_placeholder(f.ty)),
            TypeKind::Named(_) => self
                .gen
                .inst_of
                .get(&t)
                .is_some_and(|(_, a)| a.clone().iter().any(|&x| self.is_placeholder(x))),
            _ => false,
        }
    }

    /// `F` (inferred), `F[A]` or `F[A, B]` as a call's function: the
    /// generic function and the explicit type arguments.
    pub(crate) fn generic_callee<'e>(
        &mut self,
        fun: &'e Expr,
    ) -> Option<(usize, ObjId, Vec<&'e Expr>)> {
        let f = strip_parens(fun);
        let (base, args): (&Expr, Vec<&Expr>) = match &f.kind {
            ExprKind::Ident(_) | ExprKind::Selector(..) => (f, Vec::new()),
            ExprKind::Index(b, i) => (b, vec![i.as_ref()]),
            ExprKind::Instance(b, args) => (b, args.iter().collect()),
            _ => return None,
        };
        let o = self.name_obj(base)?;
        self.use_qualifier(base);
        let ObjKind::Generic(g) = self.obj(o).kind else {
            return None;
        };
        if !matches!(self.gen.decls[g], GenericDecl::Func { .. }) {
            return None;
        }
        self.info.uses.insert(base.id, o);
        Some((g, o, args))
    }

    /// A call of a generic function: its arguments checked once, its type
    /// arguments inferred, the instantiation called.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn generic_call(
        &mut self,
        e: &Expr,
        fun: &Expr,
        g: usize,
        o: ObjId,
        explicit: Vec<&Expr>,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> R<Operand> {
        self.record_dep(o);
        let (targs, ops) = self.call_parts(&explicit, args)?;
        let f = strip_parens(fun);
        let fname = match &f.kind {
            ExprKind::Index(b, _) | ExprKind::Instance(b, _) => self.expr_string(b),
            _ => self.expr_string(f),
        };
        // Where Go reports a problem with an inferred type argument: the
        // call's `(`.
        let lparen = match (&f.kind, &e.kind) {
            (ExprKind::Ident(n), _) => Pos {
                file: f.pos.file,
                line: f.pos.line,
                col: f.pos.col + n.len() as u32,
            },
            (ExprKind::Selector(..), ExprKind::Call { lparen, .. }) => *lparen,
            _ => f.pos,
        };
        let targs = self.infer(
            g,
            &[],
            ellipsis.is_some(),
            targs,
            &ops,
            &explicit,
            lparen,
            &fname,
        )?;
        let site = targ_sites(&explicit, targs.len(), lparen, &fname);
        let fi = self.instantiate_func(g, targs, &site)?;
        let f = strip_parens(fun);
        self.info.instances.insert(f.id, fi);
        let sig_ty = self.info.funcs[fi].sig;
        self.info.expr_types.insert(f.id, sig_ty);
        self.info.expr_types.insert(fun.id, sig_ty);
        self.info
            .calls
            .insert(e.id, crate::types::CallKind::Static(fi));
        let sig = self.info.types.sig(sig_ty).cloned().expect("a signature");
        let ctx = format!("argument to {fname}");
        self.args_checked(&fname, &sig, args, ops, ellipsis, rparen, &ctx)?;
        Ok(self.call_result(&sig))
    }

    /// The method with type parameters `name` of a value of type `t`
    /// (whose mode is `mode`), if its type has one.
    pub(crate) fn generic_method_of(
        &self,
        t: Ty,
        name: &str,
        addressable: bool,
    ) -> Option<GenericMethodRef> {
        let (base, deref) = match self.info.types.kind(t) {
            TypeKind::Pointer(p) => (*p, true),
            _ => (t, false),
        };
        self.info.types.named(base)?;
        let tname = match self.gen.inst_of.get(&base) {
            Some(&(gt, _)) => match self.gen.decls[gt] {
                GenericDecl::Type { decl, spec } => match &self.file.decls[decl] {
                    Decl::Type(specs) => self.gen_key(specs[spec].name.pos, &specs[spec].name.name),
                    _ => return None,
                },
                _ => return None,
            },
            None => {
                let pkg = *self.type_pkg.get(&base)?;
                let full = self.info.types.name(base);
                let pname = &self.file.pkgs[pkg].name;
                let bare = full
                    .strip_prefix(pname.as_str())
                    .and_then(|t| t.strip_prefix('.'))
                    .unwrap_or(&full);
                format!("{pkg}.{bare}")
            }
        };
        let &g = self.gen.generic_methods.get(&(tname, name.to_string()))?;
        let GenericDecl::Method { decl } = self.gen.decls[g] else {
            return None;
        };
        let Decl::Func(fd) = &self.file.decls[decl] else {
            return None;
        };
        let ptr_recv = fd
            .recv
            .as_ref()
            .is_some_and(|r| matches!(strip_parens(&r.ty).kind, ExprKind::Star(_)));
        let (addr, deref) = match (ptr_recv, deref) {
            (true, true) => (false, false),
            (true, false) if addressable => (true, false),
            (true, false) => return None,
            (false, d) => (false, d),
        };
        Some(GenericMethodRef {
            g,
            named: base,
            ptr_recv,
            addr,
            deref,
        })
    }

    /// A call of a method with type parameters, `x.M(args)` or
    /// `x.M[A](args)` (`sel_e` the selector, `explicit` the type
    /// arguments written): its own type arguments inferred as a generic
    /// function's, with the receiver's bound; the instantiation called as
    /// a method.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn generic_method_call(
        &mut self,
        e: &Expr,
        sel_e: &Expr,
        x: &Expr,
        m: GenericMethodRef,
        explicit: Vec<&Expr>,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> R<Operand> {
        let recv_binds = self.receiver_binds(&m);
        let (targs, ops) = self.call_parts(&explicit, args)?;
        let fname = self.expr_string(sel_e);
        let lparen = sel_e.pos;
        let targs = self.infer(
            m.g,
            &recv_binds,
            ellipsis.is_some(),
            targs,
            &ops,
            &explicit,
            lparen,
            &fname,
        )?;
        let fi = self.instantiate_method(&m, &recv_binds, targs, &explicit, lparen, &fname)?;
        let sig_ty = self.select_generic_method(sel_e, x, &m, fi);
        self.info.calls.insert(e.id, crate::types::CallKind::Method);
        let sig = self.info.types.sig(sig_ty).cloned().expect("a signature");
        let ctx = format!("argument to {fname}");
        self.args_checked(&fname, &sig, args, ops, ellipsis, rparen, &ctx)?;
        Ok(self.call_result(&sig))
    }

    /// A generic method's receiver's type parameters, bound to its type
    /// arguments.
    fn receiver_binds(&self, m: &GenericMethodRef) -> Vec<(String, Ty)> {
        let GenericDecl::Method { decl } = self.gen.decls[m.g] else {
            unreachable!("a generic method")
        };
        let Decl::Func(tfd) = &self.file.decls[decl] else {
            unreachable!()
        };
        let Some((_, names, _)) = generic_receiver(tfd) else {
            return Vec::new();
        };
        let targs = self
            .gen
            .inst_of
            .get(&m.named)
            .map(|(_, a)| a.clone())
            .unwrap_or_default();
        names.iter().map(|n| n.name.clone()).zip(targs).collect()
    }

    /// Records selector `sel_e` (of `x`) as instantiation `fi` of generic
    /// method `m`, a method of `x`; its signature.
    fn select_generic_method(
        &mut self,
        sel_e: &Expr,
        x: &Expr,
        m: &GenericMethodRef,
        fi: usize,
    ) -> Ty {
        if m.addr {
            self.mark_addr_taken(x);
        }
        self.info.selections.insert(
            sel_e.id,
            crate::types::Selection::Method {
                func: fi,
                ptr_recv: m.ptr_recv,
                addr: m.addr,
                deref: m.deref,
            },
        );
        let sig_ty = self.info.funcs[fi].sig;
        self.info.expr_types.insert(sel_e.id, sig_ty);
        sig_ty
    }

    /// Whether `e` is `x.M[A]` where some type has a method `M` with type
    /// parameters (and `x` is no package or type name).
    pub(crate) fn names_generic_method(&self, e: &Expr) -> bool {
        let b = match &e.kind {
            ExprKind::Index(b, _) | ExprKind::Instance(b, _) => strip_parens(b),
            _ => return false,
        };
        let ExprKind::Selector(x, sel) = &b.kind else {
            return false;
        };
        if !self.gen.generic_methods.keys().any(|(_, m)| *m == sel.name) {
            return false;
        }
        match &x.kind {
            ExprKind::Ident(n) => !self.lookup(n, x.pos).is_some_and(|o| {
                matches!(self.obj(o).kind, ObjKind::Package(_) | ObjKind::TypeName)
            }),
            _ => true,
        }
    }

    /// `x.M[A]` not called (see [`Self::names_generic_method`]): the
    /// instantiation of method `M` bound to `x`, a method value; all type
    /// arguments written. (When `x`'s type has no such method, `x.M` is
    /// checked as usual, `x` a second time.)
    pub(crate) fn generic_method_value(&mut self, e: &Expr) -> R<Operand> {
        let (b, explicit): (&Expr, Vec<&Expr>) = match &e.kind {
            ExprKind::Index(b, i) => (strip_parens(b), vec![i.as_ref()]),
            ExprKind::Instance(b, a) => (strip_parens(b), a.iter().collect()),
            _ => unreachable!("an instance"),
        };
        let ExprKind::Selector(x, sel) = &b.kind else {
            unreachable!("a selector")
        };
        let xo = self.expr(x)?;
        self.single_value(&xo, x)?;
        let Some(m) = self.generic_method_of(xo.ty, &sel.name, xo.mode == Mode::Var) else {
            return match &e.kind {
                ExprKind::Index(bx, i) => self.index(e, bx, i),
                _ => self.generic_type_operand(e),
            };
        };
        let GenericDecl::Method { decl } = self.gen.decls[m.g] else {
            unreachable!("a generic method")
        };
        let Decl::Func(tfd) = &self.file.decls[decl] else {
            unreachable!()
        };
        let fname = self.expr_string(b);
        if explicit.len() != tfd.ty.tparams.len() {
            return self.err(
                e.pos,
                format!("cannot use generic function {fname} without instantiation"),
            );
        }
        let recv_binds = self.receiver_binds(&m);
        let (targs, _) = self.call_parts(&explicit, &[])?;
        let fi = self.instantiate_method(&m, &recv_binds, targs, &explicit, b.pos, &fname)?;
        let sig_ty = self.select_generic_method(b, x, &m, fi);
        Ok(Operand::value(sig_ty))
    }

    /// A generic call's written type arguments and its arguments' operands.
    fn call_parts(&mut self, explicit: &[&Expr], args: &[Expr]) -> R<(Vec<Ty>, Vec<Operand>)> {
        let mut targs = Vec::new();
        for a in explicit {
            targs.push(self.resolve_type(a)?);
        }
        let mut ops = Vec::new();
        for a in args {
            let x = self.expr(a)?;
            self.single_value(&x, a)?;
            ops.push(x);
        }
        Ok((targs, ops))
    }

    /// The instantiation of method with type parameters `m` with type
    /// arguments `targs` (its receiver's type parameters bound by
    /// `recv_binds`).
    fn instantiate_method(
        &mut self,
        m: &GenericMethodRef,
        recv_binds: &[(String, Ty)],
        targs: Vec<Ty>,
        explicit: &[&Expr],
        lparen: Pos,
        fname: &str,
    ) -> R<usize> {
        let GenericDecl::Method { decl } = self.gen.decls[m.g] else {
            unreachable!("a generic method")
        };
        let Decl::Func(tfd) = &self.file.decls[decl] else {
            unreachable!()
        };
        let key: Vec<Ty> = std::iter::once(m.named)
            .chain(targs.iter().copied())
            .collect();
        let fi = match self.gen.funcs.get(&(m.g, key.clone())) {
            Some(&fi) => fi,
            None => {
                let binds: Vec<(String, Ty)> = recv_binds
                    .iter()
                    .cloned()
                    .chain(
                        tfd.ty
                            .tparams
                            .iter()
                            .map(param_name)
                            .zip(targs.iter().copied()),
                    )
                    .collect();
                let site = targ_sites(&explicit, targs.len(), lparen, &fname);
                self.check_constraints(&tfd.ty.tparams, &binds[recv_binds.len()..], &site)?;
                self.count_instance(m.g, tfd.name.pos)?;
                let fd = self.fresh_func(decl)?;
                let fi = self.info.funcs.len();
                let mname = format!("{}[{}]", fd.name.name, self.targ_list(&targs));
                let mut info = FuncInfo::new(
                    self.method_name(m.named, m.ptr_recv, &mname),
                    FuncSource::Inst(self.info.insts.len()),
                    builtin::INVALID,
                    fd.name.pos,
                );
                info.recv_named = Some((m.named, m.ptr_recv));
                self.info.funcs.push(info);
                self.info.insts.push(fd);
                self.gen.funcs.insert((m.g, key), fi);
                let sig = self.in_tparams(&binds, |c| c.resolve_signature(&fd.ty))?;
                self.info.funcs[fi].sig = sig;
                self.gen.queue.push(PendingBody { fi, fd, binds });
                fi
            }
        };
        Ok(fi)
    }

    /// Whether `x` names a generic type.
    pub(crate) fn names_generic_type(&self, x: &Expr) -> bool {
        match self.name_obj(x).map(|o| self.obj(o).kind.clone()) {
            Some(ObjKind::Generic(g)) => matches!(self.gen.decls[g], GenericDecl::Type { .. }),
            _ => false,
        }
    }

    /// A generic type as Go names it in messages: `Pair[K comparable, V any]`
    /// (parameters with the same constraint grouped, `[A, B any]`).
    pub(crate) fn generic_type_string(&self, x: &Expr) -> String {
        let n = &self.expr_string(strip_parens(x));
        let Some(ObjKind::Generic(g)) = self.name_obj(x).map(|o| self.obj(o).kind.clone()) else {
            return n.clone();
        };
        let GenericDecl::Type { decl, spec } = self.gen.decls[g] else {
            return n.clone();
        };
        let Decl::Type(specs) = &self.file.decls[decl] else {
            return n.clone();
        };
        let ps = &specs[spec].tparams;
        let mut parts: Vec<String> = Vec::new();
        for (k, p) in ps.iter().enumerate() {
            let c = self.expr_string(&p.ty);
            let last_of_group = ps.get(k + 1).is_none_or(|q| self.expr_string(&q.ty) != c);
            parts.push(if last_of_group {
                format!("{} {c}", param_name(p))
            } else {
                param_name(p)
            });
        }
        format!("{n}[{}]", parts.join(", "))
    }

    /// `List[int]` where a value could be: the type, as a conversion's or
    /// literal's.
    pub(crate) fn generic_type_operand(&mut self, e: &Expr) -> R<Operand> {
        match self.try_type(e)? {
            Some(t) => Ok(Operand {
                mode: super::expr::Mode::TypeExpr,
                ty: t,
                val: None,
            }),
            None => self.err(
                e.pos,
                format!("{} is not a generic function or type", self.expr_string(e)),
            ),
        }
    }

    /// `F[A, B]` not called: the instantiation as a function value.
    pub(crate) fn generic_value(&mut self, e: &Expr) -> R<Option<Operand>> {
        let Some((g, o, explicit)) = self.generic_callee(e) else {
            return Ok(None);
        };
        self.record_dep(o);
        let GenericDecl::Func { decl } = self.gen.decls[g] else {
            unreachable!()
        };
        let Decl::Func(fd) = &self.file.decls[decl] else {
            unreachable!()
        };
        if explicit.len() != fd.ty.tparams.len() {
            let name = &fd.name.name;
            return self.err(
                e.pos,
                format!("cannot use generic function {name} without instantiation"),
            );
        }
        let mut targs = Vec::new();
        let mut site = Vec::new();
        for a in explicit {
            targs.push(self.resolve_type(a)?);
            site.push((a.pos, None));
        }
        let fi = self.instantiate_func(g, targs, &site)?;
        self.info.instances.insert(e.id, fi);
        Ok(Some(Operand::value(self.info.funcs[fi].sig)))
    }

    /// The function `g` instantiated with `targs`; `site` says per type
    /// argument where it was written, or (with the call's name) inferred.
    pub(crate) fn instantiate_func(
        &mut self,
        g: usize,
        targs: Vec<Ty>,
        site: &[(Pos, Option<&str>)],
    ) -> R<usize> {
        if let Some(&fi) = self.gen.funcs.get(&(g, targs.clone())) {
            return Ok(fi);
        }
        let GenericDecl::Func { decl } = self.gen.decls[g] else {
            unreachable!("a generic function")
        };
        let file = self.file;
        let Decl::Func(tfd) = &file.decls[decl] else {
            unreachable!()
        };
        let binds: Vec<(String, Ty)> = tfd
            .ty
            .tparams
            .iter()
            .zip(&targs)
            .map(|(p, &t)| (param_name(p), t))
            .collect();
        self.check_constraints(&tfd.ty.tparams, &binds, site)?;
        let at = tfd
            .ty
            .tparams
            .first()
            .and_then(|p| p.name.as_ref())
            .map_or(tfd.name.pos, |n| n.pos);
        self.count_instance(g, at)?;
        let fd = self.fresh_func(decl)?;
        let fi = self.info.funcs.len();
        self.info.funcs.push(FuncInfo::new(
            format!(
                "{}.{}[{}]",
                self.pkg_path_at(fd.name.pos),
                fd.name.name,
                self.targ_list(&targs)
            ),
            FuncSource::Inst(self.info.insts.len()),
            builtin::INVALID,
            fd.name.pos,
        ));
        self.info.insts.push(fd);
        self.gen.funcs.insert((g, targs), fi);
        let sig = self.in_tparams(&binds, |c| c.resolve_signature(&fd.ty))?;
        self.info.funcs[fi].sig = sig;
        self.gen.queue.push(PendingBody { fi, fd, binds });
        Ok(fi)
    }

    /// `List[A]` in a type: the generic type `g` instantiated.
    pub(crate) fn instantiate_type(&mut self, g: usize, args: &[&Expr], pos: Pos) -> R<Ty> {
        let mut targs = Vec::new();
        let mut site = Vec::new();
        for a in args {
            targs.push(self.resolve_type(a)?);
            site.push((a.pos, None));
        }
        self.instance_type(g, targs, pos, &site)
    }

    fn instance_type(
        &mut self,
        g: usize,
        targs: Vec<Ty>,
        pos: Pos,
        site: &[(Pos, Option<&str>)],
    ) -> R<Ty> {
        if let Some(&t) = self.gen.types.get(&(g, targs.clone())) {
            return Ok(t);
        }
        let GenericDecl::Type { decl, spec } = self.gen.decls[g] else {
            unreachable!("a generic type")
        };
        let file = self.file;
        let Decl::Type(specs) = &file.decls[decl] else {
            unreachable!()
        };
        let s = &specs[spec];
        if targs.len() != s.tparams.len() {
            let (what, n) = if targs.len() < s.tparams.len() {
                ("not enough", targs.len())
            } else {
                ("too many", targs.len())
            };
            return self.err(
                pos,
                format!(
                    "{what} type arguments for type {}: have {n}, want {}",
                    s.name.name,
                    s.tparams.len()
                ),
            );
        }
        let binds: Vec<(String, Ty)> = s
            .tparams
            .iter()
            .zip(&targs)
            .map(|(p, &t)| (param_name(p), t))
            .collect();
        let placeholder = targs.iter().any(|&t| self.is_placeholder(t));
        if !placeholder {
            self.check_constraints(&s.tparams, &binds, site)?;
        }
        let at = s
            .tparams
            .first()
            .and_then(|p| p.name.as_ref())
            .map_or(s.name.pos, |n| n.pos);
        self.count_instance(g, at)?;
        if s.alias {
            // A generic alias (Go 1.24): the aliased type, instantiated.
            let t = self.in_tparams(&binds, |c| c.resolve_type(&s.ty))?;
            self.gen.types.insert((g, targs), t);
            return Ok(t);
        }
        let name = format!("{}[{}]", s.name.name, self.targ_list(&targs));
        let named = self.new_named_at(s.name.pos, &name);
        self.gen.types.insert((g, targs.clone()), named);
        self.gen.inst_of.insert(named, (g, targs.clone()));
        let u = self.in_tparams(&binds, |c| c.resolve_type(&s.ty))?;
        if self.info.types.underlying(u) == builtin::INVALID {
            return self.err(
                s.name.pos,
                format!("invalid recursive type {}", s.name.name),
            );
        }
        self.info.types.set_underlying(named, u);
        if !placeholder {
            let key = self.gen_key(s.name.pos, &s.name.name);
            self.instantiate_methods(&key, named, &targs)?;
            if self.methods_collected {
                self.promote_methods(named)?;
            }
        }
        Ok(named)
    }

    /// The methods of generic type `base` for its instance `named`.
    fn instantiate_methods(&mut self, base: &str, named: Ty, targs: &[Ty]) -> R<()> {
        let decls = self.gen.methods.get(base).cloned().unwrap_or_default();
        for di in decls {
            let fd = self.fresh_func(di)?;
            let Some((_, names, ptr)) = generic_receiver(fd) else {
                continue;
            };
            if names.len() != targs.len() {
                return self.err(
                    fd.recv.as_ref().map_or(fd.pos, |r| r.ty.pos),
                    format!(
                        "receiver declares {} type parameters, but receiver base type declares {}",
                        names.len(),
                        targs.len()
                    ),
                );
            }
            let binds: Vec<(String, Ty)> = names
                .iter()
                .zip(targs)
                .map(|(n, &t)| (n.name.clone(), t))
                .collect();
            let sig = self.in_tparams(&binds, |c| c.resolve_signature(&fd.ty))?;
            let fi = self.info.funcs.len();
            let mut info = FuncInfo::new(
                self.method_name(named, ptr, &fd.name.name),
                FuncSource::Inst(self.info.insts.len()),
                sig,
                fd.name.pos,
            );
            info.recv_named = Some((named, ptr));
            self.info.funcs.push(info);
            self.info.insts.push(fd);
            self.add_method(named, base, &fd.name, sig, ptr, fi)?;
            self.gen.queue.push(PendingBody { fi, fd, binds });
        }
        Ok(())
    }

    /// Checks each generic function's body (and each generic type's
    /// methods) once with its type parameters standing for themselves, as
    /// Go checks them, so that what the constraints do not allow is an
    /// error even where every instantiation would compile (and in a
    /// generic never instantiated). A type parameter is checked as a named
    /// type over a representative of its constraint: the constraint itself
    /// when it only has methods (`any`, `fmt.Stringer`), else the first
    /// term of its type set (`~int | ~float64`: int), whose operations
    /// every type of the set has too; a constraint with both, or of a form
    /// not read here, leaves the generic to its instantiations. What the
    /// check makes (types, instantiations, objects) is dropped after it:
    /// only its errors remain.
    pub(crate) fn check_generic_bodies(&mut self) -> R<()> {
        let file = self.file;
        let mut decls: Vec<(usize, Vec<Param>)> = Vec::new();
        for g in &self.gen.decls {
            if let GenericDecl::Func { decl } = *g {
                if let Decl::Func(fd) = &file.decls[decl] {
                    decls.push((decl, fd.ty.tparams.clone()));
                }
            }
        }
        for ms in self.gen.methods.values() {
            for &di in ms {
                let Decl::Func(fd) = &file.decls[di] else {
                    continue;
                };
                let Some((base, names, _)) = generic_receiver(fd) else {
                    continue;
                };
                // The receiver's type parameters, constrained as the type's.
                let Some(tparams) = self.type_params_of(&base) else {
                    continue;
                };
                if tparams.len() != names.len() {
                    continue;
                }
                let ps = tparams
                    .iter()
                    .zip(&names)
                    .map(|(p, n)| Param {
                        name: Some(n.clone()),
                        ty: p.ty.clone(),
                        variadic: false,
                    })
                    .collect();
                decls.push((di, ps));
            }
        }
        if decls.is_empty() {
            return Ok(());
        }
        // (One snapshot for all: each check's type parameters are types of
        // its own, so what one makes never meets another's.)
        let saved_info = self.info.clone();
        let saved_gen = self.gen.clone();
        let mut r = Ok(());
        for (decl, tparams) in decls {
            if let Err(e) = self.check_generic_decl(decl, &tparams) {
                r = self.record(e);
                if r.is_err() {
                    break;
                }
            }
        }
        let next_node = self.gen.next_node;
        self.info = saved_info;
        self.gen = saved_gen;
        self.gen.next_node = next_node;
        r
    }

    /// The type parameters of generic type `name`.
    fn type_params_of(&self, name: &str) -> Option<Vec<Param>> {
        self.gen.decls.iter().find_map(|g| match *g {
            GenericDecl::Type { decl, spec } => match &self.file.decls[decl] {
                Decl::Type(specs) if specs[spec].name.name == name => {
                    Some(specs[spec].tparams.clone())
                }
                _ => None,
            },
            _ => None,
        })
    }

    fn check_generic_decl(&mut self, decl: usize, tparams: &[Param]) -> R<()> {
        // Each type parameter a named type of its own first (constraints
        // may name them), then its representative.
        let mut binds: Vec<(String, Ty)> = Vec::new();
        for p in tparams {
            let t = self.info.types.new_named(param_name(p));
            self.info.types.set_underlying(t, builtin::ANY);
            binds.push((param_name(p), t));
            let c = self.expr_string(&p.ty);
            self.gen.tparam_constraints.insert(t, c);
        }
        for (p, &(_, t)) in tparams.iter().zip(&binds) {
            let Some(rep) = self.in_tparams(&binds, |c| c.representative(&p.ty))? else {
                return Ok(());
            };
            let u = self.info.types.underlying(rep);
            if u == builtin::INVALID {
                return Ok(());
            }
            self.info.types.set_underlying(t, u);
        }
        let fd = self.fresh_func(decl)?;
        let fi = self.info.funcs.len();
        let mut info = FuncInfo::new(
            format!("{}.{}", self.pkg_path_at(fd.name.pos), fd.name.name),
            FuncSource::Inst(self.info.insts.len()),
            builtin::INVALID,
            fd.name.pos,
        );
        if let Some((base, _, ptr)) = generic_receiver(fd) {
            let targs: Vec<Ty> = binds.iter().map(|b| b.1).collect();
            let Some(g) = self.gen.decls.iter().position(|g| match *g {
                GenericDecl::Type { decl, spec } => {
                    matches!(&self.file.decls[decl], Decl::Type(specs) if specs[spec].name.name == base)
                }
                _ => false,
            }) else {
                return Ok(());
            };
            let site: Vec<(Pos, Option<&str>)> =
                targs.iter().map(|_| (fd.name.pos, None)).collect();
            let named = self.instance_type(g, targs, fd.name.pos, &site)?;
            info.recv_named = Some((named, ptr));
        }
        self.info.funcs.push(info);
        self.info.insts.push(fd);
        let sig = self.in_tparams(&binds, |c| c.resolve_signature(&fd.ty))?;
        self.info.funcs[fi].sig = sig;
        let saved = std::mem::take(&mut self.scopes);
        self.push_tparams(&binds);
        let r = self.check_func_body(fi, fd);
        self.scopes = saved;
        r
    }

    /// The type a type parameter with constraint `cons` is checked as
    /// (see [`Self::check_generic_bodies`]), or `None`.
    fn representative(&mut self, cons: &Expr) -> R<Option<Ty>> {
        match &cons.kind {
            ExprKind::Paren(x) => self.representative(x),
            ExprKind::Tilde(x) => Ok(Some(self.resolve_type(x)?)),
            ExprKind::Binary { x, .. } => self.representative(x),
            ExprKind::Ident(n) => {
                let o = self.lookup(n, cons.pos);
                if o.is_some() && o == self.universe.get(n.as_str()).copied() {
                    match n.as_str() {
                        "any" | "comparable" => return Ok(Some(builtin::ANY)),
                        _ => {}
                    }
                }
                if let Some(c) = o.and_then(|o| self.declared_constraint(o)) {
                    return self.representative(c);
                }
                let t = self.resolve_type(cons)?;
                Ok(Some(t))
            }
            ExprKind::Selector(..) => {
                if let Some(c) = self.qualified_constraint(cons) {
                    return self.representative(c);
                }
                Ok(Some(self.resolve_type(cons)?))
            }
            ExprKind::InterfaceType(elems) => {
                let mut methods = false;
                let mut term = None;
                for el in elems {
                    match el {
                        InterfaceElem::Method { .. } => methods = true,
                        InterfaceElem::Embedded(x) => {
                            let is_term = !matches!(x.kind, ExprKind::Ident(_)) || self.is_term(x);
                            if is_term {
                                if term.is_none() {
                                    term = self.representative(x)?;
                                    if term.is_none() {
                                        return Ok(None);
                                    }
                                }
                            } else {
                                // An embedded constraint: its terms count.
                                match self.representative(x)? {
                                    Some(t) if self.info.types.is_interface(t) => methods = true,
                                    Some(t) => {
                                        if term.is_none() {
                                            term = Some(t);
                                        }
                                    }
                                    None => return Ok(None),
                                }
                            }
                        }
                    }
                }
                match (term, methods) {
                    (Some(_), true) => Ok(None),
                    (Some(t), false) => Ok(Some(t)),
                    (None, _) => Ok(Some(self.resolve_type(cons)?)),
                }
            }
            _ => Ok(Some(self.resolve_type(cons)?)),
        }
    }

    /// Checks the bodies of the instantiations made so far (and those
    /// they make).
    pub(crate) fn check_instantiated_bodies(&mut self) -> R<()> {
        while let Some(p) = self.gen.queue.pop() {
            let saved = std::mem::take(&mut self.scopes);
            self.push_tparams(&p.binds);
            let r = self.check_func_body(p.fi, p.fd);
            self.scopes = saved;
            r?;
            self.check_pending_keys()?;
        }
        Ok(())
    }

    // ----- constraints -----

    /// Each type argument satisfies its type parameter's constraint (with
    /// every type parameter naming its argument there).
    fn check_constraints(
        &mut self,
        tparams: &[Param],
        binds: &[(String, Ty)],
        site: &[(Pos, Option<&str>)],
    ) -> R<()> {
        for (k, (p, (name, t))) in tparams.iter().zip(binds).enumerate() {
            let t = *t;
            let (pos, call) = site.get(k).copied().unwrap_or_default();
            let r = self.in_tparams(binds, |c| c.satisfies(t, &p.ty, None, pos));
            if let (Err(e), Some(fname)) = (&r, call) {
                // A method missing in an inferred type argument: Go finds
                // it while inferring and says so.
                if e.msg.contains("(missing method") || e.msg.contains("has pointer receiver") {
                    let tn = self.info.types.name_unqualified(t);
                    let rest = e.msg.strip_prefix(&format!("{tn} ")).unwrap_or(&e.msg);
                    return self.err(
                        pos,
                        format!("in call to {fname}, {name} (type {tn}) {rest}"),
                    );
                }
            }
            r?;
        }
        Ok(())
    }

    /// Whether `t` satisfies constraint `cons` (named `name` in messages).
    fn satisfies(&mut self, t: Ty, cons: &Expr, name: Option<&str>, pos: Pos) -> R<()> {
        let shown = match name {
            Some(n) => n.to_string(),
            None => self.constraint_string(cons, pos),
        };
        let tn = self.info.types.name_unqualified(t);
        match &cons.kind {
            ExprKind::Paren(x) => return self.satisfies(t, x, name, pos),
            ExprKind::Ident(n) => {
                let o = self.lookup(n, cons.pos);
                if o.is_some() && o == self.universe.get(n.as_str()).copied() {
                    match n.as_str() {
                        "any" => return Ok(()),
                        "comparable" => {
                            if self.info.types.comparable(t) {
                                return Ok(());
                            }
                            return self.err(pos, format!("{tn} does not satisfy comparable"));
                        }
                        _ => {}
                    }
                }
                // A declared constraint: its own elements, under its name.
                if let Some(c) = o.and_then(|o| self.declared_constraint(o)) {
                    return self.satisfies(t, c, Some(&shown), pos);
                }
            }
            // Another package's (`cmp.Ordered`): the same.
            ExprKind::Selector(..) => {
                if let Some(c) = self.qualified_constraint(cons) {
                    return self.satisfies(t, c, Some(&shown), pos);
                }
            }
            ExprKind::InterfaceType(elems) => {
                for el in elems {
                    if let InterfaceElem::Embedded(x) = el {
                        if !matches!(x.kind, ExprKind::Ident(_)) || self.is_term(x) {
                            if !self.in_terms(t, x)? {
                                let terms = self.expr_string(x);
                                return self.err(
                                    pos,
                                    format!(
                                        "{tn} does not satisfy {shown} ({tn} missing in {terms})"
                                    ),
                                );
                            }
                        } else {
                            self.satisfies(t, x, Some(&shown), pos)?;
                        }
                    }
                }
            }
            ExprKind::Binary { .. } | ExprKind::Tilde(_) => {
                if !self.in_terms(t, cons)? {
                    return self.err(
                        pos,
                        format!("{tn} does not satisfy {shown} ({tn} missing in {shown})"),
                    );
                }
                return Ok(());
            }
            _ => {}
        }
        let ct = self.resolve_type(cons)?;
        if !self.info.types.is_interface(ct) {
            if t != ct {
                return self.err(pos, format!("{tn} does not satisfy {shown}"));
            }
            return Ok(());
        }
        if let Some(m) = self.missing_method(t, ct) {
            let why = match m {
                super::lookup::Missing::Method(m) => {
                    format!("missing method {m}")
                }
                super::lookup::Missing::PointerRecv(m) => {
                    format!("method {m} has pointer receiver")
                }
                super::lookup::Missing::WrongType(m) => format!("wrong type for method {m}"),
            };
            return self.err(pos, format!("{tn} does not satisfy {shown} ({why})"));
        }
        Ok(())
    }

    /// A constraint as a message at `pos` names it: a declared one of
    /// another package qualified (`cmp.Ordered` for the `Ordered` of
    /// `cmp.Less`'s declaration).
    fn constraint_string(&self, cons: &Expr, pos: Pos) -> String {
        let s = self.expr_string(cons);
        if let ExprKind::Ident(n) = &cons.kind {
            if let Some(o) = self.lookup(n, cons.pos) {
                let at = self.obj(o).pos;
                if self.declared_constraint(o).is_some() && self.pkg_at(at) != self.pkg_at(pos) {
                    return format!("{}.{s}", self.file.pkgs[self.pkg_at(at)].name);
                }
            }
        }
        s
    }

    /// Whether `x` (an interface's embedded element) is a type term rather
    /// than an embedded interface.
    fn is_term(&mut self, x: &Expr) -> bool {
        match self.try_type(x) {
            Ok(Some(t)) => !self.info.types.is_interface(t),
            _ => true,
        }
    }

    /// Whether `t` is in the type set `e` (`A | ~B | C`).
    fn in_terms(&mut self, t: Ty, e: &Expr) -> R<bool> {
        match &e.kind {
            ExprKind::Paren(x) => self.in_terms(t, x),
            ExprKind::Binary {
                op: BinOp::Or,
                x,
                y,
                ..
            } => Ok(self.in_terms(t, x)? || self.in_terms(t, y)?),
            ExprKind::Tilde(x) => {
                let u = self.resolve_type(x)?;
                Ok(self.info.types.underlying(t) == self.info.types.underlying(u))
            }
            _ => {
                let u = self.resolve_type(e)?;
                if self.info.types.is_interface(u) {
                    return Ok(self.missing_method(t, u).is_none());
                }
                Ok(t == u)
            }
        }
    }

    // ----- inference -----

    /// The type arguments of a call of generic function `g`: `explicit`
    /// ones first, the rest inferred from the arguments `ops`.
    #[allow(clippy::too_many_arguments)]
    fn infer(
        &mut self,
        g: usize,
        outer: &[(String, Ty)],
        spread: bool,
        explicit: Vec<Ty>,
        ops: &[Operand],
        exprs: &[&Expr],
        lparen: Pos,
        fname: &str,
    ) -> R<Vec<Ty>> {
        let (GenericDecl::Func { decl } | GenericDecl::Method { decl }) = self.gen.decls[g] else {
            unreachable!()
        };
        let file = self.file;
        let Decl::Func(fd) = &file.decls[decl] else {
            unreachable!()
        };
        let n = fd.ty.tparams.len();
        if explicit.len() > n {
            return self.err(
                exprs[n].pos,
                format!("got {} type arguments but want {n}", explicit.len()),
            );
        }
        if explicit.len() == n {
            return Ok(explicit);
        }
        // Each type parameter a placeholder of its own.
        let ph: Vec<Ty> = fd
            .ty
            .tparams
            .iter()
            .map(|p| {
                let t = self.info.types.new_named(param_name(p));
                self.info.types.set_underlying(t, builtin::ANY);
                t
            })
            .collect();
        self.gen.placeholders.extend(ph.iter().copied());
        // (`outer`: a method's receiver type parameters, bound.)
        let names: Vec<(String, Ty)> = outer
            .iter()
            .cloned()
            .chain(fd.ty.tparams.iter().map(param_name).zip(ph.iter().copied()))
            .collect();
        let mut bind: Vec<Option<Ty>> = (0..n).map(|i| explicit.get(i).copied()).collect();
        let params: Vec<(Ty, bool)> = self.in_tparams(&names, |c| {
            let mut v = Vec::new();
            for p in &fd.ty.params {
                v.push((c.resolve_type(&p.ty)?, p.variadic));
            }
            Ok(v)
        })?;
        // (`f(xs...)`: the slice goes to the variadic parameter, `[]T`.)
        let spread_slice = match params.last() {
            Some(&(t, true)) if spread => Some(self.info.types.slice(t)),
            _ => None,
        };
        let param_of = |i: usize| -> Option<Ty> {
            if spread_slice.is_some() && i + 1 == ops.len() {
                return spread_slice;
            }
            match params.get(i) {
                Some(&(t, _)) => Some(t),
                None => params.last().filter(|p| p.1).map(|p| p.0),
            }
        };
        // Typed arguments.
        for (i, op) in ops.iter().enumerate() {
            let Some(p) = param_of(i) else { continue };
            if self.info.types.is_untyped(op.ty) {
                continue;
            }
            if !self.unify(p, op.ty, &ph, &mut bind) {
                let want = self.info.types.name_unqualified(p);
                let have = self.info.types.name_unqualified(op.ty);
                return self.err(
                    lparen,
                    format!("in call to {fname}, type {have} of argument does not match {want}"),
                );
            }
        }
        // Core types of constraints (`S ~[]E`: E from what S is), before
        // untyped constants are defaulted (`f([]float64{}, 2)`: E is
        // float64, not int), as Go's inference orders it.
        self.infer_core_types(fd, &names, &ph, &mut bind)?;
        // Untyped constants: their default types, the widest for a
        // parameter several of them give.
        let mut untyped: Vec<Option<Ty>> = vec![None; n];
        for (i, op) in ops.iter().enumerate() {
            let Some(p) = param_of(i) else { continue };
            if !self.info.types.is_untyped(op.ty) || op.ty == builtin::UNTYPED_NIL {
                continue;
            }
            if let Some(k) = ph.iter().position(|&x| x == p) {
                if bind[k].is_none() {
                    let d = self.default_type(op.ty);
                    let rank = |t: Ty| match t {
                        builtin::INT => 1,
                        builtin::INT32 => 2,
                        builtin::FLOAT64 => 3,
                        _ => 0,
                    };
                    if untyped[k].is_none_or(|u| rank(d) > rank(u)) {
                        untyped[k] = Some(d);
                    }
                }
            }
        }
        for (k, u) in untyped.into_iter().enumerate() {
            if bind[k].is_none() {
                bind[k] = u;
            }
        }
        // Core types again: with what the constants gave.
        self.infer_core_types(fd, &names, &ph, &mut bind)?;
        let mut out = Vec::new();
        for (k, b) in bind.iter().enumerate() {
            match b {
                Some(t) => out.push(self.subst(*t, &ph, &bind)),
                None => {
                    let tp = &fd.ty.tparams[k];
                    let at = tp.name.as_ref().map_or(tp.ty.pos, |n| n.pos);
                    let tp = param_name(tp);
                    return self.err(
                        lparen,
                        format!("in call to {fname}, cannot infer {tp} (declared at {at})"),
                    );
                }
            }
        }
        Ok(out)
    }

    /// Binds type parameters from the core types of constraints that
    /// mention them (`S ~[]E`: E from what S is bound to).
    fn infer_core_types(
        &mut self,
        fd: &FuncDecl,
        names: &[(String, Ty)],
        ph: &[Ty],
        bind: &mut [Option<Ty>],
    ) -> R<()> {
        let n = fd.ty.tparams.len();
        for _ in 0..n {
            for (k, p) in fd.ty.tparams.iter().enumerate() {
                let Some(b) = bind[k] else { continue };
                let core = match &p.ty.kind {
                    ExprKind::Tilde(x) => Some((x.as_ref(), true)),
                    ExprKind::InterfaceType(_) | ExprKind::Ident(_) | ExprKind::Binary { .. } => {
                        None
                    }
                    _ => Some((&p.ty, false)),
                };
                let Some((x, tilde)) = core else { continue };
                let ct = self.in_tparams(names, |c| c.resolve_type(x))?;
                let have = if tilde {
                    self.info.types.underlying(b)
                } else {
                    b
                };
                self.unify(ct, have, ph, bind);
            }
        }
        Ok(())
    }

    /// Unifies parameter type `p` (placeholders `ph`, bound in `bind`) with
    /// argument type `a`; false where they cannot match.
    fn unify(&mut self, p: Ty, a: Ty, ph: &[Ty], bind: &mut [Option<Ty>]) -> bool {
        if let Some(k) = ph.iter().position(|&x| x == p) {
            return match bind[k] {
                None => {
                    bind[k] = Some(a);
                    true
                }
                Some(b) => b == a || self.info.types.underlying(b) == self.info.types.underlying(a),
            };
        }
        if p == a {
            return true;
        }
        let (kp, ka) = (
            self.info.types.kind(p).clone(),
            self.info.types.kind(a).clone(),
        );
        match (kp, ka) {
            (TypeKind::Pointer(x), TypeKind::Pointer(y))
            | (TypeKind::Slice(x), TypeKind::Slice(y)) => self.unify(x, y, ph, bind),
            (TypeKind::Array(x, n), TypeKind::Array(y, m)) => n == m && self.unify(x, y, ph, bind),
            (TypeKind::Map(k1, v1), TypeKind::Map(k2, v2)) => {
                self.unify(k1, k2, ph, bind) && self.unify(v1, v2, ph, bind)
            }
            // (A bidirectional channel argument matches a directional
            // parameter: it is assignable to it.)
            (TypeKind::Chan(d1, x), TypeKind::Chan(d2, y)) => {
                (d1 == d2 || d2 == ChanDir::Both) && self.unify(x, y, ph, bind)
            }
            (TypeKind::Func(s1), TypeKind::Func(s2)) => {
                s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1.variadic == s2.variadic
                    && s1
                        .params
                        .iter()
                        .zip(&s2.params)
                        .chain(s1.results.iter().zip(&s2.results))
                        .all(|(&x, &y)| self.unify(x, y, ph, bind))
            }
            (TypeKind::Named(_), TypeKind::Named(_)) => {
                match (
                    self.gen.inst_of.get(&p).cloned(),
                    self.gen.inst_of.get(&a).cloned(),
                ) {
                    (Some((g1, xs)), Some((g2, ys))) if g1 == g2 => xs
                        .iter()
                        .zip(&ys)
                        .all(|(&x, &y)| self.unify(x, y, ph, bind)),
                    _ => false,
                }
            }
            // A named argument against a type literal: its underlying type
            // (Go's inexact unification).
            (_, TypeKind::Named(_)) if !matches!(self.info.types.kind(p), TypeKind::Named(_)) => {
                let u = self.info.types.underlying(a);
                u != a && self.unify(p, u, ph, bind)
            }
            // And a literal argument against a named parameter, an
            // instance of a generic type (`iter.Seq[E]` given a func
            // literal): the parameter's underlying type.
            (TypeKind::Named(_), _) => {
                let u = self.info.types.underlying(p);
                u == p || self.unify(u, a, ph, bind)
            }
            _ => true,
        }
    }

    /// `t` with the placeholders `ph` replaced by their bindings.
    fn subst(&mut self, t: Ty, ph: &[Ty], bind: &[Option<Ty>]) -> Ty {
        if let Some(k) = ph.iter().position(|&x| x == t) {
            return match bind[k] {
                Some(b) if b != t => self.subst(b, ph, bind),
                _ => t,
            };
        }
        if !self.is_placeholder(t) {
            return t;
        }
        match self.info.types.kind(t).clone() {
            TypeKind::Pointer(x) => {
                let x = self.subst(x, ph, bind);
                self.info.types.pointer(x)
            }
            TypeKind::Slice(x) => {
                let x = self.subst(x, ph, bind);
                self.info.types.slice(x)
            }
            TypeKind::Array(x, n) => {
                let x = self.subst(x, ph, bind);
                self.info.types.array(x, n)
            }
            TypeKind::Map(k, v) => {
                let k = self.subst(k, ph, bind);
                let v = self.subst(v, ph, bind);
                self.info.types.map(k, v)
            }
            TypeKind::Chan(d, x) => {
                let x = self.subst(x, ph, bind);
                self.info.types.chan(d, x)
            }
            TypeKind::Func(s) => {
                let params = s.params.iter().map(|&x| self.subst(x, ph, bind)).collect();
                let results = s.results.iter().map(|&x| self.subst(x, ph, bind)).collect();
                self.info.types.func(Signature {
                    params,
                    results,
                    variadic: s.variadic,
                })
            }
            TypeKind::Named(_) => match self.gen.inst_of.get(&t).cloned() {
                Some((g, args)) => {
                    let args: Vec<Ty> = args.iter().map(|&x| self.subst(x, ph, bind)).collect();
                    let site = vec![(Pos::default(), None); args.len()];
                    self.instance_type(g, args, Pos::default(), &site)
                        .unwrap_or(t)
                }
                None => t,
            },
            _ => t,
        }
    }
}

/// A type parameter's name.
fn param_name(p: &Param) -> String {
    p.name
        .as_ref()
        .map_or_else(|| "_".to_string(), |n| n.name.clone())
}

impl<'a> Checker<'a> {
    /// The interface type expression declaring `o`, a non-generic named
    /// interface (a constraint whose type set is read from its syntax).
    /// The declaration of the constraint interface `pkg.Name` names (as
    /// [`Self::declared_constraint`]), or `None` for anything else.
    fn qualified_constraint(&mut self, e: &Expr) -> Option<&'a Expr> {
        let ExprKind::Selector(x, sel) = &e.kind else {
            return None;
        };
        let ExprKind::Ident(pkg) = &x.kind else {
            return None;
        };
        let po = self.lookup(pkg, x.pos)?;
        let ObjKind::Package(p) = self.obj(po).kind else {
            return None;
        };
        self.use_package(po);
        let o = self.qualified_obj(p, sel).ok()?;
        self.declared_constraint(o)
    }

    fn declared_constraint(&self, o: ObjId) -> Option<&'a Expr> {
        let &super::PkgDecl::Type { decl, spec } = self.pkg_decls.get(&o)? else {
            return None;
        };
        let file: &'a Source = self.file;
        let Decl::Type(specs) = &file.decls[decl] else {
            return None;
        };
        let s = &specs[spec];
        (matches!(s.ty.kind, ExprKind::InterfaceType(_)) && s.tparams.is_empty()).then_some(&s.ty)
    }
}
