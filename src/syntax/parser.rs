//! The parser: tokens to the [`ast`](super::ast) tree.
//!
//! It follows the gc compiler's parser (cmd/compile/internal/syntax) rule
//! for rule, so that syntax errors come at the positions and with the
//! wording `go build` uses, while the tree and its positions follow go/ast
//! (see `ast.rs`). The grammar is split by concept: declarations in
//! `decl.rs`, types in `types.rs`, signatures in `params.rs`, expressions
//! in `expr.rs`, statements in `stmt.rs` and `control.rs`. `branches.rs`
//! checks labels, `break`, `continue` and `fallthrough` as gc does while
//! parsing; `print.rs` turns expressions back into Go.
//!
//! Errors come in three classes, reported as Go would:
//! 1. syntax errors (and gc's other parse-time errors, such as misplaced
//!    branches) stop the parse;
//! 2. lexical errors are collected by the lexer, which goes on like gc's;
//!    the earliest of 1 and 2 is reported;
//! 3. constructs that parse but are outside the subset (`unsupported: ...`)
//!    or that Go's type checker rejects on syntactic grounds are only
//!    reported, the earliest first, once the whole file parsed cleanly,
//!    since Go reports syntax errors before any of those.

// The recursive functions take and return boxed nodes on purpose (see
// `expr.rs`), even where they unbox them at once.
#![allow(clippy::boxed_local)]

mod branches;
mod control;
mod decl;
mod expr;
mod params;
mod print;
mod stmt;
#[cfg(test)]
mod tests;
mod types;

pub use print::expr_string;

use super::ast::{Expr, ExprKind, File, Ident, NodeId, Pos};
use super::lexer::Lexer;
use super::token::{Tok, Token};
use crate::diag::CompileError;

/// Parses one Go source file, returning its tree or the first error.
pub fn parse_file(src: &[u8]) -> Result<File, CompileError> {
    parse_file_from(src, 0)
}

/// `parse_file` with node ids from `first_id` on.
pub fn parse_file_from(src: &[u8], first_id: u32) -> Result<File, CompileError> {
    parse_unit(src, first_id, 0)
}

/// `parse_file_from` for file `file` of a program of several: its
/// positions carry the file's id.
pub fn parse_unit(src: &[u8], first_id: u32, file: u16) -> Result<File, CompileError> {
    let mut p = Parser::new(src, file);
    p.next_id = first_id;
    let result = p.file();
    let mut f = p.finish(result)?;
    f.src = src.to_vec();
    Ok(f)
}

/// How deeply the tree may nest, counted in levels of statements, types,
/// unary operators, binary operators and suffixes (a chain `a.b.c` or
/// `a + b + c` nests too), parameters, fields and literals. The programs of
/// the conformance corpus reach 20. Unoptimized builds use up to ~3 KB of
/// stack per level, so 400 levels stay well within a 2 MB thread stack
/// (`tests/robust.rs` checks every kind of nesting there); the limit
/// equally bounds the recursion of every later pass over the tree.
const MAX_DEPTH: u32 = 400;

type PResult<T> = Result<T, CompileError>;

/// Expressions travel boxed through the parser (see `expr.rs`).
type BExpr = Box<Expr>;

struct Parser<'a> {
    lex: Lexer<'a>,
    /// The current token.
    tok: Token,
    next_id: u32,
    /// gc's `xnest`: negative inside a control clause header (where `T {`
    /// starts the block), raised inside parentheses, brackets and literals.
    xnest: i32,
    depth: u32,
    /// The earliest error of class 3 (see the module docs).
    deferred: Option<CompileError>,
    /// Operand positions of `x.(type)` not yet known to head a type switch.
    guards: Vec<Pos>,
}

impl<'a> Parser<'a> {
    fn new(src: &'a [u8], file: u16) -> Parser<'a> {
        let mut lex = Lexer::in_file(src, file);
        let tok = lex.next_token();
        Parser {
            lex,
            tok,
            next_id: 0,
            xnest: 0,
            depth: 0,
            deferred: None,
            guards: Vec::new(),
        }
    }

    fn finish(mut self, result: PResult<File>) -> Result<File, CompileError> {
        let lex_err = self.lex.error().cloned();
        let mut file = match result {
            // On a tie gc lists the lexer's error first: it was reported first.
            Err(e) => return Err(lex_err.filter(|l| l.pos <= e.pos).unwrap_or(e)),
            Ok(file) => file,
        };
        if let Some(e) = lex_err {
            return Err(e);
        }
        if let Some(&pos) = self.guards.iter().min() {
            self.defer(CompileError::new(
                pos,
                "invalid syntax tree: use of .(type) outside type switch",
            ));
        }
        if let Some(e) = self.lex.unsupported().cloned() {
            self.defer(e);
        }
        if let Some(e) = self.deferred {
            return Err(e);
        }
        file.node_count = self.next_id;
        Ok(file)
    }

    fn next(&mut self) {
        self.tok = self.lex.next_token();
    }

    fn got(&mut self, tok: Tok) -> bool {
        if self.tok.tok == tok {
            self.next();
            return true;
        }
        false
    }

    fn want(&mut self, tok: Tok) -> PResult<()> {
        if !self.got(tok) {
            return Err(self.want_error(tok));
        }
        Ok(())
    }

    fn want_error(&self, tok: Tok) -> CompileError {
        self.syntax_error(&format!("expected {}", tok.expected_name()))
    }

    /// Like `got(Assign)`, but `:=` is a syntax error.
    fn got_assign(&mut self) -> PResult<bool> {
        match self.tok.tok {
            Tok::Define => Err(self.syntax_error("expected =")),
            Tok::Assign => {
                self.next();
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// A syntax error at the current token.
    fn syntax_error(&self, msg: &str) -> CompileError {
        self.syntax_error_at(self.tok.pos, msg)
    }

    /// gc's `syntaxErrorAt`: messages starting with `in`, `at`, `after` or
    /// `expected` are prefixed by `unexpected <current token>`.
    fn syntax_error_at(&self, pos: Pos, msg: &str) -> CompileError {
        let tail = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            return CompileError::new(pos, format!("syntax error: {msg}"));
        };
        CompileError::new(
            pos,
            format!("syntax error: unexpected {}{}", self.tok.describe(), tail),
        )
    }

    /// Records an error of class 3, keeping the earliest.
    fn defer(&mut self, e: CompileError) {
        if self.deferred.as_ref().is_none_or(|d| e.pos < d.pos) {
            self.deferred = Some(e);
        }
    }

    /// Enters one level of nesting; see [`MAX_DEPTH`].
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::new(
                self.tok.pos,
                "syntax error: nesting too deep",
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn id(&mut self) -> NodeId {
        let id = NodeId(self.next_id);
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    fn mk(&mut self, pos: Pos, kind: ExprKind) -> BExpr {
        Box::new(Expr {
            id: self.id(),
            pos,
            kind,
        })
    }

    fn ident(&mut self, name: String, pos: Pos) -> Ident {
        Ident {
            name,
            pos,
            id: self.id(),
        }
    }

    /// A name used as an expression; it keeps the name's node id.
    fn name_expr(&mut self, n: Ident) -> BExpr {
        Box::new(Expr {
            id: n.id,
            pos: n.pos,
            kind: ExprKind::Ident(n.name),
        })
    }

    /// A stand-in for a construct outside the subset, which has already been
    /// reported as unsupported; the tree holding it is never returned.
    fn placeholder(&mut self, pos: Pos) -> BExpr {
        self.mk(pos, ExprKind::InterfaceType(Vec::new()))
    }

    fn name(&mut self) -> PResult<Ident> {
        if self.tok.tok != Tok::Name {
            return Err(self.syntax_error("expected name"));
        }
        let name = std::mem::take(&mut self.tok.lit);
        let pos = self.tok.pos;
        self.next();
        Ok(self.ident(name, pos))
    }

    /// `first { "," name }`.
    fn name_list(&mut self, first: Ident) -> PResult<Vec<Ident>> {
        let mut names = vec![first];
        while self.got(Tok::Comma) {
            names.push(self.name()?);
        }
        Ok(names)
    }

    /// gc's `list`: `[ f { sep f } [ sep ] ] close`, where `f` returning
    /// true ends the list. Returns the position of `close`.
    fn list(
        &mut self,
        context: &str,
        sep: Tok,
        close: Tok,
        mut f: impl FnMut(&mut Self) -> PResult<bool>,
    ) -> PResult<Pos> {
        let mut done = false;
        while self.tok.tok != Tok::Eof && self.tok.tok != close && !done {
            done = f(self)?;
            // sep is optional before close
            if !self.got(sep) && self.tok.tok != close {
                return Err(self.list_error(context, sep, close));
            }
        }
        let pos = self.tok.pos;
        self.want(close)?;
        Ok(pos)
    }

    // Out of line: formatting takes much stack in unoptimized builds, and
    // `list` is on every recursive path.
    fn list_error(&self, context: &str, sep: Tok, close: Tok) -> CompileError {
        let (sep, close) = (sep.expected_name(), close.expected_name());
        self.syntax_error(&format!("in {context}; possibly missing {sep} or {close}"))
    }
}

/// `x` without enclosing parentheses.
fn unparen(mut x: BExpr) -> BExpr {
    loop {
        match x.kind {
            ExprKind::Paren(inner) => x = inner,
            _ => return x,
        }
    }
}
