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
///
/// Each variant says what happened, never what to type: what a user should
/// do next depends on the front end (a command line suggests a command, a
/// server a status code), so the advice is the front end's. [`Error::kind`]
/// sorts the variants for that purpose.
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
    /// The index folder exists (or may be made) but holds no index yet.
    #[error("there is no index in {} yet", .dir.display())]
    NoIndex {
        /// The index folder.
        dir: PathBuf,
    },
    /// The index folder does not exist, and is not one that may be made on
    /// first use (only the default place is): a mistyped folder is never created.
    #[error("there is no index in {}: the folder does not exist", .dir.display())]
    NoIndexFolder {
        /// The folder named.
        dir: PathBuf,
    },
    /// A corpus folder that was named does not exist.
    #[error("the corpus {} does not exist", .path.display())]
    NoCorpus {
        /// The corpus named.
        path: PathBuf,
    },
    /// The index folder is a file.
    #[error("{} is a file, not an index folder", .path.display())]
    NotAFolder {
        /// The path named as the index folder.
        path: PathBuf,
    },
    /// The index folder holds files an undex index never has (a thesis, a
    /// subfolder): it is left untouched.
    #[error("{} is not an undex index folder (it holds {})", .dir.display(), listed(.files))]
    ForeignFolder {
        /// The folder.
        dir: PathBuf,
        /// The names of the files that do not belong in an index, sorted.
        files: Vec<String>,
    },
    /// The index folder holds a tantivy index that undex did not build, or
    /// a `meta.json` that tantivy cannot read: it is left untouched.
    #[error("{}", foreign_index(.dir, .unreadable.as_ref()))]
    ForeignIndex {
        /// The folder.
        dir: PathBuf,
        /// Why tantivy could not read its `meta.json`; `None` when it could
        /// (a readable index of another program).
        #[source]
        unreadable: Option<tantivy::TantivyError>,
    },
    /// The first build of the index is running and has not committed yet.
    #[error("the index in {} is being built for the first time", .dir.display())]
    FirstBuildRunning {
        /// The index folder.
        dir: PathBuf,
    },
    /// The first build of the index stopped before its commit: the folder
    /// holds an undex schema but nothing committed.
    #[error("the first build of the index in {} was interrupted", .dir.display())]
    Interrupted {
        /// The index folder.
        dir: PathBuf,
    },
    /// Another process holds the build lock of the index.
    #[error("{} is building the index in {} right now", holder(*.pid), .dir.display())]
    Busy {
        /// The index folder.
        dir: PathBuf,
        /// The process that holds the lock, when it could be read.
        pid: Option<u32>,
    },
    /// The index was built with another schema version than this undex reads.
    #[error(
        "the index in {} has schema version {found} but this undex reads version {expected}",
        .dir.display()
    )]
    SchemaVersion {
        /// The index folder.
        dir: PathBuf,
        /// The version the index records.
        found: u32,
        /// The version this undex reads ([`crate::index::SCHEMA_VERSION`]).
        expected: u32,
    },
    /// The index lacks a field this undex needs: another version built it.
    #[error("the index has no field `{field}`: it was not built by this version of undex")]
    MissingField {
        /// The field's name.
        field: String,
    },
    /// The index folder cannot be opened as a directory of index files.
    #[error("{source}")]
    Folder {
        /// The index folder.
        dir: PathBuf,
        /// What tantivy's directory said.
        #[source]
        source: tantivy::directory::error::OpenDirectoryError,
    },
    /// What the index records about itself (the commit payload) could not
    /// be written as JSON; said in serde_json's words.
    #[error("{0}")]
    Payload(#[source] serde_json::Error),
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
    /// A program undex runs to read an input (`pdftotext`, for a PDF) is
    /// not installed, or not on the `PATH`.
    #[error("reading a PDF needs {program}, which is not installed")]
    MissingProgram {
        /// The input that needs it.
        path: PathBuf,
        /// The program's name.
        program: &'static str,
    },
}

/// What kind of failure an [`Error`] is, for a front end that answers each
/// kind alike: a command line with its advice, a server with a status
/// ([`ErrorKind::http_status`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The request is malformed: a query with no word, a malformed input
    /// file. Asking again the same way will fail the same way.
    Invalid,
    /// What the request names does not exist: no index, no such corpus or
    /// index folder, a document or process the index does not hold.
    NotFound,
    /// A build is running; the same request can succeed once it has
    /// finished.
    Busy,
    /// The index folder cannot be used as it is, and retrying will not help
    /// until someone acts: it is not an undex index, has another schema, or
    /// its first build was interrupted.
    Unusable,
    /// Something failed underneath: the file system, the search engine,
    /// drawing a chart.
    Failed,
}

impl ErrorKind {
    /// The HTTP status a server answers with: 400 for [`Invalid`](Self::Invalid),
    /// 404 for [`NotFound`](Self::NotFound), 503 for [`Busy`](Self::Busy)
    /// (worth a `Retry-After`) and [`Unusable`](Self::Unusable) (the index
    /// cannot serve until it is rebuilt or replaced), 500 for
    /// [`Failed`](Self::Failed).
    pub fn http_status(self) -> u16 {
        match self {
            ErrorKind::Invalid => 400,
            ErrorKind::NotFound => 404,
            ErrorKind::Busy | ErrorKind::Unusable => 503,
            ErrorKind::Failed => 500,
        }
    }
}

fn join_lines(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first three names, and an ellipsis for more.
fn listed(names: &[String]) -> String {
    let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
    let more = if names.len() > 3 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

fn foreign_index(dir: &Path, unreadable: Option<&tantivy::TantivyError>) -> String {
    match unreadable {
        Some(e) => format!(
            "{} holds a meta.json that is not a readable index ({e}), not an undex index",
            dir.display()
        ),
        None => format!(
            "{} holds the search index of another program, not an undex index",
            dir.display()
        ),
    }
}

fn holder(pid: Option<u32>) -> String {
    match pid {
        Some(p) => format!("process {p}"),
        None => "another undex process".to_owned(),
    }
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

    /// What kind of failure this is (see [`ErrorKind`]).
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Input(_) | Error::Query(_) | Error::InvalidValue { .. } => ErrorKind::Invalid,
            Error::NoIndex { .. }
            | Error::NoIndexFolder { .. }
            | Error::NoCorpus { .. }
            | Error::NotInIndex(_) => ErrorKind::NotFound,
            Error::Busy { .. } | Error::FirstBuildRunning { .. } => ErrorKind::Busy,
            Error::NotAFolder { .. }
            | Error::ForeignFolder { .. }
            | Error::ForeignIndex { .. }
            | Error::Interrupted { .. }
            | Error::SchemaVersion { .. }
            | Error::MissingField { .. } => ErrorKind::Unusable,
            Error::Io { .. }
            | Error::Folder { .. }
            | Error::Payload(_)
            | Error::Engine(_)
            | Error::Plot(_)
            | Error::MissingProgram { .. } => ErrorKind::Failed,
        }
    }

    /// What went wrong at the bottom, said as the system says it: for an
    /// error of the search engine whose cause is an I/O error, the system's
    /// own words (`No space left on device (os error 28)`) rather than the
    /// engine's message, which nests its causes three deep; for any other
    /// error, its message.
    pub fn root_cause(&self) -> String {
        match self {
            Error::Engine(e) => engine_root_cause(e),
            e => e.to_string(),
        }
    }
}

/// [`Error::root_cause`] of an engine error.
fn engine_root_cause(e: &tantivy::TantivyError) -> String {
    use tantivy::TantivyError as T;
    use tantivy::directory::error::{LockError, OpenReadError, OpenWriteError};
    let io = match e {
        T::IoError(io)
        | T::OpenWriteError(OpenWriteError::IoError { io_error: io, .. })
        | T::OpenReadError(OpenReadError::IoError { io_error: io, .. })
        | T::LockFailure(LockError::IoError(io), _) => io,
        _ => return e.to_string(),
    };
    // The system's own words are in the innermost error with an OS code.
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(io.as_ref());
    while let Some(c) = cause {
        if let Some(code) = c
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::raw_os_error)
        {
            return std::io::Error::from_raw_os_error(code).to_string();
        }
        cause = c
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .map(|inner| inner as &(dyn std::error::Error + 'static))
            .or_else(|| c.source());
    }
    match io.kind() {
        std::io::ErrorKind::StorageFull => "no space left on the device".to_owned(),
        std::io::ErrorKind::ReadOnlyFilesystem => "read-only file system".to_owned(),
        kind => kind.to_string(),
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use std::error::Error as _;
    use std::io;
    use std::sync::Arc;

    use super::*;

    fn dir() -> PathBuf {
        PathBuf::from("idx")
    }

    /// One of every variant, with the kind a front end answers it with.
    fn every_variant() -> Vec<(Error, ErrorKind)> {
        let unreadable = tantivy::TantivyError::InvalidArgument("bad meta".into());
        vec![
            (Error::input("a.txt", 3, "no symbol"), ErrorKind::Invalid),
            (Error::Query("no words".into()), ErrorKind::Invalid),
            (
                Error::InvalidValue {
                    filter: "part",
                    value: "annexe".into(),
                    possible: vec!["operative"],
                },
                ErrorKind::Invalid,
            ),
            (Error::NoIndex { dir: dir() }, ErrorKind::NotFound),
            (Error::NoIndexFolder { dir: dir() }, ErrorKind::NotFound),
            (Error::NoCorpus { path: "c".into() }, ErrorKind::NotFound),
            (
                Error::NotInIndex("no document X".into()),
                ErrorKind::NotFound,
            ),
            (
                Error::Busy {
                    dir: dir(),
                    pid: Some(42),
                },
                ErrorKind::Busy,
            ),
            (Error::FirstBuildRunning { dir: dir() }, ErrorKind::Busy),
            (Error::NotAFolder { path: dir() }, ErrorKind::Unusable),
            (
                Error::ForeignFolder {
                    dir: dir(),
                    files: vec!["thesis.docx".into()],
                },
                ErrorKind::Unusable,
            ),
            (
                Error::ForeignIndex {
                    dir: dir(),
                    unreadable: Some(unreadable),
                },
                ErrorKind::Unusable,
            ),
            (Error::Interrupted { dir: dir() }, ErrorKind::Unusable),
            (
                Error::SchemaVersion {
                    dir: dir(),
                    found: 1,
                    expected: 4,
                },
                ErrorKind::Unusable,
            ),
            (
                Error::MissingField {
                    field: "symbol".into(),
                },
                ErrorKind::Unusable,
            ),
            (
                Error::io("x", io::Error::from(io::ErrorKind::PermissionDenied)),
                ErrorKind::Failed,
            ),
            (
                Error::Folder {
                    dir: dir(),
                    source: tantivy::directory::error::OpenDirectoryError::NotADirectory(dir()),
                },
                ErrorKind::Failed,
            ),
            (
                Error::Engine(tantivy::TantivyError::SchemaError("x".into())),
                ErrorKind::Failed,
            ),
            (Error::Plot("no font".into()), ErrorKind::Failed),
            (
                Error::MissingProgram {
                    path: "a.pdf".into(),
                    program: "pdftotext",
                },
                ErrorKind::Failed,
            ),
        ]
    }

    #[test]
    fn every_variant_has_its_kind_and_status() {
        for (e, kind) in every_variant() {
            assert_eq!(e.kind(), kind, "{e:?}");
        }
        assert_eq!(ErrorKind::Invalid.http_status(), 400);
        assert_eq!(ErrorKind::NotFound.http_status(), 404);
        assert_eq!(ErrorKind::Busy.http_status(), 503);
        assert_eq!(ErrorKind::Unusable.http_status(), 503);
        assert_eq!(ErrorKind::Failed.http_status(), 500);
    }

    #[test]
    fn messages_say_what_happened_never_what_to_type() {
        for (e, _) in every_variant() {
            let text = e.to_string();
            assert!(!text.is_empty(), "{e:?}");
            for advice in ["`undex", "--index", "--rebuild", "try again", "choose"] {
                assert!(!text.contains(advice), "{text}");
            }
        }
    }

    #[test]
    fn the_index_conditions_name_what_they_found() {
        let said = |e: Error| e.to_string();
        assert_eq!(
            said(Error::Busy {
                dir: dir(),
                pid: Some(42)
            }),
            "process 42 is building the index in idx right now"
        );
        assert_eq!(
            said(Error::Busy {
                dir: dir(),
                pid: None
            }),
            "another undex process is building the index in idx right now"
        );
        assert_eq!(
            said(Error::SchemaVersion {
                dir: dir(),
                found: 1,
                expected: 4
            }),
            "the index in idx has schema version 1 but this undex reads version 4"
        );
        let files = |n: usize| (0..n).map(|i| format!("f{i}")).collect::<Vec<_>>();
        assert_eq!(
            said(Error::ForeignFolder {
                dir: dir(),
                files: files(3)
            }),
            "idx is not an undex index folder (it holds f0, f1, f2)"
        );
        assert_eq!(
            said(Error::ForeignFolder {
                dir: dir(),
                files: files(4)
            }),
            "idx is not an undex index folder (it holds f0, f1, f2, …)"
        );
        assert_eq!(
            said(Error::ForeignIndex {
                dir: dir(),
                unreadable: None
            }),
            "idx holds the search index of another program, not an undex index"
        );
    }

    #[test]
    fn causes_are_kept_as_sources() {
        let e = Error::io("out", io::Error::from(io::ErrorKind::BrokenPipe));
        let io = e.source().and_then(|s| s.downcast_ref::<io::Error>());
        assert_eq!(io.map(io::Error::kind), Some(io::ErrorKind::BrokenPipe));

        let e = Error::ForeignIndex {
            dir: dir(),
            unreadable: Some(tantivy::TantivyError::InvalidArgument("bad meta".into())),
        };
        let cause = e.source().map(ToString::to_string).unwrap_or_default();
        assert!(cause.contains("bad meta"), "{cause}");
        // The message says the cause where it belongs, in the sentence.
        assert!(e.to_string().contains(&format!("({cause})")), "{e}");
        assert!(
            Error::ForeignIndex {
                dir: dir(),
                unreadable: None
            }
            .source()
            .is_none()
        );
    }

    fn engine(e: io::Error) -> Error {
        Error::Engine(tantivy::TantivyError::IoError(Arc::new(e)))
    }

    #[test]
    fn the_root_cause_of_an_engine_error_is_the_systems_own_words() {
        let full = io::Error::from_raw_os_error(28);
        let words = full.to_string();
        assert!(words.contains("os error 28"), "{words}");
        assert_eq!(engine(io::Error::from_raw_os_error(28)).root_cause(), words);
        // Found however deep the engine wrapped it.
        let wrapped = io::Error::other(io::Error::other(io::Error::from_raw_os_error(28)));
        assert_eq!(engine(wrapped).root_cause(), words);
        let write = tantivy::TantivyError::OpenWriteError(
            tantivy::directory::error::OpenWriteError::IoError {
                io_error: Arc::new(io::Error::from_raw_os_error(30)),
                filepath: "seg".into(),
            },
        );
        assert_eq!(
            Error::Engine(write).root_cause(),
            io::Error::from_raw_os_error(30).to_string()
        );
        // Without an OS code, the kind says it.
        assert_eq!(
            engine(io::Error::from(io::ErrorKind::StorageFull)).root_cause(),
            "no space left on the device"
        );
        // Anything else is its own message.
        let schema = Error::Engine(tantivy::TantivyError::SchemaError("x".into()));
        assert_eq!(
            schema.root_cause(),
            schema.to_string().replace("search engine: ", "")
        );
        let busy = Error::Busy {
            dir: dir(),
            pid: None,
        };
        assert_eq!(busy.root_cause(), busy.to_string());
    }
}
