//! pgojit: a JIT for a subset of Go whose point is profile-guided
//! devirtualization of interface calls.
//!
//! The pipeline: [`syntax`] parses, [`types`] checks, [`bytecode`] lowers to
//! statically typed register bytecode over a frame of 64-bit slots,
//! [`interp`] runs it on the [`runtime`] (Go's type descriptors, itabs,
//! heap, fmt and panics).

pub mod baseline;
pub mod bytecode;
pub mod diag;
pub mod driver;
pub mod interp;
pub mod options;
pub mod runtime;
pub mod stress;
pub mod syntax;
pub mod types;
