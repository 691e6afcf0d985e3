//! undex: full-text search and term comparison for the UN texts on ICT security,
//! with paragraph-exact citations.

// Input must never stop the library: what depends on it returns an error.
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod analysis;
pub mod compare;
pub mod corpus;
pub mod error;
pub mod import;
pub mod index;
pub mod output;
pub mod search;
mod static_regex;

pub use error::{Diagnostic, Error, Result};
