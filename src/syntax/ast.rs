//! The abstract syntax tree of one Go source file.
//!
//! As in `go/ast`, types and values share one expression tree: `[]int{1}`,
//! `T(x)` and `(*T).M` are all expressions, and the checker decides which
//! nodes denote types. Every expression and every declared name carries a
//! [`NodeId`], unique within the file, so the checker can attach types,
//! constant values and resolved objects in side tables (go/types' `Info`).

use std::fmt;

/// A position in the source: the file (an index into [`Source::files`],
/// 0 for a program of one file), 1-based line and 1-based byte column, as
/// Go reports them (a tab counts as one column).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub file: u16,
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub fn new(line: u32, col: u32) -> Pos {
        Pos { file: 0, line, col }
    }

    pub fn in_file(file: u16, line: u32, col: u32) -> Pos {
        Pos { file, line, col }
    }
}

impl fmt::Debug for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// Identifies one node (expression, declared name, type-switch clause) in a file.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// A name at a position. Used both where a name is declared and where it is used
/// (a use inside an expression is `ExprKind::Ident`, whose node id is the expression's).
#[derive(Clone, Debug)]
pub struct Ident {
    pub name: String,
    pub pos: Pos,
    pub id: NodeId,
}

/// One source file.
#[derive(Clone, Debug)]
pub struct File {
    /// `package main`: the name and its position.
    pub package: Ident,
    pub imports: Vec<Import>,
    pub decls: Vec<Decl>,
    /// One past the largest NodeId handed out, so later passes can size tables.
    pub node_count: u32,
    /// The source it was parsed from (the checker parses a generic
    /// declaration again for each instantiation, with node ids of its own).
    pub src: Vec<u8>,
}

/// A program's source: every file of every package it reaches, parsed
/// with node ids unique among them, their declarations merged in Go's
/// order of initialization (the packages a package imports before it,
/// `main` last; a package's files by name). The checker and the lowering
/// see one list of declarations; a position's file says which file, and
/// so which package and imports, a declaration belongs to.
#[derive(Clone, Debug)]
pub struct Source {
    /// By file id (`Pos::file`).
    pub files: Vec<SourceFile>,
    /// In initialization order: `main` is the last.
    pub pkgs: Vec<PackageSrc>,
    pub decls: Vec<Decl>,
    /// One past the largest NodeId of every file.
    pub node_count: u32,
}

/// One file of a [`Source`].
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// As messages and tracebacks print it.
    pub name: String,
    /// Its package (index into [`Source::pkgs`]).
    pub pkg: usize,
    pub package: Ident,
    pub imports: Vec<Import>,
    pub src: Vec<u8>,
    /// Its declarations in [`Source::decls`].
    pub decls: std::ops::Range<usize>,
}

/// A package of a [`Source`].
#[derive(Clone, Debug)]
pub struct PackageSrc {
    /// Its import path (`main` for the main package, as Go's symbols
    /// name it): functions are named by it (`sort.Sort`,
    /// `example.com/m/geom.(*Circle).Area`).
    pub path: String,
    /// Its name (`rand` for `math/rand/v2`): types are named by it (`%T`
    /// prints `geom.Circle`).
    pub name: String,
    /// Its files, by name.
    pub files: Vec<u16>,
    /// Part of the standard library pgojit embeds.
    pub std: bool,
}

impl Source {
    /// A program of one file, package `main`.
    pub fn single(file: File, name: &str) -> Source {
        let n = file.decls.len();
        Source {
            files: vec![SourceFile {
                name: name.to_string(),
                pkg: 0,
                package: file.package,
                imports: file.imports,
                src: file.src,
                decls: 0..n,
            }],
            pkgs: vec![PackageSrc {
                path: "main".into(),
                name: "main".into(),
                files: vec![0],
                std: false,
            }],
            decls: file.decls,
            node_count: file.node_count,
        }
    }

    /// The file a position is in.
    pub fn file(&self, pos: Pos) -> &SourceFile {
        &self.files[pos.file as usize]
    }

    /// The package of the file a position is in.
    pub fn pkg_of(&self, pos: Pos) -> usize {
        self.files
            .get(pos.file as usize)
            .map_or(self.pkgs.len() - 1, |f| f.pkg)
    }

    /// The file declaration `d` comes from.
    pub fn file_of_decl(&self, d: usize) -> u16 {
        self.files
            .iter()
            .position(|f| f.decls.contains(&d))
            .expect("every declaration is in a file") as u16
    }

    /// The index of the main package.
    pub fn main_pkg(&self) -> usize {
        self.pkgs.len() - 1
    }
}

/// `import "fmt"` or `import f "fmt"`.
#[derive(Clone, Debug)]
pub struct Import {
    pub pos: Pos,
    /// Position of the path string literal (Go reports unused imports there).
    pub path_pos: Pos,
    pub path: String,
    pub name: Option<Ident>,
}

// A file has few declarations: boxing `FuncDecl` would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Decl {
    Func(FuncDecl),
    /// `var ( ... )` or `var x = ...`: one entry per spec.
    Var(Vec<VarSpec>),
    /// `const ( ... )`: one entry per spec, with implicit repetition already applied.
    Const(Vec<ConstSpec>),
    /// `type ( ... )`.
    Type(Vec<TypeSpec>),
}

#[derive(Clone, Debug)]
pub struct FuncDecl {
    /// Position of the `func` keyword.
    pub pos: Pos,
    pub name: Ident,
    /// The receiver of a method (`func (c *Counter) Inc()`), if any.
    pub recv: Option<Param>,
    pub ty: FuncType,
    /// `None` for a declaration without body (rejected by the checker).
    pub body: Option<Block>,
}

/// A function signature. Grouped names (`a, b int`) are expanded by the parser
/// into one `Param` each, sharing a clone of the type expression.
#[derive(Clone, Debug)]
pub struct FuncType {
    pub pos: Pos,
    /// Type parameters (a function declaration's `[T any, U comparable]`),
    /// each with its constraint as `ty`.
    pub tparams: Vec<Param>,
    pub params: Vec<Param>,
    pub results: Vec<Param>,
}

#[derive(Clone, Debug)]
pub struct Param {
    pub name: Option<Ident>,
    pub ty: Expr,
    /// `...T` (only allowed on the last parameter).
    pub variadic: bool,
}

#[derive(Clone, Debug)]
pub struct VarSpec {
    pub pos: Pos,
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct ConstSpec {
    pub pos: Pos,
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    /// The values; when the source omitted them, a clone of the previous spec's
    /// type and values (Go's implicit repetition) with `implicit` set.
    pub values: Vec<Expr>,
    /// The value of `iota` in this spec (its index in the group).
    pub iota: i64,
    pub implicit: bool,
}

#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub pos: Pos,
    pub name: Ident,
    /// `type A = B`.
    pub alias: bool,
    /// Type parameters (`type List[T any] ...`), constraints as `ty`.
    pub tparams: Vec<Param>,
    pub ty: Expr,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub id: NodeId,
    /// The position Go reports for the expression: for binary expressions the
    /// left operand's start, for calls the function's start, and so on, as in go/ast's `Pos()`.
    pub pos: Pos,
    pub kind: ExprKind,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// A name in use (variable, constant, type, function, package, `nil`, `true`, `iota`...).
    Ident(String),
    /// An integer literal, its source text as written (`0x1F`, `1_000`, `0o17`, `017`, `0b101`).
    IntLit(String),
    /// A floating-point literal, its source text as written (`1.5`, `1e9`, `.5`, `0x1p-2`).
    FloatLit(String),
    /// `2.5i`: its text, the `i` included.
    ImagLit(String),
    /// A rune literal, decoded (`'a'`, `'\n'`, `'\u00e9'`, `'\xff'`).
    RuneLit(u32),
    /// A string literal, decoded to bytes (interpreted or raw; raw strings drop `\r`).
    StrLit(Vec<u8>),
    /// `T{...}`; `ty` is `None` for an elided type inside an enclosing literal.
    CompositeLit {
        ty: Option<Box<Expr>>,
        elts: Vec<Element>,
        lbrace: Pos,
        rbrace: Pos,
    },
    /// `func(x int) int { ... }`.
    FuncLit { ty: Box<FuncType>, body: Block },
    /// `(x)`.
    Paren(Box<Expr>),
    /// `x.sel`.
    Selector(Box<Expr>, Ident),
    /// `x[i]` (also a generic function or type with one type argument).
    Index(Box<Expr>, Box<Expr>),
    /// `x[A, B]`, or `T[A]` where only a type can be: a generic function
    /// or type with its type arguments.
    Instance(Box<Expr>, Vec<Expr>),
    /// `~T` in a constraint's type set.
    Tilde(Box<Expr>),
    /// `x[lo:hi]` or `x[lo:hi:max]`.
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
    },
    /// `x.(T)`; `ty` is `None` for `x.(type)` in a type switch header.
    TypeAssert(Box<Expr>, Option<Box<Expr>>),
    /// `f(args)`; `ellipsis` is the position of `...` in `f(xs...)`.
    Call {
        fun: Box<Expr>,
        args: Vec<Expr>,
        ellipsis: Option<Pos>,
        /// Where the call is, for Go's tracebacks (which give a call's
        /// line as its `(`'s).
        lparen: Pos,
        rparen: Pos,
    },
    /// `*x`: a dereference, or a pointer type.
    Star(Box<Expr>),
    /// `+x -x !x ^x &x`; the node's `pos` is the operator's.
    Unary(UnOp, Box<Expr>),
    /// `x op y`; `op_pos` is the operator's position (Go reports some errors there).
    Binary {
        op: BinOp,
        op_pos: Pos,
        x: Box<Expr>,
        y: Box<Expr>,
    },
    /// `[N]T`, `[...]T` or `[]T`.
    ArrayType { len: ArrayLen, elem: Box<Expr> },
    /// `map[K]V` (an Extended feature).
    MapType(Box<Expr>, Box<Expr>),
    /// `chan T`, `chan<- T` or `<-chan T`.
    ChanType(ChanDir, Box<Expr>),
    /// `func(...) ...` as a type.
    FuncType(Box<FuncType>),
    /// `struct { ... }`.
    StructType(Vec<FieldDecl>),
    /// `interface { ... }`.
    InterfaceType(Vec<InterfaceElem>),
}

#[derive(Clone, Debug)]
pub enum ArrayLen {
    /// `[]T`: a slice type.
    Slice,
    /// `[...]T`: length from the composite literal.
    Ellipsis,
    /// `[N]T`.
    Expr(Box<Expr>),
}

/// One element of a composite literal: `value` or `key: value`.
#[derive(Clone, Debug)]
pub struct Element {
    pub key: Option<Box<Expr>>,
    pub value: Expr,
}

/// A line of a struct type: `a, b int`, or an embedded field `T` / `*T`.
#[derive(Clone, Debug)]
pub struct FieldDecl {
    pub pos: Pos,
    /// Empty for an embedded field.
    pub names: Vec<Ident>,
    pub ty: Expr,
    pub embedded: bool,
}

#[derive(Clone, Debug)]
pub enum InterfaceElem {
    /// `Area() float64`.
    Method { name: Ident, ty: FuncType },
    /// An embedded interface: `Shape`, `fmt.Stringer`, `error`.
    Embedded(Expr),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnOp {
    /// `+x`
    Pos,
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `^x` (bitwise complement)
    BitNot,
    /// `&x`
    Addr,
    /// `<-x` (a receive)
    Recv,
}

/// Which way a channel type lets values go.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ChanDir {
    /// `chan T`
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Quo,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    LAnd,
    LOr,
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
}

impl BinOp {
    /// The operator as Go writes it.
    pub fn as_str(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Quo => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            LAnd => "&&",
            LOr => "||",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
        }
    }

    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eql | BinOp::Neq | BinOp::Lss | BinOp::Leq | BinOp::Gtr | BinOp::Geq
        )
    }

    pub fn is_shift(self) -> bool {
        matches!(self, BinOp::Shl | BinOp::Shr)
    }
}

impl UnOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnOp::Pos => "+",
            UnOp::Neg => "-",
            UnOp::Not => "!",
            UnOp::BitNot => "^",
            UnOp::Addr => "&",
            UnOp::Recv => "<-",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Block {
    pub lbrace: Pos,
    pub stmts: Vec<Stmt>,
    pub rbrace: Pos,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub pos: Pos,
    pub kind: StmtKind,
}

/// `=`, `:=` or `op=`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AssignOp {
    Assign,
    Define,
    Op(BinOp),
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    /// `;` on its own (or an empty statement before `}`).
    Empty,
    Expr(Box<Expr>),
    /// A `var`, `const` or `type` declaration inside a function.
    Decl(Box<Decl>),
    Assign {
        lhs: Vec<Expr>,
        op: AssignOp,
        /// Position of the assignment operator.
        op_pos: Pos,
        rhs: Vec<Expr>,
    },
    IncDec {
        x: Box<Expr>,
        inc: bool,
    },
    Block(Block),
    If {
        init: Option<Box<Stmt>>,
        cond: Box<Expr>,
        then: Block,
        /// `else if` (a `Stmt` of kind `If`) or `else { }` (kind `Block`).
        els: Option<Box<Stmt>>,
    },
    /// Three-clause, condition-only and infinite `for` loops.
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Box<Expr>>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// `for k, v := range x`, `for k = range x`, `for range x`.
    Range {
        key: Option<Box<Expr>>,
        value: Option<Box<Expr>>,
        /// `:=` rather than `=`.
        define: bool,
        x: Box<Expr>,
        body: Block,
    },
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Box<Expr>>,
        cases: Vec<CaseClause>,
        rbrace: Pos,
    },
    /// `switch v := x.(type) { ... }` or `switch x.(type) { ... }`.
    TypeSwitch {
        init: Option<Box<Stmt>>,
        bind: Option<Ident>,
        /// The operand of `.(type)` (the `x`, not the assertion).
        x: Box<Expr>,
        cases: Vec<TypeCaseClause>,
        rbrace: Pos,
    },
    Return(Vec<Expr>),
    Break(Option<Ident>),
    Continue(Option<Ident>),
    Goto(Ident),
    /// `defer f(args)`: the call, run when the function returns or panics.
    Defer(Box<Expr>),
    /// `go f(args)`: the call, run by a new goroutine.
    Go(Box<Expr>),
    /// `ch <- v`.
    Send {
        ch: Box<Expr>,
        value: Box<Expr>,
    },
    /// `select { case ...: ... }`.
    Select {
        cases: Vec<CommClause>,
        rbrace: Pos,
    },
    Fallthrough,
    Labeled {
        label: Ident,
        stmt: Box<Stmt>,
    },
}

/// One clause of a `select`: `case ch <- v:`, `case x := <-ch:`, `case
/// <-ch:` or `default:`.
#[derive(Clone, Debug)]
pub struct CommClause {
    pub pos: Pos,
    /// The send or receive statement; `None` for `default`.
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct CaseClause {
    pub pos: Pos,
    /// Empty for `default`.
    pub exprs: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct TypeCaseClause {
    pub pos: Pos,
    /// The listed types; `nil` appears as `ExprKind::Ident("nil")`. Empty for `default`.
    pub types: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    /// Names the variable this clause implicitly declares when the switch binds one.
    pub id: NodeId,
}
