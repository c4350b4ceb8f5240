//! Control clauses: `if` (with `else if` chains), `for` in all its forms
//! (three-clause, condition, infinite, `range`), `switch`, type switches
//! and `select` (parsed, then reported as unsupported). Their headers share
//! gc's `header`, which also decides what a type switch guard binds.

use super::print::simple_stmt_string;
use super::stmt::{node, BStmt, Simple};
use super::{BExpr, PResult, Parser};
use crate::syntax::ast::{
    AssignOp, Block, CaseClause, CommClause, Expr, ExprKind, Ident, Pos, Stmt, StmtKind,
    TypeCaseClause,
};
use crate::syntax::token::Tok;

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

impl Parser<'_> {
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
                        kind => Ok(Cond::Expr(Box::new(Expr { kind, ..*e }))),
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

    pub(super) fn if_stmt(&mut self) -> PResult<BStmt> {
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

    pub(super) fn for_stmt(&mut self) -> PResult<BStmt> {
        let pos = self.tok.pos;
        self.next();
        let header = self.header(Tok::For)?;
        let body = self.block("for clause")?;
        Ok(for_node(pos, header, body))
    }

    pub(super) fn switch_stmt(&mut self) -> PResult<BStmt> {
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

    /// `select { case ...: ... }`.
    pub(super) fn select_stmt(&mut self) -> PResult<BStmt> {
        let pos = self.tok.pos;
        self.next();
        if !self.got(Tok::LBrace) {
            return Err(self.syntax_error("missing { after select clause"));
        }
        let mut cases = Vec::new();
        while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RBrace {
            let cpos = self.tok.pos;
            let comm = match self.tok.tok {
                Tok::Case => {
                    self.next();
                    let s = self.simple_stmt(None, None)?;
                    Some(self.simple_to_stmt(s))
                }
                Tok::Default => {
                    self.next();
                    None
                }
                _ => return Err(self.syntax_error("expected case or default or }")),
            };
            self.want(Tok::Colon)?;
            let body = self.stmt_list()?;
            cases.push(CommClause {
                pos: cpos,
                comm,
                body,
            });
        }
        let rbrace = self.tok.pos;
        self.want(Tok::RBrace)?;
        Ok(node(pos, StmtKind::Select { cases, rbrace }))
    }
}

fn if_node(pos: Pos, init: Option<BStmt>, cond: BExpr, then: Block, els: Option<BStmt>) -> BStmt {
    node(
        pos,
        StmtKind::If {
            init,
            cond,
            then,
            els,
        },
    )
}

fn for_node(pos: Pos, header: Header, body: Block) -> BStmt {
    let kind = match header {
        Header::Range { lhs, define, x } => {
            let mut lhs = lhs.into_iter();
            let (key, value) = (lhs.next().map(Box::new), lhs.next().map(Box::new));
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
                // Only switch headers produce guards.
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
    node(pos, kind)
}
