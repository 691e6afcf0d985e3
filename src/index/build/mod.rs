//! Building an index, the one path every build takes: the folder locked, the corpus checked and linked by `corpus::check`, every passage written by `record`, and one commit carrying the index's info.
//!
//! `build` takes a corpus loaded already, `build_from` reads a corpus folder
//! itself (streaming, and incrementally when it can); both write in full
//! through [`full`] and commit through [`commit`], so that they agree on
//! what is indexed and on what the commit records.

mod full;
mod incremental;

use std::path::Path;
use std::time::UNIX_EPOCH;

use tantivy::{IndexWriter, TantivyDocument, Term};

use super::record::to_document;
use super::{
    Fields, IndexInfo, Prepared, SCHEMA_VERSION, clear, corpus_key, hold, left_behind, lock,
    older_schema, peek, prepare,
};
use crate::corpus::{self, BadFile, Corpus, Document, Stamp, jsonl};
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
    /// Index every file that passes the checks and leave the bad ones out
    /// (listed in [`BuildReport::left_out`]) instead of refusing the corpus.
    pub skip_bad: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            rebuild: false,
            threads: None,
            memory_budget: 256 * 1024 * 1024,
            skip_bad: false,
        }
    }
}

/// How a build went about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildMode {
    /// Every document indexed anew.
    Full,
    /// Only changed, added and removed documents re-indexed.
    Incremental {
        /// Documents added or changed.
        changed: u64,
        /// Documents removed.
        removed: u64,
    },
    /// Nothing had changed; nothing was written.
    UpToDate,
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
    /// Full, incremental, or nothing to do.
    pub mode: BuildMode,
    /// Things worth telling the user (one line each): skipped files, gaps in
    /// numbering, an excerpt replaced by its full text.
    pub warnings: Vec<String>,
    /// The files left out, each with its problems (only with
    /// [`BuildOptions::skip_bad`]); the index holds every other file.
    pub left_out: Vec<BadFile>,
}

impl BuildReport {
    fn up_to_date(info: &IndexInfo) -> BuildReport {
        BuildReport {
            documents: info.documents,
            passages: info.passages,
            written: false,
            mode: BuildMode::UpToDate,
            warnings: Vec::new(),
            left_out: Vec::new(),
        }
    }

    fn written(
        info: &IndexInfo,
        mode: BuildMode,
        warnings: Vec<String>,
        left_out: Vec<BadFile>,
    ) -> BuildReport {
        BuildReport {
            documents: info.documents,
            passages: info.passages,
            written: true,
            mode,
            warnings,
            left_out,
        }
    }
}

/// The corpus as a build records it, taken before its files are read: an
/// edit made while they are read then shows as a change at the next check.
struct Origin {
    /// The corpus's key ([`corpus_key`]).
    corpus: String,
    fingerprint: String,
    stamps: Vec<Stamp>,
}

impl Origin {
    fn of(corpus: &Corpus) -> Origin {
        Origin {
            corpus: corpus_key(&corpus.root),
            fingerprint: corpus.fingerprint.clone(),
            stamps: corpus.stamps.clone(),
        }
    }

    /// Whether the index `info` describes was built from this very corpus.
    fn built(&self, info: &IndexInfo) -> bool {
        info.corpus == self.corpus && info.fingerprint == self.fingerprint
    }

    /// What a commit records: the counts, and the files of the corpus at
    /// `root` that are `left_out`.
    fn info(&self, documents: u64, passages: u64, root: &Path, left_out: &[BadFile]) -> IndexInfo {
        let mut info = IndexInfo::new(
            self.corpus.clone(),
            self.fingerprint.clone(),
            self.stamps.clone(),
            documents,
            passages,
        );
        info.left_out = left_out_of(root, left_out);
        info
    }
}

/// Builds (or rebuilds) the index of `corpus` in `dir`, replacing the
/// previous index atomically. The corpus must already be loaded and checked;
/// [`build_from`] reads a corpus folder itself, streaming, and incrementally.
pub fn build(corpus: &Corpus, dir: &Path, options: &BuildOptions) -> Result<BuildReport> {
    let prepared = prepare(dir)?;
    let origin = Origin::of(corpus);
    if let Some(info) = &prepared.previous
        && !options.rebuild
        && origin.built(info)
        && info.left_out == left_out_of(&corpus.root, &corpus.left_out)
    {
        return Ok(BuildReport::up_to_date(info));
    }
    let source = full::Source::Loaded(corpus);
    in_full(
        prepared,
        dir,
        source,
        options,
        &origin,
        corpus.warnings.clone(),
        &mut |_, _| {},
    )
}

/// Reads the corpus at `root` and builds its index in `dir`: incrementally
/// when an index of this schema for this corpus is there (only changed,
/// added and removed documents, by symbol), in full otherwise or with
/// `rebuild`. `progress(done, total)` is called as files are read.
///
/// Every file is checked before anything is committed: a bad file is
/// reported with the others and the previous index stays as it was; with
/// `skip_bad`, the bad files are left out instead ([`BuildReport::left_out`])
/// and every other file is indexed, unless none passes. An index that
/// left files out is not up to date for a build that does not skip them:
/// that build checks the corpus again, and refuses it while they are bad.
pub fn build_from(
    root: &Path,
    dir: &Path,
    options: &BuildOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<BuildReport> {
    if jsonl::is_jsonl(root) && root.is_file() {
        return build(&Corpus::load_jsonl(root)?, dir, options);
    }
    let listing = corpus::list(root)?;
    let origin = Origin {
        corpus: corpus_key(root),
        fingerprint: listing.fingerprint,
        stamps: listing.stamps,
    };
    let mut warnings = listing.warnings;
    let files = listing.files.as_slice();
    // What is there now, read without the lock: an unchanged corpus, or a
    // bad one, leaves the folder exactly as it was.
    let previous = peek(dir)?;
    if let Some(version) = older_schema(dir) {
        warnings.push(format!(
            "the index in {} has schema version {version}; this undex builds version {SCHEMA_VERSION}, so it is built again in full",
            dir.display()
        ));
    }
    lock::refuse_if_busy(dir)?;
    let mut prepared = None;
    if let Some(previous) = &previous
        && !options.rebuild
        && previous.corpus == origin.corpus
    {
        // Files left out are read again, to be indexed or reported.
        let unchanged = origin.built(previous) && previous.left_out.is_empty();
        if unchanged && !left_behind(dir) {
            return Ok(BuildReport::up_to_date(previous));
        }
        // Taking the lock collects what a killed build left behind, even
        // when there is nothing to index.
        let locked = prepare(dir)?;
        // Another build may have committed since the look: then build in full.
        if locked.previous.as_ref() == Some(previous) {
            if unchanged {
                return Ok(BuildReport::up_to_date(previous));
            }
            if let Some(report) =
                incremental::update(&locked, root, files, options, &origin, &mut warnings)?
            {
                return Ok(report);
            }
        }
        prepared = Some(locked);
    }
    let prepared = match prepared {
        Some(p) => p,
        None => prepare(dir)?,
    };
    let source = full::Source::Files { root, files };
    in_full(prepared, dir, source, options, &origin, warnings, progress)
}

/// Writes the index of `corpus` into `index`, created in memory.
pub(crate) fn in_ram(index: &tantivy::Index, corpus: &Corpus) -> Result<IndexInfo> {
    let source = full::Source::Loaded(corpus);
    let options = BuildOptions::default();
    let (info, _, _) = full::write(
        index,
        source,
        &options,
        &Origin::of(corpus),
        Vec::new(),
        &mut |_, _| {},
    )?;
    Ok(info)
}

/// A full build in the folder `prepared` holds locked. A first build that
/// fails leaves the folder as it found it: empty.
fn in_full(
    prepared: Prepared,
    dir: &Path,
    source: full::Source<'_>,
    options: &BuildOptions,
    origin: &Origin,
    warnings: Vec<String>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<BuildReport> {
    let fresh = prepared.previous.is_none();
    match full::write(&prepared.index, source, options, origin, warnings, progress) {
        Ok((info, warnings, left_out)) => Ok(BuildReport::written(
            &info,
            BuildMode::Full,
            warnings,
            left_out,
        )),
        Err(e) => {
            if fresh {
                clear(dir)?;
            }
            drop(prepared);
            Err(e)
        }
    }
}

/// The paths of the files `left_out`, relative to the corpus at `root`, as
/// the index records them.
fn left_out_of(root: &Path, left_out: &[BadFile]) -> Vec<String> {
    left_out.iter().map(|f| relative(root, &f.path)).collect()
}

/// `path` relative to the corpus at `root`, as the index records it.
fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

/// A writer with the options' threads (default: one per core, at most 4) and budget.
fn writer_for(
    index: &tantivy::Index,
    options: &BuildOptions,
) -> Result<IndexWriter<TantivyDocument>> {
    let threads = options
        .threads
        .unwrap_or_else(crate::pool::cores)
        .clamp(1, 4);
    let budget = options.memory_budget.max(threads * 20_000_000);
    Ok(index.writer_with_num_threads(threads, budget)?)
}

/// Parser threads for a build: parsing is a small share of it (tantivy's
/// indexing threads do most of the work), so half the cores keep the writer
/// fed without taking the cores from it.
fn parser_threads() -> usize {
    (crate::pool::cores() / 2).clamp(1, 4)
}

/// Adds every passage of `doc` (read from a file under `root` whose size and
/// modification time are `stat`); how many it added.
fn add_document(
    writer: &IndexWriter<TantivyDocument>,
    fields: &Fields,
    root: &Path,
    doc: &Document,
    stat: (u64, u64),
) -> tantivy::Result<u64> {
    let rel = relative(root, &doc.path);
    for p in &doc.passages {
        writer.add_document(to_document(fields, doc, p, &rel, stat))?;
    }
    Ok(doc.passages.len() as u64)
}

/// Takes every passage of the document `symbol` out of the index (of what
/// was added before: a delete never removes what is added after it).
fn delete_symbol(writer: &IndexWriter<TantivyDocument>, fields: &Fields, symbol: &str) {
    writer.delete_term(Term::from_field_text(fields.symbol, &symbol.to_lowercase()));
}

/// Why the writer stopped: it only says that a worker stopped; joining the
/// workers says why (a full disk, a read-only folder). Nothing is committed.
fn worker_failure(mut writer: IndexWriter<TantivyDocument>, e: tantivy::TantivyError) -> Error {
    match writer.prepare_commit() {
        Err(cause) => cause.into(),
        Ok(prepared) => {
            let _ = prepared.abort();
            e.into()
        }
    }
}

/// Commits with the index's info as payload, so that the two change
/// together. A full build waits for the segment merges (searches are faster
/// on fewer segments); an incremental one does not: a merge cut short loses
/// nothing committed, and the next build's merges take it up.
fn commit(
    mut writer: IndexWriter<TantivyDocument>,
    info: &IndexInfo,
    wait_merges: bool,
) -> Result<()> {
    let payload = serde_json::to_string(info).map_err(Error::Payload)?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    hold::point("before-commit");
    prepared.commit()?;
    hold::point("committed");
    if wait_merges {
        writer.wait_merging_threads()?;
    }
    Ok(())
}

/// Size and modification time (ns) of a file, as incremental builds compare them.
fn file_stat(path: &Path) -> (u64, u64) {
    std::fs::metadata(path).map_or((0, 0), |m| {
        let t = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .and_then(|d| u64::try_from(d.as_nanos()).ok())
            .unwrap_or(0);
        (m.len(), t)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Index;

    const GOOD: &str = "+++\nsymbol = \"A/RES/99/1\"\n+++\n\n1. Notes;\n\n2. Decides;\n";
    const BAD: &str = "+++\nsymbol = \"A/RES/99/2\"\n+++\n\n2. Notes;\n\n1. Decides;\n";

    fn corpus(tmp: &Path) -> std::path::PathBuf {
        let root = tmp.join("corpus");
        std::fs::create_dir(&root).unwrap();
        std::fs::write(root.join("a.txt"), GOOD).unwrap();
        std::fs::write(root.join("b.txt"), BAD).unwrap();
        root
    }

    fn skipping() -> BuildOptions {
        BuildOptions {
            skip_bad: true,
            ..BuildOptions::default()
        }
    }

    #[test]
    fn both_entry_points_leave_the_same_file_out_and_record_it() {
        let tmp = tempfile::tempdir().unwrap();
        let root = corpus(tmp.path());
        let streamed = tmp.path().join("streamed");
        let report = build_from(&root, &streamed, &skipping(), &mut |_, _| {}).unwrap();
        let loaded = tmp.path().join("loaded");
        let corpus = Corpus::load_skipping_bad(&root).unwrap();
        let built = build(&corpus, &loaded, &BuildOptions::default()).unwrap();
        for (report, dir) in [(&report, &streamed), (&built, &loaded)] {
            assert_eq!((report.documents, report.passages), (1, 2));
            let paths: Vec<&Path> = report.left_out.iter().map(|f| f.path.as_path()).collect();
            assert_eq!(paths, [root.join("b.txt")]);
            assert_eq!(Index::open(dir).unwrap().info.left_out, ["b.txt"]);
        }
        // The same corpus loaded whole is refused: not the index above.
        assert!(Corpus::load(&root).is_err());
        let again = build(&corpus, &loaded, &BuildOptions::default()).unwrap();
        assert_eq!(again.mode, BuildMode::UpToDate);
    }

    #[test]
    fn a_build_that_skips_nothing_checks_again_what_was_left_out() {
        let tmp = tempfile::tempdir().unwrap();
        let root = corpus(tmp.path());
        let dir = tmp.path().join("index");
        build_from(&root, &dir, &skipping(), &mut |_, _| {}).unwrap();
        let strict = build_from(&root, &dir, &BuildOptions::default(), &mut |_, _| {});
        assert!(matches!(strict, Err(Error::Input(d)) if d[0].path == root.join("b.txt")));
        let index = Index::open(&dir).unwrap();
        assert_eq!(index.info.documents, 1, "the index is as it was");
        let again = build_from(&root, &dir, &skipping(), &mut |_, _| {}).unwrap();
        assert!(!again.written);
        assert_eq!(again.left_out.len(), 1);
    }
}
