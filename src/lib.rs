//! undex: full-text search and term comparison for the UN texts on ICT security,
//! with paragraph-exact citations.

pub mod analysis;
pub mod compare;
pub mod corpus;
pub mod error;
pub mod export;
pub mod import;
pub mod index;
pub mod output;
pub mod search;

pub use error::{Diagnostic, Error, Result};
