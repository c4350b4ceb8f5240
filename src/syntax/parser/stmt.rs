//! Statements: simple statements, blocks, `if`, `for` (all forms, with
//! `range`), `switch` and type switches, labels and branches. The headers of
//! `if`, `for` and `switch` share gc's `header`, which also decides what a
//! type switch guard binds.
//!
//! `go`, `defer`, `select`, `goto` and sends are parsed, then reported as
//! unsupported.

use super::print::simple_stmt_string;
use super::{PResult, Parser};
use crate::diag::CompileError;
use crate::syntax::ast::{
    AssignOp, Block, CaseClause, Expr, ExprKind, Ident, Pos, Stmt, StmtKind, TypeCaseClause,
};
use crate::syntax::token::Tok;

/// What `simple_stmt` found.
enum Simple {
    /// An ordinary simple statement and gc's position for it (the operator
    /// of an assignment or `++`/`--`), where errors about it go.
    Stmt(Stmt, Pos),
    /// `[lhs (= | :=)] range x`, only in a `for` header.
    Range {
        lhs: Vec<Expr>,
        define: bool,
        x: Expr,
    },
    /// `v := x.(type)`, only in a `switch` header; `x` is the operand.
    Guard { bind: Ident, x: Expr, pos: Pos },
}

/// The condition (or tag) of a control clause.
enum Cond {
    Expr(Expr),
    /// A type switch guard: `[bind :=] x.(type)`.
    Guard {
        bind: Option<Ident>,
        x: Expr,
    },
}

enum Header {
    Range {
        lhs: Vec<Expr>,
        define: bool,
        x: Expr,
    },
    Clauses {
        init: Option<Box<Stmt>>,
        cond: Option<Cond>,
        post: Option<Box<Stmt>>,
    },
}

impl Parser<'_> {
    /// A function body (at `{`).
    pub(super) fn func_body(&mut self) -> PResult<Block> {
        self.block("")
    }

    /// `Block = "{" StatementList "}"`; `context` names what the block
    /// follows, for the error when `{` is missing.
    fn block(&mut self, context: &str) -> PResult<Block> {
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

    /// `StatementList = { Statement ";" }`, up to `}`, `case` or `default`.
    fn stmt_list(&mut self) -> PResult<Vec<Stmt>> {
        let mut list = Vec::new();
        while !matches!(
            self.tok.tok,
            Tok::Eof | Tok::RBrace | Tok::Case | Tok::Default
        ) {
            let Some(s) = self.stmt_or_nil()? else { break };
            list.push(s);
            // ";" is optional before "}"
            if !self.got(Tok::Semi) && self.tok.tok != Tok::RBrace {
                return Err(self.syntax_error("at end of statement"));
            }
        }
        Ok(list)
    }

    /// A statement, or `None` if none starts here.
    fn stmt_or_nil(&mut self) -> PResult<Option<Stmt>> {
        self.enter()?;
        let s = self.stmt_or_nil_inner()?;
        self.leave();
        Ok(s)
    }

    fn stmt_or_nil_inner(&mut self) -> PResult<Option<Stmt>> {
        let pos = self.tok.pos;
        let stmt = |kind| Ok(Some(Stmt { pos, kind }));
        match self.tok.tok {
            Tok::Name => {
                let mut lhs = self.expr_list()?;
                if self.tok.tok == Tok::Colon && lhs.len() == 1 {
                    if let ExprKind::Ident(name) = &mut lhs[0].kind {
                        let label = Ident {
                            name: std::mem::take(name),
                            pos: lhs[0].pos,
                            id: lhs[0].id,
                        };
                        return self.labeled_stmt(label).map(Some);
                    }
                }
                let s = self.simple_stmt(Some(lhs), None)?;
                Ok(Some(self.simple_to_stmt(s)))
            }
            Tok::Var | Tok::Const | Tok::Type => stmt(StmtKind::Decl(self.decl()?)),
            Tok::LBrace => stmt(StmtKind::Block(self.block("")?)),
            Tok::Mul | Tok::Add | Tok::Sub | Tok::And | Tok::Xor | Tok::Not => {
                self.simple_as_stmt()
            }
            Tok::Int | Tok::Float | Tok::Imag | Tok::Rune | Tok::Str | Tok::Func | Tok::LParen => {
                self.simple_as_stmt()
            }
            Tok::LBrack | Tok::Struct | Tok::Map | Tok::Chan | Tok::Interface | Tok::Arrow => {
                self.simple_as_stmt()
            }
            Tok::For => self.for_stmt().map(Some),
            Tok::Switch => self.switch_stmt().map(Some),
            Tok::Select => self.select_stmt().map(Some),
            Tok::If => self.if_stmt().map(Some),
            Tok::Fallthrough => {
                self.next();
                stmt(StmtKind::Fallthrough)
            }
            Tok::Break | Tok::Continue => {
                let is_break = self.tok.tok == Tok::Break;
                self.next();
                let label = if self.tok.tok == Tok::Name {
                    Some(self.name()?)
                } else {
                    None
                };
                stmt(if is_break {
                    StmtKind::Break(label)
                } else {
                    StmtKind::Continue(label)
                })
            }
            Tok::Go | Tok::Defer => {
                let is_go = self.tok.tok == Tok::Go;
                self.unsupported(pos, if is_go { "go statements" } else { "defer" });
                self.next();
                let x = self.pexpr(None)?;
                if let ExprKind::Paren(_) = x.kind {
                    let what = if is_go { "go" } else { "defer" };
                    let msg = format!("expression in {what} must not be parenthesized");
                    return Err(CompileError::new(x.pos, msg));
                }
                stmt(StmtKind::Expr(x))
            }
            Tok::Goto => {
                self.unsupported(pos, "goto");
                self.next();
                self.name()?;
                stmt(StmtKind::Empty)
            }
            Tok::Return => {
                self.next();
                let mut results = Vec::new();
                if self.tok.tok != Tok::Semi && self.tok.tok != Tok::RBrace {
                    results = self.expr_list()?;
                }
                stmt(StmtKind::Return(results))
            }
            Tok::Semi => stmt(StmtKind::Empty),
            _ => Ok(None),
        }
    }

    fn simple_as_stmt(&mut self) -> PResult<Option<Stmt>> {
        let s = self.simple_stmt(None, None)?;
        Ok(Some(self.simple_to_stmt(s)))
    }

    /// A simple statement where it stands alone (or in a header's init or
    /// post). A guard outside a type switch header stays an assignment,
    /// to be reported with the other stray `.(type)`.
    fn simple_to_stmt(&mut self, s: Simple) -> Stmt {
        match s {
            Simple::Stmt(s, _) => s,
            Simple::Guard { bind, x, pos } => {
                let lhs = self.name_expr(bind);
                let guard = self.mk(x.pos, ExprKind::TypeAssert(Box::new(x), None));
                let kind = StmtKind::Assign {
                    lhs: vec![lhs],
                    op: AssignOp::Define,
                    op_pos: pos,
                    rhs: vec![guard],
                };
                Stmt { pos, kind }
            }
            Simple::Range { x, .. } => Stmt {
                pos: x.pos,
                kind: StmtKind::Expr(x),
            },
        }
    }

    /// `label ":" Statement`, at the colon.
    fn labeled_stmt(&mut self, label: Ident) -> PResult<Stmt> {
        let colon = self.tok.pos;
        self.want(Tok::Colon)?;
        let stmt = if self.tok.tok == Tok::RBrace {
            // The empty statement before `}`.
            Stmt {
                pos: self.tok.pos,
                kind: StmtKind::Empty,
            }
        } else {
            match self.stmt_or_nil()? {
                Some(s) => s,
                None => return Err(self.syntax_error_at(colon, "missing statement after label")),
            }
        };
        Ok(Stmt {
            pos: label.pos,
            kind: StmtKind::Labeled {
                label,
                stmt: Box::new(stmt),
            },
        })
    }

    /// gc's `simpleStmt`. `lhs` is an already parsed expression list;
    /// `keyword` is the control clause being parsed, which allows `range`
    /// (`for`) or a type switch guard (`switch`).
    fn simple_stmt(&mut self, lhs: Option<Vec<Expr>>, keyword: Option<Tok>) -> PResult<Simple> {
        if keyword == Some(Tok::For) && self.tok.tok == Tok::Range {
            return self.range_clause(Vec::new(), false);
        }
        let mut lhs = match lhs {
            Some(lhs) => lhs,
            None => self.expr_list()?,
        };
        let pos = self.tok.pos;
        if lhs.len() == 1 && self.tok.tok != Tok::Assign && self.tok.tok != Tok::Define {
            let Some(x) = lhs.pop() else {
                return Err(self.syntax_error("expected expression"));
            };
            let xpos = x.pos;
            if let Some(op) = self.tok.tok.assign_op() {
                self.next();
                let y = self.expr()?;
                let kind = StmtKind::Assign {
                    lhs: vec![x],
                    op: AssignOp::Op(op),
                    op_pos: pos,
                    rhs: vec![y],
                };
                return Ok(Simple::Stmt(Stmt { pos: xpos, kind }, pos));
            }
            let kind = match self.tok.tok {
                Tok::Inc | Tok::Dec => {
                    let inc = self.tok.tok == Tok::Inc;
                    self.next();
                    StmtKind::IncDec { x, inc }
                }
                Tok::Arrow => {
                    self.unsupported(pos, "channels");
                    self.next();
                    self.expr()?;
                    StmtKind::Expr(x)
                }
                _ => {
                    return Ok(Simple::Stmt(
                        Stmt {
                            pos: xpos,
                            kind: StmtKind::Expr(x),
                        },
                        xpos,
                    ))
                }
            };
            return Ok(Simple::Stmt(Stmt { pos: xpos, kind }, pos));
        }

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
        let is_guard = |l: &[Expr], r: &[Expr]| {
            matches!(
                (l, r),
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
        };
        if keyword == Some(Tok::Switch) && define && is_guard(&lhs, &rhs) {
            if let (Some(l), Some(r)) = (lhs.pop(), rhs.pop()) {
                if let (ExprKind::Ident(name), ExprKind::TypeAssert(x, None)) = (l.kind, r.kind) {
                    let bind = Ident {
                        name,
                        pos: l.pos,
                        id: l.id,
                    };
                    return Ok(Simple::Guard { bind, x: *x, pos });
                }
            }
        }
        let stmt_pos = lhs.first().map_or(pos, |e| e.pos);
        let op = if define {
            AssignOp::Define
        } else {
            AssignOp::Assign
        };
        let kind = StmtKind::Assign {
            lhs,
            op,
            op_pos: pos,
            rhs,
        };
        Ok(Simple::Stmt(
            Stmt {
                pos: stmt_pos,
                kind,
            },
            pos,
        ))
    }

    /// At `range`: `range x`, after `lhs =` or `lhs :=` if given.
    fn range_clause(&mut self, lhs: Vec<Expr>, define: bool) -> PResult<Simple> {
        self.next();
        let x = self.expr()?;
        if let Some(third) = lhs.get(2) {
            let e = CompileError::new(
                third.pos,
                "range clause permits at most two iteration variables",
            );
            self.defer(e);
        }
        Ok(Simple::Range { lhs, define, x })
    }

    /// gc's `header`, after the keyword of `if`, `for` or `switch`:
    /// `[ init ";" ] cond` or, for `for`, `init ";" cond ";" post` and
    /// range clauses. Composite literals need parentheses here, so that in
    /// `if x == T {` the `{` opens the block.
    fn header(&mut self, keyword: Tok) -> PResult<Header> {
        if self.tok.tok == Tok::LBrace {
            if keyword == Tok::If {
                return Err(self.syntax_error("missing condition in if statement"));
            }
            return Ok(Header::Clauses {
                init: None,
                cond: None,
                post: None,
            });
        }

        let outer = self.xnest;
        self.xnest = -1;

        let mut init = None;
        if self.tok.tok != Tok::Semi {
            if self.got(Tok::Var) {
                let msg = format!(
                    "var declaration not allowed in {} initializer",
                    keyword.text()
                );
                return Err(self.syntax_error(&msg));
            }
            match self.simple_stmt(None, Some(keyword))? {
                Simple::Range { lhs, define, x } => {
                    self.xnest = outer;
                    return Ok(Header::Range { lhs, define, x });
                }
                s => init = Some(s),
            }
        }

        let mut cond_stmt = None;
        let mut post = None;
        let mut semi: Option<(Pos, String)> = None;
        if self.tok.tok != Tok::LBrace {
            if self.tok.tok == Tok::Semi {
                semi = Some((self.tok.pos, std::mem::take(&mut self.tok.lit)));
                self.next();
            } else {
                // Asking for `{` rather than `;` gives the better message.
                self.want(Tok::LBrace)?;
            }
            if keyword == Tok::For {
                if self.tok.tok != Tok::Semi {
                    if self.tok.tok == Tok::LBrace {
                        return Err(self.syntax_error("expected for loop condition"));
                    }
                    cond_stmt = Some(self.simple_stmt(None, None)?);
                }
                self.want(Tok::Semi)?;
                if self.tok.tok != Tok::LBrace {
                    let s = self.simple_stmt(None, None)?;
                    if let Simple::Stmt(
                        Stmt {
                            kind:
                                StmtKind::Assign {
                                    op: AssignOp::Define,
                                    ..
                                },
                            ..
                        },
                        pos,
                    ) = &s
                    {
                        return Err(self.syntax_error_at(
                            *pos,
                            "cannot declare in post statement of for loop",
                        ));
                    }
                    post = Some(Box::new(self.simple_to_stmt(s)));
                }
            } else if self.tok.tok != Tok::LBrace {
                cond_stmt = Some(self.simple_stmt(None, Some(keyword))?);
            }
        } else {
            cond_stmt = init.take();
        }
        let init = init.map(|s| Box::new(self.simple_to_stmt(s)));

        let cond = match cond_stmt {
            None => {
                if let (Tok::If, Some((pos, lit))) = (keyword, semi) {
                    if lit != "semicolon" {
                        let msg = format!("unexpected {lit}, expected {{ after if clause");
                        return Err(self.syntax_error_at(pos, &msg));
                    }
                    return Err(self.syntax_error_at(pos, "missing condition in if statement"));
                }
                None
            }
            Some(Simple::Stmt(
                Stmt {
                    kind: StmtKind::Expr(e),
                    ..
                },
                _,
            )) => Some(self.cond(keyword, e)),
            Some(Simple::Guard { bind, x, .. }) => {
                // This guard heads the switch: it is not a stray one.
                self.guards.pop();
                Some(Cond::Guard {
                    bind: Some(bind),
                    x,
                })
            }
            Some(Simple::Stmt(s, pos)) => {
                let msg = format!("cannot use {} as value", simple_stmt_string(&s));
                return Err(self.syntax_error_at(pos, &msg));
            }
            Some(Simple::Range { x, .. }) => {
                return Err(self.syntax_error_at(x.pos, "cannot use range clause as value"));
            }
        };
        self.xnest = outer;
        Ok(Header::Clauses { init, cond, post })
    }

    /// The condition expression `e`: for a `switch`, `x.(type)` makes it a
    /// type switch.
    fn cond(&mut self, keyword: Tok, e: Expr) -> Cond {
        if keyword != Tok::Switch {
            return Cond::Expr(e);
        }
        match e.kind {
            ExprKind::TypeAssert(x, None) => {
                self.guards.pop();
                Cond::Guard { bind: None, x: *x }
            }
            kind => Cond::Expr(Expr { kind, ..e }),
        }
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        // `else if` chains recurse here rather than through statements.
        self.enter()?;
        let pos = self.tok.pos;
        self.next();
        let Header::Clauses { init, cond, .. } = self.header(Tok::If)? else {
            return Err(self.syntax_error_at(pos, "cannot use range clause in if statement"));
        };
        let cond = match cond {
            Some(Cond::Expr(e)) => e,
            _ => return Err(self.syntax_error_at(pos, "missing condition in if statement")),
        };
        let then = self.block("if clause")?;
        let mut els = None;
        if self.got(Tok::Else) {
            els = Some(Box::new(match self.tok.tok {
                Tok::If => self.if_stmt()?,
                Tok::LBrace => {
                    let bpos = self.tok.pos;
                    Stmt {
                        pos: bpos,
                        kind: StmtKind::Block(self.block("")?),
                    }
                }
                _ => {
                    return Err(self.syntax_error("else must be followed by if or statement block"))
                }
            }));
        }
        self.leave();
        Ok(Stmt {
            pos,
            kind: StmtKind::If {
                init,
                cond,
                then,
                els,
            },
        })
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.tok.pos;
        self.next();
        let header = self.header(Tok::For)?;
        let body = self.block("for clause")?;
        let kind = match header {
            Header::Range { lhs, define, x } => {
                let mut lhs = lhs.into_iter();
                let (key, value) = (lhs.next(), lhs.next());
                StmtKind::Range {
                    key,
                    value,
                    define,
                    x,
                    body,
                }
            }
            Header::Clauses { init, cond, post } => {
                let cond = match cond {
                    Some(Cond::Expr(e)) => Some(e),
                    Some(Cond::Guard { x, .. }) => Some(x),
                    None => None,
                };
                StmtKind::For {
                    init,
                    cond,
                    post,
                    body,
                }
            }
        };
        Ok(Stmt { pos, kind })
    }

    fn switch_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.tok.pos;
        self.next();
        let Header::Clauses { init, cond, .. } = self.header(Tok::Switch)? else {
            return Err(self.syntax_error_at(pos, "cannot use range clause in switch statement"));
        };
        if !self.got(Tok::LBrace) {
            return Err(self.syntax_error("missing { after switch clause"));
        }
        let mut clauses = Vec::new();
        while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RBrace {
            clauses.push(self.case_clause()?);
        }
        let rbrace = self.tok.pos;
        self.want(Tok::RBrace)?;
        let kind = match cond {
            Some(Cond::Guard { bind, x }) => {
                let mut cases = Vec::with_capacity(clauses.len());
                for c in clauses {
                    let id = self.id();
                    cases.push(TypeCaseClause {
                        pos: c.pos,
                        types: c.exprs,
                        is_default: c.is_default,
                        body: c.body,
                        id,
                    });
                }
                StmtKind::TypeSwitch {
                    init,
                    bind,
                    x,
                    cases,
                    rbrace,
                }
            }
            Some(Cond::Expr(tag)) => StmtKind::Switch {
                init,
                tag: Some(tag),
                cases: clauses,
                rbrace,
            },
            None => StmtKind::Switch {
                init,
                tag: None,
                cases: clauses,
                rbrace,
            },
        };
        Ok(Stmt { pos, kind })
    }

    /// `case x, y:` or `default:` and the statements after it.
    fn case_clause(&mut self) -> PResult<CaseClause> {
        let pos = self.tok.pos;
        let mut exprs = Vec::new();
        let is_default = match self.tok.tok {
            Tok::Case => {
                self.next();
                exprs = self.expr_list()?;
                false
            }
            Tok::Default => {
                self.next();
                true
            }
            _ => return Err(self.syntax_error("expected case or default or }")),
        };
        self.want(Tok::Colon)?;
        let body = self.stmt_list()?;
        Ok(CaseClause {
            pos,
            exprs,
            is_default,
            body,
        })
    }

    /// `select { ... }`, parsed only to find syntax errors before reporting it.
    fn select_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.tok.pos;
        self.unsupported(pos, "select");
        self.next();
        if !self.got(Tok::LBrace) {
            return Err(self.syntax_error("missing { after select clause"));
        }
        while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RBrace {
            match self.tok.tok {
                Tok::Case => {
                    self.next();
                    self.simple_stmt(None, None)?;
                }
                Tok::Default => self.next(),
                _ => return Err(self.syntax_error("expected case or default or }")),
            }
            self.want(Tok::Colon)?;
            self.stmt_list()?;
        }
        self.want(Tok::RBrace)?;
        Ok(Stmt {
            pos,
            kind: StmtKind::Empty,
        })
    }
}
