//! What opening an index on first use tells the user: typed notices, each of which says what happened (a front end adds what to do about it).

use std::fmt;
use std::path::PathBuf;

/// Something [`open_or_build`](super::open_or_build) did or found that the
/// user should know, though the search goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Notice {
    /// There was no index yet: it is being built from the corpus first.
    Building {
        /// The index folder.
        dir: PathBuf,
        /// The corpus it is built from.
        corpus: PathBuf,
    },
    /// A warning of that build (a skipped file, a gap in numbering, an
    /// excerpt replaced by its full text), one line.
    Warning(String),
    /// The corpus has changed since the index was built; the index is
    /// searched as it is.
    CorpusChanged {
        /// The corpus folder.
        corpus: PathBuf,
    },
    /// The corpus cannot be read (it is gone, or unreadable); the index is
    /// searched as it is.
    CorpusUnreadable {
        /// The corpus folder.
        corpus: PathBuf,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Building { dir, corpus } => write!(
                f,
                "there is no index yet in {}: building it from {} first",
                dir.display(),
                corpus.display()
            ),
            Notice::Warning(line) => f.write_str(line),
            Notice::CorpusChanged { corpus } => write!(
                f,
                "the corpus in {} has changed since this index was built; searching the index as it is",
                corpus.display()
            ),
            Notice::CorpusUnreadable { corpus } => write!(
                f,
                "the corpus {} cannot be read; searching the index as it is",
                corpus.display()
            ),
        }
    }
}
