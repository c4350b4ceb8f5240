//! The Go runtime that compiled programs run on.

pub mod fmt;
