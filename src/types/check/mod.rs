//! The checker's driver: scopes, package-level declarations (resolved lazily
//! in any order, as Go allows), function bodies, unused names and the
//! initialization order of package variables.

mod assign;
mod call;
mod chans;
pub(crate) mod expr;
pub(crate) use expr::describe::chan_prefix;
mod generics;
mod lookup;
mod stmt;
mod typexpr;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::constant::ConstVal;
use super::ty::{builtin, Signature, Ty};
use super::{
    Builtin, FuncInfo, FuncSource, GlobalInit, Info, Native, Obj, ObjId, ObjKind, Package, VarInfo,
};
use crate::diag::CompileError;
use crate::syntax::ast::*;

pub(crate) type R<T> = Result<T, CompileError>;

/// Type-checks a program's source.
pub fn check(file: &Source) -> Result<Info, CompileError> {
    let mut c = Checker::new(file);
    let r = c.run();
    let mut errs = std::mem::take(&mut c.errors);
    let mut tail = None;
    match r {
        Err(e) if e.msg == TOO_MANY_ERRORS => tail = Some(e),
        Err(e) if e.msg.contains("invalid type") && !errs.is_empty() => {}
        Err(e) => errs.push(e),
        Ok(()) => {}
    }
    // As gc prints them: sorted by position, then its `too many errors`
    // (at the last error found) when it stopped counting.
    // (One error per position: a generic body's error is found under its
    // constraints first, and again in an instantiation.)
    errs.sort_by_key(|e| e.pos);
    errs.dedup_by_key(|e| e.pos);
    if errs.is_empty() {
        return Ok(c.info);
    }
    let mut first = errs.remove(0);
    first.more = errs;
    first.more.extend(tail);
    Err(first)
}

/// Whether a name is exported from its package (starts with an upper-case letter).
pub(crate) fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

/// An error about a value or type an earlier error left invalid: never
/// reported (Go's checker says nothing about invalid operands).
pub(crate) const INVALID_TYPE_ERROR: &str = "use of invalid type";

/// Errors gc reports before it stops with `too many errors`.
const MAX_ERRORS: usize = 10;
const TOO_MANY_ERRORS: &str = "too many errors";

/// Where a package-level object was declared.
#[derive(Clone, Copy)]
enum PkgDecl {
    Type {
        decl: usize,
        spec: usize,
    },
    Const {
        decl: usize,
        spec: usize,
        name: usize,
    },
    Var {
        decl: usize,
        spec: usize,
    },
    Func {
        decl: usize,
    },
}

pub(crate) struct Checker<'a> {
    file: &'a Source,
    pub(crate) info: Info,
    universe: HashMap<String, ObjId>,
    /// Each package's package-level names (by `Source::pkgs` index).
    pkg_scopes: Vec<HashMap<String, ObjId>>,
    /// Each file's imported package names (by file id).
    file_scopes: Vec<HashMap<String, ObjId>>,
    /// The package each named type was declared in.
    type_pkg: HashMap<Ty, usize>,
    scopes: Vec<HashMap<String, ObjId>>,
    pkg_decls: HashMap<ObjId, PkgDecl>,
    /// Package-level objects whose declaration is being checked (cycle detection).
    resolving: HashSet<ObjId>,
    resolved: HashSet<ObjId>,
    /// The function whose body is being checked.
    cur_func: Option<usize>,
    /// Imports: the package name's object, the path, its position, used.
    imports: Vec<(ObjId, String, Pos, bool)>,
    /// For init order: the package-level var or func whose code is being checked,
    /// and what it references.
    dep_owner: Option<ObjId>,
    deps: HashMap<ObjId, HashSet<ObjId>>,
    /// Map key types not yet complete where the map type was written
    /// (`type T struct{ m map[T]int }`): checked for `==` once they are.
    pending_keys: Vec<(Pos, Ty)>,
    /// Whether every declared method is known: promoted methods are made
    /// from then on (`promote_methods`), those of types resolved before
    /// (by a method's receiver) right then.
    methods_collected: bool,
    /// `iota` while evaluating a constant spec.
    iota: Option<i64>,
    /// Enclosing statements for break/continue: (label, is_loop, is_switch).
    breakables: Vec<(Option<String>, bool)>,
    /// Local variables declared in the current function, to report unused ones.
    local_vars: Vec<ObjId>,
    /// Errors found so far in code checking went on past (see
    /// [`Checker::record`]).
    errors: Vec<CompileError>,
    /// The function expression of the call being checked (a method
    /// promoted into an unnamed struct type may be called, not taken as a
    /// value).
    pub(crate) calling: Option<NodeId>,
    /// Resolving an interface's embedded elements (where `comparable` may
    /// appear: in a constraint, or an interface declared to be one).
    pub(crate) in_interface_elems: u32,
    /// The label of the labeled statement being entered (for break/continue targets).
    pending_label: Option<String>,
    /// Labels that some break/continue referred to.
    used_labels: HashSet<String>,
    /// Generic declarations and their instantiations (`generics.rs`).
    gen: generics::Generics,
}

impl<'a> Checker<'a> {
    fn new(file: &'a Source) -> Checker<'a> {
        let info = Info {
            types: super::TypeTable::new(),
            objs: Vec::new(),
            funcs: Vec::new(),
            expr_types: HashMap::default(),
            consts: HashMap::default(),
            defs: HashMap::default(),
            uses: HashMap::default(),
            selections: HashMap::default(),
            calls: HashMap::default(),
            func_lits: HashMap::default(),
            comma_ok: HashSet::default(),
            global_init: Vec::new(),
            main: 0,
            promoted: Vec::new(),
            inits: Vec::new(),
            insts: Vec::new(),
            instances: HashMap::default(),
            range_funcs: HashMap::default(),
        };
        let mut c = Checker {
            file,
            info,
            universe: HashMap::default(),
            pkg_scopes: vec![HashMap::default(); file.pkgs.len()],
            file_scopes: vec![HashMap::default(); file.files.len()],
            type_pkg: HashMap::default(),
            scopes: Vec::new(),
            pkg_decls: HashMap::default(),
            resolving: HashSet::default(),
            resolved: HashSet::default(),
            cur_func: None,
            imports: Vec::new(),
            dep_owner: None,
            deps: HashMap::default(),
            pending_keys: Vec::new(),
            methods_collected: false,
            iota: None,
            breakables: Vec::new(),
            local_vars: Vec::new(),
            errors: Vec::new(),
            calling: None,
            in_interface_elems: 0,
            pending_label: None,
            used_labels: HashSet::default(),
            gen: generics::Generics::new(file.node_count),
        };
        c.init_universe();
        c
    }

    fn init_universe(&mut self) {
        use builtin::*;
        let types = [
            ("bool", BOOL),
            ("int", INT),
            ("int8", INT8),
            ("int16", INT16),
            ("int32", INT32),
            ("rune", INT32),
            ("int64", INT64),
            ("uint", UINT),
            ("uint8", UINT8),
            ("byte", UINT8),
            ("uint16", UINT16),
            ("uint32", UINT32),
            ("uint64", UINT64),
            ("uintptr", UINTPTR),
            ("float64", FLOAT64),
            ("float32", FLOAT32),
            ("complex64", COMPLEX64),
            ("complex128", COMPLEX128),
            ("string", STRING),
            ("error", ERROR),
            ("any", ANY),
        ];
        for (n, t) in types {
            let o = self.new_obj(n, Pos::default(), t, ObjKind::TypeName);
            self.universe.insert(n.into(), o);
        }
        let t = self.new_obj(
            "true",
            Pos::default(),
            UNTYPED_BOOL,
            ObjKind::Const(ConstVal::Bool(true)),
        );
        self.universe.insert("true".into(), t);
        let f = self.new_obj(
            "false",
            Pos::default(),
            UNTYPED_BOOL,
            ObjKind::Const(ConstVal::Bool(false)),
        );
        self.universe.insert("false".into(), f);
        let n = self.new_obj("nil", Pos::default(), UNTYPED_NIL, ObjKind::Nil);
        self.universe.insert("nil".into(), n);
        let i = self.new_obj(
            "iota",
            Pos::default(),
            UNTYPED_INT,
            ObjKind::Const(ConstVal::int(0)),
        );
        self.universe.insert("iota".into(), i);
        for (name, b) in [
            ("len", Builtin::Len),
            ("cap", Builtin::Cap),
            ("append", Builtin::Append),
            ("make", Builtin::Make),
            ("new", Builtin::New),
            ("copy", Builtin::Copy),
            ("panic", Builtin::Panic),
            ("print", Builtin::Print),
            ("println", Builtin::Println),
            ("min", Builtin::Min),
            ("max", Builtin::Max),
            ("delete", Builtin::Delete),
            ("clear", Builtin::Clear),
            ("close", Builtin::Close),
            ("recover", Builtin::Recover),
            ("complex", Builtin::Complex),
            ("real", Builtin::Real),
            ("imag", Builtin::Imag),
        ] {
            let o = self.new_obj(name, Pos::default(), INVALID, ObjKind::Builtin(b));
            self.universe.insert(name.into(), o);
        }
        // `comparable`, for constraints (`generics.rs` checks it by name).
        let c = self.info.types.new_named("comparable".into());
        self.info.types.set_underlying(c, ANY);
        let o = self.new_obj("comparable", Pos::default(), c, ObjKind::TypeName);
        self.universe.insert("comparable".into(), o);
    }

    /// The map key types that were incomplete where they were written
    /// must have `==` now (Go's "invalid map key type T").
    fn check_pending_keys(&mut self) -> R<()> {
        let mut keys = std::mem::take(&mut self.pending_keys);
        keys.sort_by_key(|(p, _)| *p);
        for (pos, t) in keys {
            if !self.info.types.comparable(t) {
                return self.err(
                    pos,
                    format!(
                        "invalid map key type {}",
                        self.info.types.name_unqualified(t)
                    ),
                );
            }
        }
        Ok(())
    }

    pub(crate) fn new_obj(&mut self, name: &str, pos: Pos, ty: Ty, kind: ObjKind) -> ObjId {
        let id = ObjId(self.info.objs.len() as u32);
        self.info.objs.push(Obj {
            name: name.to_string(),
            pos,
            ty,
            kind,
        });
        id
    }

    pub(crate) fn obj(&self, id: ObjId) -> &Obj {
        &self.info.objs[id.0 as usize]
    }

    pub(crate) fn obj_mut(&mut self, id: ObjId) -> &mut Obj {
        &mut self.info.objs[id.0 as usize]
    }

    pub(crate) fn err<T>(&self, pos: Pos, msg: impl Into<String>) -> R<T> {
        Err(CompileError::new(pos, msg))
    }

    /// An error after which checking goes on (Go reports every error of a
    /// file, up to ten): kept, unless it is about a value an earlier error
    /// left without a type. `Err` stops checking: at the tenth error, and
    /// for what pgojit does not support (nothing after it is reliable).
    pub(crate) fn record(&mut self, e: CompileError) -> R<()> {
        if e.msg.starts_with("unsupported:") || e.msg == TOO_MANY_ERRORS {
            return Err(e);
        }
        if e.msg.contains("invalid type") {
            return Ok(());
        }
        let pos = e.pos;
        self.errors.push(e);
        if self.errors.len() >= MAX_ERRORS {
            return Err(CompileError::new(pos, TOO_MANY_ERRORS));
        }
        Ok(())
    }

    /// Checks a statement of a list, going on after an error in it as Go's
    /// checker does: the error is recorded, the scopes and loops it had
    /// entered are left, and the variables it failed to declare are
    /// declared (without a type unless it says one; what uses them raises
    /// nothing more).
    pub(crate) fn stmt_in_list(&mut self, s: &Stmt) -> R<()> {
        let (scopes, breakables, func) = (self.scopes.len(), self.breakables.len(), self.cur_func);
        let Err(e) = self.stmt(s) else {
            return Ok(());
        };
        self.scopes.truncate(scopes);
        self.breakables.truncate(breakables);
        self.cur_func = func;
        self.pending_label = None;
        self.record(e)?;
        // The packages it names count as used (Go checks all of a failed
        // statement, and reports no unused import because of it).
        let mut pkgs = Vec::new();
        crate::syntax::walk::walk_stmt_exprs(s, &mut |e| {
            if let ExprKind::Selector(x, _) = &e.kind {
                if let ExprKind::Ident(name) = &x.kind {
                    pkgs.push((name.clone(), x.pos));
                }
            }
        });
        for (name, pos) in pkgs {
            if let Some(o) = self.lookup(&name, pos) {
                if let ObjKind::Package(_) = self.obj(o).kind {
                    self.use_package(o);
                }
            }
        }
        let mut names: Vec<(Ident, Option<&Expr>)> = Vec::new();
        match &s.kind {
            StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                ..
            } => {
                for l in lhs {
                    if let ExprKind::Ident(name) = &l.kind {
                        let id = Ident {
                            name: name.clone(),
                            pos: l.pos,
                            id: l.id,
                        };
                        names.push((id, None));
                    }
                }
            }
            StmtKind::Decl(d) => {
                if let Decl::Var(specs) = &**d {
                    for sp in specs {
                        names.extend(sp.names.iter().map(|n| (n.clone(), sp.ty.as_ref())));
                    }
                }
            }
            _ => {}
        }
        for (id, ty) in names {
            let declared = self
                .scopes
                .last()
                .is_some_and(|sc| sc.contains_key(&id.name));
            if id.name == "_" || declared {
                continue;
            }
            // (`var v T = bad`: v is a T, and reported when unused.)
            let t = match ty.map(|t| self.resolve_type(t)) {
                Some(Ok(t)) => Some(t),
                _ => None,
            };
            // (Reported when unused, as Go does.)
            let _ = self.new_local_var(&id, t.unwrap_or(builtin::INVALID));
        }
        Ok(())
    }

    // ----- scopes -----

    pub(crate) fn push_scope(&mut self) {
        self.scopes.push(HashMap::default());
    }

    pub(crate) fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    /// Declares a local name in the innermost scope (`_` is never declared).
    pub(crate) fn declare_local(&mut self, ident: &Ident, obj: ObjId) -> R<()> {
        self.info.defs.insert(ident.id, obj);
        if ident.name == "_" {
            return Ok(());
        }
        let scope = self.scopes.last_mut().expect("a local scope");
        if let Some(prev) = scope.insert(ident.name.clone(), obj) {
            // (The first declaration stays the one the name means.)
            scope.insert(ident.name.clone(), prev);
            let p = self.info.objs[prev.0 as usize].pos;
            return self.err(
                ident.pos,
                format!(
                    "{} redeclared in this block\n\tother declaration of {} at {}",
                    ident.name, ident.name, p
                ),
            );
        }
        Ok(())
    }

    /// Creates and declares a local variable.
    pub(crate) fn new_local_var(&mut self, ident: &Ident, ty: Ty) -> R<ObjId> {
        let v = VarInfo {
            global: false,
            boxed: false,
            owner: self.cur_func,
            used: false,
        };
        let o = self.new_obj(&ident.name, ident.pos, ty, ObjKind::Var(v));
        self.declare_local(ident, o)?;
        if ident.name != "_" {
            self.local_vars.push(o);
        }
        Ok(o)
    }

    /// What `name`, used at `pos`, denotes: a local name, else one the
    /// file imports, else a name of the package (of the file `pos` is
    /// in), else a predeclared one.
    pub(crate) fn lookup(&self, name: &str, pos: Pos) -> Option<ObjId> {
        for s in self.scopes.iter().rev() {
            if let Some(&o) = s.get(name) {
                return Some(o);
            }
        }
        if let Some(&o) = self
            .file_scopes
            .get(pos.file as usize)
            .and_then(|s| s.get(name))
        {
            return Some(o);
        }
        if let Some(&o) = self.pkg_scopes[self.pkg_at(pos)].get(name) {
            return Some(o);
        }
        self.universe.get(name).copied()
    }

    /// The package the code at `pos` belongs to.
    pub(crate) fn pkg_at(&self, pos: Pos) -> usize {
        self.file.pkg_of(pos)
    }

    /// The package of `pos` as its functions are named (`main`, `sort`,
    /// `example.com/m/geom`).
    pub(crate) fn pkg_path_at(&self, pos: Pos) -> &'a str {
        &self.file.pkgs[self.pkg_at(pos)].path
    }

    /// How generic types and their methods are keyed: the type's name in
    /// the package of `pos` (`3.List`: packages may reuse names).
    pub(crate) fn gen_key(&self, pos: Pos, base: &str) -> String {
        format!("{}.{base}", self.pkg_at(pos))
    }

    /// A new named type `name` declared at `pos` (`geom.Circle`).
    pub(crate) fn new_named_at(&mut self, pos: Pos, name: &str) -> Ty {
        let pkg = self.pkg_at(pos);
        let t = self
            .info
            .types
            .new_named(format!("{}.{name}", self.file.pkgs[pkg].name));
        self.type_pkg.insert(t, pkg);
        t
    }

    /// The name `x` written `pkg.Name`, or `Name`, denotes (none when `x`
    /// is neither, or `pkg` no package, or the name unknown).
    pub(crate) fn name_obj(&self, x: &Expr) -> Option<ObjId> {
        match &x.kind {
            ExprKind::Ident(n) => self.lookup(n, x.pos),
            ExprKind::Paren(y) => self.name_obj(y),
            ExprKind::Selector(p, sel) => {
                let ExprKind::Ident(pn) = &p.kind else {
                    return None;
                };
                let ObjKind::Package(pk) = self.obj(self.lookup(pn, p.pos)?).kind else {
                    return None;
                };
                if !is_exported(&sel.name) {
                    return None;
                }
                self.pkg_scopes[pk.0 as usize].get(&sel.name).copied()
            }
            _ => None,
        }
    }

    // ----- the package -----

    fn run(&mut self) -> R<()> {
        let src = self.file;
        let main = src.main_pkg();
        // `fmt.Stringer` is the runtime's (its printing calls `String`).
        if let Some(f) = src.pkgs.iter().position(|p| p.path == "fmt") {
            let o = self.new_obj(
                "Stringer",
                Pos::default(),
                builtin::STRINGER,
                ObjKind::TypeName,
            );
            self.pkg_scopes[f].insert("Stringer".into(), o);
        }
        for (fid, f) in src.files.iter().enumerate() {
            let pkg = &src.pkgs[f.pkg];
            if f.pkg == main && f.package.name != "main" {
                return self.err(
                    f.package.pos,
                    format!(
                        "unsupported: package {} (only package main runs)",
                        f.package.name
                    ),
                );
            }
            if f.package.name != pkg.name {
                let first = src.files[pkg.files[0] as usize].package.name.clone();
                return self.err(
                    f.package.pos,
                    format!("package {}; expected package {first}", f.package.name),
                );
            }
            for imp in &f.imports {
                let Some(p) = src.pkgs.iter().position(|p| p.path == imp.path) else {
                    return self.err(
                        imp.path_pos,
                        format!("unsupported: import \"{}\"", imp.path),
                    );
                };
                let name = imp
                    .name
                    .as_ref()
                    .map(|n| n.name.clone())
                    .unwrap_or_else(|| src.pkgs[p].name.clone());
                if name == "." {
                    return self.err(
                        imp.pos,
                        format!("unsupported: import {name} \"{}\"", imp.path),
                    );
                }
                if name == "_" {
                    continue; // imported for its initialization only
                }
                let o = self.new_obj(
                    &name,
                    imp.pos,
                    builtin::INVALID,
                    ObjKind::Package(Package(p as u16)),
                );
                if self.file_scopes[fid].insert(name.clone(), o).is_some() {
                    return self.err(imp.path_pos, format!("{name} redeclared in this block"));
                }
                self.imports
                    .push((o, imp.path.clone(), imp.path_pos, false));
            }
        }
        let file = src;
        self.collect()?;
        // Methods first: package-level initializers may call them.
        self.collect_methods()?;
        self.methods_collected = true;
        for t in 0..self.info.types.len() {
            let t = Ty(t as u32);
            if self.info.types.named(t).is_some() {
                self.promote_methods(t)?;
            }
        }
        // Resolve every package-level object, in source order.
        let mut all: Vec<ObjId> = self.pkg_decls.keys().copied().collect();
        all.sort_by_key(|o| (self.obj(*o).pos, o.0));
        for o in &all {
            if let Err(e) = self.resolve_obj(*o) {
                self.record(e)?;
            }
        }
        self.check_pending_keys()?;
        for fi in self.info.inits.clone() {
            let FuncSource::Decl(d) = self.info.funcs[fi].source else {
                unreachable!("a declared init")
            };
            let Decl::Func(fd) = &file.decls[d] else {
                unreachable!()
            };
            let sig = self.resolve_signature(&fd.ty)?;
            let empty = self
                .info
                .types
                .sig(sig)
                .is_some_and(|s| s.params.is_empty() && s.results.is_empty());
            if !empty {
                return self.err(
                    fd.name.pos,
                    "func init must have no arguments and no return values",
                );
            }
            self.info.funcs[fi].sig = sig;
        }
        // Generic bodies under their constraints, then all bodies.
        self.check_generic_bodies()?;
        let r = self.check_bodies(file);
        // (Unnamed struct types' methods, for their itabs.)
        self.promote_unnamed()?;
        r
    }

    fn check_bodies(&mut self, file: &Source) -> R<()> {
        for (i, d) in file.decls.iter().enumerate() {
            if let Decl::Func(fd) = d {
                let Some(fi) = self.func_of_decl(i) else {
                    continue; // generic
                };
                if self.info.types.sig(self.info.funcs[fi].sig).is_none() {
                    continue; // its signature's error is reported
                }
                self.check_func_body(fi, fd)?;
                if let Err(e) = self.check_pending_keys() {
                    self.record(e)?;
                }
            }
        }
        self.check_instantiated_bodies()?;
        let main_pkg = self.file.main_pkg();
        let main = self.pkg_scopes[main_pkg].get("main").copied();
        match main.map(|m| self.obj(m).kind.clone()) {
            Some(ObjKind::Func(f)) => {
                let sig = self.info.types.sig(self.info.funcs[f].sig).cloned();
                if let Some(s) = sig {
                    if !s.params.is_empty() || !s.results.is_empty() {
                        return self.err(
                            self.info.funcs[f].pos,
                            "func main must have no arguments and no return values",
                        );
                    }
                }
                self.info.main = f;
            }
            _ => {
                let f = self.file.pkgs[main_pkg].files[0] as usize;
                return self.err(
                    self.file.files[f].package.pos,
                    "function main is undeclared in the main package",
                );
            }
        }
        for (_, path, pos, used) in &self.imports {
            if !used {
                return self.err(*pos, format!("\"{path}\" imported and not used"));
            }
        }
        self.init_order()?;
        Ok(())
    }

    fn func_index_of_decl(&self, decl: usize) -> usize {
        self.func_of_decl(decl)
            .expect("every func decl has a FuncInfo")
    }

    /// The function of declaration `decl` (none for a generic one).
    fn func_of_decl(&self, decl: usize) -> Option<usize> {
        self.info
            .funcs
            .iter()
            .position(|f| f.source == FuncSource::Decl(decl))
    }

    /// Enters every package-level name into the package scope.
    fn collect(&mut self) -> R<()> {
        let file = self.file;
        for (di, d) in file.decls.iter().enumerate() {
            match d {
                Decl::Type(specs) => {
                    for (si, s) in specs.iter().enumerate() {
                        if !s.tparams.is_empty() {
                            let g = self.gen.decls.len();
                            self.gen
                                .decls
                                .push(generics::GenericDecl::Type { decl: di, spec: si });
                            let o = self.new_obj(
                                &s.name.name,
                                s.name.pos,
                                builtin::INVALID,
                                ObjKind::Generic(g),
                            );
                            self.declare_pkg(&s.name, o)?;
                            continue;
                        }
                        let ty = if s.alias {
                            builtin::INVALID
                        } else {
                            self.new_named_at(s.name.pos, &s.name.name)
                        };
                        let o = self.new_obj(&s.name.name, s.name.pos, ty, ObjKind::TypeName);
                        self.declare_pkg(&s.name, o)?;
                        self.pkg_decls
                            .insert(o, PkgDecl::Type { decl: di, spec: si });
                    }
                }
                Decl::Const(specs) => {
                    for (si, s) in specs.iter().enumerate() {
                        for (ni, n) in s.names.iter().enumerate() {
                            let o = self.new_obj(
                                &n.name,
                                n.pos,
                                builtin::INVALID,
                                ObjKind::Const(ConstVal::int(0)),
                            );
                            self.declare_pkg(n, o)?;
                            self.pkg_decls.insert(
                                o,
                                PkgDecl::Const {
                                    decl: di,
                                    spec: si,
                                    name: ni,
                                },
                            );
                        }
                    }
                }
                Decl::Var(specs) => {
                    for (si, s) in specs.iter().enumerate() {
                        for n in &s.names {
                            let v = VarInfo {
                                global: true,
                                boxed: true,
                                owner: None,
                                used: true,
                            };
                            let o = self.new_obj(&n.name, n.pos, builtin::INVALID, ObjKind::Var(v));
                            self.declare_pkg(n, o)?;
                            self.pkg_decls
                                .insert(o, PkgDecl::Var { decl: di, spec: si });
                        }
                    }
                }
                Decl::Func(fd) => {
                    // The standard library's functions without a body are
                    // the runtime's.
                    let pkg = &self.file.pkgs[self.pkg_at(fd.name.pos)];
                    let native = match (&fd.body, &fd.recv) {
                        (None, None) if pkg.std => {
                            Native::from_name(&format!("{}.{}", pkg.path, fd.name.name))
                        }
                        _ => None,
                    };
                    if fd.body.is_none() && native.is_none() {
                        return self.err(fd.name.pos, "missing function body");
                    }
                    // A method with type parameters (of any receiver): only
                    // its instantiations are functions.
                    if fd.recv.is_some() && !fd.ty.tparams.is_empty() {
                        let base = match generics::generic_receiver(fd) {
                            Some((base, _, _)) => base,
                            None => generics::receiver_base(fd),
                        };
                        let g = self.gen.decls.len();
                        self.gen
                            .decls
                            .push(generics::GenericDecl::Method { decl: di });
                        let key = (self.gen_key(fd.name.pos, &base), fd.name.name.clone());
                        if self.gen.generic_methods.insert(key, g).is_some() {
                            return self.err(
                                fd.name.pos,
                                format!("method {} already declared", fd.name.name),
                            );
                        }
                        continue;
                    }
                    // Generic: only its instantiations are functions.
                    if let Some((base, _, _)) = generics::generic_receiver(fd) {
                        let key = self.gen_key(fd.name.pos, &base);
                        self.gen.methods.entry(key).or_default().push(di);
                        continue;
                    }
                    if !fd.ty.tparams.is_empty() && fd.recv.is_none() {
                        if fd.name.name == "init" || fd.name.name == "main" {
                            let msg = format!("func {} must have no type parameters", fd.name.name);
                            return self.err(fd.name.pos, msg);
                        }
                        let g = self.gen.decls.len();
                        self.gen
                            .decls
                            .push(generics::GenericDecl::Func { decl: di });
                        let o = self.new_obj(
                            &fd.name.name,
                            fd.name.pos,
                            builtin::INVALID,
                            ObjKind::Generic(g),
                        );
                        self.declare_pkg(&fd.name, o)?;
                        continue;
                    }
                    let fi = self.info.funcs.len();
                    let path = self.pkg_path_at(fd.name.pos);
                    self.info.funcs.push(FuncInfo::new(
                        format!("{path}.{}", fd.name.name),
                        FuncSource::Decl(di),
                        builtin::INVALID,
                        fd.name.pos,
                    ));
                    self.info.funcs[fi].native = native;
                    if fd.recv.is_none() {
                        if fd.name.name == "init" {
                            // Not declared: Go's init functions cannot be
                            // referred to. They run after the package
                            // variables are initialized, in source order.
                            let pkg = self.pkg_at(fd.name.pos);
                            let n = self
                                .info
                                .inits
                                .iter()
                                .filter(|&&f| self.pkg_at(self.info.funcs[f].pos) == pkg)
                                .count();
                            self.info.funcs[fi].name = format!("{path}.init.{n}");
                            self.info.inits.push(fi);
                            continue;
                        }
                        let o = self.new_obj(
                            &fd.name.name,
                            fd.name.pos,
                            builtin::INVALID,
                            ObjKind::Func(fi),
                        );
                        self.declare_pkg(&fd.name, o)?;
                        self.pkg_decls.insert(o, PkgDecl::Func { decl: di });
                    }
                }
            }
        }
        Ok(())
    }

    fn declare_pkg(&mut self, ident: &Ident, o: ObjId) -> R<()> {
        self.info.defs.insert(ident.id, o);
        if ident.name == "_" {
            return Ok(());
        }
        let pkg = self.pkg_at(ident.pos);
        if let Some(imp) = self.file_scopes[ident.pos.file as usize].get(&ident.name) {
            let p = self.obj(*imp).pos;
            return self.err(
                ident.pos,
                format!(
                    "{} already declared through import of package {} at {}",
                    ident.name,
                    ident.name,
                    self.pos_string(p)
                ),
            );
        }
        if let Some(prev) = self.pkg_scopes[pkg].insert(ident.name.clone(), o) {
            let p = self.obj(prev).pos;
            return self.err(
                ident.pos,
                format!(
                    "{} redeclared in this block\n\tother declaration of {} at {}",
                    ident.name, ident.name, p
                ),
            );
        }
        Ok(())
    }

    /// Makes sure a package-level object's type (and value) is known.
    pub(crate) fn resolve_obj(&mut self, o: ObjId) -> R<()> {
        let Some(&decl) = self.pkg_decls.get(&o) else {
            return Ok(());
        };
        if self.resolved.contains(&o) {
            return Ok(());
        }
        if !self.resolving.insert(o) {
            // A type may refer to itself through pointers, slices, etc.
            if let PkgDecl::Type { .. } = decl {
                if self.obj(o).ty != builtin::INVALID {
                    return Ok(());
                }
            }
            let name = self.obj(o).name.clone();
            return self.err(
                self.obj(o).pos,
                format!("invalid recursive type or initialization cycle: {name} refers to itself"),
            );
        }
        // Package-level declarations are checked outside any function and local scope.
        let saved_scopes = std::mem::take(&mut self.scopes);
        let saved_func = self.cur_func.take();
        let saved_owner = self.dep_owner.take();
        let saved_iota = self.iota.take();
        let r = self.resolve_decl(o, decl);
        self.scopes = saved_scopes;
        self.cur_func = saved_func;
        self.dep_owner = saved_owner;
        self.iota = saved_iota;
        // (A declaration that fails is resolved too, as far as it got: what
        // uses it is checked on, and says nothing more about it.)
        self.resolving.remove(&o);
        self.resolved.insert(o);
        r
    }

    fn resolve_decl(&mut self, o: ObjId, decl: PkgDecl) -> R<()> {
        let file = self.file;
        match decl {
            PkgDecl::Type { decl, spec } => {
                let Decl::Type(specs) = &file.decls[decl] else {
                    unreachable!()
                };
                let s = &specs[spec];
                if s.alias {
                    let t = self.resolve_type(&s.ty)?;
                    self.obj_mut(o).ty = t;
                } else {
                    let named = self.obj(o).ty;
                    let u = self.resolve_type(&s.ty)?;
                    let uu = self.info.types.underlying(u);
                    if uu == builtin::INVALID {
                        return self.err(
                            s.name.pos,
                            format!("invalid recursive type {}", s.name.name),
                        );
                    }
                    self.info.types.set_underlying(named, u);
                    if self.methods_collected {
                        self.promote_methods(named)?;
                    }
                }
            }
            PkgDecl::Const { decl, spec, name } => {
                let Decl::Const(specs) = &file.decls[decl] else {
                    unreachable!()
                };
                self.check_const_spec_name(&specs[spec], name, o)?;
            }
            PkgDecl::Var { decl, spec, .. } => {
                let Decl::Var(specs) = &file.decls[decl] else {
                    unreachable!()
                };
                let s = &specs[spec];
                // All names of the spec are typed together.
                let objs: Vec<ObjId> = s.names.iter().map(|n| self.info.defs[&n.id]).collect();
                self.dep_owner = Some(objs[0]);
                for &x in &objs {
                    self.resolving.insert(x);
                }
                self.check_var_spec_types(s, &objs)?;
                for &x in &objs {
                    self.resolving.remove(&x);
                    self.resolved.insert(x);
                }
                // Every name of the spec depends on what the first one does.
                let d = self.deps.get(&objs[0]).cloned().unwrap_or_default();
                for &x in &objs[1..] {
                    self.deps.insert(x, d.clone());
                }
            }
            PkgDecl::Func { decl } => {
                let Decl::Func(fd) = &file.decls[decl] else {
                    unreachable!()
                };
                let sig = self.resolve_signature(&fd.ty)?;
                let fi = self.func_index_of_decl(decl);
                self.info.funcs[fi].sig = sig;
                self.obj_mut(o).ty = sig;
            }
        }
        Ok(())
    }

    /// Attaches methods to their receiver types.
    fn collect_methods(&mut self) -> R<()> {
        let file = self.file;
        for (di, d) in file.decls.iter().enumerate() {
            let Decl::Func(fd) = d else { continue };
            let Some(recv) = &fd.recv else { continue };
            if generics::generic_receiver(fd).is_some() || !fd.ty.tparams.is_empty() {
                continue;
            }
            let (base_expr, ptr) = match &recv.ty.kind {
                ExprKind::Star(inner) => (inner.as_ref(), true),
                ExprKind::Paren(inner) => match &inner.kind {
                    ExprKind::Star(i2) => (i2.as_ref(), true),
                    _ => (inner.as_ref(), false),
                },
                _ => (&recv.ty, false),
            };
            let ExprKind::Ident(name) = &base_expr.kind else {
                return self.err(recv.ty.pos, "invalid receiver type");
            };
            let Some(tobj) = self.pkg_scopes[self.pkg_at(fd.name.pos)].get(name).copied() else {
                return self.err(base_expr.pos, format!("undefined: {name}"));
            };
            self.info.uses.insert(base_expr.id, tobj);
            self.resolve_obj(tobj)?;
            let named = self.obj(tobj).ty;
            if !matches!(self.obj(tobj).kind, ObjKind::TypeName) || !self.info.types.is_named(named)
            {
                return self.err(
                    base_expr.pos,
                    format!("cannot define new methods on non-local type {name}"),
                );
            }
            let u = self.info.types.underlying(named);
            if matches!(
                self.info.types.kind(u),
                super::TypeKind::Pointer(_) | super::TypeKind::Interface(_)
            ) {
                return self.err(
                    base_expr.pos,
                    format!("invalid receiver type {name} (pointer or interface type)"),
                );
            }
            let sig = self.resolve_signature(&fd.ty)?;
            let fi = self.func_index_of_decl(di);
            self.info.funcs[fi].name = self.method_name(named, ptr, &fd.name.name);
            self.info.funcs[fi].sig = sig;
            self.info.funcs[fi].recv_named = Some((named, ptr));
            self.add_method(named, name, &fd.name, sig, ptr, fi)?;
        }
        Ok(())
    }

    /// How Go's runtime names a method: `main.(*T).M`, `main.T.M`,
    /// `example.com/m/geom.(*Circle).Area`.
    pub(crate) fn method_name(&self, named: Ty, ptr: bool, m: &str) -> String {
        let tname = self.info.types.name(named);
        let pkg = self
            .type_pkg
            .get(&named)
            .map_or(self.file.main_pkg(), |p| *p);
        let p = &self.file.pkgs[pkg];
        let bare = tname
            .strip_prefix(p.name.as_str())
            .and_then(|t| t.strip_prefix('.'))
            .unwrap_or(&tname);
        if ptr {
            format!("{}.(*{bare}).{m}", p.path)
        } else {
            format!("{}.{bare}.{m}", p.path)
        }
    }

    /// A position as gc prints it in a message (`file:line:col`, the
    /// file left out in a program of one file, as before).
    pub(crate) fn pos_string(&self, p: Pos) -> String {
        if self.file.files.len() <= 1 {
            return p.to_string();
        }
        match self.file.files.get(p.file as usize) {
            Some(f) => format!("{}:{}:{}", f.name, p.line, p.col),
            None => p.to_string(),
        }
    }

    /// Adds method `m` (function `fi`) to named type `named` (`tname` in
    /// messages), with Go's checks against its fields and methods.
    pub(crate) fn add_method(
        &mut self,
        named: Ty,
        tname: &str,
        m: &Ident,
        sig: Ty,
        ptr: bool,
        fi: usize,
    ) -> R<()> {
        if m.name == "_" {
            return Ok(());
        }
        if let Some(fs) = self.info.types.struct_fields(named) {
            if fs.iter().any(|f| f.name == m.name) {
                return self.err(
                    m.pos,
                    format!("field and method with the same name {}", m.name),
                );
            }
        }
        let n = self.info.types.named_mut(named).expect("named");
        if n.methods.iter().any(|d| d.name == m.name) {
            return self.err(m.pos, format!("method {tname}.{} already declared", m.name));
        }
        n.methods.push(super::ty::MethodDef {
            name: m.name.clone(),
            sig,
            ptr_recv: ptr,
            func: fi,
        });
        n.methods.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(())
    }

    // ----- constants and variables -----

    fn check_const_spec_name(&mut self, s: &ConstSpec, ni: usize, o: ObjId) -> R<()> {
        let n = &s.names[ni];
        if s.values.is_empty() {
            return self.err(n.pos, "missing init expr for const declaration");
        }
        let Some(e) = s.values.get(ni) else {
            return self.err(n.pos, "missing init expr for const declaration");
        };
        if s.values.len() > s.names.len() && ni + 1 == s.names.len() {
            return self.err(s.values[s.names.len()].pos, "extra init expr");
        }
        let want = match &s.ty {
            Some(t) => Some(self.resolve_type(t)?),
            None => None,
        };
        self.iota = Some(s.iota);
        let x = self.expr(e)?;
        self.iota = None;
        let Some(val) = x.val.clone() else {
            return self.err(e.pos, format!("{} is not constant", self.expr_string(e)));
        };
        let (ty, val) = match want {
            Some(t) => {
                let Some(b) = self.info.types.basic(t) else {
                    return self.err(
                        e.pos,
                        format!(
                            "invalid constant type {}",
                            self.info.types.name_unqualified(t)
                        ),
                    );
                };
                let _ = b;
                let mut x2 = x.clone();
                self.convert_untyped_or_assign(&mut x2, t, e, "constant declaration")?;
                (t, x2.val.unwrap_or(val))
            }
            None => (x.ty, val),
        };
        let obj = self.obj_mut(o);
        obj.ty = ty;
        obj.kind = ObjKind::Const(val);
        Ok(())
    }

    /// Types the names of a `var` spec (package-level or local), returning their types.
    pub(crate) fn check_var_spec_types(&mut self, s: &VarSpec, objs: &[ObjId]) -> R<()> {
        let want = match &s.ty {
            Some(t) => Some(self.resolve_type(t)?),
            None => None,
        };
        let tys = self.check_init(&s.names, want, &s.values, s.pos)?;
        for (o, t) in objs.iter().zip(tys) {
            self.obj_mut(*o).ty = t;
        }
        Ok(())
    }

    /// Checks `names [T] = values`, returning the type of each name.
    pub(crate) fn check_init(
        &mut self,
        names: &[Ident],
        want: Option<Ty>,
        values: &[Expr],
        pos: Pos,
    ) -> R<Vec<Ty>> {
        if values.is_empty() {
            let Some(t) = want else {
                return self.err(pos, "missing type or init expr");
            };
            return Ok(vec![t; names.len()]);
        }
        if values.len() == 1 && names.len() > 1 {
            let tys = self.multi_value(&values[0], names.len(), "assignment")?;
            let mut out = Vec::new();
            for t in tys {
                match want {
                    Some(w) => {
                        if !self.assignable(t, w) {
                            return self.err(
                                values[0].pos,
                                format!(
                                    "cannot use value of type {} as {} value in assignment",
                                    self.info.types.name_unqualified(t),
                                    self.info.types.name_unqualified(w)
                                ),
                            );
                        }
                        out.push(w);
                    }
                    None => out.push(t),
                }
            }
            return Ok(out);
        }
        if values.len() != names.len() {
            let p = if values.len() > names.len() {
                values[names.len()].pos
            } else {
                names[values.len()].pos
            };
            return self.err(
                p,
                format!(
                    "assignment mismatch: {} variable{} but {} value{}",
                    names.len(),
                    if names.len() == 1 { "" } else { "s" },
                    values.len(),
                    if values.len() == 1 { "" } else { "s" }
                ),
            );
        }
        let mut out = Vec::new();
        for v in values {
            let mut x = self.expr(v)?;
            self.single_value(&x, v)?;
            match want {
                Some(w) => {
                    self.assign_to(&mut x, w, v, "variable declaration")?;
                    out.push(w);
                }
                None => {
                    if x.ty == builtin::UNTYPED_NIL {
                        return self.err(v.pos, "use of untyped nil in variable declaration");
                    }
                    let t = self.default_type(x.ty);
                    self.convert_untyped(&mut x, t, v)?;
                    out.push(t);
                }
            }
        }
        Ok(out)
    }

    // ----- functions -----

    /// Declares parameters and results in a fresh scope; returns (params, results, named?).
    pub(crate) fn declare_signature_vars(
        &mut self,
        fi: usize,
        ft: &FuncType,
        recv: Option<&Param>,
    ) -> R<()> {
        let sig = self
            .info
            .types
            .sig(self.info.funcs[fi].sig)
            .cloned()
            .expect("signature");
        if let Some(r) = recv {
            let (named, ptr) = self.info.funcs[fi].recv_named.expect("method");
            let t = if ptr {
                self.info.types.pointer(named)
            } else {
                named
            };
            let id = r.name.clone().unwrap_or(Ident {
                name: "_".into(),
                pos: r.ty.pos,
                id: r.ty.id,
            });
            let o = self.new_local_var(&id, t)?;
            self.mark_used(o);
            self.info.funcs[fi].recv = Some(o);
        }
        let mut params = Vec::new();
        for (p, t) in ft.params.iter().zip(sig.params.iter()) {
            let id = p.name.clone().unwrap_or(Ident {
                name: "_".into(),
                pos: p.ty.pos,
                id: p.ty.id,
            });
            let o = self.new_local_var(&id, *t)?;
            self.mark_used(o);
            params.push(o);
        }
        let mut results = Vec::new();
        let named = ft.results.iter().any(|r| r.name.is_some());
        for (i, t) in sig.results.iter().enumerate() {
            let o = match ft.results.get(i).and_then(|r| r.name.clone()) {
                Some(id) => self.new_local_var(&id, *t)?,
                None => {
                    let v = VarInfo {
                        global: false,
                        boxed: false,
                        owner: Some(fi),
                        used: true,
                    };
                    self.new_obj(&format!("~r{i}"), ft.pos, *t, ObjKind::Var(v))
                }
            };
            self.mark_used(o);
            results.push(o);
        }
        let f = &mut self.info.funcs[fi];
        f.params = params;
        f.results = results;
        f.named_results = named;
        Ok(())
    }

    fn check_func_body(&mut self, fi: usize, fd: &FuncDecl) -> R<()> {
        let Some(body) = fd.body.as_ref() else {
            return Ok(()); // a native (see `collect`)
        };
        let saved_func = self.cur_func.replace(fi);
        let saved_owner = self.dep_owner.take();
        if fd.recv.is_none() {
            self.dep_owner = self.pkg_scopes[self.pkg_at(fd.name.pos)]
                .get(&fd.name.name)
                .copied();
        }
        let saved_vars = std::mem::take(&mut self.local_vars);
        let scopes = self.scopes.len();
        self.push_scope();
        let r = self
            .declare_signature_vars(fi, &fd.ty, fd.recv.as_ref())
            .and_then(|_| self.func_body(fi, body));
        self.scopes.truncate(scopes);
        // (Unused variables are reported after the body's other errors.)
        let r = match r {
            Err(e) => self.record(e).and_then(|_| self.report_unused()),
            Ok(()) => self.report_unused(),
        };
        self.local_vars = saved_vars;
        self.cur_func = saved_func;
        self.dep_owner = saved_owner;
        r
    }

    /// Checks a body whose parameters are declared, then requires a terminating statement.
    /// (The body's top level is the parameters' block, as Go's: `r, ok := ...`
    /// there reuses a named result `r`, and `var r int` redeclares it.)
    pub(crate) fn func_body(&mut self, fi: usize, body: &Block) -> R<()> {
        let saved = std::mem::take(&mut self.breakables);
        for s in &body.stmts {
            if let Err(e) = self.stmt_in_list(s) {
                self.breakables = saved;
                return Err(e);
            }
        }
        self.breakables = saved;
        let has_results = self
            .info
            .types
            .sig(self.info.funcs[fi].sig)
            .map(|s| !s.results.is_empty())
            .unwrap_or(false);
        if has_results && !stmt::is_terminating_list(&body.stmts) {
            return self.record(CompileError::new(body.rbrace, "missing return"));
        }
        Ok(())
    }

    fn report_unused(&mut self) -> R<()> {
        let mut unused: Vec<(Pos, String)> = Vec::new();
        for &o in &self.local_vars {
            let obj = self.obj(o);
            if let ObjKind::Var(v) = &obj.kind {
                if !v.used {
                    unused.push((obj.pos, obj.name.clone()));
                }
            }
        }
        unused.sort();
        for (p, n) in unused {
            self.record(CompileError::new(p, format!("declared and not used: {n}")))?;
        }
        Ok(())
    }

    pub(crate) fn mark_used(&mut self, o: ObjId) {
        if let ObjKind::Var(v) = &mut self.obj_mut(o).kind {
            v.used = true;
        }
    }

    /// Records that the current package-level initializer or function refers to `o`.
    pub(crate) fn record_dep(&mut self, o: ObjId) {
        if let Some(owner) = self.dep_owner {
            if self.pkg_decls.contains_key(&o) {
                self.deps.entry(owner).or_default().insert(o);
            }
        }
    }

    /// Orders package-level variables so each is initialized after those it depends on.
    fn init_order(&mut self) -> R<()> {
        let file = self.file;
        let mut specs: Vec<(usize, usize, Vec<ObjId>)> = Vec::new();
        for (di, d) in file.decls.iter().enumerate() {
            if let Decl::Var(vs) = d {
                for (si, s) in vs.iter().enumerate() {
                    specs.push((
                        di,
                        si,
                        s.names.iter().map(|n| self.info.defs[&n.id]).collect(),
                    ));
                }
            }
        }
        // For each var, the set of vars reachable through references (functions included).
        let mut done: HashSet<(usize, usize)> = HashSet::default();
        let mut order = Vec::new();
        let var_spec: HashMap<ObjId, (usize, usize)> = specs
            .iter()
            .flat_map(|(d, s, os)| os.iter().map(move |o| (*o, (*d, *s))))
            .collect();
        fn reach(
            o: ObjId,
            deps: &HashMap<ObjId, HashSet<ObjId>>,
            seen: &mut HashSet<ObjId>,
            out: &mut Vec<ObjId>,
        ) {
            if let Some(ds) = deps.get(&o) {
                let mut ds: Vec<ObjId> = ds.iter().copied().collect();
                ds.sort();
                for d in ds {
                    if seen.insert(d) {
                        out.push(d);
                        reach(d, deps, seen, out);
                    }
                }
            }
        }
        fn visit(
            spec: (usize, usize),
            specs_objs: &HashMap<(usize, usize), Vec<ObjId>>,
            var_spec: &HashMap<ObjId, (usize, usize)>,
            deps: &HashMap<ObjId, HashSet<ObjId>>,
            done: &mut HashSet<(usize, usize)>,
            active: &mut HashSet<(usize, usize)>,
            order: &mut Vec<GlobalInit>,
        ) -> bool {
            if done.contains(&spec) {
                return true;
            }
            if !active.insert(spec) {
                return false;
            }
            let mut reached = Vec::new();
            let mut seen = HashSet::default();
            for o in &specs_objs[&spec] {
                reach(*o, deps, &mut seen, &mut reached);
            }
            for r in reached {
                if let Some(&s2) = var_spec.get(&r) {
                    if s2 != spec && !visit(s2, specs_objs, var_spec, deps, done, active, order) {
                        return false;
                    }
                }
            }
            active.remove(&spec);
            done.insert(spec);
            order.push(GlobalInit {
                decl: spec.0,
                spec: spec.1,
            });
            true
        }
        let specs_objs: HashMap<(usize, usize), Vec<ObjId>> = specs
            .iter()
            .map(|(d, s, os)| ((*d, *s), os.clone()))
            .collect();
        for (d, s, os) in &specs {
            let mut active = HashSet::default();
            if !visit(
                (*d, *s),
                &specs_objs,
                &var_spec,
                &self.deps,
                &mut done,
                &mut active,
                &mut order,
            ) {
                let o = os[0];
                return self.err(
                    self.obj(o).pos,
                    format!(
                        "initialization cycle or refers to itself: {}",
                        self.obj(o).name
                    ),
                );
            }
        }
        self.info.global_init = order;
        Ok(())
    }

    pub(crate) fn new_signature(
        &mut self,
        params: Vec<Ty>,
        results: Vec<Ty>,
        variadic: bool,
    ) -> Ty {
        self.info.types.func(Signature {
            params,
            results,
            variadic,
        })
    }
}
