//! Tokens (written by the parser work).
