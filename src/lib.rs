//! undex: full-text search and term comparison for the UN texts on ICT security,
//! with paragraph-exact citations.

pub mod corpus;
pub mod error;

pub use error::{Diagnostic, Error, Result};
