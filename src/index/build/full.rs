//! A full build: every document indexed anew in one commit, from a corpus loaded already or from files parsed on every core while the writer indexes them, so that the corpus is never held in memory.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use tantivy::{IndexWriter, TantivyDocument};

use super::{
    BuildOptions, Origin, add_document, commit, delete_symbol, file_stat, parser_threads,
    worker_failure, writer_for,
};
use crate::corpus::BadFile;
use crate::corpus::check::{Checked, Checker};
use crate::corpus::{Corpus, parse_file, parser_panicked};
use crate::error::{Diagnostic, Error, Result};
use crate::index::{Fields, IndexInfo};
use crate::pool::lock;

/// Where a full build takes its documents from.
pub(super) enum Source<'a> {
    /// A corpus loaded, checked and linked already (`Corpus::load`).
    Loaded(&'a Corpus),
    /// The files of the corpus at `root`, checked and linked by
    /// `corpus::check` as they are indexed.
    Files {
        /// The corpus folder.
        root: &'a Path,
        /// Its documents' files.
        files: &'a [PathBuf],
    },
}

/// Why the pass over the files stopped short of the commit.
enum Stopped {
    /// The writer failed (a full disk, a read-only folder).
    Writer(tantivy::TantivyError),
    /// Files are bad: every problem of the corpus, sorted.
    Input(Vec<Diagnostic>),
}

/// What is indexed so far.
#[derive(Default)]
struct Counts {
    documents: AtomicU64,
    passages: AtomicU64,
}

impl Counts {
    fn add(&self, passages: u64) {
        self.documents.fetch_add(1, Ordering::Relaxed);
        self.passages.fetch_add(passages, Ordering::Relaxed);
    }

    fn remove(&mut self, passages: u64) {
        let (d, p) = (self.documents.get_mut(), self.passages.get_mut());
        *d = d.saturating_sub(1);
        *p = p.saturating_sub(passages);
    }
}

/// Deletes every document from `index` and adds those of `source` in their
/// place, in one commit: the previous index stays whole until it, and is
/// left as it was when the build fails. Returns what the commit recorded,
/// the warnings (`warnings` first) and the files left out (when the
/// options skip bad files).
pub(super) fn write(
    index: &tantivy::Index,
    source: Source<'_>,
    options: &BuildOptions,
    origin: &Origin,
    warnings: Vec<String>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(IndexInfo, Vec<String>, Vec<BadFile>)> {
    let fields = Fields::from_schema(&index.schema())?;
    let mut writer = writer_for(index, options)?;
    writer.delete_all_documents()?;
    let mut counts = Counts::default();
    let (root, later, withdrawn, warnings, left_out) = match source {
        Source::Loaded(corpus) => (
            corpus.root.as_path(),
            Vec::new(),
            Vec::new(),
            warnings,
            corpus.left_out.clone(),
        ),
        Source::Files { root, files } => {
            let streamed = stream(
                &writer,
                &fields,
                &counts,
                (root, files),
                warnings,
                options.skip_bad,
                progress,
            );
            match streamed {
                Ok(checked) => (
                    root,
                    checked.later,
                    checked.withdrawn,
                    checked.warnings,
                    checked.left_out,
                ),
                Err(Stopped::Writer(e)) => return Err(worker_failure(writer, e)),
                Err(Stopped::Input(problems)) => {
                    writer.rollback()?;
                    // Passages of the good files may have reached a segment
                    // file before the bad one was read: nothing refers to
                    // it, so remove it now rather than leave it to the next
                    // build.
                    writer.garbage_collect_files().wait()?;
                    return Err(Error::Input(problems));
                }
            }
        }
    };
    // What gives way is deleted before what replaces it is added.
    for (symbol, passages) in &withdrawn {
        delete_symbol(&writer, &fields, symbol);
        counts.remove(*passages);
    }
    let loaded = match source {
        Source::Loaded(corpus) => corpus
            .documents
            .iter()
            .map(|d| (d, file_stat(&d.path)))
            .collect(),
        Source::Files { .. } => Vec::new(),
    };
    let rest = later.iter().map(|(d, stat)| (d, *stat));
    for (doc, stat) in loaded.into_iter().chain(rest) {
        match add_document(&writer, &fields, root, doc, stat) {
            Ok(n) => counts.add(n),
            Err(e) => return Err(worker_failure(writer, e)),
        }
    }
    let info = origin.info(
        counts.documents.into_inner(),
        counts.passages.into_inner(),
        root,
        &left_out,
    );
    commit(writer, &info, true)?;
    Ok((info, warnings, left_out))
}

/// One pass over `files`: parser threads read them and hand each full text
/// to the writer's indexing threads as soon as it is checked (no thread in
/// between to wake for every document), keeping back for the end what
/// depends on the whole corpus. Every file is read even after a bad one, so
/// that all the problems are reported at once; nothing more is written then,
/// unless `skip_bad` leaves the bad files out.
fn stream(
    writer: &IndexWriter<TantivyDocument>,
    fields: &Fields,
    counts: &Counts,
    (root, files): (&Path, &[PathBuf]),
    warnings: Vec<String>,
    skip_bad: bool,
    progress: &mut dyn FnMut(u64, u64),
) -> std::result::Result<Checked<(u64, u64)>, Stopped> {
    let checker = Mutex::new(Checker::new(warnings, skip_bad));
    let failed: Mutex<Option<tantivy::TantivyError>> = Mutex::new(None);
    let work = |_: usize, path: &PathBuf| {
        let stat = file_stat(path);
        let parsed = parse_file(path);
        let taken = {
            let mut checker = lock(&checker);
            let taken = checker.take(parsed, stat);
            taken.filter(|_| !checker.failed())
        };
        let Some((doc, stat)) = taken else { return };
        if lock(&failed).is_some() {
            return;
        }
        // (A whole document per batch would wake the indexing threads less,
        // but tantivy bounds its queue in batches, not passages, and would
        // let the corpus pile up.)
        match add_document(writer, fields, root, &doc, stat) {
            Ok(n) => counts.add(n),
            Err(e) => *lock(&failed) = Some(e),
        }
    };
    let outcome = crate::pool::each(files, parser_threads(), &work, progress);
    if let Some(e) = failed.into_inner().unwrap_or_else(PoisonError::into_inner) {
        return Err(Stopped::Writer(e));
    }
    if outcome.is_err() {
        return Err(Stopped::Input(vec![parser_panicked()]));
    }
    let checker = checker.into_inner().unwrap_or_else(PoisonError::into_inner);
    // The few full texts that the checker needs again (an excerpt's, or one
    // whose references the link changes) are read again rather than every
    // document kept.
    checker
        .finish(&mut |path: &Path| parse_file(path).map(|(doc, _)| doc))
        .map_err(Stopped::Input)
}
