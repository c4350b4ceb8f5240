//! Expressions: binary operators by precedence, unary operators, operands
//! and primary expressions (selectors, index and slice, type assertions,
//! calls, composite literals), including gc's rule for when `{` after an
//! operand starts a composite literal rather than a block.

use super::{PResult, Parser};
use crate::syntax::ast::{Element, Expr, ExprKind, Pos, UnOp};
use crate::syntax::token::{LitValue, Tok};

impl Parser<'_> {
    pub(super) fn expr(&mut self) -> PResult<Expr> {
        self.binary_expr(None, 0)
    }

    /// `ExpressionList = Expression { "," Expression }`.
    pub(super) fn expr_list(&mut self) -> PResult<Vec<Expr>> {
        let mut list = vec![self.expr()?];
        while self.got(Tok::Comma) {
            list.push(self.expr()?);
        }
        Ok(list)
    }

    /// Operators binding tighter than `prec`, after the operand `x` if given.
    pub(super) fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> PResult<Expr> {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr()?,
        };
        while let Some((op, oprec)) = self.tok.tok.binary_op() {
            if oprec <= prec {
                break;
            }
            let op_pos = self.tok.pos;
            self.next();
            let y = self.binary_expr(None, oprec)?;
            x = self.mk(
                x.pos,
                ExprKind::Binary {
                    op,
                    op_pos,
                    x: Box::new(x),
                    y: Box::new(y),
                },
            );
        }
        Ok(x)
    }

    /// `UnaryExpr = PrimaryExpr | unary_op UnaryExpr`.
    pub(super) fn unary_expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let x = self.unary_expr_inner()?;
        self.leave();
        Ok(x)
    }

    fn unary_expr_inner(&mut self) -> PResult<Expr> {
        let pos = self.tok.pos;
        let op = match self.tok.tok {
            Tok::Mul => {
                self.next();
                let x = self.unary_expr()?;
                return Ok(self.mk(pos, ExprKind::Star(Box::new(x))));
            }
            Tok::Add => UnOp::Pos,
            Tok::Sub => UnOp::Neg,
            Tok::Not => UnOp::Not,
            Tok::Xor => UnOp::BitNot,
            Tok::And => UnOp::Addr,
            Tok::Tilde => {
                let msg = "cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)";
                self.defer(crate::diag::CompileError::new(pos, msg));
                UnOp::BitNot
            }
            Tok::Arrow => {
                // A receive, or a receive-only channel type.
                self.unsupported(pos, "channels");
                self.next();
                return self.unary_expr();
            }
            _ => return self.pexpr(None),
        };
        self.next();
        let mut x = self.unary_expr()?;
        if op == UnOp::Addr {
            // As gc does, `&(T{})` is `&T{}`.
            x = super::unparen(x);
        }
        Ok(self.mk(pos, ExprKind::Unary(op, Box::new(x))))
    }

    /// `Operand = Literal | OperandName | "(" Expression ")"`, plus types
    /// (for conversions and composite literals) and function literals.
    fn operand(&mut self) -> PResult<Expr> {
        let pos = self.tok.pos;
        match self.tok.tok {
            Tok::Name => {
                let n = self.name()?;
                Ok(self.name_expr(n))
            }
            Tok::Int | Tok::Float | Tok::Imag | Tok::Rune | Tok::Str => {
                let lit = std::mem::take(&mut self.tok.lit);
                let kind = match (self.tok.tok, std::mem::take(&mut self.tok.value)) {
                    (Tok::Int, _) => ExprKind::IntLit(lit),
                    (Tok::Rune, LitValue::Rune(r)) => ExprKind::RuneLit(r),
                    (Tok::Str, LitValue::Str(s)) => ExprKind::StrLit(s),
                    // Imaginary literals were reported by the lexer.
                    _ => ExprKind::FloatLit(lit),
                };
                self.next();
                Ok(self.mk(pos, kind))
            }
            Tok::LParen => {
                self.next();
                self.xnest += 1;
                let x = self.expr()?;
                self.xnest -= 1;
                self.want(Tok::RParen)?;
                Ok(self.mk(pos, ExprKind::Paren(Box::new(x))))
            }
            Tok::Func => {
                self.next();
                let ty = self.func_type(pos, "function type")?;
                if self.tok.tok == Tok::LBrace {
                    self.xnest += 1;
                    let body = self.func_body()?;
                    self.xnest -= 1;
                    return Ok(self.mk(pos, ExprKind::FuncLit { ty, body }));
                }
                Ok(self.mk(pos, ExprKind::FuncType(ty)))
            }
            Tok::LBrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => self.type_(),
            _ => Err(self.syntax_error("expected expression")),
        }
    }

    /// `PrimaryExpr`: an operand (or `x`) followed by selectors, indices,
    /// slices, type assertions, calls and composite literal values.
    pub(super) fn pexpr(&mut self, x: Option<Expr>) -> PResult<Expr> {
        let mut x = match x {
            Some(x) => x,
            None => self.operand()?,
        };
        loop {
            let pos = self.tok.pos;
            match self.tok.tok {
                Tok::Period => {
                    self.next();
                    match self.tok.tok {
                        Tok::Name => {
                            let sel = self.name()?;
                            x = self.mk(x.pos, ExprKind::Selector(Box::new(x), sel));
                        }
                        Tok::LParen => {
                            self.next();
                            let ty = if self.got(Tok::Type) {
                                self.guards.push(x.pos);
                                None
                            } else {
                                Some(Box::new(self.type_()?))
                            };
                            self.want(Tok::RParen)?;
                            x = self.mk(x.pos, ExprKind::TypeAssert(Box::new(x), ty));
                        }
                        _ => return Err(self.syntax_error("expected name or (")),
                    }
                }
                Tok::LBrack => x = self.index_or_slice(x, pos)?,
                Tok::LParen => {
                    self.next();
                    let (args, ellipsis, rparen) = self.arg_list()?;
                    x = self.mk(
                        x.pos,
                        ExprKind::Call {
                            fun: Box::new(x),
                            args,
                            ellipsis,
                            rparen,
                        },
                    );
                }
                Tok::LBrace => {
                    // Does `{` open a composite literal or a block?
                    let t = unparen(&x);
                    let complit_ok = match &t.kind {
                        ExprKind::Ident(_) | ExprKind::Selector(..) => self.xnest >= 0,
                        ExprKind::Index(..) => self.xnest >= 0 && !is_value(t),
                        ExprKind::ArrayType { .. }
                        | ExprKind::StructType(_)
                        | ExprKind::MapType(..) => true,
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if !std::ptr::eq(t, &x) {
                        return Err(
                            self.syntax_error("cannot parenthesize type in composite literal")
                        );
                    }
                    x = self.complit(Some(x))?;
                }
                _ => break,
            }
        }
        Ok(x)
    }

    /// After `x`, at `[` (`pos`): `x[i]`, `x[lo:hi]` or `x[lo:hi:max]`.
    fn index_or_slice(&mut self, x: Expr, pos: Pos) -> PResult<Expr> {
        self.next();
        let mut lo = None;
        if self.tok.tok != Tok::Colon {
            if self.tok.tok == Tok::RBrack {
                return Err(self.syntax_error("expected operand"));
            }
            let (i, comma) = self.type_list(false)?;
            if comma || self.tok.tok == Tok::RBrack {
                self.want(Tok::RBrack)?;
                if comma {
                    // x[A, B]: an instantiation with several type arguments.
                    self.unsupported(pos, "generics");
                }
                return Ok(self.mk(x.pos, ExprKind::Index(Box::new(x), Box::new(i))));
            }
            lo = Some(Box::new(i));
        }
        if !self.got(Tok::Colon) {
            return Err(self.syntax_error("expected comma, : or ]"));
        }
        self.xnest += 1;
        let mut hi = None;
        let mut max = None;
        if self.tok.tok != Tok::Colon && self.tok.tok != Tok::RBrack {
            hi = Some(Box::new(self.expr()?));
        }
        if self.tok.tok == Tok::Colon {
            if hi.is_none() {
                return Err(crate::diag::CompileError::new(
                    self.tok.pos,
                    "middle index required in 3-index slice",
                ));
            }
            self.next();
            if self.tok.tok == Tok::RBrack {
                return Err(crate::diag::CompileError::new(
                    self.tok.pos,
                    "final index required in 3-index slice",
                ));
            }
            max = Some(Box::new(self.expr()?));
        }
        self.xnest -= 1;
        self.want(Tok::RBrack)?;
        Ok(self.mk(
            x.pos,
            ExprKind::Slice {
                x: Box::new(x),
                lo,
                hi,
                max,
            },
        ))
    }

    /// After `(`: arguments, the position of a final `...`, and of `)`.
    fn arg_list(&mut self) -> PResult<(Vec<Expr>, Option<Pos>, Pos)> {
        let mut args = Vec::new();
        let mut ellipsis = None;
        self.xnest += 1;
        let rparen = self.list("argument list", Tok::Comma, Tok::RParen, |p| {
            args.push(p.expr()?);
            if p.tok.tok == Tok::Ellipsis {
                ellipsis = Some(p.tok.pos);
                p.next();
                return Ok(true);
            }
            Ok(false)
        })?;
        self.xnest -= 1;
        Ok((args, ellipsis, rparen))
    }

    /// gc's `typeList`: `arg { "," type } [ "," ]`; the first element may be
    /// any expression unless `strict`. Returns it and whether a comma
    /// followed; further elements only occur in instantiations, which are
    /// reported as unsupported by the callers, so they are dropped.
    pub(super) fn type_list(&mut self, strict: bool) -> PResult<(Expr, bool)> {
        self.xnest += 1;
        let x = if strict { self.type_()? } else { self.expr()? };
        let mut comma = false;
        if self.got(Tok::Comma) {
            comma = true;
            if self.type_or_nil()?.is_some() {
                while self.got(Tok::Comma) {
                    if self.type_or_nil()?.is_none() {
                        break;
                    }
                }
            }
        }
        self.xnest -= 1;
        Ok((x, comma))
    }

    /// `LiteralValue = "{" [ ElementList [ "," ] ] "}"` after the type `ty`,
    /// or with `ty` elided inside an enclosing literal.
    fn complit(&mut self, ty: Option<Expr>) -> PResult<Expr> {
        self.enter()?;
        let lbrace = self.tok.pos;
        self.xnest += 1;
        self.want(Tok::LBrace)?;
        let mut elts = Vec::new();
        let rbrace = self.list("composite literal", Tok::Comma, Tok::RBrace, |p| {
            let e = p.element()?;
            if p.got(Tok::Colon) {
                let value = p.element()?;
                elts.push(Element {
                    key: Some(e),
                    value,
                });
            } else {
                elts.push(Element {
                    key: None,
                    value: e,
                });
            }
            Ok(false)
        })?;
        self.xnest -= 1;
        self.leave();
        let pos = ty.as_ref().map_or(lbrace, |t| t.pos);
        Ok(self.mk(
            pos,
            ExprKind::CompositeLit {
                ty: ty.map(Box::new),
                elts,
                lbrace,
                rbrace,
            },
        ))
    }

    /// `Element = Expression | LiteralValue`.
    fn element(&mut self) -> PResult<Expr> {
        if self.tok.tok == Tok::LBrace {
            return self.complit(None);
        }
        self.expr()
    }
}

fn unparen(mut x: &Expr) -> &Expr {
    while let ExprKind::Paren(inner) = &x.kind {
        x = inner;
    }
    x
}

/// gc's `isValue`: whether `x` can only be a value, not a type.
fn is_value(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::IntLit(_)
        | ExprKind::FloatLit(_)
        | ExprKind::RuneLit(_)
        | ExprKind::StrLit(_)
        | ExprKind::CompositeLit { .. }
        | ExprKind::FuncLit { .. }
        | ExprKind::Slice { .. }
        | ExprKind::TypeAssert(..)
        | ExprKind::Call { .. } => true,
        ExprKind::Unary(..) | ExprKind::Binary { .. } => true,
        // `*T` may be a type.
        ExprKind::Star(_) => false,
        ExprKind::Paren(x) => is_value(x),
        ExprKind::Index(x, i) => is_value(x) || is_value(i),
        _ => false,
    }
}
