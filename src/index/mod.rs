//! Building and opening the tantivy index: one document per passage, replaced atomically by tantivy's commit.
//!
//! A build deletes every document and adds the corpus again in one commit:
//! until `meta.json` is atomically replaced at the commit, readers keep
//! seeing the previous index whole, and a build killed before that point
//! leaves only orphan segment files, which the next build's commit removes.

mod build;
pub(crate) mod columns;
pub mod folder;
mod hold;
pub mod info;
pub mod lock;
mod notice;
mod open;
mod readonly;
pub(crate) mod record;
mod reload;
pub mod schema;
pub mod stats;

pub use build::{BuildMode, BuildOptions, BuildReport, build, build_from};

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use tantivy::directory::MmapDirectory;
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

pub use folder::FolderState;
pub use info::IndexInfo;
pub use notice::Notice;
pub use open::open_or_build;
pub use schema::{Fields, SCHEMA_VERSION};

use crate::analysis;
use crate::corpus::Corpus;
use crate::error::{Error, Result};

/// An open undex index, ready to search.
pub struct Index {
    pub(crate) index: tantivy::Index,
    pub(crate) reader: IndexReader,
    /// Its fields.
    pub fields: Fields,
    /// What it records about itself.
    pub info: IndexInfo,
    /// Where it is (`None` for an index in memory).
    pub dir: Option<PathBuf>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("dir", &self.dir)
            .field("info", &self.info)
            .finish_non_exhaustive()
    }
}

pub(crate) fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn read_info(index: &tantivy::Index) -> Result<Option<IndexInfo>> {
    let metas = index.load_metas()?;
    Ok(metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str::<IndexInfo>(p).ok()))
}

/// The folder `dir` cannot be opened as tantivy's directory.
fn folder_error(dir: &Path, source: tantivy::directory::error::OpenDirectoryError) -> Error {
    Error::Folder {
        dir: dir.to_path_buf(),
        source,
    }
}

impl Index {
    pub(crate) fn ready(
        index: tantivy::Index,
        info: IndexInfo,
        dir: Option<PathBuf>,
    ) -> Result<Index> {
        analysis::register(index.tokenizers());
        let fields = Fields::from_schema(&index.schema())?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Index {
            index,
            reader,
            fields,
            info,
            dir,
        })
    }

    /// Builds an index of `corpus` in memory (for tests and for programs
    /// that search a small corpus without keeping an index).
    pub fn build_in_ram(corpus: &Corpus) -> Result<Index> {
        let index = tantivy::Index::create_in_ram(schema::schema());
        analysis::register(index.tokenizers());
        let info = build::in_ram(&index, corpus)?;
        Index::ready(index, info, None)
    }

    /// The underlying tantivy index, for programs that want to go further.
    pub fn tantivy(&self) -> &tantivy::Index {
        &self.index
    }

    /// A searcher on the index as last committed.
    pub(crate) fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }
}

/// An index folder locked for a build, with its index opened (or created).
pub(crate) struct Prepared {
    pub(crate) _lock: lock::BuildLock,
    pub(crate) index: tantivy::Index,
    /// What the existing index recorded, when it is of this schema.
    pub(crate) previous: Option<IndexInfo>,
}

/// What the index in `dir` records, read without the build lock; `None`
/// for an empty folder or an index of another schema.
pub(crate) fn peek(dir: &Path) -> Result<Option<IndexInfo>> {
    if inspect_ours(dir)? == FolderState::Empty {
        return Ok(None);
    }
    let directory = readonly::SearchDirectory::open(dir).map_err(|e| folder_error(dir, e))?;
    let index = tantivy::Index::open(directory)?;
    Ok(read_info(&index)?.filter(|info| {
        info.schema_version == SCHEMA_VERSION && Fields::from_schema(&index.schema()).is_ok()
    }))
}

/// The schema version of the index in `dir` when it is not this undex's
/// (the build that follows starts it afresh, and says so).
pub(crate) fn older_schema(dir: &Path) -> Option<u32> {
    if inspect_ours(dir).ok()? == FolderState::Empty {
        return None;
    }
    let directory = readonly::SearchDirectory::open(dir).ok()?;
    let index = tantivy::Index::open(directory).ok()?;
    read_info(&index)
        .ok()
        .flatten()
        .map(|info| info.schema_version)
        .filter(|v| *v != SCHEMA_VERSION)
}

/// Checks the folder, takes the build lock, and opens the index there (an
/// index of another schema, which this undex cannot read anyway, is started
/// afresh). What a killed build left behind is cleared first.
pub(crate) fn prepare(dir: &Path) -> Result<Prepared> {
    // Refused before anything is written into the folder, not even the lock file.
    inspect_ours(dir)?;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let lock = lock::acquire(dir)?;
    hold::point("locked");
    // Another build may have finished between the first look and the lock.
    let state = inspect_ours(dir)?;
    remove_temporary_files(dir)?;
    let (index, previous) = match state {
        FolderState::Empty => (create(dir)?, None),
        FolderState::Index => {
            let directory = MmapDirectory::open(dir).map_err(|e| folder_error(dir, e))?;
            let existing = tantivy::Index::open(directory)?;
            match read_info(&existing)? {
                Some(info)
                    if info.schema_version == SCHEMA_VERSION
                        && Fields::from_schema(&existing.schema()).is_ok() =>
                {
                    collect_garbage(&existing)?;
                    (existing, Some(info))
                }
                _ => {
                    drop(existing);
                    clear(dir)?;
                    (create(dir)?, None)
                }
            }
        }
    };
    analysis::register(index.tokenizers());
    Ok(Prepared {
        _lock: lock,
        index,
        previous,
    })
}

/// What `dir` holds, refusing anything but nothing or an index undex built
/// (a tantivy index of another program, or a stray `meta.json`, included).
fn inspect_ours(dir: &Path) -> Result<FolderState> {
    let state = folder::inspect(dir)?;
    if state == FolderState::Index {
        let directory = MmapDirectory::open(dir).map_err(|e| folder_error(dir, e))?;
        let index = tantivy::Index::open(directory).map_err(|e| Error::ForeignIndex {
            dir: dir.to_path_buf(),
            unreadable: Some(e),
        })?;
        // Our payload (any schema version), or our schema with no commit yet
        // (a first build that was interrupted).
        if read_info(&index)?.is_none() && Fields::from_schema(&index.schema()).is_err() {
            return Err(Error::ForeignIndex {
                dir: dir.to_path_buf(),
                unreadable: None,
            });
        }
    }
    Ok(state)
}

/// Removes what a build killed before its commit left behind: segment files
/// no commit uses (tantivy knows them; it removes them at every commit, and
/// here when there is nothing to commit). Readers are safe: tantivy holds its
/// meta lock both while it collects and while a reader opens segments.
fn collect_garbage(index: &tantivy::Index) -> Result<()> {
    let writer: IndexWriter<TantivyDocument> = index.writer_with_num_threads(1, 15_000_000)?;
    writer.garbage_collect_files().wait()?;
    Ok(())
}

/// Whether a build killed before its commit left files in `dir`: segment
/// files the last commit does not use, or temporary files. A look without
/// the lock, to decide whether a build with nothing to index must still
/// take it and clean up.
pub(crate) fn left_behind(dir: &Path) -> bool {
    let Ok(meta) = std::fs::read_to_string(dir.join("meta.json")) else {
        return false;
    };
    let Ok(meta) = serde_json::from_str::<serde_json::Value>(&meta) else {
        return false;
    };
    let used: Vec<String> = meta["segments"]
        .as_array()
        .map(|segments| {
            segments
                .iter()
                .filter_map(|s| s["segment_id"].as_str())
                .map(|id| id.replace('-', ""))
                .collect()
        })
        .unwrap_or_default();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().any(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let stem = name.split('.').next().unwrap_or_default();
        name.starts_with(".tmp")
            || (stem.len() == 32
                && stem.bytes().all(|b| b.is_ascii_hexdigit())
                && !used.iter().any(|u| u == stem))
    })
}

/// Removes the temporary files of an atomic write that was interrupted
/// (tantivy's `.tmp…` before its rename); only a build writes them, and the
/// caller holds the build lock.
fn remove_temporary_files(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        if entry.file_name().to_string_lossy().starts_with(".tmp")
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    Ok(())
}

/// The corpus path as recorded in an index: canonical, so that `corpus`,
/// `./corpus/` and `/abs/corpus` name the same corpus.
pub(crate) fn corpus_key(root: &Path) -> String {
    root.canonicalize()
        .unwrap_or_else(|_| root.to_path_buf())
        .display()
        .to_string()
}

fn create(dir: &Path) -> Result<tantivy::Index> {
    let directory = MmapDirectory::open(dir).map_err(|e| folder_error(dir, e))?;
    Ok(tantivy::Index::create(
        directory,
        schema::schema(),
        tantivy::IndexSettings::default(),
    )?)
}

/// Removes an old index's files (only names an index has: `inspect` checked).
pub(crate) fn clear(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name();
        if name == "README.md" || name == lock::LOCK_FILE {
            continue;
        }
        std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
    }
    Ok(())
}

/// Where the corpus is when nobody says (relative to the working folder).
pub const DEFAULT_CORPUS: &str = "corpus";
/// Where the index is when nobody says (relative to the working folder).
pub const DEFAULT_INDEX: &str = "index";
