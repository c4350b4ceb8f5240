//! Expressions: binary operators by precedence, unary operators, operands
//! and primary expressions (selectors, index and slice, type assertions,
//! calls, composite literals), including gc's rule for when `{` after an
//! operand starts a composite literal rather than a block.
//!
//! The functions on the recursive paths return boxed nodes and leave the
//! building of each node to a small helper: unoptimized builds give every
//! temporary its own stack slot, and this keeps each nesting level cheap
//! (see `MAX_DEPTH`).

use super::{BExpr, PResult, Parser};
use crate::diag::CompileError;
use crate::syntax::ast::{BinOp, ChanDir, Element, Expr, ExprKind, Pos, UnOp};
use crate::syntax::token::{LitValue, Tok};

impl Parser<'_> {
    pub(super) fn expr(&mut self) -> PResult<BExpr> {
        self.binary_expr(None, 0)
    }

    /// `ExpressionList = Expression { "," Expression }`.
    pub(super) fn expr_list(&mut self) -> PResult<Vec<Expr>> {
        let mut list = Vec::new();
        loop {
            list.push(*self.expr()?);
            if !self.got(Tok::Comma) {
                return Ok(list);
            }
        }
    }

    /// Operators binding tighter than `prec`, after the operand `x` if given.
    pub(super) fn binary_expr(&mut self, x: Option<BExpr>, prec: u8) -> PResult<BExpr> {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr()?,
        };
        // Each operator nests the tree one level deeper, whether through
        // the right operand or by extending a left-associative chain: both
        // count towards `MAX_DEPTH`, which also bounds later passes.
        let mut chain = 0;
        while let Some((op, oprec)) = self.tok.tok.binary_op() {
            if oprec <= prec {
                break;
            }
            self.enter()?;
            chain += 1;
            let op_pos = self.tok.pos;
            self.next();
            let y = self.binary_expr(None, oprec)?;
            x = self.binary(x, op, op_pos, y);
        }
        self.depth = self.depth.saturating_sub(chain);
        Ok(x)
    }

    fn binary(&mut self, x: BExpr, op: BinOp, op_pos: Pos, y: BExpr) -> BExpr {
        self.mk(x.pos, ExprKind::Binary { op, op_pos, x, y })
    }

    /// `UnaryExpr = PrimaryExpr | unary_op UnaryExpr`.
    pub(super) fn unary_expr(&mut self) -> PResult<BExpr> {
        self.enter()?;
        let op = match self.tok.tok {
            Tok::Mul => None,
            Tok::Add => Some(UnOp::Pos),
            Tok::Sub => Some(UnOp::Neg),
            Tok::Not => Some(UnOp::Not),
            Tok::Xor => Some(UnOp::BitNot),
            Tok::And => Some(UnOp::Addr),
            Tok::Tilde => {
                let msg = "cannot use ~ outside of interface or type constraint \
                           (use ^ for bitwise complement)";
                self.defer(CompileError::new(self.tok.pos, msg));
                Some(UnOp::BitNot)
            }
            Tok::Arrow => {
                // A receive, or a receive-only channel type (`<-chan T`,
                // parsed as `<-` before the type `chan T`, as gc does).
                let pos = self.tok.pos;
                self.next();
                let x = self.unary_expr()?;
                self.leave();
                if let ExprKind::ChanType(dir, _) = &x.kind {
                    if *dir == ChanDir::Send {
                        return Err(CompileError::new(
                            x.pos,
                            "syntax error: unexpected <-, expected chan",
                        ));
                    }
                    let ExprKind::ChanType(_, elem) = x.kind else {
                        unreachable!()
                    };
                    return Ok(self.mk(pos, ExprKind::ChanType(ChanDir::Recv, elem)));
                }
                return Ok(self.mk(pos, ExprKind::Unary(UnOp::Recv, x)));
            }
            _ => {
                let x = self.pexpr(None);
                self.leave();
                return x;
            }
        };
        let pos = self.tok.pos;
        self.next();
        let x = self.unary_expr()?;
        self.leave();
        Ok(self.unary(pos, op, x))
    }

    /// `op x`, or `*x` for no `op`.
    fn unary(&mut self, pos: Pos, op: Option<UnOp>, x: BExpr) -> BExpr {
        match op {
            None => self.mk(pos, ExprKind::Star(x)),
            // As gc does, `&(T{})` is `&T{}`.
            Some(UnOp::Addr) => self.mk(pos, ExprKind::Unary(UnOp::Addr, super::unparen(x))),
            Some(op) => self.mk(pos, ExprKind::Unary(op, x)),
        }
    }

    /// `Operand = Literal | OperandName | "(" Expression ")"`, plus types
    /// (for conversions and composite literals) and function literals.
    fn operand(&mut self) -> PResult<BExpr> {
        match self.tok.tok {
            Tok::Name => {
                let n = self.name()?;
                Ok(self.name_expr(n))
            }
            Tok::Int | Tok::Float | Tok::Imag | Tok::Rune | Tok::Str => Ok(self.literal()),
            Tok::LParen => self.paren_expr(),
            Tok::Func => self.func_lit_or_type(),
            Tok::LBrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => self.type_(),
            _ => Err(self.syntax_error("expected expression")),
        }
    }

    /// The current literal token as an expression.
    fn literal(&mut self) -> BExpr {
        let pos = self.tok.pos;
        let lit = std::mem::take(&mut self.tok.lit);
        let kind = match (self.tok.tok, std::mem::take(&mut self.tok.value)) {
            (Tok::Int, _) => ExprKind::IntLit(lit),
            (Tok::Rune, LitValue::Rune(r)) => ExprKind::RuneLit(r),
            (Tok::Str, LitValue::Str(s)) => ExprKind::StrLit(s),
            (Tok::Imag, _) => ExprKind::ImagLit(lit),
            _ => ExprKind::FloatLit(lit),
        };
        self.next();
        self.mk(pos, kind)
    }

    /// `( expr )`; the parentheses are kept, as in go/ast.
    fn paren_expr(&mut self) -> PResult<BExpr> {
        let pos = self.tok.pos;
        self.next();
        self.xnest += 1;
        let x = self.expr()?;
        self.xnest -= 1;
        self.want(Tok::RParen)?;
        Ok(self.mk(pos, ExprKind::Paren(x)))
    }

    /// At `func`: a function literal, or a function type.
    fn func_lit_or_type(&mut self) -> PResult<BExpr> {
        let pos = self.tok.pos;
        self.next();
        let ty = self.func_type(pos, "function type")?;
        if self.tok.tok != Tok::LBrace {
            return Ok(self.mk(pos, ExprKind::FuncType(Box::new(ty))));
        }
        self.enter()?;
        self.xnest += 1;
        let body = self.func_body()?;
        self.xnest -= 1;
        self.leave();
        Ok(self.mk(
            pos,
            ExprKind::FuncLit {
                ty: Box::new(ty),
                body,
            },
        ))
    }

    /// `PrimaryExpr`: an operand (or `x`) followed by selectors, indices,
    /// slices, type assertions, calls and composite literal values.
    pub(super) fn pexpr(&mut self, x: Option<BExpr>) -> PResult<BExpr> {
        let x = match x {
            Some(x) => x,
            None => self.operand()?,
        };
        self.postfix(x)
    }

    fn postfix(&mut self, mut x: BExpr) -> PResult<BExpr> {
        // Like a chain of binary operators, each suffix nests one level.
        let mut chain = 0;
        loop {
            if matches!(
                self.tok.tok,
                Tok::Period | Tok::LBrack | Tok::LParen | Tok::LBrace
            ) {
                self.enter()?;
                chain += 1;
            }
            x = match self.tok.tok {
                Tok::Period => self.selector_or_assert(x)?,
                Tok::LBrack => self.index_or_slice(x)?,
                Tok::LParen => self.call(x)?,
                Tok::LBrace if self.complit_ok(&x) => {
                    if let ExprKind::Paren(_) = x.kind {
                        let msg = "cannot parenthesize type in composite literal";
                        return Err(self.syntax_error(msg));
                    }
                    self.complit(Some(x))?
                }
                _ => {
                    self.depth = self.depth.saturating_sub(chain);
                    return Ok(x);
                }
            }
        }
    }

    /// Whether `{` after `x` opens a composite literal rather than a block:
    /// after a type literal always, after a name only outside control
    /// clause headers (or inside parentheses there).
    fn complit_ok(&self, x: &Expr) -> bool {
        let t = unparen_ref(x);
        match &t.kind {
            ExprKind::Ident(_) | ExprKind::Selector(..) => self.xnest >= 0,
            ExprKind::Index(..) | ExprKind::Instance(..) => self.xnest >= 0 && !is_value(t),
            ExprKind::ArrayType { .. } | ExprKind::StructType(_) | ExprKind::MapType(..) => true,
            _ => false,
        }
    }

    /// After `x`, at `.`: `x.name`, `x.(T)` or `x.(type)`.
    fn selector_or_assert(&mut self, x: BExpr) -> PResult<BExpr> {
        self.next();
        match self.tok.tok {
            Tok::Name => {
                let sel = self.name()?;
                Ok(self.mk(x.pos, ExprKind::Selector(x, sel)))
            }
            Tok::LParen => {
                self.next();
                let ty = if self.got(Tok::Type) {
                    self.guards.push(x.pos);
                    None
                } else {
                    Some(self.type_()?)
                };
                self.want(Tok::RParen)?;
                Ok(self.mk(x.pos, ExprKind::TypeAssert(x, ty)))
            }
            _ => Err(self.syntax_error("expected name or (")),
        }
    }

    /// After `x`, at `[`: `x[i]`, `x[lo:hi]` or `x[lo:hi:max]`.
    fn index_or_slice(&mut self, x: BExpr) -> PResult<BExpr> {
        self.next();
        let mut lo = None;
        if self.tok.tok != Tok::Colon {
            if self.tok.tok == Tok::RBrack {
                return Err(self.syntax_error("expected operand"));
            }
            let (mut list, comma) = self.type_list(false)?;
            if comma || self.tok.tok == Tok::RBrack {
                self.want(Tok::RBrack)?;
                if comma {
                    // x[A, B]: an instantiation with several type arguments.
                    return Ok(self.mk(x.pos, ExprKind::Instance(x, list)));
                }
                let i = Box::new(list.remove(0));
                return Ok(self.mk(x.pos, ExprKind::Index(x, i)));
            }
            lo = Some(Box::new(list.remove(0)));
        }
        if !self.got(Tok::Colon) {
            return Err(self.syntax_error("expected comma, : or ]"));
        }
        self.xnest += 1;
        let mut hi = None;
        let mut max = None;
        if self.tok.tok != Tok::Colon && self.tok.tok != Tok::RBrack {
            hi = Some(self.expr()?);
        }
        if self.tok.tok == Tok::Colon {
            if hi.is_none() {
                let msg = "middle index required in 3-index slice";
                return Err(CompileError::new(self.tok.pos, msg));
            }
            self.next();
            if self.tok.tok == Tok::RBrack {
                let msg = "final index required in 3-index slice";
                return Err(CompileError::new(self.tok.pos, msg));
            }
            max = Some(self.expr()?);
        }
        self.xnest -= 1;
        self.want(Tok::RBrack)?;
        Ok(self.mk(x.pos, ExprKind::Slice { x, lo, hi, max }))
    }

    /// After `x`, at `(`: a call (or conversion) with its arguments.
    fn call(&mut self, fun: BExpr) -> PResult<BExpr> {
        let lparen = self.tok.pos;
        self.next();
        let mut args = Vec::new();
        let mut ellipsis = None;
        self.xnest += 1;
        let rparen = self.list("argument list", Tok::Comma, Tok::RParen, |p| {
            args.push(*p.expr()?);
            if p.tok.tok == Tok::Ellipsis {
                ellipsis = Some(p.tok.pos);
                p.next();
                return Ok(true);
            }
            Ok(false)
        })?;
        self.xnest -= 1;
        let pos = fun.pos;
        Ok(self.mk(
            pos,
            ExprKind::Call {
                fun,
                args,
                ellipsis,
                lparen,
                rparen,
            },
        ))
    }

    /// gc's `typeList`: `arg { "," type } [ "," ]`; the first element may be
    /// any expression unless `strict`. Returns it and whether a comma
    /// followed; further elements only occur in instantiations, which are
    /// reported as unsupported by the callers, so they are dropped.
    pub(super) fn type_list(&mut self, strict: bool) -> PResult<(Vec<Expr>, bool)> {
        self.xnest += 1;
        let x = if strict { self.type_()? } else { self.expr()? };
        let mut list = vec![*x];
        let mut comma = false;
        if self.got(Tok::Comma) {
            comma = true;
            if let Some(t) = self.type_or_nil()? {
                list.push(*t);
                while self.got(Tok::Comma) {
                    match self.type_or_nil()? {
                        Some(t) => list.push(*t),
                        None => break,
                    }
                }
            }
        }
        self.xnest -= 1;
        Ok((list, comma))
    }

    /// `LiteralValue = "{" [ ElementList [ "," ] ] "}"` after the type `ty`,
    /// or with `ty` elided inside an enclosing literal.
    fn complit(&mut self, ty: Option<BExpr>) -> PResult<BExpr> {
        self.enter()?;
        let lbrace = self.tok.pos;
        self.xnest += 1;
        self.want(Tok::LBrace)?;
        let mut elts = Vec::new();
        let rbrace = self.list("composite literal", Tok::Comma, Tok::RBrace, |p| {
            let e = p.element()?;
            let elt = if p.got(Tok::Colon) {
                Element {
                    key: Some(e),
                    value: *p.element()?,
                }
            } else {
                Element {
                    key: None,
                    value: *e,
                }
            };
            elts.push(elt);
            Ok(false)
        })?;
        self.xnest -= 1;
        self.leave();
        let pos = ty.as_ref().map_or(lbrace, |t| t.pos);
        Ok(self.mk(
            pos,
            ExprKind::CompositeLit {
                ty,
                elts,
                lbrace,
                rbrace,
            },
        ))
    }

    /// `Element = Expression | LiteralValue`.
    fn element(&mut self) -> PResult<BExpr> {
        if self.tok.tok == Tok::LBrace {
            return self.complit(None);
        }
        self.expr()
    }
}

fn unparen_ref(mut x: &Expr) -> &Expr {
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
        | ExprKind::ImagLit(_)
        | ExprKind::RuneLit(_)
        | ExprKind::StrLit(_)
        | ExprKind::CompositeLit { .. }
        | ExprKind::FuncLit { .. }
        | ExprKind::Slice { .. }
        | ExprKind::TypeAssert(..)
        | ExprKind::Call { .. }
        | ExprKind::Unary(..)
        | ExprKind::Binary { .. } => true,
        ExprKind::Paren(x) => is_value(x),
        ExprKind::Index(x, i) => is_value(x) || is_value(i),
        ExprKind::Instance(x, args) => is_value(x) || args.iter().any(is_value),
        // `*T` may be a type.
        _ => false,
    }
}
