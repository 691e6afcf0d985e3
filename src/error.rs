//! The library's one error type, and the `path:line: problem` diagnostics that bad input produces.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem found in an input file, located to its line (1-based; 0 when it
/// concerns the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub path: PathBuf,
    /// The line the problem is on, counted from 1; 0 for the whole file.
    pub line: usize,
    /// What is wrong, in one sentence without a final full stop.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic for `path` at `line`.
    pub fn new(path: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.as_ref().to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        }
    }
}

/// Everything that can go wrong in undex.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// One or more input files are malformed; each diagnostic names its file and line.
    #[error("{}", join_lines(.0))]
    Input(Vec<Diagnostic>),
    /// Reading or writing a file failed.
    #[error("{}: {error}", .path.display())]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The underlying error, shown in the message and kept as the
        /// source, so that a caller can tell its kind (a closed pipe is not
        /// an error for a command line). A printer that walks the chain
        /// skips a cause the message already ends with.
        #[source]
        error: std::io::Error,
    },
    /// The index folder cannot be used as it is (not an undex index, another
    /// schema version, being built by another process, …).
    #[error("{0}")]
    Index(String),
    /// A filter names a document or process the index does not hold (the
    /// message names the closest ones it does).
    #[error("{0}")]
    NotInIndex(String),
    /// A filter names a value it can never take (a part or kind of
    /// document that is none), which would select nothing.
    #[error("invalid value '{value}' for {filter} [possible values: {}]", .possible.join(", "))]
    InvalidValue {
        /// The filter: `part` or `kind`.
        filter: &'static str,
        /// The value given.
        value: String,
        /// The values the filter takes.
        possible: Vec<&'static str>,
    },
    /// The query cannot be understood at all.
    #[error("query: {0}")]
    Query(String),
    /// An error inside the search engine.
    #[error("search engine: {0}")]
    Engine(#[from] tantivy::TantivyError),
    /// A chart could not be drawn.
    #[error("plot: {0}")]
    Plot(String),
}

fn join_lines(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            error: source,
        }
    }

    /// A single diagnostic as an error.
    pub fn input(path: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Error::Input(vec![Diagnostic::new(path, line, message)])
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
