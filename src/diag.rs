//! Compile-time errors as values: a position and a message, printed as
//! `file:line:col: message` like Go's toolchain does.

use crate::syntax::ast::Pos;
use std::fmt;

/// An error found before the program runs (syntax, types, or a feature outside the subset).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub pos: Pos,
    pub msg: String,
    /// Further errors in the same file, printed after this one (Go reports
    /// up to ten, sorted by position; see `types::check`).
    pub more: Vec<CompileError>,
}

impl CompileError {
    pub fn new(pos: Pos, msg: impl Into<String>) -> CompileError {
        CompileError {
            pos,
            msg: msg.into(),
            more: Vec::new(),
        }
    }

    /// `unsupported: <what>` for Go that is outside the subset.
    pub fn unsupported(pos: Pos, what: impl fmt::Display) -> CompileError {
        CompileError {
            pos,
            msg: format!("unsupported: {what}"),
            more: Vec::new(),
        }
    }

    /// The error as the toolchain prints it, `file:line:col: message`,
    /// in a program of one file.
    pub fn render(&self, file: &str) -> String {
        self.render_in(&[file.to_string()])
    }

    /// The error as the toolchain prints it, each position in its file
    /// (`names[pos.file]`).
    pub fn render_in(&self, names: &[String]) -> String {
        let file = names
            .get(self.pos.file as usize)
            .or(names.first())
            .map_or("", |s| s.as_str());
        let mut s = format!("{}:{}:{}: {}", file, self.pos.line, self.pos.col, self.msg);
        for e in &self.more {
            s.push('\n');
            s.push_str(&e.render_in(names));
        }
        s
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pos, self.msg)
    }
}

impl std::error::Error for CompileError {}
