//! Statements: the statement dispatcher, blocks, simple statements
//! (expressions, assignments, `++`/`--`), labels, branches, `return`;
//! `control.rs` has the control clauses (`if`, `for`, `switch`).
//!
//! `go`, `defer` and sends are parsed, then reported as
//! unsupported. As in `expr.rs`, the dispatcher on the recursive path
//! leaves each statement form to its own function, to keep frames small.

use super::{BExpr, PResult, Parser};
use crate::diag::CompileError;
use crate::syntax::ast::{AssignOp, Block, Expr, ExprKind, Ident, Pos, Stmt, StmtKind};
use crate::syntax::token::Tok;

/// Statements travel boxed through the parser, as expressions do.
pub(super) type BStmt = Box<Stmt>;

/// What `simple_stmt` found.
pub(super) enum Simple {
    /// An ordinary simple statement and gc's position for it (the operator
    /// of an assignment or `++`/`--`), where errors about it go.
    Stmt(BStmt, Pos),
    /// `[lhs (= | :=)] range x`, only in a `for` header.
    Range {
        lhs: Vec<Expr>,
        define: bool,
        x: BExpr,
    },
    /// `v := x.(type)`, only in a `switch` header; `x` is the operand.
    Guard { bind: Ident, x: BExpr, pos: Pos },
}

/// Whether a statement starts with `tok` (where gc's `stmtOrNil` would not
/// return nil).
pub(super) fn starts_stmt(tok: Tok) -> bool {
    use Tok::*;
    matches!(
        tok,
        Name | Var
            | Const
            | Type
            | LBrace
            | Mul
            | Add
            | Sub
            | And
            | Xor
            | Not
            | Int
            | Float
            | Imag
            | Rune
            | Str
            | Func
            | LParen
            | LBrack
            | Struct
            | Map
            | Chan
            | Interface
            | Arrow
            | For
            | Switch
            | Select
            | If
            | Fallthrough
            | Break
            | Continue
            | Go
            | Defer
            | Goto
            | Return
            | Semi
    )
}

impl Parser<'_> {
    /// A function body (at `{`), with gc's checks of its branches.
    pub(super) fn func_body(&mut self) -> PResult<Block> {
        let body = self.block("")?;
        match super::branches::check(&body) {
            Some(e) => Err(e),
            None => Ok(body),
        }
    }

    /// `Block = "{" StatementList "}"`; `context` names what the block
    /// follows, for the error when `{` is missing.
    pub(super) fn block(&mut self, context: &str) -> PResult<Block> {
        let lbrace = self.tok.pos;
        if !self.got(Tok::LBrace) {
            return Err(self.syntax_error(&format!("expected {{ after {context}")));
        }
        let stmts = self.stmt_list()?;
        let rbrace = self.tok.pos;
        self.want(Tok::RBrace)?;
        Ok(Block {
            lbrace,
            stmts,
            rbrace,
        })
    }

    /// `StatementList = { Statement ";" }`, up to `}`, `case`, `default`
    /// or anything else that cannot start a statement.
    pub(super) fn stmt_list(&mut self) -> PResult<Vec<Stmt>> {
        let mut list = Vec::new();
        while !matches!(
            self.tok.tok,
            Tok::Eof | Tok::RBrace | Tok::Case | Tok::Default
        ) && starts_stmt(self.tok.tok)
        {
            let s = self.stmt()?;
            push_stmt(&mut list, s);
            // ";" is optional before "}"
            if !self.got(Tok::Semi) && self.tok.tok != Tok::RBrace {
                return Err(self.syntax_error("at end of statement"));
            }
        }
        Ok(list)
    }

    /// A statement; the current token must start one (`starts_stmt`).
    pub(super) fn stmt(&mut self) -> PResult<BStmt> {
        self.enter()?;
        let s = match self.tok.tok {
            Tok::Name => self.name_stmt(),
            Tok::Var | Tok::Const | Tok::Type => self.decl_stmt(),
            Tok::LBrace => self.block_stmt(),
            Tok::For => self.for_stmt(),
            Tok::Switch => self.switch_stmt(),
            Tok::Select => self.select_stmt(),
            Tok::If => self.if_stmt(),
            Tok::Fallthrough | Tok::Break | Tok::Continue | Tok::Goto => self.branch_stmt(),
            Tok::Go | Tok::Defer => self.call_stmt(),
            Tok::Return => self.return_stmt(),
            Tok::Semi => Ok(node(self.tok.pos, StmtKind::Empty)),
            _ => self.simple_alone(),
        };
        self.leave();
        s
    }

    /// A statement starting with a name: labeled or simple.
    fn name_stmt(&mut self) -> PResult<BStmt> {
        let lhs = self.expr_list()?;
        if let Some(label) = as_label(&lhs, self.tok.tok) {
            return self.labeled_stmt(label);
        }
        let s = self.simple_stmt(Some(lhs), None)?;
        Ok(self.simple_to_stmt(s))
    }

    fn simple_alone(&mut self) -> PResult<BStmt> {
        let s = self.simple_stmt(None, None)?;
        Ok(self.simple_to_stmt(s))
    }

    fn decl_stmt(&mut self) -> PResult<BStmt> {
        let pos = self.tok.pos;
        let d = self.decl()?;
        Ok(node(pos, StmtKind::Decl(Box::new(d))))
    }

    pub(super) fn block_stmt(&mut self) -> PResult<BStmt> {
        let pos = self.tok.pos;
        let b = self.block("")?;
        Ok(node(pos, StmtKind::Block(b)))
    }

    /// `fallthrough`, `break [label]`, `continue [label]`, `goto label`.
    fn branch_stmt(&mut self) -> PResult<BStmt> {
        let pos = self.tok.pos;
        let keyword = self.tok.tok;
        self.next();
        let kind = match keyword {
            Tok::Fallthrough => StmtKind::Fallthrough,
            Tok::Goto => StmtKind::Goto(self.name()?),
            _ => {
                let label = if self.tok.tok == Tok::Name {
                    Some(self.name()?)
                } else {
                    None
                };
                if keyword == Tok::Break {
                    StmtKind::Break(label)
                } else {
                    StmtKind::Continue(label)
                }
            }
        };
        Ok(node(pos, kind))
    }

    /// `go f(x)` and `defer f(x)`.
    fn call_stmt(&mut self) -> PResult<BStmt> {
        let pos = self.tok.pos;
        let what = if self.tok.tok == Tok::Go {
            "go"
        } else {
            "defer"
        };
        self.next();
        let x = self.pexpr(None)?;
        if let ExprKind::Paren(_) = x.kind {
            let msg = format!("expression in {what} must not be parenthesized");
            return Err(CompileError::new(x.pos, msg));
        }
        if what == "go" {
            return Ok(node(pos, StmtKind::Go(x)));
        }
        Ok(node(pos, StmtKind::Defer(x)))
    }

    fn return_stmt(&mut self) -> PResult<BStmt> {
        let pos = self.tok.pos;
        self.next();
        let mut results = Vec::new();
        if self.tok.tok != Tok::Semi && self.tok.tok != Tok::RBrace {
            results = self.expr_list()?;
        }
        Ok(return_node(pos, results))
    }

    /// A simple statement where it stands alone (or in a header's init or
    /// post). A guard outside a type switch header stays an assignment,
    /// to be reported with the other stray `.(type)`.
    pub(super) fn simple_to_stmt(&mut self, s: Simple) -> BStmt {
        match s {
            Simple::Stmt(s, _) => s,
            Simple::Guard { bind, x, pos } => {
                // gc reports such a guard at the name it binds.
                if let Some(g) = self.guards.iter_mut().rev().find(|g| **g == x.pos) {
                    *g = bind.pos;
                }
                let lhs = self.name_expr(bind);
                let guard = self.mk(x.pos, ExprKind::TypeAssert(x, None));
                assign_node(vec![*lhs], AssignOp::Define, pos, vec![*guard])
            }
            Simple::Range { x, .. } => expr_stmt(x),
        }
    }

    /// `label ":" Statement`, at the colon.
    fn labeled_stmt(&mut self, label: Ident) -> PResult<BStmt> {
        let colon = self.tok.pos;
        self.want(Tok::Colon)?;
        let stmt = if self.tok.tok == Tok::RBrace {
            // The empty statement before `}`.
            node(self.tok.pos, StmtKind::Empty)
        } else if starts_stmt(self.tok.tok) {
            self.stmt()?
        } else {
            return Err(self.syntax_error_at(colon, "missing statement after label"));
        };
        Ok(labeled_node(label, stmt))
    }

    /// gc's `simpleStmt`. `lhs` is an already parsed expression list;
    /// `keyword` is the control clause being parsed, which allows `range`
    /// (`for`) or a type switch guard (`switch`).
    pub(super) fn simple_stmt(
        &mut self,
        lhs: Option<Vec<Expr>>,
        keyword: Option<Tok>,
    ) -> PResult<Simple> {
        if keyword == Some(Tok::For) && self.tok.tok == Tok::Range {
            return self.range_clause(Vec::new(), false);
        }
        let mut lhs = match lhs {
            Some(lhs) => lhs,
            None => self.expr_list()?,
        };
        if lhs.len() == 1 && self.tok.tok != Tok::Assign && self.tok.tok != Tok::Define {
            return match lhs.pop() {
                Some(x) => self.simple_single(x),
                None => Err(self.syntax_error("expected expression")),
            };
        }
        self.assignment(lhs, keyword)
    }

    /// After a single expression `x`: `x op= y`, `x++`, `x--`, a send, or
    /// just `x`.
    fn simple_single(&mut self, x: Expr) -> PResult<Simple> {
        let pos = self.tok.pos;
        if let Some(op) = self.tok.tok.assign_op() {
            self.next();
            let y = self.expr()?;
            return Ok(Simple::Stmt(
                assign_node(vec![x], AssignOp::Op(op), pos, vec![*y]),
                pos,
            ));
        }
        match self.tok.tok {
            Tok::Inc | Tok::Dec => {
                let inc = self.tok.tok == Tok::Inc;
                self.next();
                Ok(Simple::Stmt(incdec_node(x, inc), pos))
            }
            Tok::Arrow => {
                self.next();
                let value = self.expr()?;
                Ok(Simple::Stmt(
                    node(
                        pos,
                        StmtKind::Send {
                            ch: Box::new(x),
                            value,
                        },
                    ),
                    pos,
                ))
            }
            _ => {
                let xpos = x.pos;
                Ok(Simple::Stmt(expr_stmt(Box::new(x)), xpos))
            }
        }
    }

    /// `lhs = rhs`, `lhs := rhs`, or in headers a range clause or a type
    /// switch guard.
    fn assignment(&mut self, mut lhs: Vec<Expr>, keyword: Option<Tok>) -> PResult<Simple> {
        let pos = self.tok.pos;
        let define = match self.tok.tok {
            Tok::Assign => false,
            Tok::Define => true,
            _ => return Err(self.syntax_error("expected := or = or comma")),
        };
        self.next();
        if keyword == Some(Tok::For) && self.tok.tok == Tok::Range {
            return self.range_clause(lhs, define);
        }
        let mut rhs = self.expr_list()?;
        if keyword == Some(Tok::Switch) && define && is_guard(&lhs, &rhs) {
            if let (Some(l), Some(r)) = (lhs.pop(), rhs.pop()) {
                if let (ExprKind::Ident(name), ExprKind::TypeAssert(x, None)) = (l.kind, r.kind) {
                    let bind = Ident {
                        name,
                        pos: l.pos,
                        id: l.id,
                    };
                    return Ok(Simple::Guard { bind, x, pos });
                }
            }
        }
        let op = if define {
            AssignOp::Define
        } else {
            AssignOp::Assign
        };
        Ok(Simple::Stmt(assign_node(lhs, op, pos, rhs), pos))
    }

    /// At `range`: `range x`, after `lhs =` or `lhs :=` if given.
    pub(super) fn range_clause(&mut self, lhs: Vec<Expr>, define: bool) -> PResult<Simple> {
        self.next();
        let x = self.expr()?;
        if let Some(third) = lhs.get(2) {
            let msg = "range clause permits at most two iteration variables";
            self.defer(CompileError::new(third.pos, msg));
        }
        Ok(Simple::Range { lhs, define, x })
    }
}

// Node builders. They live outside the recursive functions so that the
// large `Stmt` values they assemble take no room in those functions' frames.

pub(super) fn node(pos: Pos, kind: StmtKind) -> BStmt {
    Box::new(Stmt { pos, kind })
}

fn push_stmt(list: &mut Vec<Stmt>, s: BStmt) {
    list.push(*s);
}

fn expr_stmt(x: BExpr) -> BStmt {
    node(x.pos, StmtKind::Expr(x))
}

fn return_node(pos: Pos, results: Vec<Expr>) -> BStmt {
    node(pos, StmtKind::Return(results))
}

/// An assignment, positioned at its first operand.
fn assign_node(lhs: Vec<Expr>, op: AssignOp, op_pos: Pos, rhs: Vec<Expr>) -> BStmt {
    let pos = lhs.first().map_or(op_pos, |e| e.pos);
    node(
        pos,
        StmtKind::Assign {
            lhs,
            op,
            op_pos,
            rhs,
        },
    )
}

fn incdec_node(x: Expr, inc: bool) -> BStmt {
    node(
        x.pos,
        StmtKind::IncDec {
            x: Box::new(x),
            inc,
        },
    )
}

fn labeled_node(label: Ident, stmt: BStmt) -> BStmt {
    node(label.pos, StmtKind::Labeled { label, stmt })
}

/// `[label] :` where `lhs` is one plain name followed by a colon.
fn as_label(lhs: &[Expr], tok: Tok) -> Option<Ident> {
    match (lhs, tok) {
        (
            [Expr {
                kind: ExprKind::Ident(name),
                pos,
                id,
            }],
            Tok::Colon,
        ) => Some(Ident {
            name: name.clone(),
            pos: *pos,
            id: *id,
        }),
        _ => None,
    }
}

/// `v := x.(type)` shapes: one name on the left, one guard on the right.
fn is_guard(lhs: &[Expr], rhs: &[Expr]) -> bool {
    matches!(
        (lhs, rhs),
        (
            [Expr {
                kind: ExprKind::Ident(_),
                ..
            }],
            [Expr {
                kind: ExprKind::TypeAssert(_, None),
                ..
            }]
        )
    )
}
