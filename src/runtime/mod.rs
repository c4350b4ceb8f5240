//! The Go runtime that compiled programs run on: type descriptors and
//! itabs, the heap, panics, string comparison, and `fmt`.

pub mod atof;
pub mod fmt;
pub mod growslice;
pub mod heap;
pub mod panic;
pub mod strings;
pub mod typedesc;
pub mod unicode_tables;
