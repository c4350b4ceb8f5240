//! The type checker: Go's types, method sets, untyped constants and implicit
//! interface satisfaction, producing side tables ([`Info`]) that lowering reads.
//!
//! Like go/types, the checker leaves the AST untouched and records what it
//! learns per node: the type and constant value of every expression, the
//! object every name refers to, what every selector and call means.

pub mod check;
pub mod constant;
pub mod ty;

use std::collections::HashMap;

use crate::syntax::ast::{NodeId, Pos};
pub use constant::ConstVal;
pub use ty::{Basic, Ty, TypeKind, TypeTable};

/// An object: something a name can denote.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct ObjId(pub u32);

#[derive(Clone, Debug)]
pub struct Obj {
    pub name: String,
    pub pos: Pos,
    pub ty: Ty,
    pub kind: ObjKind,
}

#[derive(Clone, Debug)]
pub enum ObjKind {
    Var(VarInfo),
    Const(ConstVal),
    TypeName,
    /// A declared function (index into [`Info::funcs`]).
    Func(usize),
    Builtin(Builtin),
    /// An imported package (`fmt`, `errors`).
    Package(Package),
    /// A function of an imported package.
    Native(Native),
    Nil,
}

#[derive(Clone, Debug, Default)]
pub struct VarInfo {
    /// Declared at package level.
    pub global: bool,
    /// Lives in a heap cell: captured by a closure or its address taken.
    pub boxed: bool,
    /// The function that declares it (None for globals).
    pub owner: Option<usize>,
    /// Read somewhere (for "declared and not used").
    pub used: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Builtin {
    Len,
    Cap,
    Append,
    Make,
    New,
    Copy,
    Panic,
    Print,
    Println,
    Min,
    Max,
    Delete,
    Clear,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Package {
    Fmt,
    Errors,
}

/// Functions of imported packages, implemented by the runtime.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Native {
    FmtPrint,
    FmtPrintln,
    FmtPrintf,
    FmtSprint,
    FmtSprintln,
    FmtSprintf,
    FmtErrorf,
    ErrorsNew,
}

impl Native {
    pub fn name(self) -> &'static str {
        match self {
            Native::FmtPrint => "fmt.Print",
            Native::FmtPrintln => "fmt.Println",
            Native::FmtPrintf => "fmt.Printf",
            Native::FmtSprint => "fmt.Sprint",
            Native::FmtSprintln => "fmt.Sprintln",
            Native::FmtSprintf => "fmt.Sprintf",
            Native::FmtErrorf => "fmt.Errorf",
            Native::ErrorsNew => "errors.New",
        }
    }

    /// Words of the arguments a call passes (the variadic `...any` is a
    /// slice; `fmt.Printf`'s format string comes before it).
    pub fn arg_words(self) -> u32 {
        match self {
            Native::FmtPrint | Native::FmtPrintln | Native::FmtSprint | Native::FmtSprintln => 3,
            Native::FmtPrintf | Native::FmtSprintf | Native::FmtErrorf => 5,
            Native::ErrorsNew => 2,
        }
    }

    /// Words of the results (`(n int, err error)`, a string, an error).
    pub fn result_words(self) -> u32 {
        match self {
            Native::FmtPrint | Native::FmtPrintln | Native::FmtPrintf => 3,
            Native::FmtSprint | Native::FmtSprintln | Native::FmtSprintf => 2,
            Native::FmtErrorf | Native::ErrorsNew => 2,
        }
    }
}

/// Where a function's body comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FuncSource {
    /// `file.decls[i]`, a `func` declaration.
    Decl(usize),
    /// A function literal, by its node id.
    Lit(NodeId),
}

/// A function the program defines (declared function, method, or closure).
#[derive(Clone, Debug)]
pub struct FuncInfo {
    /// As Go's runtime names it: `main.f`, `main.(*T).M`, `main.T.M`, `main.main.func1`.
    pub name: String,
    pub source: FuncSource,
    /// Its signature (without receiver).
    pub sig: Ty,
    pub recv: Option<ObjId>,
    /// The receiver's base named type and whether it is `*T`.
    pub recv_named: Option<(Ty, bool)>,
    pub params: Vec<ObjId>,
    /// Result variables (named or synthesized `~r0`...).
    pub results: Vec<ObjId>,
    pub named_results: bool,
    /// Variables of enclosing functions this closure uses (cells it captures).
    pub captures: Vec<ObjId>,
    /// The function whose body contains this literal.
    pub parent: Option<usize>,
    pub pos: Pos,
}

/// What `x.f` denotes.
#[derive(Clone, Debug)]
pub enum Selection {
    /// A struct field: its index; `deref` when `x` is a pointer to the struct.
    Field { index: usize, deref: bool },
    /// A method of a named type called or taken as a value on `x`.
    /// `addr`: `x` must be addressed (`(&x).M`); `deref`: `x` is a pointer and the method wants a value.
    Method {
        func: usize,
        ptr_recv: bool,
        addr: bool,
        deref: bool,
    },
    /// A method of an interface: index into its sorted method list.
    IfaceMethod { iface: Ty, index: usize },
    /// `T.M` or `(*T).M`: a function taking the receiver first.
    MethodExpr {
        func: usize,
        ptr_recv: bool,
        recv: Ty,
    },
    /// `I.M` for an interface `I`: a function taking the interface first.
    IfaceMethodExpr { iface: Ty, index: usize },
    /// `fmt.Println` and friends.
    Native(Native),
}

/// What a call expression does.
#[derive(Clone, Debug)]
pub enum CallKind {
    Conversion(Ty),
    Builtin(Builtin),
    Native(Native),
    /// A declared function called by name.
    Static(usize),
    /// A method called through a selector (`x.M()`), see the selection.
    Method,
    /// An interface method (`s.Area()`).
    Iface,
    /// A call of a function value (variable, field, result of a call...).
    Closure,
}

/// Everything the checker learned, keyed by node.
pub struct Info {
    pub types: TypeTable,
    pub objs: Vec<Obj>,
    pub funcs: Vec<FuncInfo>,
    /// Type of each expression (typed: untyped constants carry their final type).
    pub expr_types: HashMap<NodeId, Ty>,
    /// Value of each constant expression (represented in its final type).
    pub consts: HashMap<NodeId, ConstVal>,
    /// Declared names → objects (also type-switch clause ids → implicit vars).
    pub defs: HashMap<NodeId, ObjId>,
    /// Names in use → objects.
    pub uses: HashMap<NodeId, ObjId>,
    pub selections: HashMap<NodeId, Selection>,
    pub calls: HashMap<NodeId, CallKind>,
    /// Function literal node → function index.
    pub func_lits: HashMap<NodeId, usize>,
    /// Type assertions used in comma-ok form (`v, ok := x.(T)`).
    pub comma_ok: std::collections::HashSet<NodeId>,
    /// Package-level variables in initialization order, with the index of their `var` spec in `file.decls`.
    pub global_init: Vec<GlobalInit>,
    /// Index of `main` in `funcs`.
    pub main: usize,
}

/// One package-level `var` spec to initialize: `decls[decl].specs[spec]`.
#[derive(Clone, Copy, Debug)]
pub struct GlobalInit {
    pub decl: usize,
    pub spec: usize,
}

impl Info {
    pub fn obj(&self, id: ObjId) -> &Obj {
        &self.objs[id.0 as usize]
    }

    pub fn type_of(&self, id: NodeId) -> Ty {
        self.expr_types
            .get(&id)
            .copied()
            .unwrap_or(ty::builtin::INVALID)
    }

    pub fn var(&self, id: ObjId) -> Option<&VarInfo> {
        match &self.obj(id).kind {
            ObjKind::Var(v) => Some(v),
            _ => None,
        }
    }
}
