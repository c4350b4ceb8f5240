//! Go source to AST: the lexer (with Go's semicolon insertion) and the parser.
//!
//! Anything outside the subset that the grammar alone can spot (channels,
//! `go`, `select`, generics, complex numbers) is rejected here with
//! `unsupported: <what>`.

pub mod ast;
pub mod lexer;
pub mod parser;
pub mod token;
pub mod walk;

use crate::diag::CompileError;

/// Parses one Go source file.
pub fn parse(src: &[u8]) -> Result<ast::File, CompileError> {
    parser::parse_file(src)
}
