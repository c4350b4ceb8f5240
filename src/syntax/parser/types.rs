//! Types: named and qualified types, pointer, array, slice, map, function,
//! struct and interface types (signatures are in `params.rs`).
//!
//! Channel types, type parameters, type arguments and type-set elements
//! (`~T`, `A | B`) are parsed as gc does, then reported as unsupported.

use super::{BExpr, PResult, Parser};
use crate::diag::CompileError;
use crate::syntax::ast::{
    ArrayLen, BinOp, ChanDir, Expr, ExprKind, FieldDecl, FuncType, Ident, InterfaceElem, Pos,
};
use crate::syntax::token::Tok;

/// What `[` after a name starts: an array or slice type, or type arguments.
pub(super) enum ArrayOrArgs {
    Type(BExpr),
    /// Type arguments: `name[A, B]` is an instance of a generic type.
    Args(Vec<Expr>),
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
        let dir = if self.got(Tok::Arrow) {
            self.want(Tok::Chan)?;
            ChanDir::Recv
        } else {
            self.next();
            if self.got(Tok::Arrow) {
                ChanDir::Send
            } else {
                ChanDir::Both
            }
        };
        let elem = self.chan_elem()?;
        Ok(self.mk(pos, ExprKind::ChanType(dir, elem)))
    }

    fn func_type_expr(&mut self) -> PResult<BExpr> {
        let pos = self.tok.pos;
        self.next();
        let ft = self.func_type(pos, "function type")?;
        Ok(self.mk(pos, ExprKind::FuncType(Box::new(ft))))
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
            let args = self.type_instance()?;
            x = self.mk(x.pos, ExprKind::Instance(x, args));
        }
        Ok(x)
    }

    /// `[ T1, T2 ]` after a type name: an instantiation.
    fn type_instance(&mut self) -> PResult<Vec<Expr>> {
        self.want(Tok::LBrack)?;
        if self.tok.tok == Tok::RBrack {
            return Err(self.syntax_error("expected type argument list"));
        }
        let (list, _) = self.type_list(true)?;
        self.want(Tok::RBrack)?;
        Ok(list)
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
    pub(super) fn array_or_args(&mut self) -> PResult<ArrayOrArgs> {
        let pos = self.tok.pos;
        self.want(Tok::LBrack)?;
        if self.got(Tok::RBrack) {
            return Ok(ArrayOrArgs::Type(self.slice_type(pos)?));
        }
        let (mut list, comma) = self.type_list(false)?;
        self.want(Tok::RBrack)?;
        if !comma {
            if let Some(elem) = self.type_or_nil()? {
                let len = ArrayLen::Expr(Box::new(list.remove(0)));
                return Ok(ArrayOrArgs::Type(
                    self.mk(pos, ExprKind::ArrayType { len, elem }),
                ));
            }
        }
        Ok(ArrayOrArgs::Args(list))
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
                // An embedded instance of a generic type, `T[A]`.
                ArrayOrArgs::Args(args) => {
                    let name = names.into_iter().next().expect("one name");
                    let x = self.name_expr(name);
                    Ok((Vec::new(), self.mk(pos, ExprKind::Instance(x, args))))
                }
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
                match self.method_signature()? {
                    Ok(ty) => {
                        elems.push(InterfaceElem::Method { name, ty });
                        self.leave();
                        return Ok(());
                    }
                    Err(args) => {
                        let pos = name.pos;
                        let x = self.name_expr(name);
                        first = Some(self.mk(pos, ExprKind::Instance(x, args)));
                    }
                }
            } else {
                first = Some(self.qualified_name(Some(name))?);
            }
        }
        let embedded = self.embedded_elem(first)?;
        elems.push(InterfaceElem::Embedded(*embedded));
        self.leave();
        Ok(())
    }

    /// After a method name: its signature, or the type arguments of an
    /// instantiated embedded interface `Name[A]`.
    fn method_signature(&mut self) -> PResult<Result<FuncType, Vec<Expr>>> {
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
            return Ok(Err(list.into_iter().map(|p| p.ty).collect()));
        }
        Ok(Ok(self.func_type(self.tok.pos, "interface method")?))
    }

    /// `EmbeddedElem = EmbeddedTerm { "|" EmbeddedTerm }`, `first` already parsed.
    pub(super) fn embedded_elem(&mut self, first: Option<BExpr>) -> PResult<BExpr> {
        let mut t = match first {
            Some(t) => t,
            None => self.embedded_term()?,
        };
        while self.tok.tok == Tok::Or {
            let op_pos = self.tok.pos;
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
            self.next();
            let t = self.type_()?;
            return Ok(self.mk(pos, ExprKind::Tilde(t)));
        }
        match self.type_or_nil()? {
            Some(t) => Ok(t),
            None => Err(self.syntax_error("expected ~ term or type")),
        }
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
