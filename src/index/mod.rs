//! Building and opening the tantivy index: one document per passage, replaced atomically by tantivy's commit.
//!
//! A build deletes every document and adds the corpus again in one commit:
//! until `meta.json` is atomically replaced at the commit, readers keep
//! seeing the previous index whole, and a build killed before that point
//! leaves only orphan segment files, which the next build's commit removes.

pub mod folder;
pub mod info;
pub mod lock;
mod readonly;
pub mod schema;

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use tantivy::directory::MmapDirectory;
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

pub use folder::FolderState;
pub use info::IndexInfo;
pub use schema::{Fields, SCHEMA_VERSION};

use crate::analysis;
use crate::corpus::{Corpus, Passage};
use crate::error::{Error, Result};

/// How to build an index.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Rebuild even when the corpus has not changed.
    pub rebuild: bool,
    /// Indexing threads (default: the number of cores, at most 4).
    pub threads: Option<usize>,
    /// Memory budget of the writer in bytes, for all threads together.
    pub memory_budget: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            rebuild: false,
            threads: None,
            memory_budget: 256 * 1024 * 1024,
        }
    }
}

/// What a build did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildReport {
    /// Documents in the index.
    pub documents: u64,
    /// Passages in the index.
    pub passages: u64,
    /// False when the index was already up to date and nothing was written.
    pub written: bool,
}

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

fn now() -> u64 {
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

impl Index {
    /// Opens the index in `dir` for searching.
    pub fn open(dir: &Path) -> Result<Index> {
        match folder::inspect(dir)? {
            FolderState::Empty => {
                return Err(Error::Index(format!(
                    "there is no index in {} yet; build it with `undex index`",
                    dir.display()
                )));
            }
            FolderState::Index => {}
        }
        let directory =
            readonly::SearchDirectory::open(dir).map_err(|e| Error::Index(e.to_string()))?;
        let index = tantivy::Index::open(directory).map_err(|e| {
            Error::Index(format!(
                "{} holds a meta.json that is not a readable index ({e}), not an undex index; choose another folder with --index",
                dir.display()
            ))
        })?;
        let info = match read_info(&index)? {
            Some(info) => info,
            // The first build has created the index but not committed yet.
            None if lock::held(dir) => {
                return Err(Error::Index(format!(
                    "the index in {} is being built for the first time; try again when the build has finished",
                    dir.display()
                )));
            }
            None if Fields::from_schema(&index.schema()).is_ok() => {
                return Err(Error::Index(format!(
                    "the first build of the index in {} was interrupted; build it with `undex index`",
                    dir.display()
                )));
            }
            None => {
                return Err(Error::Index(format!(
                    "{} holds the search index of another program, not an undex index; choose another folder with --index",
                    dir.display()
                )));
            }
        };
        if info.schema_version != SCHEMA_VERSION {
            return Err(Error::Index(format!(
                "the index in {} has schema version {} but this undex reads version {SCHEMA_VERSION}; rebuild it with `undex index --rebuild`",
                dir.display(),
                info.schema_version
            )));
        }
        Index::ready(index, info, Some(dir.to_path_buf()))
    }

    fn ready(index: tantivy::Index, info: IndexInfo, dir: Option<PathBuf>) -> Result<Index> {
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
        let info = write_all(
            &index,
            corpus,
            &BuildOptions::default(),
            corpus.fingerprint.clone(),
        )?;
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

/// Builds (or rebuilds) the index of `corpus` in `dir`, replacing the
/// previous index atomically. The corpus must already be loaded and checked.
pub fn build(corpus: &Corpus, dir: &Path, options: &BuildOptions) -> Result<BuildReport> {
    // Refused before anything is written into the folder, not even the lock file.
    inspect_ours(dir)?;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let _lock = lock::acquire(dir)?;
    // Another build may have finished between the first look and the lock.
    let state = inspect_ours(dir)?;
    remove_temporary_files(dir)?;
    let fp = corpus.fingerprint.clone();
    let index = match state {
        FolderState::Empty => create(dir)?,
        FolderState::Index => {
            let directory = MmapDirectory::open(dir).map_err(|e| Error::Index(e.to_string()))?;
            let existing = tantivy::Index::open(directory)?;
            match read_info(&existing)? {
                Some(info)
                    if info.schema_version == SCHEMA_VERSION
                        && Fields::from_schema(&existing.schema()).is_ok() =>
                {
                    if !options.rebuild
                        && info.fingerprint == fp
                        && info.corpus == corpus_name(corpus)
                    {
                        collect_garbage(&existing)?;
                        return Ok(BuildReport {
                            documents: info.documents,
                            passages: info.passages,
                            written: false,
                        });
                    }
                    existing
                }
                // Another schema cannot be read by this undex anyway: start afresh.
                _ => {
                    drop(existing);
                    clear(dir)?;
                    create(dir)?
                }
            }
        }
    };
    analysis::register(index.tokenizers());
    let info = write_all(&index, corpus, options, fp)?;
    Ok(BuildReport {
        documents: info.documents,
        passages: info.passages,
        written: true,
    })
}

/// What `dir` holds, refusing anything but nothing or an index undex built
/// (a tantivy index of another program, or a stray `meta.json`, included).
fn inspect_ours(dir: &Path) -> Result<FolderState> {
    let state = folder::inspect(dir)?;
    if state == FolderState::Index {
        let foreign = |what: String| {
            Error::Index(format!(
                "{} holds {what}, not an undex index; refusing to touch it — choose an empty or new folder with --index",
                dir.display()
            ))
        };
        let directory = MmapDirectory::open(dir).map_err(|e| Error::Index(e.to_string()))?;
        let index = tantivy::Index::open(directory)
            .map_err(|e| foreign(format!("a meta.json that is not a readable index ({e})")))?;
        // Our payload (any schema version), or our schema with no commit yet
        // (a first build that was interrupted).
        if read_info(&index)?.is_none() && Fields::from_schema(&index.schema()).is_err() {
            return Err(foreign("the search index of another program".to_owned()));
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

fn corpus_name(corpus: &Corpus) -> String {
    corpus_key(&corpus.root)
}

/// The corpus path as recorded in an index: canonical, so that `corpus`,
/// `./corpus/` and `/abs/corpus` name the same corpus.
fn corpus_key(root: &Path) -> String {
    root.canonicalize()
        .unwrap_or_else(|_| root.to_path_buf())
        .display()
        .to_string()
}

fn create(dir: &Path) -> Result<tantivy::Index> {
    let directory = MmapDirectory::open(dir).map_err(|e| Error::Index(e.to_string()))?;
    Ok(tantivy::Index::create(
        directory,
        schema::schema(),
        tantivy::IndexSettings::default(),
    )?)
}

/// Removes an old index's files (only names an index has: `inspect` checked).
fn clear(dir: &Path) -> Result<()> {
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

fn write_all(
    index: &tantivy::Index,
    corpus: &Corpus,
    options: &BuildOptions,
    fingerprint: String,
) -> Result<IndexInfo> {
    let fields = Fields::from_schema(&index.schema())?;
    let threads = options
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, 4);
    let budget = options.memory_budget.max(threads * 20_000_000);
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(threads, budget)?;
    writer.delete_all_documents()?;
    let mut passages = 0u64;
    for doc in &corpus.documents {
        let rel = doc.path.strip_prefix(&corpus.root).unwrap_or(&doc.path);
        for p in &doc.passages {
            if let Err(e) =
                writer.add_document(to_document(&fields, doc, p, &rel.to_string_lossy()))
            {
                // The writer only says that a worker stopped; joining the workers says why
                // (a full disk, a read-only folder). Nothing is committed either way.
                return Err(match writer.prepare_commit() {
                    Err(cause) => cause.into(),
                    Ok(prepared) => {
                        let _ = prepared.abort();
                        e.into()
                    }
                });
            }
            passages += 1;
        }
    }
    let info = IndexInfo {
        schema_version: SCHEMA_VERSION,
        undex_version: env!("CARGO_PKG_VERSION").to_owned(),
        corpus: corpus_name(corpus),
        fingerprint,
        documents: corpus.documents.len() as u64,
        passages,
        built_at: now(),
    };
    let payload = serde_json::to_string(&info).map_err(|e| Error::Index(e.to_string()))?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    writer.wait_merging_threads()?;
    Ok(info)
}

fn to_document(
    f: &Fields,
    doc: &crate::corpus::Document,
    p: &Passage,
    path: &str,
) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.id, &p.id);
    d.add_text(f.symbol, &p.symbol);
    d.add_text(f.anchor, &p.anchor);
    d.add_text(f.citation, &p.citation);
    if let Some(t) = &doc.meta.title {
        d.add_text(f.title, t);
    }
    d.add_text(f.kind, doc.meta.kind.as_str());
    d.add_text(f.part, p.part.as_str());
    for pr in &p.process {
        d.add_text(f.process, pr);
    }
    if let Some(s) = &p.section {
        d.add_text(f.section, s);
    }
    let mut cited: Vec<&str> = Vec::new();
    for r in &p.refs {
        d.add_text(f.refs, r);
        let symbol = r.split('#').next().unwrap_or(r);
        if !cited.contains(&symbol) {
            cited.push(symbol);
        }
    }
    for c in cited {
        d.add_text(f.cites, c);
    }
    if let Some(date) = doc.meta.date() {
        d.add_text(f.date, date);
    }
    d.add_text(f.text, &p.text);
    d.add_text(f.text_exact, &p.text);
    d.add_bool(f.excerpt, doc.meta.excerpt);
    if !p.notes.is_empty()
        && let Ok(json) = serde_json::to_string(&p.notes)
    {
        d.add_text(f.notes, &json);
    }
    d.add_u64(f.seq, p.seq);
    d.add_u64(f.words, analysis::word_count(&p.text));
    d.add_u64(f.line, p.line as u64);
    d.add_text(f.path, path);
    d
}

/// Opens the index in `dir` for a search, building it from `corpus_root`
/// first when there is none yet. Returns one-line notices for the user: that
/// the index was built, or that the corpus changed since it was.
pub fn open_or_build(corpus_root: &Path, dir: &Path) -> Result<(Index, Vec<String>)> {
    let mut notices = Vec::new();
    if folder::inspect(dir)? == FolderState::Empty {
        notices.push(format!(
            "there is no index yet in {}: building it from {} first",
            dir.display(),
            corpus_root.display()
        ));
        let corpus = Corpus::load(corpus_root)?;
        build(&corpus, dir, &BuildOptions::default())?;
        return Ok((Index::open(dir)?, notices));
    }
    let index = Index::open(dir)?;
    match crate::corpus::fingerprint(corpus_root) {
        Ok(fp) if fp != index.info.fingerprint || index.info.corpus != corpus_key(corpus_root) => {
            notices.push(format!(
                "the corpus in {} has changed since this index was built; searching the index as it is (run `undex index` to update it)",
                corpus_root.display()
            ));
        }
        Ok(_) => {}
        Err(_) => notices.push(format!(
            "the corpus {} cannot be read; searching the index as it is",
            corpus_root.display()
        )),
    }
    Ok((index, notices))
}
