//! undex: full-text search and term comparison for the UN texts on ICT security,
//! with paragraph-exact citations.

pub mod error;
pub mod import;

pub use error::{Diagnostic, Error, Result};
