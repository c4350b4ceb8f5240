//! Statements: simple statements, blocks, `if`, `for` (all forms, with
//! `range`), `switch` and type switches, labels and branches. The headers of
//! `if`, `for` and `switch` share gc's `header`, which also decides what a
//! type switch guard binds.
//!
//! `go`, `defer`, `select`, `goto` and sends are parsed, then reported as
//! unsupported. As in `expr.rs`, the dispatcher on the recursive path
//! leaves each statement form to its own function, to keep frames small.

use super::print::simple_stmt_string;
use super::{BExpr, PResult, Parser};
use crate::diag::CompileError;
use crate::syntax::ast::{
    AssignOp, Block, CaseClause, Expr, ExprKind, Ident, Pos, Stmt, StmtKind, TypeCaseClause,
};
use crate::syntax::token::Tok;

/// Statements travel boxed through the parser, as expressions do.
type BStmt = Box<Stmt>;

/// What `simple_stmt` found.
enum Simple {
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

/// The condition (or tag) of a control clause.
enum Cond {
    Expr(BExpr),
    /// A type switch guard: `[bind :=] x.(type)`.
    Guard {
        bind: Option<Ident>,
        x: BExpr,
    },
}

enum Header {
    Range {
        lhs: Vec<Expr>,
        define: bool,
        x: BExpr,
    },
    Clauses {
        init: Option<BStmt>,
        cond: Option<Cond>,
        post: Option<BStmt>,
    },
}

/// Whether a statement starts with `tok` (where gc's `stmtOrNil` would not
/// return nil).
fn starts_stmt(tok: Tok) -> bool {
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
        self.gotos.push(Vec::new());
        let body = self.block("")?;
        let gotos = self.gotos.pop().unwrap_or_default();
        match super::branches::check(&body, &gotos) {
            Some(e) => Err(e),
            None => Ok(body),
        }
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

    /// `StatementList = { Statement ";" }`, up to `}`, `case`, `default`
    /// or anything else that cannot start a statement.
    fn stmt_list(&mut self) -> PResult<Vec<Stmt>> {
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
    fn stmt(&mut self) -> PResult<BStmt> {
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
        Ok(node(pos, StmtKind::Decl(d)))
    }

    fn block_stmt(&mut self) -> PResult<BStmt> {
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
            Tok::Goto => {
                self.unsupported(pos, "goto");
                let label = self.name()?;
                if let Some(gotos) = self.gotos.last_mut() {
                    gotos.push(label.name);
                }
                StmtKind::Empty
            }
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
        self.unsupported(
            pos,
            if what == "go" {
                "go statements"
            } else {
                "defer"
            },
        );
        self.next();
        let x = self.pexpr(None)?;
        if let ExprKind::Paren(_) = x.kind {
            let msg = format!("expression in {what} must not be parenthesized");
            return Err(CompileError::new(x.pos, msg));
        }
        Ok(expr_stmt(x))
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
    fn simple_to_stmt(&mut self, s: Simple) -> BStmt {
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
    fn simple_stmt(&mut self, lhs: Option<Vec<Expr>>, keyword: Option<Tok>) -> PResult<Simple> {
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
                self.unsupported(pos, "channels");
                self.next();
                self.expr()?;
                Ok(Simple::Stmt(expr_stmt(Box::new(x)), pos))
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
    fn range_clause(&mut self, lhs: Vec<Expr>, define: bool) -> PResult<Simple> {
        self.next();
        let x = self.expr()?;
        if let Some(third) = lhs.get(2) {
            let msg = "range clause permits at most two iteration variables";
            self.defer(CompileError::new(third.pos, msg));
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
                    post = Some(self.post_stmt()?);
                }
            } else if self.tok.tok != Tok::LBrace {
                cond_stmt = Some(self.simple_stmt(None, Some(keyword))?);
            }
        } else {
            cond_stmt = init.take();
        }
        let init = init.map(|s| self.simple_to_stmt(s));
        let cond = match cond_stmt {
            Some(s) => Some(self.cond(keyword, s)?),
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
        };
        self.xnest = outer;
        Ok(Header::Clauses { init, cond, post })
    }

    /// The post statement of a three-clause `for`, which cannot declare.
    fn post_stmt(&mut self) -> PResult<BStmt> {
        let s = self.simple_stmt(None, None)?;
        if let Simple::Stmt(s, pos) = &s {
            if let StmtKind::Assign {
                op: AssignOp::Define,
                ..
            } = s.kind
            {
                let msg = "cannot declare in post statement of for loop";
                return Err(self.syntax_error_at(*pos, msg));
            }
        }
        Ok(self.simple_to_stmt(s))
    }

    /// The condition of a header: an expression, or for a `switch` a
    /// guard `[v :=] x.(type)`, which makes it a type switch.
    fn cond(&mut self, keyword: Tok, s: Simple) -> PResult<Cond> {
        match s {
            Simple::Stmt(s, pos) => {
                let Stmt { pos: spos, kind } = *s;
                match kind {
                    StmtKind::Expr(e) => match e.kind {
                        ExprKind::TypeAssert(x, None) if keyword == Tok::Switch => {
                            // This guard heads the switch: it is not a stray one.
                            self.guards.pop();
                            Ok(Cond::Guard { bind: None, x })
                        }
                        kind => Ok(Cond::Expr(Box::new(Expr { kind, ..e }))),
                    },
                    kind => {
                        let s = Stmt { pos: spos, kind };
                        let msg = format!("cannot use {} as value", simple_stmt_string(&s));
                        Err(self.syntax_error_at(pos, &msg))
                    }
                }
            }
            Simple::Guard { bind, x, .. } => {
                self.guards.pop();
                Ok(Cond::Guard {
                    bind: Some(bind),
                    x,
                })
            }
            Simple::Range { x, .. } => {
                Err(self.syntax_error_at(x.pos, "cannot use range clause as value"))
            }
        }
    }

    fn if_stmt(&mut self) -> PResult<BStmt> {
        // `else if` chains recurse here rather than through `stmt`.
        self.enter()?;
        let pos = self.tok.pos;
        self.next();
        let (init, cond) = self.if_header(pos)?;
        let then = self.block("if clause")?;
        let mut els = None;
        if self.got(Tok::Else) {
            els = Some(match self.tok.tok {
                Tok::If => self.if_stmt()?,
                Tok::LBrace => self.block_stmt()?,
                _ => {
                    let msg = "else must be followed by if or statement block";
                    return Err(self.syntax_error(msg));
                }
            });
        }
        self.leave();
        Ok(if_node(pos, init, cond, then, els))
    }

    fn if_header(&mut self, pos: Pos) -> PResult<(Option<BStmt>, BExpr)> {
        match self.header(Tok::If)? {
            Header::Clauses {
                init,
                cond: Some(Cond::Expr(cond)),
                ..
            } => Ok((init, cond)),
            _ => Err(self.syntax_error_at(pos, "missing condition in if statement")),
        }
    }

    fn for_stmt(&mut self) -> PResult<BStmt> {
        let pos = self.tok.pos;
        self.next();
        let header = self.header(Tok::For)?;
        let body = self.block("for clause")?;
        Ok(for_node(pos, header, body))
    }

    fn switch_stmt(&mut self) -> PResult<BStmt> {
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
        Ok(self.switch_node(pos, init, cond, clauses, rbrace))
    }

    fn switch_node(
        &mut self,
        pos: Pos,
        init: Option<BStmt>,
        cond: Option<Cond>,
        clauses: Vec<CaseClause>,
        rbrace: Pos,
    ) -> BStmt {
        let kind = match cond {
            Some(Cond::Guard { bind, x }) => {
                let mut cases = Vec::with_capacity(clauses.len());
                for c in clauses {
                    let id = self.id();
                    let CaseClause {
                        pos,
                        exprs: types,
                        is_default,
                        body,
                    } = c;
                    cases.push(TypeCaseClause {
                        pos,
                        types,
                        is_default,
                        body,
                        id,
                    });
                }
                StmtKind::TypeSwitch {
                    init,
                    bind,
                    x: *x,
                    cases,
                    rbrace,
                }
            }
            Some(Cond::Expr(tag)) => StmtKind::Switch {
                init,
                tag: Some(*tag),
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
        node(pos, kind)
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
    fn select_stmt(&mut self) -> PResult<BStmt> {
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
        Ok(node(pos, StmtKind::Empty))
    }
}

// Node builders. They live outside the recursive functions so that the
// large `Stmt` values they assemble take no room in those functions' frames.

fn node(pos: Pos, kind: StmtKind) -> BStmt {
    Box::new(Stmt { pos, kind })
}

fn push_stmt(list: &mut Vec<Stmt>, s: BStmt) {
    list.push(*s);
}

fn expr_stmt(x: BExpr) -> BStmt {
    node(x.pos, StmtKind::Expr(*x))
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
    node(x.pos, StmtKind::IncDec { x, inc })
}

fn labeled_node(label: Ident, stmt: BStmt) -> BStmt {
    node(label.pos, StmtKind::Labeled { label, stmt })
}

fn if_node(pos: Pos, init: Option<BStmt>, cond: BExpr, then: Block, els: Option<BStmt>) -> BStmt {
    node(
        pos,
        StmtKind::If {
            init,
            cond: *cond,
            then,
            els,
        },
    )
}

fn for_node(pos: Pos, header: Header, body: Block) -> BStmt {
    let kind = match header {
        Header::Range { lhs, define, x } => {
            let mut lhs = lhs.into_iter();
            let (key, value) = (lhs.next(), lhs.next());
            StmtKind::Range {
                key,
                value,
                define,
                x: *x,
                body,
            }
        }
        Header::Clauses { init, cond, post } => {
            let cond = match cond {
                Some(Cond::Expr(e)) => Some(*e),
                // Only switch headers produce guards.
                Some(Cond::Guard { x, .. }) => Some(*x),
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
    node(pos, kind)
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
