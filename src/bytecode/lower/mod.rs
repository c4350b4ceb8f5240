//! Lowering: the checked AST to bytecode, one function at a time.
//!
//! This module owns the program-wide parts: function ids, value layout
//! (words per type, field offsets), type descriptors and static itabs,
//! constants, package variables, and the synthesized functions (interface
//! entries of value methods, method-value thunks, the package initializer).
//! `expr`, `stmt` and `call` lower a function's body on a [`FnBuilder`].

mod call;
mod chans;
pub(crate) mod defers;
mod expr;
mod range_func;
mod stmt;

use rustc_hash::FxHashMap as HashMap;

use super::op::{Op, Slot};
use super::{Function, Program};
use crate::diag::CompileError;
use crate::runtime::heap;
use crate::runtime::typedesc::{self, Kind, MethodEntry, TypeDesc};
use crate::syntax::ast::*;
use crate::types::ty::{builtin, Basic, Ty, TypeKind};
use crate::types::{FuncSource, Info, ObjId, ObjKind};
use pgojit_profiler::{EdgeId, FuncId, SiteId};

pub(crate) type R<T> = Result<T, CompileError>;

/// Where a variable lives.
#[derive(Clone, Copy, Debug)]
pub(crate) enum VarLoc {
    /// In frame slots.
    Slot(Slot),
    /// In a heap cell whose address is in the slot (captured or address-taken).
    Cell(Slot),
}

/// What a synthesized function does.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Synth {
    /// A value-receiver method called through an interface: the receiver
    /// arrives as a pointer (the interface's data word) and is copied in.
    IfaceEntry(usize),
    /// `x.M` bound to a receiver stored in the closure.
    BoundMethod(usize),
    /// `x.M` for an interface `x`: the interface is stored in the closure.
    BoundIface(Ty, usize),
    /// `(*T).M` for a value-receiver method: dereferences its first argument.
    DerefMethodExpr(usize),
    /// `I.M` for an interface `I`: calls method `M` of its first argument.
    IfaceMethodExpr(Ty, usize),
}

pub(crate) struct Lowerer<'a> {
    pub file: &'a Source,
    pub info: &'a Info,

    funcs: Vec<Option<Function>>,
    synth: HashMap<Synth, FuncId>,
    synth_queue: Vec<(Synth, FuncId)>,
    descs: Vec<Option<&'static TypeDesc>>,
    words_cache: HashMap<Ty, u32>,
    globals: HashMap<ObjId, u64>,
    /// The package variables' block: (address, words).
    globals_block: (u64, u32),
    /// Pointer maps for the collector, interned; ids match `runtime::heap`'s predefined ones.
    layouts: Vec<Vec<bool>>,
    layout_ids: HashMap<Vec<bool>, u32>,
    /// Static closure objects for top-level functions used as values.
    func_values: HashMap<FuncId, u64>,
    sites: Vec<crate::bytecode::SiteMeta>,
    edges: Vec<crate::bytecode::EdgeMeta>,
    /// The function being lowered (callers of the sites it contains).
    current: FuncId,
    /// Every function literal of the file by node id (one walk, not one
    /// per literal).
    lits: HashMap<NodeId, (&'a FuncType, &'a Block)>,
    /// Loops over functions, by the node id of the function expression,
    /// recorded when the enclosing function is lowered (before the body's
    /// function, which comes later in `funcs`). The pointers are into the
    /// file or into `Info::insts`, which outlive the lowering.
    range_asts: HashMap<NodeId, range_func::RangeAst>,
}

/// Lowers a checked program to bytecode.
pub fn lower(file: &Source, info: Info) -> Result<Program, CompileError> {
    let mut info = info;
    // `*errors.errorString`, with a one-instruction `Error` method (function id n).
    let es_func = info.funcs.len();
    let es = info.types.new_named("errors.errorString".into());
    let es_struct = info.types.strukt(vec![crate::types::ty::Field {
        name: "s".into(),
        ty: builtin::STRING,
        embedded: false,
    }]);
    info.types.set_underlying(es, es_struct);
    if let Some(n) = info.types.named_mut(es) {
        n.methods.push(crate::types::ty::MethodDef {
            name: "Error".into(),
            sig: builtin::FUNC_STRING,
            ptr_recv: true,
            func: es_func,
        });
    }
    let es_ptr = info.types.pointer(es);
    // The runtime's error types, whose values `recover` returns: each
    // holds a pointer to its text, which the same `Error` method returns.
    let mut rt_error = |name: &str, by_ptr: bool| {
        let t = info.types.new_named(format!("runtime.{name}"));
        if by_ptr {
            info.types.set_underlying(t, es_struct);
        } else {
            let p = info.types.pointer(es_struct);
            info.types.set_underlying(t, p);
        }
        if let Some(n) = info.types.named_mut(t) {
            n.methods.push(crate::types::ty::MethodDef {
                name: "Error".into(),
                sig: builtin::FUNC_STRING,
                ptr_recv: by_ptr,
                func: es_func,
            });
        }
        if by_ptr {
            info.types.pointer(t)
        } else {
            t
        }
    };
    let rt_types = [
        rt_error("boundsError", false),
        rt_error("errorString", false),
        rt_error("plainError", false),
        rt_error("TypeAssertionError", true),
        rt_error("PanicNilError", true),
    ];
    // (Borrowed, not leaked: the checker's tables, half a megabyte for a
    // program that imports fmt, are dropped when lowering is done, before
    // the run; the program keeps nothing of them.)
    let info = &info;
    let mut l = Lowerer {
        file,
        info,
        funcs: Vec::new(),
        synth: HashMap::default(),
        synth_queue: Vec::new(),
        descs: vec![None; info.types.len()],
        words_cache: HashMap::default(),
        globals: HashMap::default(),
        globals_block: (0, 0),
        layouts: Vec::new(),
        layout_ids: HashMap::default(),
        func_values: HashMap::default(),
        sites: Vec::new(),
        edges: Vec::new(),
        current: FuncId(0),
        lits: func_lits(file, &info.insts),
        range_asts: HashMap::default(),
    };
    for _ in 0..info.funcs.len() {
        l.funcs.push(None);
    }
    // Package variables live in one block at a fixed address (a VM that
    // runs as one copy among several relocates it: `Vm::globals_delta`).
    let mut vars: Vec<(ObjId, u32)> = Vec::new();
    for (i, o) in info.objs.iter().enumerate() {
        if let ObjKind::Var(v) = &o.kind {
            if v.global {
                let w = l.words(o.ty);
                vars.push((ObjId(i as u32), w));
            }
        }
    }
    let total: u32 = vars.iter().map(|v| v.1).sum();
    let block = heap::alloc_static(total.max(1) as usize);
    let mut at = 0u64;
    for (o, w) in vars {
        let addr = if w == 0 {
            heap::ZERO_SIZED
        } else {
            block + 8 * at
        };
        at += w as u64;
        l.globals.insert(o, addr);
    }
    l.globals_block = (block, total.max(1));
    l.funcs.push(Some(Function {
        in_memory: Vec::new(),
        name: "errors.(*errorString).Error".into(),
        code: vec![
            Op::Load {
                d: 1,
                p: 0,
                off: 0,
                n: 2,
            },
            Op::Ret { s: 1, n: 2 },
        ],
        pos: vec![Pos::default(); 2],
        frame_size: 3,
        ptr_slots: vec![true; 3],
        param_words: 1,
        result_words: 2,
    }));
    let error_itab = l.type_word(builtin::ERROR, es_ptr);
    let [bounds, error_string, plain, type_assertion, panic_nil] =
        rt_types.map(|t| l.type_word(builtin::ANY, t));
    let runtime_errors = crate::bytecode::RuntimeErrors {
        bounds,
        error_string,
        plain,
        type_assertion,
        panic_nil,
    };
    for fi in 0..info.funcs.len() {
        l.current = FuncId(fi as u32);
        let f = l.lower_func(fi, false)?;
        l.funcs[fi] = Some(f);
    }
    let init = l.lower_init()?;
    // Descriptors for every type, so the runtime can describe any value it meets.
    for t in 0..info.types.len() {
        let ty = Ty(t as u32);
        if !matches!(info.types.kind(ty), TypeKind::Tuple(_))
            && info.types.underlying(ty) != builtin::INVALID
        {
            l.desc(ty);
        }
    }
    while let Some((s, id)) = l.synth_queue.pop() {
        l.current = id;
        let f = l.lower_synth(s)?;
        l.funcs[id.index()] = Some(f);
    }
    // Package variables are roots for the collector.
    let mut globals = Vec::new();
    let mut gl: Vec<(ObjId, u64)> = l.globals.iter().map(|(o, a)| (*o, *a)).collect();
    gl.sort();
    for (o, addr) in gl {
        let t = info.obj(o).ty;
        let w = l.words(t);
        let lay = l.layout_of(t);
        globals.push((addr, w, lay));
    }
    l.intern_layout(vec![false]);
    let layouts = std::mem::take(&mut l.layouts);
    let sites = std::mem::take(&mut l.sites);
    let edges = std::mem::take(&mut l.edges);
    let mut func_keys = vec![(0u32, 0u64); l.funcs.len()];
    let line_starts: Vec<Vec<usize>> = file
        .files
        .iter()
        .map(|f| {
            std::iter::once(0)
                .chain(
                    f.src
                        .iter()
                        .enumerate()
                        .filter(|c| *c.1 == b'\n')
                        .map(|c| c.0 + 1),
                )
                .collect()
        })
        .collect();
    for (fi, f) in info.funcs.iter().enumerate() {
        let (start, end) = match f.source {
            FuncSource::Decl(d) => match &file.decls[d] {
                Decl::Func(fd) => (fd.pos, fd.body.as_ref().map(|b| b.rbrace).unwrap_or(fd.pos)),
                _ => continue,
            },
            FuncSource::Lit(id) => match l.lits.get(&id) {
                Some((_, body)) => (f.pos, body.rbrace),
                None => continue,
            },
            FuncSource::Inst(k) => {
                let fd = info.insts[k];
                (fd.pos, fd.body.as_ref().map(|b| b.rbrace).unwrap_or(fd.pos))
            }
            FuncSource::RangeBody(_) => continue,
            FuncSource::Promoted(_) => continue,
        };
        let fid = start.file as usize;
        let text = source_span(&file.files[fid].src, &line_starts[fid], start, end);
        func_keys[fi] = (start.line, pgojit_profiler::key::body_hash(text));
    }
    let funcs: Vec<Function> = l
        .funcs
        .into_iter()
        .map(|f| f.expect("every function lowered"))
        .collect();
    Ok(Program {
        sites,
        edges,
        func_keys,
        layouts,
        globals,
        globals_block: l.globals_block,
        funcs,
        init,
        main: FuncId(info.main as u32),
        types: info.types.clone(),
        descs: l.descs,
        file_name: file.files[file.pkgs[file.main_pkg()].files[0] as usize]
            .name
            .clone(),
        files: file.files.iter().map(|f| f.name.clone()).collect(),
        error_itab,
        runtime_errors,
    })
}

impl<'a> Lowerer<'a> {
    pub(crate) fn types(&self) -> &crate::types::TypeTable {
        &self.info.types
    }

    /// Size of a value of type `t` in 64-bit words.
    pub(crate) fn words(&mut self, t: Ty) -> u32 {
        if let Some(&w) = self.words_cache.get(&t) {
            return w;
        }
        let w = match self.info.types.under(t).clone() {
            TypeKind::Basic(Basic::String) | TypeKind::Basic(Basic::UntypedString) => 2,
            TypeKind::Basic(Basic::UntypedNil) => 1,
            // (Real and imaginary parts, float64 bits each.)
            TypeKind::Basic(b) if b.is_complex() => 2,
            TypeKind::Basic(_) => 1,
            TypeKind::Pointer(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..) => 1,
            TypeKind::Slice(_) => 3,
            TypeKind::Interface(_) => 2,
            // (Bytes packed: see `bytecode::op::PACKED`.)
            TypeKind::Array(e, n) if self.packed(e) => (n as u32).div_ceil(8),
            TypeKind::Array(e, n) => self.words(e) * n as u32,
            TypeKind::Struct(fs) => fs.iter().map(|f| self.words(f.ty)).sum(),
            TypeKind::Tuple(ts) => ts.iter().map(|t| self.words(*t)).sum(),
            TypeKind::Named(_) => 1,
        };
        self.words_cache.insert(t, w);
        w
    }

    /// Whether arrays and slices of `e` hold it packed, a byte each (Go's
    /// `byte`, `uint8` and types defined on them).
    pub(crate) fn packed(&self, e: Ty) -> bool {
        self.info.types.packed(e)
    }

    /// An element's `stride` operand: its words, or [`PACKED`] for bytes.
    ///
    /// [`PACKED`]: crate::bytecode::op::PACKED
    pub(crate) fn stride(&mut self, e: Ty) -> u32 {
        if self.packed(e) {
            crate::bytecode::op::PACKED
        } else {
            self.words(e)
        }
    }

    /// Size in words of a type whose size was computed before (3 if not: a
    /// safe over-estimate for aliasing checks).
    pub(crate) fn words_cached(&self, t: Ty) -> u32 {
        self.words_cache.get(&t).copied().unwrap_or(3)
    }

    /// Which words of a value of type `t` hold heap pointers. (An
    /// interface's data word always does: non-pointer values are boxed.)
    pub(crate) fn ptr_map(&mut self, t: Ty) -> Vec<bool> {
        match self.info.types.under(t).clone() {
            TypeKind::Basic(Basic::String) | TypeKind::Basic(Basic::UntypedString) => {
                vec![true, false]
            }
            TypeKind::Basic(b) if b.is_complex() => vec![false, false],
            TypeKind::Basic(_) => vec![false],
            TypeKind::Pointer(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..) => {
                vec![true]
            }
            TypeKind::Slice(_) => vec![true, false, false],
            TypeKind::Interface(_) => vec![false, true],
            TypeKind::Array(e, n) if self.packed(e) => vec![false; (n as usize).div_ceil(8)],
            TypeKind::Array(e, n) => {
                let m = self.ptr_map(e);
                (0..n).flat_map(|_| m.iter().copied()).collect()
            }
            TypeKind::Struct(fs) => fs.iter().flat_map(|f| self.ptr_map(f.ty)).collect(),
            TypeKind::Tuple(ts) => ts.iter().flat_map(|t| self.ptr_map(*t)).collect(),
            TypeKind::Named(_) => vec![false],
        }
    }

    pub(crate) fn intern_layout(&mut self, m: Vec<bool>) -> u32 {
        if self.layouts.is_empty() {
            // The heap's predefined layouts, at the same ids.
            for pre in [vec![false], vec![true], vec![true, false]] {
                self.layout_ids
                    .insert(pre.clone(), self.layouts.len() as u32);
                self.layouts.push(pre);
            }
        }
        // All-scalar objects need no scanning, whatever their size.
        let m = if m.iter().any(|&b| b) { m } else { vec![false] };
        if let Some(&id) = self.layout_ids.get(&m) {
            return id;
        }
        let id = self.layouts.len() as u32;
        self.layout_ids.insert(m.clone(), id);
        self.layouts.push(m);
        id
    }

    /// The layout of objects holding values of type `t` (one element).
    pub(crate) fn layout_of(&mut self, t: Ty) -> u32 {
        let m = self.ptr_map(t);
        self.intern_layout(m)
    }

    /// A closure object: its function id, then `n` captured cells.
    pub(crate) fn closure_layout(&mut self, n: usize) -> u32 {
        let mut m = vec![false];
        m.extend(std::iter::repeat_n(true, n));
        self.intern_layout(m)
    }

    /// A method value's closure: its function id, then the bound receiver of type `t`.
    pub(crate) fn bound_layout(&mut self, t: Ty) -> u32 {
        let mut m = vec![false];
        m.extend(self.ptr_map(t));
        self.intern_layout(m)
    }

    /// Offset in words of field `i` of struct type `t`.
    pub(crate) fn field_offset(&mut self, t: Ty, i: usize) -> u32 {
        let fs = self.info.types.struct_fields(t).expect("struct").to_vec();
        fs[..i].iter().map(|f| self.words(f.ty)).sum()
    }

    /// Registers a profiled call site.
    pub(crate) fn new_site(&mut self, meta: crate::bytecode::SiteMeta) -> SiteId {
        self.sites.push(meta);
        SiteId(self.sites.len() as u32 - 1)
    }

    /// Registers a counted direct call site of `callee` at `pos` in the
    /// function being lowered; `EdgeId::NONE` (not counted) in pgojit's
    /// standard library, whose calls the profile does not report.
    pub(crate) fn new_edge(&mut self, pos: Pos, callee: FuncId) -> EdgeId {
        let file = &self.file.files[pos.file as usize].name;
        if pos.line == 0 || file.starts_with("$GOROOT/") {
            return EdgeId::NONE;
        }
        self.edges.push(crate::bytecode::EdgeMeta {
            caller: self.current,
            pos,
            callee,
        });
        EdgeId(self.edges.len() as u32 - 1)
    }

    /// An interface-call site in a synthesized function.
    fn synth_iface_site(&mut self, caller: FuncId, iface: Ty, m: usize) -> SiteId {
        self.synth_iface_site_at(caller, iface, m, Pos::default(), None)
    }

    /// [`Self::synth_iface_site`] at `pos`, read as `text` (`x.M` without).
    pub(crate) fn synth_iface_site_at(
        &mut self,
        caller: FuncId,
        iface: Ty,
        m: usize,
        pos: Pos,
        text: Option<String>,
    ) -> SiteId {
        let im = self.info.types.iface_methods(iface)[m].clone();
        let sig = self
            .info
            .types
            .sig(im.sig)
            .cloned()
            .expect("method signature");
        let result_words = sig.results.iter().map(|t| self.words(*t)).sum();
        let arg_words = 1 + sig.params.iter().map(|t| self.words(*t)).sum::<u32>();
        let iface_desc = self.desc(iface) as *const _ as u64;
        let iface = self.info.types.name(iface);
        self.new_site(crate::bytecode::SiteMeta {
            caller,
            pos,
            iface,
            text: text.unwrap_or_else(|| format!("x.{}", im.name)),
            iface_desc,
            method: im.name,
            is_iface: true,
            result_words,
            arg_words,
        })
    }

    /// Pointer-shaped types sit directly in an interface's data word.
    pub(crate) fn is_direct(&self, t: Ty) -> bool {
        matches!(
            self.info.types.under(t),
            TypeKind::Pointer(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..)
        )
    }

    /// The descriptor of a type (built once, leaked: descriptors live as long as the process).
    pub(crate) fn desc(&mut self, t: Ty) -> &'static TypeDesc {
        if let Some(d) = self.descs[t.0 as usize] {
            return d;
        }
        let tt = &self.info.types;
        let (kind, comparable) = match tt.under(t) {
            TypeKind::Basic(b) => (
                if b.is_boolean() {
                    Kind::Bool
                } else if b.is_complex() {
                    Kind::Complex
                } else if b.is_string() {
                    Kind::String
                } else if b.is_float() {
                    Kind::Float
                } else if b.is_unsigned() {
                    Kind::Uint
                } else {
                    Kind::Int
                },
                true,
            ),
            TypeKind::Pointer(_) => (Kind::Pointer, true),
            TypeKind::Slice(_) => (Kind::Slice, false),
            TypeKind::Array(..) => (Kind::Array, tt.comparable(t)),
            TypeKind::Struct(_) => (Kind::Struct, tt.comparable(t)),
            TypeKind::Func(_) => (Kind::Func, false),
            TypeKind::Interface(_) => (Kind::Interface, true),
            TypeKind::Map(..) => (Kind::Map, false),
            TypeKind::Chan(..) => (Kind::Chan, true),
            _ => (Kind::Struct, false),
        };
        let mut methods = Vec::new();
        if let TypeKind::Interface(ms) = tt.under(t) {
            for m in ms.clone() {
                methods.push(MethodEntry {
                    name: m.name,
                    sig: m.sig,
                    entry: FuncId(0),
                });
            }
        } else {
            let (base, is_ptr) = match tt.kind(t) {
                TypeKind::Pointer(p) => (*p, true),
                _ => (t, false),
            };
            let ms = tt.methods(base).to_vec();
            let direct_base = self.is_direct(base);
            for m in ms {
                let entry = if m.ptr_recv {
                    if !is_ptr {
                        continue;
                    }
                    FuncId(m.func as u32)
                } else if direct_base && !is_ptr {
                    FuncId(m.func as u32)
                } else {
                    self.synth_id(Synth::IfaceEntry(m.func))
                };
                methods.push(MethodEntry {
                    name: m.name,
                    sig: m.sig,
                    entry,
                });
            }
        }
        let w = self.words(t) as usize;
        let name = self.info.types.name(t);
        let direct = self.is_direct(t);
        let layout = self.layout_of(t);
        let mut desc = TypeDesc::new(t, name, w, kind, direct, comparable, methods);
        desc.layout = layout;
        let d: &'static TypeDesc = Box::leak(Box::new(desc));
        self.descs[t.0 as usize] = Some(d);
        d
    }

    /// The type word of an interface of type `iface` holding a `concrete`:
    /// an itab, or the descriptor itself for `any`.
    pub(crate) fn type_word(&mut self, iface: Ty, concrete: Ty) -> u64 {
        let cd = self.desc(concrete);
        if self.info.types.iface_methods(iface).is_empty() {
            return cd as *const TypeDesc as u64;
        }
        let idesc = self.desc(iface);
        let it = typedesc::itab(idesc, cd)
            .expect("the checker proved the type implements the interface");
        it as *const typedesc::Itab as u64
    }

    fn synth_id(&mut self, s: Synth) -> FuncId {
        if let Some(&id) = self.synth.get(&s) {
            return id;
        }
        let id = FuncId(self.funcs.len() as u32);
        self.funcs.push(None);
        self.synth.insert(s, id);
        self.synth_queue.push((s, id));
        id
    }

    /// A static closure object for a top-level function used as a value.
    pub(crate) fn func_value(&mut self, f: FuncId) -> u64 {
        if let Some(&a) = self.func_values.get(&f) {
            return a;
        }
        let a = heap::alloc_static(1);
        // SAFETY: `a` is a fresh one-word allocation.
        unsafe { *(a as *mut u64) = f.0 as u64 };
        self.func_values.insert(f, a);
        a
    }

    /// String constants live in leaked memory: (ptr, len).
    pub(crate) fn string_const(&mut self, s: &[u8]) -> (u64, u64) {
        heap::static_string(s)
    }

    pub(crate) fn global_addr(&self, o: ObjId) -> u64 {
        self.globals[&o]
    }

    // ----- functions -----

    fn lower_func(&mut self, fi: usize, iface_entry: bool) -> R<Function> {
        let info = self.info;
        let f = &info.funcs[fi];
        if let Some(n) = f.native {
            return self.native_body(fi, n);
        }
        let body = match f.source {
            FuncSource::Decl(d) => match &self.file.decls[d] {
                Decl::Func(fd) => Some(fd.body.as_ref().expect("body")),
                _ => unreachable!(),
            },
            FuncSource::Lit(id) => match self.lits.get(&id).copied() {
                Some((_, body)) => Some(body),
                None => {
                    return Err(CompileError::new(
                        f.pos,
                        "internal error: function literal not found",
                    ))
                }
            },
            // (Its body is made below: `FnCtx::promoted_body`.)
            FuncSource::Promoted(_) => None,
            FuncSource::Inst(k) => Some(info.insts[k].body.as_ref().expect("body")),
            FuncSource::RangeBody(id) => match self.range_asts.get(&id) {
                // SAFETY: see `range_asts`.
                Some(a) => Some(unsafe { &*a.body }),
                None => {
                    return Err(CompileError::new(
                        f.pos,
                        "internal error: loop over a function not lowered",
                    ))
                }
            },
        };
        let mut b = FnBuilder::new(f.name.clone(), fi);
        // A function with deferred calls: this is its body, run by a frame
        // function made below (`defers.rs`), and its sites are the body's.
        let body_id = f.has_defer.then(|| {
            let id = FuncId(self.funcs.len() as u32);
            self.funcs.push(None);
            self.current = id;
            id
        });
        // Parameters: receiver first.
        let mut param_words = 0u32;
        let mut param_ptrs: Vec<bool> = Vec::new();
        let mut incoming: Vec<(ObjId, Slot, bool)> = Vec::new();
        if let Some(r) = f.recv {
            let t = info.obj(r).ty;
            if iface_entry {
                incoming.push((r, 0, true));
                param_words += 1;
                // The interface's data word: always a pointer.
                param_ptrs.push(true);
            } else {
                let w = self.words(t);
                incoming.push((r, 0, false));
                param_words += w;
                param_ptrs.extend(self.ptr_map(t));
            }
        }
        for &p in &f.params {
            let t = info.obj(p).ty;
            let w = self.words(t);
            incoming.push((p, param_words, false));
            param_words += w;
            param_ptrs.extend(self.ptr_map(t));
        }
        // The frame map of the parameters, from their types (when the
        // maps agree with the words; otherwise every word stays "maybe").
        b.param_ptrs = (param_ptrs.len() == param_words as usize).then_some(param_ptrs);
        let result_words: u32 = f
            .results
            .iter()
            .map(|r| info.obj(*r).ty)
            .collect::<Vec<_>>()
            .iter()
            .map(|t| self.words(*t))
            .sum();
        // A loop body's `bool`.
        let result_words = if let FuncSource::RangeBody(id) = f.source {
            b.range_body = Some(range_func::RangeBody {
                rf: info.range_funcs[&id].clone(),
                x: id,
            });
            1
        } else {
            result_words
        };
        b.next = param_words.max(result_words);
        b.param_words = param_words;
        b.result_words = result_words;
        b.pos = f.pos;
        if !f.captures.is_empty()
            || matches!(f.source, FuncSource::Lit(_) | FuncSource::RangeBody(_))
        {
            let ctx = b.temp(1);
            b.emit(Op::LoadCtx { d: ctx });
            for (i, &c) in f.captures.iter().enumerate() {
                let s = b.temp(1);
                b.emit(Op::Load {
                    d: s,
                    p: ctx,
                    off: 1 + i as u32,
                    n: 1,
                });
                b.vars.insert(c, VarLoc::Cell(s));
            }
        }
        for (o, slot, by_ptr) in incoming {
            let t = info.obj(o).ty;
            let w = self.words(t);
            let boxed = info.var(o).map(|v| v.boxed).unwrap_or(false);
            let src = if by_ptr {
                let s = b.temp(w);
                b.emit(Op::Load {
                    d: s,
                    p: slot,
                    off: 0,
                    n: w,
                });
                s
            } else {
                slot
            };
            if boxed {
                let cell = b.temp(1);
                let lay = self.layout_of(t);
                b.emit(Op::Alloc {
                    layout: lay,
                    d: cell,
                    n: w,
                });
                if w > 0 {
                    b.emit(Op::Store {
                        p: cell,
                        off: 0,
                        s: src,
                        n: w,
                    });
                }
                b.vars.insert(o, VarLoc::Cell(cell));
            } else {
                b.vars.insert(o, VarLoc::Slot(src));
            }
        }
        // Named results are variables; unnamed ones exist only in `return`
        // (except in a body with deferred calls, where every result is a
        // variable its frame function returns).
        if f.named_results || body_id.is_some() {
            for &r in &f.results {
                self.declare_zero_var(&mut b, r);
            }
        }
        if body_id.is_some() {
            b.results_in_vars = true;
            b.result_words = 0;
            b.ret_line = Some(b.temp(1));
        }
        let range_ast = match f.source {
            FuncSource::RangeBody(id) => self.range_asts.get(&id).cloned(),
            _ => None,
        };
        let mut fb = FnCtx { l: self, b };
        match body {
            Some(body) if range_ast.is_some() => {
                fb.range_body_prologue(range_ast.clone().expect("checked"))?;
                fb.block(&body.stmts)?;
                // The end of a loop body: go on.
                fb.yield_result(true);
                if fb.b.gotos.iter().any(|(l, _)| !fb.b.labels.contains_key(l)) {
                    return fb.unsupported(f.pos, "goto out of the body of a loop over a function");
                }
            }
            Some(body) => {
                fb.block(&body.stmts)?;
                // Falling off the end: only possible without results (the
                // checker proved bodies with results terminate), so slot 0
                // is never read.
                fb.b.pos = body.rbrace;
                fb.note_ret_line(body.rbrace.line);
                fb.emit_ret(0)?;
            }
            None => fb.promoted_body(fi)?,
        }
        let b = fb.b;
        match body_id {
            Some(id) => self.defer_frame(fi, b, id, result_words),
            None => Ok(b.finish()),
        }
    }

    /// Declares a variable holding its zero value.
    pub(crate) fn declare_zero_var(&mut self, b: &mut FnBuilder, o: ObjId) {
        let t = self.info.obj(o).ty;
        let w = self.words(t);
        let boxed = self.info.var(o).map(|v| v.boxed).unwrap_or(false);
        if boxed {
            let cell = b.temp(1);
            let lay = self.layout_of(t);
            b.emit(Op::Alloc {
                layout: lay,
                d: cell,
                n: w,
            });
            b.vars.insert(o, VarLoc::Cell(cell));
        } else {
            let s = b.temp(w);
            if w > 0 {
                b.emit(Op::Zero { d: s, n: w });
            }
            b.vars.insert(o, VarLoc::Slot(s));
        }
    }

    /// The package initializer: package variables in dependency order.
    fn lower_init(&mut self) -> R<FuncId> {
        let id = FuncId(self.funcs.len() as u32);
        self.funcs.push(None);
        let b = FnBuilder::new("main.init".into(), usize::MAX);
        let src = self.file;
        let mut fb = FnCtx { l: self, b };
        // Package by package, in the order of `Source::pkgs`: its
        // variables, then its `init` functions.
        for pkg in 0..src.pkgs.len() {
            for gi in fb.l.info.global_init.clone() {
                if src.files[src.file_of_decl(gi.decl) as usize].pkg != pkg {
                    continue;
                }
                let Decl::Var(specs) = &src.decls[gi.decl] else {
                    unreachable!()
                };
                let s = &specs[gi.spec];
                fb.var_spec(s)?;
            }
            // (Go's runtime calls the `init` functions: these calls have no
            // line, and tracebacks leave them out.)
            for fi in fb.l.info.inits.clone() {
                if src.pkg_of(fb.l.info.funcs[fi].pos) != pkg {
                    continue;
                }
                fb.b.pos = Pos::new(0, 0);
                let base = fb.temp(1);
                fb.emit(Op::Call {
                    func: FuncId(fi as u32),
                    base,
                    edge: EdgeId::NONE,
                });
            }
        }
        fb.emit_ret(0)?;
        self.funcs[id.index()] = Some(fb.b.finish());
        Ok(id)
    }

    /// The body of a standard-library function declared without one:
    /// its arguments are the native's call window.
    fn native_body(&mut self, fi: usize, n: crate::types::Native) -> R<Function> {
        let f = &self.info.funcs[fi];
        let sig = self.info.types.sig(f.sig).cloned().expect("a signature");
        let aw: u32 = sig.params.iter().map(|t| self.words(*t)).sum();
        let rw: u32 = sig.results.iter().map(|t| self.words(*t)).sum();
        if (aw, rw) != (n.arg_words(), n.result_words()) {
            return Err(CompileError::new(
                f.pos,
                format!(
                    "internal error: native {} takes {} words and returns {}, its declaration {aw} and {rw}",
                    n.name(),
                    n.arg_words(),
                    n.result_words()
                ),
            ));
        }
        let mut b = FnBuilder::new(f.name.clone(), fi);
        b.pos = f.pos;
        b.param_words = aw;
        b.result_words = rw;
        b.next = aw.max(rw);
        b.emit(Op::CallNative { native: n, base: 0 });
        b.emit(Op::Ret { s: 0, n: rw });
        Ok(b.finish())
    }

    fn lower_synth(&mut self, s: Synth) -> R<Function> {
        match s {
            Synth::IfaceEntry(fi) => {
                let mut f = self.lower_func(fi, true)?;
                f.name = format!("{}·iface", f.name);
                Ok(f)
            }
            Synth::BoundMethod(fi) => self.bound_thunk(fi, None),
            Synth::BoundIface(iface, m) => self.bound_thunk(m, Some(iface)),
            Synth::IfaceMethodExpr(iface, m) => {
                // func(i I, args...) { return i.M(args...) }
                let info = self.info;
                let sig = info
                    .types
                    .sig(info.types.iface_methods(iface)[m].sig)
                    .cloned()
                    .expect("sig");
                let aw: u32 = sig.params.iter().map(|t| self.words(*t)).sum();
                let resw: u32 = sig.results.iter().map(|t| self.words(*t)).sum();
                let name = format!(
                    "{}.{}",
                    info.types.name(iface),
                    info.types.iface_methods(iface)[m].name
                );
                let mut b = FnBuilder::new(name, usize::MAX);
                b.param_words = 2 + aw;
                b.result_words = resw;
                b.next = (2 + aw).max(resw);
                let base = b.temp((1 + aw).max(resw));
                if aw > 0 {
                    b.emit(Op::MoveN {
                        d: base + 1,
                        s: 2,
                        n: aw,
                    });
                }
                let site = self.synth_iface_site(self.current, iface, m);
                b.emit(Op::CallIface {
                    recv: 0,
                    method: m as u32,
                    base,
                    site,
                });
                b.emit(Op::Ret { s: base, n: resw });
                Ok(b.finish())
            }
            Synth::DerefMethodExpr(fi) => {
                // func(p *T, args...) { return (*p).M(args...) }
                let info = self.info;
                let f = &info.funcs[fi];
                let sig = info.types.sig(f.sig).cloned().expect("sig");
                let recv_t = info.obj(f.recv.expect("method")).ty;
                let rw = self.words(recv_t);
                let aw: u32 = sig.params.iter().map(|t| self.words(*t)).sum();
                let resw: u32 = sig.results.iter().map(|t| self.words(*t)).sum();
                let mut b = FnBuilder::new(format!("{}·deref", f.name), usize::MAX);
                b.param_words = 1 + aw;
                b.result_words = resw;
                b.next = (1 + aw).max(resw);
                let base = b.temp((rw + aw).max(resw));
                b.emit(Op::Load {
                    d: base,
                    p: 0,
                    off: 0,
                    n: rw,
                });
                if aw > 0 {
                    b.emit(Op::MoveN {
                        d: base + rw,
                        s: 1,
                        n: aw,
                    });
                }
                b.emit(Op::Call {
                    func: FuncId(fi as u32),
                    base,
                    edge: EdgeId::NONE,
                });
                b.emit(Op::Ret { s: base, n: resw });
                Ok(b.finish())
            }
        }
    }

    /// The body of a method value: receiver from the closure, then the call.
    fn bound_thunk(&mut self, m: usize, iface: Option<Ty>) -> R<Function> {
        let info = self.info;
        let (sig_ty, name) = match iface {
            None => (info.funcs[m].sig, format!("{}-fm", info.funcs[m].name)),
            Some(t) => {
                let im = &info.types.iface_methods(t)[m];
                (im.sig, format!("{}.{}-fm", info.types.name(t), im.name))
            }
        };
        let sig = info.types.sig(sig_ty).cloned().expect("sig");
        let aw: u32 = sig.params.iter().map(|t| self.words(*t)).sum();
        let resw: u32 = sig.results.iter().map(|t| self.words(*t)).sum();
        let mut b = FnBuilder::new(name, usize::MAX);
        b.param_words = aw;
        b.result_words = resw;
        b.next = aw.max(resw);
        let ctx = b.temp(1);
        b.emit(Op::LoadCtx { d: ctx });
        match iface {
            None => {
                let recv_t = info.obj(info.funcs[m].recv.expect("method")).ty;
                let rw = self.words(recv_t);
                let base = b.temp((rw + aw).max(resw));
                if rw > 0 {
                    b.emit(Op::Load {
                        d: base,
                        p: ctx,
                        off: 1,
                        n: rw,
                    });
                }
                if aw > 0 {
                    b.emit(Op::MoveN {
                        d: base + rw,
                        s: 0,
                        n: aw,
                    });
                }
                b.emit(Op::Call {
                    func: FuncId(m as u32),
                    base,
                    edge: EdgeId::NONE,
                });
                b.emit(Op::Ret { s: base, n: resw });
            }
            Some(_) => {
                let recv = b.temp(2);
                b.emit(Op::Load {
                    d: recv,
                    p: ctx,
                    off: 1,
                    n: 2,
                });
                let base = b.temp((1 + aw).max(resw));
                if aw > 0 {
                    b.emit(Op::MoveN {
                        d: base + 1,
                        s: 0,
                        n: aw,
                    });
                }
                let site = self.synth_iface_site(self.current, iface.expect("bound interface"), m);
                b.emit(Op::CallIface {
                    recv,
                    method: m as u32,
                    base,
                    site,
                });
                b.emit(Op::Ret { s: base, n: resw });
            }
        }
        Ok(b.finish())
    }
}

/// The source text from `start` to `end` (inclusive of the line of `end`'s column).
/// `line_starts[k]`: the byte offset where line `k + 1` starts.
fn source_span<'s>(src: &'s [u8], line_starts: &[usize], start: Pos, end: Pos) -> &'s [u8] {
    let offset = |p: Pos| -> usize {
        let i = match (p.line as usize).checked_sub(1) {
            Some(k) => line_starts.get(k).copied().unwrap_or(src.len()),
            None => 0,
        };
        (i + p.col.saturating_sub(1) as usize).min(src.len())
    };
    let (a, b) = (offset(start), (offset(end) + 1).min(src.len()));
    if a < b {
        &src[a..b]
    } else {
        &[]
    }
}

/// Every function literal of `file`, by node id.
fn func_lits<'a>(
    file: &'a Source,
    insts: &[&'static FuncDecl],
) -> HashMap<NodeId, (&'a FuncType, &'a Block)> {
    let mut found = Vec::new();
    let mut visit = |e: &Expr| {
        if let ExprKind::FuncLit { ty, body } = &e.kind {
            found.push((e.id, &**ty as *const FuncType, body as *const Block));
        }
    };
    crate::syntax::walk::walk_decls(&file.decls, &mut visit);
    // Instantiated generic functions are declarations of their own.
    for fd in insts {
        crate::syntax::walk::walk_func_decl(fd, &mut visit);
    }
    found
        .into_iter()
        // SAFETY: the pointers point into `file`, which outlives the result.
        .map(|(id, t, b)| (id, unsafe { (&*t, &*b) }))
        .collect()
}

/// Break/continue targets of an enclosing statement.
pub(crate) struct Target {
    pub label: Option<String>,
    pub is_loop: bool,
    pub breaks: Vec<usize>,
    pub continues: Vec<usize>,
}

/// The function being built.
pub(crate) struct FnBuilder {
    pub name: String,
    pub code: Vec<Op>,
    pub poss: Vec<Pos>,
    pub pos: Pos,
    pub next: u32,
    pub param_words: u32,
    /// Which parameter words may hold pointers (`None`: all of them).
    pub param_ptrs: Option<Vec<bool>>,
    pub result_words: u32,
    pub vars: HashMap<ObjId, VarLoc>,
    pub targets: Vec<Target>,
    pub pending_label: Option<String>,
    pub func_index: usize,
    /// Where each label's statement starts, and the `goto`s to patch with
    /// it when the function is done.
    pub labels: HashMap<String, u32>,
    pub gotos: Vec<(String, usize)>,
    /// The body of a function with deferred calls: `return` assigns the
    /// result variables and returns nothing (`defers.rs`).
    pub results_in_vars: bool,
    /// A deferred-call body's slot for the line each return is at (see
    /// `Op::Protect`).
    pub ret_line: Option<Slot>,
    /// Where the last call lowered makes its call (see `FnCtx::mark_call`).
    pub call_mark: Option<defers::CallMark>,
    /// Wrappers of deferred calls made so far (`main.f.deferwrap1`...).
    pub deferwraps: u32,
    /// Wrappers of `go` statements' calls (`main.f.gowrap1`...).
    pub gowraps: u32,
    /// Receives a `select` has made, by expression: its clause's
    /// assignment reads them there (`chans.rs`).
    pub received: HashMap<crate::syntax::ast::NodeId, (Slot, Slot)>,
    /// The body of a loop over a function being lowered (`range_func.rs`).
    pub range_body: Option<range_func::RangeBody>,
}

impl FnBuilder {
    fn new(name: String, func_index: usize) -> FnBuilder {
        FnBuilder {
            name,
            code: Vec::new(),
            poss: Vec::new(),
            pos: Pos::default(),
            next: 0,
            param_words: 0,
            param_ptrs: None,
            result_words: 0,
            vars: HashMap::default(),
            targets: Vec::new(),
            pending_label: None,
            labels: HashMap::default(),
            gotos: Vec::new(),
            func_index,
            results_in_vars: false,
            ret_line: None,
            call_mark: None,
            deferwraps: 0,
            gowraps: 0,
            received: HashMap::default(),
            range_body: None,
        }
    }

    /// Fresh slots (never reused: a slot keeps one type for the whole function).
    pub fn temp(&mut self, n: u32) -> Slot {
        let s = self.next;
        self.next += n;
        s
    }

    pub fn emit(&mut self, op: Op) -> usize {
        self.code.push(op);
        self.poss.push(self.pos);
        self.code.len() - 1
    }

    pub fn here(&self) -> u32 {
        self.code.len() as u32
    }

    /// Points the jump at `at` to `target`.
    pub fn patch(&mut self, at: usize, target: u32) {
        match self.code[at].target_mut() {
            Some(t) => *t = target,
            None => panic!("patching a non-jump {:?}", self.code[at]),
        }
    }

    pub(crate) fn finish(mut self) -> Function {
        for (l, j) in std::mem::take(&mut self.gotos) {
            let t = self.labels[&l];
            self.patch(j, t);
        }
        // Peephole: `Load d <- p+off; Ret d` becomes `RetLoad p+off` (the Ret
        // stays in place, so a jump to it keeps its meaning).
        for i in 0..self.code.len().saturating_sub(1) {
            if let (Op::Load { d, p, off, n: 1 }, Op::Ret { s, n: 1 }) =
                (&self.code[i], &self.code[i + 1])
            {
                if d == s {
                    self.code[i] = Op::RetLoad { p: *p, off: *off };
                }
            }
        }
        let frame_size = self.next.max(self.param_words).max(self.result_words);
        // Every slot may hold a pointer until `framemap` computes the real
        // map; parameters start from their types when lowering knows them.
        let mut ptr_slots = vec![true; frame_size as usize];
        if let Some(pp) = &self.param_ptrs {
            for (slot, &p) in ptr_slots.iter_mut().zip(pp) {
                *slot = p;
            }
        }
        Function {
            in_memory: Vec::new(),
            ptr_slots,
            name: self.name,
            code: self.code,
            pos: self.poss,
            frame_size: self.next.max(self.param_words).max(self.result_words),
            param_words: self.param_words,
            result_words: self.result_words,
        }
    }
}

/// Lowering one function body: the program-wide lowerer plus the builder.
pub(crate) struct FnCtx<'l, 'a> {
    pub l: &'l mut Lowerer<'a>,
    pub b: FnBuilder,
}

impl FnCtx<'_, '_> {
    pub fn words(&mut self, t: Ty) -> u32 {
        self.l.words(t)
    }

    pub(crate) fn stride(&mut self, e: Ty) -> u32 {
        self.l.stride(e)
    }

    pub fn info(&self) -> &Info {
        self.l.info
    }

    pub fn ty(&self, e: &Expr) -> Ty {
        self.l.info.type_of(e.id)
    }

    pub fn emit(&mut self, op: Op) -> usize {
        self.b.emit(op)
    }

    pub fn temp(&mut self, n: u32) -> Slot {
        self.b.temp(n)
    }

    /// Returns the function's results (the `n` words at `s`).
    pub fn emit_ret(&mut self, s: Slot) -> R<()> {
        let n = self.b.result_words;
        self.emit(Op::Ret { s, n });
        Ok(())
    }

    pub fn unsupported<T>(&self, pos: Pos, what: &str) -> R<T> {
        Err(CompileError::unsupported(pos, what))
    }
}
