//! Parser.
use super::ast::File;
use crate::diag::CompileError;

pub fn parse_file(_src: &[u8]) -> Result<File, CompileError> {
    Err(CompileError::new(Default::default(), "parser not written yet"))
}
