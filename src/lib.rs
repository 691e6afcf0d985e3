//! undex: full-text search and term comparison for the UN texts on ICT
//! security, with paragraph-exact citations.
//!
//! # Brief overview
//!
//! A corpus is a folder of text files, one document each (TOML front matter,
//! then paragraphs as the UN prints them; see `docs/corpus-format.md`).
//! [`corpus::Corpus::load`] reads and checks it, cutting every document into
//! passages with their anchors and citations; [`index::build`] writes the
//! tantivy index (replacing a previous one atomically); [`index::Index::open`]
//! opens it for [`search`](index::Index::search), [`show`](index::Index::show),
//! [`compare`](index::Index::compare), [`kwic`](index::Index::kwic),
//! [`distinctive`](index::Index::distinctive), [`align`](index::Index::align),
//! [`export`](index::Index::export) and [`stats`](index::Index::stats).
//! [`import::import_text`] turns text extracted from UN PDFs into corpus files.
//! Every fallible function returns this crate's one [`Error`].
//!
//! # Example
//!
//! Index three small documents in a temporary folder and search them:
//!
//! ```
//! use undex::corpus::Corpus;
//! use undex::index::{self, BuildOptions, Index};
//! use undex::search::SearchOptions;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = tempfile::tempdir()?;
//! let corpus = dir.path().join("corpus");
//! std::fs::create_dir(&corpus)?;
//! std::fs::write(
//!     corpus.join("oewg.txt"),
//!     "+++\nsymbol = \"A/RES/73/27\"\nprocess = \"OEWG\"\nexcerpt = true\n+++\n\n\
//!      The General Assembly,\n\n\
//!      5. Decides to convene an open-ended working group acting on a consensus basis;\n",
//! )?;
//! std::fs::write(
//!     corpus.join("gge.txt"),
//!     "+++\nsymbol = \"A/RES/73/266\"\nprocess = \"GGE\"\nexcerpt = true\n+++\n\n\
//!      4. Requests consultations with regional organizations;\n",
//! )?;
//! std::fs::write(
//!     corpus.join("notes.md"),
//!     "+++\nsymbol = \"Doe2020\"\nkind = \"commentary\"\nauthor = \"Jane Doe\"\ndate = \"2020\"\n+++\n\n\
//!      ### Consensus\n\nThe OEWG works by consensus (A/RES/73/27, para. 5).\n",
//! )?;
//!
//! let corpus = Corpus::load(&corpus)?;
//! let index_dir = dir.path().join("index");
//! index::build(&corpus, &index_dir, &BuildOptions::default())?;
//! let index = Index::open(&index_dir)?;
//!
//! let results = index.search(&SearchOptions {
//!     query: "consensus basis".into(),
//!     ..SearchOptions::default()
//! })?;
//! assert_eq!(results.hits[0].passage.citation, "A/RES/73/27, para. 5");
//! assert_eq!(results.hits[0].passage.process, ["OEWG"]);
//!
//! // The commentary refers to that paragraph.
//! let shown = index.show("A/RES/73/27#OP5")?;
//! assert_eq!(shown.cited_by[0].citation, "Doe 2020, \"Consensus\", para. 1");
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]
// Input must never stop the library: what depends on it returns an error.
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod analysis;
pub mod compare;
pub mod corpus;
pub mod diff;
pub mod error;
pub mod export;
pub mod import;
pub mod index;
pub mod output;
mod pool;
pub mod search;
mod static_regex;

pub use error::{Diagnostic, Error, ErrorKind, Result};
