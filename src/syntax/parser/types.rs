//! Types and signatures: named and qualified types, pointer, array, slice,
//! map, function, struct and interface types, and parameter lists (with
//! Go's rule for telling `a, b int` from `int, string`).
//!
//! Channel types, type parameters, type arguments and type-set elements
//! (`~T`, `A | B`) are parsed as gc does, then reported as unsupported.

use super::{BExpr, PResult, Parser};
use crate::diag::CompileError;
use crate::syntax::ast::{
    ArrayLen, BinOp, Expr, ExprKind, FieldDecl, FuncType, Ident, InterfaceElem, Param, Pos,
};
use crate::syntax::token::Tok;

/// A parameter before the names-or-types decision.
struct RawParam {
    name: Option<Ident>,
    ty: Option<BExpr>,
    /// Position of `...` for a variadic parameter.
    dots: Option<Pos>,
}

/// What `[` after a name starts: an array or slice type, or type arguments.
enum ArrayOrArgs {
    Type(BExpr),
    Args,
}

/// Whether a type can start with `tok`.
fn starts_type(tok: Tok) -> bool {
    matches!(
        tok,
        Tok::Mul
            | Tok::Arrow
            | Tok::Func
            | Tok::LBrack
            | Tok::Chan
            | Tok::Map
            | Tok::Struct
            | Tok::Interface
            | Tok::Name
            | Tok::LParen
    )
}

impl Parser<'_> {
    /// A type, or a syntax error.
    pub(super) fn type_(&mut self) -> PResult<BExpr> {
        self.enter()?;
        let t = match self.tok.tok {
            Tok::Mul => self.pointer_type(),
            Tok::Arrow | Tok::Chan => self.chan_type(),
            Tok::Func => self.func_type_expr(),
            Tok::LBrack => self.bracket_type(),
            Tok::Map => self.map_type(),
            Tok::Struct => self.struct_type(),
            Tok::Interface => self.interface_type(),
            Tok::Name => self.qualified_name(None),
            Tok::LParen => self.paren_type(),
            _ => Err(self.syntax_error("expected type")),
        };
        self.leave();
        t
    }

    /// A type if one starts here.
    pub(super) fn type_or_nil(&mut self) -> PResult<Option<BExpr>> {
        if !starts_type(self.tok.tok) {
            return Ok(None);
        }
        self.type_().map(Some)
    }

    fn pointer_type(&mut self) -> PResult<BExpr> {
        let pos = self.tok.pos;
        self.next();
        let elem = self.type_()?;
        Ok(self.mk(pos, ExprKind::Star(elem)))
    }

    /// `chan T`, `chan<- T` or `<-chan T`.
    fn chan_type(&mut self) -> PResult<BExpr> {
        let pos = self.tok.pos;
        self.unsupported(pos, "channels");
        if self.got(Tok::Arrow) {
            self.want(Tok::Chan)?;
        } else {
            self.next();
            self.got(Tok::Arrow);
        }
        self.chan_elem()?;
        Ok(self.placeholder(pos))
    }

    fn func_type_expr(&mut self) -> PResult<BExpr> {
        let pos = self.tok.pos;
        self.next();
        let ft = self.func_type(pos, "function type")?;
        Ok(self.mk(pos, ExprKind::FuncType(ft)))
    }

    /// At `[`: `[]T`, `[N]T` or `[...]T`.
    fn bracket_type(&mut self) -> PResult<BExpr> {
        let pos = self.tok.pos;
        self.next();
        if self.got(Tok::RBrack) {
            return self.slice_type(pos);
        }
        self.array_type(pos, None)
    }

    fn map_type(&mut self) -> PResult<BExpr> {
        let pos = self.tok.pos;
        self.next();
        self.want(Tok::LBrack)?;
        let key = self.type_()?;
        self.want(Tok::RBrack)?;
        let value = self.type_()?;
        Ok(self.mk(pos, ExprKind::MapType(key, value)))
    }

    /// `( T )`; the parentheses are kept, as in go/ast.
    fn paren_type(&mut self) -> PResult<BExpr> {
        let pos = self.tok.pos;
        self.next();
        let t = self.type_()?;
        self.want(Tok::RParen)?;
        Ok(self.mk(pos, ExprKind::Paren(t)))
    }

    fn chan_elem(&mut self) -> PResult<BExpr> {
        match self.type_or_nil()? {
            Some(t) => Ok(t),
            None => Err(self.syntax_error("missing channel element type")),
        }
    }

    /// `name` or `pkg.name` (the name may already be consumed), then
    /// possibly type arguments.
    pub(super) fn qualified_name(&mut self, name: Option<Ident>) -> PResult<BExpr> {
        let name = match name {
            Some(n) => n,
            None if self.tok.tok == Tok::Name => self.name()?,
            None => return Err(self.syntax_error("expected name")),
        };
        let mut x = self.name_expr(name);
        if self.got(Tok::Period) {
            let sel = self.name()?;
            x = self.mk(x.pos, ExprKind::Selector(x, sel));
        }
        if self.tok.tok == Tok::LBrack {
            self.type_instance()?;
        }
        Ok(x)
    }

    /// `[ T1, T2 ]` after a type name: an instantiation.
    fn type_instance(&mut self) -> PResult<()> {
        self.unsupported(self.tok.pos, "generics");
        self.want(Tok::LBrack)?;
        if self.tok.tok == Tok::RBrack {
            return Err(self.syntax_error("expected type argument list"));
        }
        self.type_list(true)?;
        self.want(Tok::RBrack)
    }

    /// After `[` (at `pos`): `N]T` or `...]T`, `len` when already parsed.
    pub(super) fn array_type(&mut self, pos: Pos, len: Option<BExpr>) -> PResult<BExpr> {
        let len = match len {
            Some(len) => ArrayLen::Expr(len),
            None if self.got(Tok::Ellipsis) => ArrayLen::Ellipsis,
            None => {
                self.xnest += 1;
                let len = self.expr()?;
                self.xnest -= 1;
                ArrayLen::Expr(len)
            }
        };
        if self.tok.tok == Tok::Comma {
            return Err(self.syntax_error("unexpected comma; expected ]"));
        }
        self.want(Tok::RBrack)?;
        let elem = self.type_()?;
        Ok(self.mk(pos, ExprKind::ArrayType { len, elem }))
    }

    /// After `[]` (`[` at `pos`).
    pub(super) fn slice_type(&mut self, pos: Pos) -> PResult<BExpr> {
        let elem = self.type_()?;
        Ok(self.mk(
            pos,
            ExprKind::ArrayType {
                len: ArrayLen::Slice,
                elem,
            },
        ))
    }

    /// `[` after a field or parameter name: `[]T`, `[N]T`, or type arguments.
    fn array_or_args(&mut self) -> PResult<ArrayOrArgs> {
        let pos = self.tok.pos;
        self.want(Tok::LBrack)?;
        if self.got(Tok::RBrack) {
            return Ok(ArrayOrArgs::Type(self.slice_type(pos)?));
        }
        let (n, comma) = self.type_list(false)?;
        self.want(Tok::RBrack)?;
        if !comma {
            if let Some(elem) = self.type_or_nil()? {
                let len = ArrayLen::Expr(n);
                return Ok(ArrayOrArgs::Type(
                    self.mk(pos, ExprKind::ArrayType { len, elem }),
                ));
            }
        }
        self.unsupported(pos, "generics");
        Ok(ArrayOrArgs::Args)
    }

    /// `struct { ... }`.
    fn struct_type(&mut self) -> PResult<BExpr> {
        let pos = self.tok.pos;
        self.want(Tok::Struct)?;
        self.want(Tok::LBrace)?;
        let mut fields = Vec::new();
        self.list("struct type", Tok::Semi, Tok::RBrace, |p| {
            p.field_decl(&mut fields)?;
            Ok(false)
        })?;
        Ok(self.mk(pos, ExprKind::StructType(fields)))
    }

    /// `FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ]`, added
    /// to `fields`.
    fn field_decl(&mut self, fields: &mut Vec<FieldDecl>) -> PResult<()> {
        self.enter()?;
        let pos = self.tok.pos;
        let (names, ty) = match self.tok.tok {
            Tok::Name => self.named_field()?,
            Tok::Mul => {
                self.next();
                if self.tok.tok == Tok::LParen {
                    return Err(self.syntax_error("cannot parenthesize embedded type"));
                }
                let ty = self.qualified_name(None)?;
                (Vec::new(), self.mk(pos, ExprKind::Star(ty)))
            }
            Tok::LParen => return Err(self.syntax_error("cannot parenthesize embedded type")),
            _ => return Err(self.syntax_error("expected field name or embedded type")),
        };
        self.tag();
        push_field(fields, pos, names, ty);
        self.leave();
        Ok(())
    }

    /// `a, b T` or an embedded `T` / `pkg.T`; no names means embedded.
    fn named_field(&mut self) -> PResult<(Vec<Ident>, BExpr)> {
        let name = self.name()?;
        if self.tok.tok == Tok::Period
            || self.tok.tok.is_literal()
            || self.tok.tok == Tok::Semi
            || self.tok.tok == Tok::RBrace
        {
            return Ok((Vec::new(), self.qualified_name(Some(name))?));
        }
        let pos = name.pos;
        let names = self.name_list(name)?;
        if names.len() == 1 && self.tok.tok == Tok::LBrack {
            return match self.array_or_args()? {
                ArrayOrArgs::Type(t) => Ok((names, t)),
                // An embedded generic type `T[A]`.
                ArrayOrArgs::Args => Ok((Vec::new(), self.placeholder(pos))),
            };
        }
        Ok((names, self.type_()?))
    }

    /// A struct field tag: any literal, which the subset ignores.
    fn tag(&mut self) {
        if self.tok.tok.is_literal() {
            self.next();
        }
    }

    /// `interface { ... }`.
    fn interface_type(&mut self) -> PResult<BExpr> {
        let pos = self.tok.pos;
        self.want(Tok::Interface)?;
        self.want(Tok::LBrace)?;
        let mut elems = Vec::new();
        self.list("interface type", Tok::Semi, Tok::RBrace, |p| {
            p.interface_elem(&mut elems)?;
            Ok(false)
        })?;
        Ok(self.mk(pos, ExprKind::InterfaceType(elems)))
    }

    /// `MethodName Signature` or an embedded interface, added to `elems`.
    fn interface_elem(&mut self, elems: &mut Vec<InterfaceElem>) -> PResult<()> {
        self.enter()?;
        let mut first = None;
        if self.tok.tok == Tok::Name {
            let name = self.name()?;
            if self.tok.tok == Tok::LParen || self.tok.tok == Tok::LBrack {
                if let Some(ty) = self.method_signature()? {
                    elems.push(InterfaceElem::Method { name, ty });
                    self.leave();
                    return Ok(());
                }
                first = Some(self.name_expr(name));
            } else {
                first = Some(self.qualified_name(Some(name))?);
            }
        }
        let embedded = self.embedded_elem(first)?;
        if !is_type_name(&embedded) {
            // `interface{ []int }` and the like: a type set.
            self.unsupported(embedded.pos, "generics");
        }
        elems.push(InterfaceElem::Embedded(*embedded));
        self.leave();
        Ok(())
    }

    /// After a method name: its signature, or `None` for an instantiated
    /// embedded interface `Name[A]`.
    fn method_signature(&mut self) -> PResult<Option<FuncType>> {
        if self.tok.tok == Tok::LBrack {
            let lbrack = self.tok.pos;
            self.next();
            if self.tok.tok == Tok::RBrack {
                let rbrack = self.tok.pos;
                self.next();
                let what = if self.tok.tok == Tok::LParen {
                    "parameter"
                } else {
                    "argument"
                };
                return Err(CompileError::new(rbrack, format!("empty type {what} list")));
            }
            let list = self.param_list(None, None, Tok::RBrack, false, false)?;
            if list.first().is_some_and(|p| p.name.is_some()) {
                let msg = "interface method must have no type parameters";
                return Err(CompileError::new(lbrack, msg));
            }
            // An instantiated embedded interface `Name[A]`.
            self.unsupported(lbrack, "generics");
            return Ok(None);
        }
        Ok(Some(self.func_type(self.tok.pos, "interface method")?))
    }

    /// `EmbeddedElem = EmbeddedTerm { "|" EmbeddedTerm }`, `first` already parsed.
    fn embedded_elem(&mut self, first: Option<BExpr>) -> PResult<BExpr> {
        let mut t = match first {
            Some(t) => t,
            None => self.embedded_term()?,
        };
        while self.tok.tok == Tok::Or {
            let op_pos = self.tok.pos;
            self.unsupported(op_pos, "generics");
            self.next();
            let y = self.embedded_term()?;
            t = self.mk(
                t.pos,
                ExprKind::Binary {
                    op: BinOp::Or,
                    op_pos,
                    x: t,
                    y,
                },
            );
        }
        Ok(t)
    }

    /// `EmbeddedTerm = [ "~" ] Type`.
    fn embedded_term(&mut self) -> PResult<BExpr> {
        if self.tok.tok == Tok::Tilde {
            let pos = self.tok.pos;
            self.unsupported(pos, "generics");
            self.next();
            self.type_()?;
            return Ok(self.placeholder(pos));
        }
        match self.type_or_nil()? {
            Some(t) => Ok(t),
            None => Err(self.syntax_error("expected ~ term or type")),
        }
    }

    /// After `func` (at `pos`) or at the `(` of a method: `[ TypeParams ]
    /// Parameters [ Result ]`. A non-empty `context` forbids type parameters.
    pub(super) fn func_type(&mut self, pos: Pos, context: &str) -> PResult<FuncType> {
        self.enter()?;
        let ft = self.func_type_inner(pos, context)?;
        self.leave();
        Ok(ft)
    }

    fn func_type_inner(&mut self, pos: Pos, context: &str) -> PResult<FuncType> {
        if self.tok.tok == Tok::LBrack {
            let lbrack = self.tok.pos;
            if !context.is_empty() {
                return Err(self
                    .syntax_error_at(lbrack, &format!("{context} must have no type parameters")));
            }
            self.unsupported(lbrack, "generics");
            self.next();
            if self.tok.tok == Tok::RBrack {
                return Err(self.syntax_error("empty type parameter list"));
            }
            self.param_list(None, None, Tok::RBrack, true, false)?;
        }
        self.want(Tok::LParen)?;
        let params = self.param_list(None, None, Tok::RParen, false, true)?;
        let results = self.func_result()?;
        Ok(FuncType {
            pos,
            params,
            results,
        })
    }

    /// `Result = Parameters | Type`.
    fn func_result(&mut self) -> PResult<Vec<Param>> {
        if self.got(Tok::LParen) {
            return self.param_list(None, None, Tok::RParen, false, false);
        }
        Ok(match self.type_or_nil()? {
            Some(ty) => vec![Param {
                name: None,
                ty: *ty,
                variadic: false,
            }],
            None => Vec::new(),
        })
    }

    /// gc's `paramDeclOrNil`: `[ name ] [ "..." ] Type`, or just a name
    /// (which may turn out to be a type). `follow` is the closing token;
    /// `]` means a type parameter list, where type sets may appear.
    fn param_decl(&mut self, name: Option<Ident>, follow: Tok) -> PResult<RawParam> {
        let type_sets_ok = follow == Tok::RBrack;
        let mut f = RawParam {
            name: None,
            ty: None,
            dots: None,
        };
        if name.is_none() && type_sets_ok && self.tok.tok == Tok::Tilde {
            f.ty = Some(self.embedded_elem(None)?);
            return Ok(f);
        }
        if self.tok.tok == Tok::Name || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name()?,
            };
            if self.tok.tok == Tok::LBrack {
                // name "[" ...
                match self.array_or_args()? {
                    ArrayOrArgs::Type(t) => {
                        f.name = Some(name);
                        f.ty = Some(t);
                    }
                    ArrayOrArgs::Args => f.ty = Some(self.name_expr(name)),
                }
                if type_sets_ok && self.tok.tok == Tok::Or {
                    f.ty = Some(self.embedded_elem(f.ty.take())?);
                }
                return Ok(f);
            }
            if self.tok.tok == Tok::Period {
                // name "." ...
                let t = self.qualified_name(Some(name))?;
                f.ty = Some(if type_sets_ok && self.tok.tok == Tok::Or {
                    self.embedded_elem(Some(t))?
                } else {
                    t
                });
                return Ok(f);
            }
            if type_sets_ok && self.tok.tok == Tok::Or {
                // name "|" ...
                let t = self.name_expr(name);
                f.ty = Some(self.embedded_elem(Some(t))?);
                return Ok(f);
            }
            f.name = Some(name);
        }
        if self.tok.tok == Tok::Ellipsis {
            // [name] "..." ...
            f.dots = Some(self.tok.pos);
            self.next();
            match self.type_or_nil()? {
                Some(t) => f.ty = Some(t),
                None => return Err(self.syntax_error("... is missing type")),
            }
            return Ok(f);
        }
        if type_sets_ok && self.tok.tok == Tok::Tilde {
            // [name] "~" ...
            f.ty = Some(self.embedded_elem(None)?);
            return Ok(f);
        }
        f.ty = self.type_or_nil()?;
        if type_sets_ok && self.tok.tok == Tok::Or {
            if let Some(t) = f.ty.take() {
                f.ty = Some(self.embedded_elem(Some(t))?);
            }
        }
        if f.name.is_some() || f.ty.is_some() {
            return Ok(f);
        }
        Err(self.syntax_error(&format!("expected {}", follow.expected_name())))
    }

    /// gc's `paramList`, after the opening `(` or `[`. `name` (and `ty`) may
    /// be an already parsed first parameter. Either every parameter has a
    /// name or none has: `a, b int` gives each name a clone of `int`, while
    /// `int, string` are types. `require_names` marks type parameters;
    /// `dddok` allows `...` on the last parameter.
    pub(super) fn param_list(
        &mut self,
        name: Option<Ident>,
        ty: Option<BExpr>,
        close: Tok,
        require_names: bool,
        dddok: bool,
    ) -> PResult<Vec<Param>> {
        if name.is_some() && ty.is_some() && self.tok.tok == close {
            self.next();
            let ty = ty.unwrap_or_else(|| self.placeholder(Pos::default()));
            return Ok(vec![Param {
                name,
                ty: *ty,
                variadic: false,
            }]);
        }

        let (list, end) = self.raw_params(name, ty, close)?;
        self.finish_params(list, end, require_names, dddok)
    }

    /// The parameters up to `close` as written, and the position of `close`.
    fn raw_params(
        &mut self,
        mut name: Option<Ident>,
        mut ty: Option<BExpr>,
        close: Tok,
    ) -> PResult<(Vec<RawParam>, Pos)> {
        let mut list: Vec<RawParam> = Vec::new();
        let end = self.list("parameter list", Tok::Comma, close, |p| {
            let par = match (name.take(), ty.take()) {
                (Some(n), Some(t)) => RawParam {
                    name: Some(n),
                    ty: Some(t),
                    dots: None,
                },
                (n, _) => {
                    p.enter()?;
                    let par = p.param_decl(n, close)?;
                    p.leave();
                    par
                }
            };
            list.push(par);
            Ok(false)
        })?;
        Ok((list, end))
    }

    /// Decides between names and types and checks `...` (see `param_list`).
    fn finish_params(
        &mut self,
        mut list: Vec<RawParam>,
        end: Pos,
        require_names: bool,
        dddok: bool,
    ) -> PResult<Vec<Param>> {
        // Parameters with an explicit name and type, and with a type.
        let named = list
            .iter()
            .filter(|p| p.name.is_some() && p.ty.is_some())
            .count();
        let typed = list.iter().filter(|p| p.ty.is_some()).count();
        if list.is_empty() {
            return Ok(Vec::new());
        }

        if named == 0 && !require_names {
            // All unnamed: the names found are type names.
            for par in &mut list {
                if let Some(n) = par.name.take() {
                    par.ty = Some(self.name_expr(n));
                }
            }
        } else if named != list.len() {
            // Some named: all must be. Hand types leftward to the names
            // before them, as in `a, b int`.
            let mut err_pos = None; // leftmost problem
            let mut src: Option<usize> = None; // the type to the right
            for i in (0..list.len()).rev() {
                if let Some(t) = &list[i].ty {
                    if list[i].name.is_none() {
                        let start = list[i].dots.unwrap_or(t.pos);
                        err_pos = Some(start);
                        list[i].name = Some(self.ident("_".into(), start));
                    }
                    src = Some(i);
                } else if let Some(s) = src {
                    list[i].ty = list[s].ty.clone();
                    list[i].dots = list[s].dots;
                } else {
                    err_pos = list[i].name.as_ref().map(|n| n.pos);
                }
            }
            if let Some(mut pos) = err_pos {
                let msg = if named == typed {
                    // Types missing at the end: report at the closing token.
                    pos = end;
                    if require_names {
                        "missing type constraint"
                    } else {
                        "missing parameter type"
                    }
                } else if require_names {
                    if list.len() == 1 {
                        "missing type parameter name or invalid array length"
                    } else {
                        "missing type parameter name"
                    }
                } else {
                    "missing parameter name"
                };
                return Err(self.syntax_error_at(pos, msg));
            }
        }

        for (i, par) in list.iter().enumerate() {
            if let Some(dots) = par.dots {
                if !dddok || i + 1 < list.len() {
                    let msg = if dddok {
                        "can only use ... with final parameter"
                    } else {
                        "invalid use of ..."
                    };
                    return Err(CompileError::new(dots, msg));
                }
            }
        }

        let mut params = Vec::with_capacity(list.len());
        for par in list {
            let ty = match par.ty {
                Some(t) => t,
                None => self.placeholder(Pos::default()),
            };
            params.push(Param {
                name: par.name,
                ty: *ty,
                variadic: par.dots.is_some(),
            });
        }
        Ok(params)
    }
}

fn push_field(fields: &mut Vec<FieldDecl>, pos: Pos, names: Vec<Ident>, ty: BExpr) {
    let embedded = names.is_empty();
    fields.push(FieldDecl {
        pos,
        names,
        ty: *ty,
        embedded,
    });
}

/// Whether `t` names a type (`T`, `pkg.T`, possibly parenthesized), as an
/// embedded interface must.
fn is_type_name(t: &Expr) -> bool {
    match &t.kind {
        ExprKind::Ident(_) => true,
        ExprKind::Selector(x, _) => matches!(x.kind, ExprKind::Ident(_)),
        ExprKind::Paren(x) => is_type_name(x),
        _ => false,
    }
}
