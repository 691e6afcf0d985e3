//! Opening an index: what a folder holds decides between an index, a typed refusal, and (for a search) a first build.

use std::path::Path;

use super::{
    BuildOptions, DEFAULT_CORPUS, DEFAULT_INDEX, Fields, FolderState, Index, IndexInfo, Notice,
    SCHEMA_VERSION, build_from, corpus_key, folder, folder_error, lock, read_info, readonly,
};
use crate::error::{Error, Result};

/// Refuses an index of another schema version than this undex reads.
pub(super) fn check_version(dir: &Path, info: &IndexInfo) -> Result<()> {
    if info.schema_version == SCHEMA_VERSION {
        Ok(())
    } else {
        Err(Error::SchemaVersion {
            dir: dir.to_path_buf(),
            found: info.schema_version,
            expected: SCHEMA_VERSION,
        })
    }
}

impl Index {
    /// Opens the index in `dir` for searching.
    pub fn open(dir: &Path) -> Result<Index> {
        match folder::inspect(dir)? {
            FolderState::Empty => {
                return Err(Error::NoIndex {
                    dir: dir.to_path_buf(),
                });
            }
            FolderState::Index => {}
        }
        let directory = readonly::SearchDirectory::open(dir).map_err(|e| folder_error(dir, e))?;
        let index = tantivy::Index::open(directory).map_err(|e| Error::ForeignIndex {
            dir: dir.to_path_buf(),
            unreadable: Some(e),
        })?;
        let info = match read_info(&index)? {
            Some(info) => info,
            // The first build has created the index but not committed yet.
            None if lock::held(dir) => {
                return Err(Error::FirstBuildRunning {
                    dir: dir.to_path_buf(),
                });
            }
            None if Fields::from_schema(&index.schema()).is_ok() => {
                return Err(Error::Interrupted {
                    dir: dir.to_path_buf(),
                });
            }
            None => {
                return Err(Error::ForeignIndex {
                    dir: dir.to_path_buf(),
                    unreadable: None,
                });
            }
        };
        check_version(dir, &info)?;
        Index::ready(index, info, Some(dir.to_path_buf()))
    }
}

/// Opens the index in `dir` for a search, building it from `corpus_root`
/// first when there is none yet. Returns what the user should be told:
/// that the index was built (with the build's warnings), or that the corpus
/// changed since it was, or cannot be read.
///
/// An index is built on first use only in a folder that exists (and is
/// empty), or at [`DEFAULT_INDEX`] when its parent exists: a mistyped
/// `dir` elsewhere is an error naming it, never a new folder. A corpus
/// other than [`DEFAULT_CORPUS`] that does not exist is an error too (the
/// user named it); the default one missing beside an index is a notice.
pub fn open_or_build(corpus_root: &Path, dir: &Path) -> Result<(Index, Vec<Notice>)> {
    let mut notices = Vec::new();
    if !corpus_root.exists() && corpus_root != Path::new(DEFAULT_CORPUS) {
        return Err(Error::NoCorpus {
            path: corpus_root.to_path_buf(),
        });
    }
    if !dir.exists() && !may_create(dir) {
        return Err(Error::NoIndexFolder {
            dir: dir.to_path_buf(),
        });
    }
    if folder::inspect(dir)? == FolderState::Empty {
        notices.push(Notice::Building {
            dir: dir.to_path_buf(),
            corpus: corpus_root.to_path_buf(),
        });
        let report = build_from(corpus_root, dir, &BuildOptions::default(), &mut |_, _| {})?;
        notices.extend(report.warnings.into_iter().map(Notice::Warning));
        return Ok((Index::open(dir)?, notices));
    }
    let index = Index::open(dir)?;
    // A search checks the folders' stamps only (a few stats), not every file;
    // `None` when the corpus cannot be read.
    let changed = if index.info.stamps.is_empty() {
        crate::corpus::fingerprint(corpus_root)
            .ok()
            .map(|fp| fp != index.info.fingerprint)
    } else if corpus_root.exists() {
        Some(crate::corpus::stamps_changed(
            corpus_root,
            &index.info.stamps,
        ))
    } else {
        None
    };
    let corpus = corpus_root.to_path_buf();
    match changed {
        Some(c) if c || index.info.corpus != corpus_key(corpus_root) => {
            notices.push(Notice::CorpusChanged { corpus });
        }
        Some(_) => {}
        None => notices.push(Notice::CorpusUnreadable { corpus }),
    }
    Ok((index, notices))
}

/// Whether a search may create the index folder `dir` to build the index in
/// it: only the default place, in a folder that exists.
fn may_create(dir: &Path) -> bool {
    dir == Path::new(DEFAULT_INDEX)
        && dir
            .parent()
            .is_some_and(|p| p.as_os_str().is_empty() || p.is_dir())
}
