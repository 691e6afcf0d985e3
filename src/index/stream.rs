//! Building from a corpus folder as `undex index` does: files parsed on every core while the writer indexes them, nothing of the corpus held twice, and only what changed re-indexed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Mutex, PoisonError};

use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, IndexWriter, TantivyDocument, Term};

use super::columns::StrValues;
use super::{
    BuildMode, BuildOptions, BuildReport, Fields, IndexInfo, Prepared, SCHEMA_VERSION, corpus_key,
    file_stat, now, prepare, to_document, writer_for,
};
use crate::corpus::{self, Corpus, Document, Kind, discover, jsonl, parse_file};
use crate::error::{Diagnostic, Error, Result};

/// Above this share of changed files a full build is as quick as an incremental one.
const INCREMENTAL_MAX_SHARE: f64 = 0.25;

/// Reads the corpus at `root` and builds its index in `dir`: incrementally
/// when an index of this schema for this corpus is there (only changed,
/// added and removed documents, by symbol), in full otherwise or with
/// `rebuild`. `progress(done, total)` is called as files are read.
///
/// Every file is checked before anything is committed: a bad file is
/// reported with the others and the previous index stays as it was.
pub fn build_from(
    root: &Path,
    dir: &Path,
    options: &BuildOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<BuildReport> {
    if jsonl::is_jsonl(root) && root.is_file() {
        return super::build(&Corpus::load_jsonl(root)?, dir, options);
    }
    let found = discover(root)?;
    if found.files.is_empty() {
        return Err(Error::Input(vec![Diagnostic::new(
            root,
            0,
            "no documents here: a corpus is a folder of .txt or .md files",
        )]));
    }
    let fingerprint = found.fingerprint(root);
    let stamps = corpus::stamps(root, &found.dirs);
    let mut warnings: Vec<String> = found.skipped.iter().map(ToString::to_string).collect();
    let key = corpus_key(root);
    let info = |documents: u64, passages: u64| IndexInfo {
        schema_version: SCHEMA_VERSION,
        undex_version: env!("CARGO_PKG_VERSION").to_owned(),
        corpus: key.clone(),
        fingerprint: fingerprint.clone(),
        documents,
        passages,
        built_at: now(),
        stamps: stamps.clone(),
    };
    // What is there now, read without the lock: an unchanged corpus, or a
    // bad one, leaves the folder exactly as it was.
    let previous = super::peek(dir)?;
    if let Some(version) = super::older_schema(dir) {
        warnings.push(format!(
            "the index in {} has schema version {version}; this undex builds version {SCHEMA_VERSION}, so it is built again in full",
            dir.display()
        ));
    }
    super::lock::refuse_if_busy(dir)?;
    let mut prepared = None;
    if let Some(previous) = &previous
        && !options.rebuild
        && previous.corpus == key
    {
        let unchanged = previous.fingerprint == fingerprint;
        if unchanged && !super::left_behind(dir) {
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
                incremental(&locked, root, &found.files, options, &info, &mut warnings)?
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
    let fresh = prepared.previous.is_none();
    let result = write_full(
        &prepared,
        root,
        &found.files,
        options,
        &info,
        warnings,
        progress,
    );
    if result.is_err() && fresh {
        // A first build that failed leaves the folder as it found it: empty.
        super::clear(dir)?;
        drop(prepared);
    }
    result
}

/// What one parser thread hands the writer.
type Parsed = (PathBuf, (u64, u64), corpus::Parsed);

/// Parses `files` on the parser threads, handing each result to `take` in
/// the calling thread as soon as it is ready (at most a few documents wait).
fn parse_streaming(files: &[PathBuf], mut take: impl FnMut(Parsed)) {
    let threads = parser_threads();
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<Parsed>(threads * 4);
    std::thread::scope(|s| {
        for _ in 0..threads {
            let tx = tx.clone();
            let next = &next;
            s.spawn(move || {
                while let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let stat = file_stat(path);
                    if tx.send((path.clone(), stat, parse_file(path))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for item in rx {
            take(item);
        }
    });
}

fn add_document(
    writer: &IndexWriter<TantivyDocument>,
    fields: &Fields,
    root: &Path,
    doc: &Document,
    stat: (u64, u64),
) -> tantivy::Result<u64> {
    let rel = doc
        .path
        .strip_prefix(root)
        .unwrap_or(&doc.path)
        .to_string_lossy()
        .into_owned();
    for p in &doc.passages {
        writer.add_document(to_document(fields, doc, p, &rel, stat))?;
    }
    Ok(doc.passages.len() as u64)
}

/// Parser threads for a build: parsing is a small share of it (tantivy's
/// indexing threads do most of the work), so half the cores keep the writer
/// fed without taking the cores from it.
fn parser_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get() / 2)
        .clamp(1, 4)
}

/// Parses `files` on the parser threads, each calling `work` on what it
/// parsed, while the calling thread reports progress.
fn parse_in_parallel(
    files: &[PathBuf],
    work: &(dyn Fn(PathBuf, (u64, u64), corpus::Parsed) + Sync),
    progress: &mut dyn FnMut(u64, u64),
) {
    let total = files.len() as u64;
    let threads = parser_threads();
    let next = AtomicUsize::new(0);
    let done = AtomicU64::new(0);
    let running = AtomicUsize::new(threads);
    let reporter = std::thread::current();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    work(path.clone(), file_stat(path), parse_file(path));
                    done.fetch_add(1, Ordering::Relaxed);
                }
                running.fetch_sub(1, Ordering::AcqRel);
                reporter.unpark();
            });
        }
        // A look at the count every tenth of a second is all a progress bar needs.
        while running.load(Ordering::Acquire) > 0 {
            progress(done.load(Ordering::Relaxed), total);
            std::thread::park_timeout(std::time::Duration::from_millis(100));
        }
        progress(done.load(Ordering::Relaxed), total);
    });
}

/// A parsed document held back, with its file's size and modification time.
type Held = (Document, (u64, u64));

/// What the pass over the files has seen so far, for the checks that need
/// the whole corpus: one file per symbol, excerpts giving way to full texts,
/// commentary linked to the documents it discusses.
#[derive(Default)]
struct Seen {
    problems: Vec<Diagnostic>,
    /// The file of each symbol's full text, and how many passages it indexed.
    owners: BTreeMap<String, (PathBuf, u64)>,
    /// Documents without their passages: what linking commentary needs.
    metas: Vec<Document>,
    /// Held back until every full text is known (few, small).
    excerpts: Vec<Held>,
    /// Held back until every document's process is known (few, small).
    commentary: Vec<Held>,
}

impl Seen {
    /// Takes one parsed file; returns the document when it can be indexed now.
    fn take(
        &mut self,
        path: PathBuf,
        stat: (u64, u64),
        parsed: corpus::Parsed,
        warnings: &mut Vec<String>,
    ) -> Option<Held> {
        let (doc, w) = match parsed {
            Err(mut d) => {
                self.problems.append(&mut d);
                return None;
            }
            Ok(ok) => ok,
        };
        warnings.extend(w.iter().map(ToString::to_string));
        self.metas.push(Document {
            path: doc.path.clone(),
            meta: doc.meta.clone(),
            passages: Vec::new(),
        });
        if doc.meta.excerpt {
            self.excerpts.push((doc, stat));
            return None;
        }
        let symbol = doc.meta.symbol.clone();
        if let Some((other, _)) = self.owners.get(&symbol) {
            self.problems.push(duplicate(&symbol, other, &path));
            return None;
        }
        self.owners
            .insert(symbol, (path, doc.passages.len() as u64));
        if doc.meta.kind == Kind::Commentary {
            self.commentary.push((doc, stat));
            return None;
        }
        Some((doc, stat))
    }

    /// The excerpts to index, and the full texts (symbol, passages) to take
    /// out of the index again: an excerpt gives way to the full text of its
    /// symbol when [`corpus::full_text_or_excerpts`] says so (the rule
    /// `Corpus::load` applies), else the full text, already indexed, gives
    /// way to it; two excerpts of one symbol, with no full text, are a
    /// duplicate like any other.
    fn excerpts_to_index(&mut self, warnings: &mut Vec<String>) -> (Vec<Held>, Vec<(String, u64)>) {
        let mut by_symbol: BTreeMap<String, Vec<Held>> = BTreeMap::new();
        for (doc, stat) in std::mem::take(&mut self.excerpts) {
            by_symbol
                .entry(doc.meta.symbol.clone())
                .or_default()
                .push((doc, stat));
        }
        let mut keep = Vec::new();
        let mut withdrawn = Vec::new();
        for (symbol, mut docs) in by_symbol {
            docs.sort_by(|a, b| a.0.path.cmp(&b.0.path));
            if let Some((full, indexed)) = self.owners.get(&symbol) {
                // The full text went to the writer as it was read; its
                // paragraphs are read again here, for the few symbols that
                // have an excerpt, rather than kept for every document.
                let full_doc = match parse_file(full) {
                    Ok((doc, _)) => doc,
                    Err(mut d) => {
                        self.problems.append(&mut d);
                        continue;
                    }
                };
                let quoted: Vec<&Document> = docs.iter().map(|d| &d.0).collect();
                match corpus::full_text_or_excerpts(&full_doc, &quoted) {
                    corpus::Replacement::FullText(notice) => {
                        warnings.push(notice);
                        continue;
                    }
                    corpus::Replacement::Excerpts(notice) => {
                        warnings.push(notice);
                        withdrawn.push((symbol.clone(), *indexed));
                    }
                }
            }
            let mut docs = docs.into_iter();
            if let Some(first) = docs.next() {
                for other in docs {
                    self.problems
                        .push(duplicate(&symbol, &first.0.path, &other.0.path));
                }
                keep.push(first);
            }
        }
        (keep, withdrawn)
    }
}

/// A full build in one pass: parser threads read the files and hand their
/// passages to the writer's indexing threads, so the corpus is never held in
/// memory. Every file is still checked before anything is committed: on any
/// problem the writer rolls back and the previous index stays as it was.
fn write_full(
    prepared: &Prepared,
    root: &Path,
    files: &[PathBuf],
    options: &BuildOptions,
    info: &dyn Fn(u64, u64) -> IndexInfo,
    warnings: Vec<String>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<BuildReport> {
    let fields = Fields::from_schema(&prepared.index.schema())?;
    let mut writer = writer_for(&prepared.index, options)?;
    writer.delete_all_documents()?;
    let shared = Mutex::new((Seen::default(), warnings));
    let failed: Mutex<Option<tantivy::TantivyError>> = Mutex::new(None);
    let (documents, passages) = (AtomicU64::new(0), AtomicU64::new(0));
    // Each parser thread hands its documents to the writer itself: no
    // thread in between to wake for every document. (A whole document per
    // batch would wake the indexing threads less, but tantivy bounds its
    // queue in batches, not passages, and would let the corpus pile up.)
    let work = |path: PathBuf, stat: (u64, u64), parsed: corpus::Parsed| {
        let taken = {
            let mut guard = shared.lock().unwrap_or_else(PoisonError::into_inner);
            let (seen, warnings) = &mut *guard;
            let taken = seen.take(path, stat, parsed, warnings);
            // Once a file is bad nothing more is written, but every file is
            // still read so that all the problems are reported at once.
            taken.filter(|_| seen.problems.is_empty())
        };
        let Some((doc, stat)) = taken else { return };
        if failed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
        {
            return;
        }
        match add_document(&writer, &fields, root, &doc, stat) {
            Ok(n) => {
                passages.fetch_add(n, Ordering::Relaxed);
                documents.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => *failed.lock().unwrap_or_else(PoisonError::into_inner) = Some(e),
        }
    };
    parse_in_parallel(files, &work, progress);
    let (mut seen, mut warnings) = shared.into_inner().unwrap_or_else(PoisonError::into_inner);
    let (mut documents, mut passages) = (documents.into_inner(), passages.into_inner());
    if let Some(e) = failed.into_inner().unwrap_or_else(PoisonError::into_inner) {
        return Err(super::worker_failure(writer, e));
    }
    let (excerpts, withdrawn) = seen.excerpts_to_index(&mut warnings);
    if !seen.problems.is_empty() {
        writer.rollback()?;
        // Passages of the good files may have reached a segment file before
        // the bad one was read: nothing refers to it, so remove it now
        // rather than leave it to the next build.
        writer.garbage_collect_files().wait()?;
        let mut problems = seen.problems;
        problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        return Err(Error::Input(problems));
    }
    // A full text that an excerpt outranks is deleted before the excerpt is
    // added: a delete only removes what was added before it.
    for (symbol, n) in withdrawn {
        writer.delete_term(Term::from_field_text(fields.symbol, &symbol.to_lowercase()));
        documents = documents.saturating_sub(1);
        passages = passages.saturating_sub(n);
    }
    let (kinds, processes) = corpus::kinds_and_processes(&seen.metas);
    let mut commentary = seen.commentary;
    commentary.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    for (mut doc, stat) in commentary.into_iter().chain(excerpts) {
        if doc.meta.kind == Kind::Commentary {
            corpus::link(&mut doc, &kinds, &processes);
        }
        match add_document(&writer, &fields, root, &doc, stat) {
            Ok(n) => {
                passages += n;
                documents += 1;
            }
            Err(e) => return Err(super::worker_failure(writer, e)),
        }
    }
    commit(writer, &info(documents, passages), true)?;
    Ok(BuildReport {
        documents,
        passages,
        written: true,
        mode: BuildMode::Full,
        warnings,
    })
}

fn duplicate(symbol: &str, a: &Path, b: &Path) -> Diagnostic {
    // Named the same way whichever file a thread read first.
    let (first, second) = if a <= b { (a, b) } else { (b, a) };
    Diagnostic::new(
        second,
        1,
        format!(
            "duplicate symbol {symbol}: {} has it too (a symbol names one document)",
            first.display()
        ),
    )
}

/// Commits with the index's record as payload. A full build waits for the
/// segment merges (searches are faster on fewer segments); an incremental
/// one does not: a merge cut short loses nothing committed, and the next
/// build's merges take it up.
fn commit(
    mut writer: IndexWriter<TantivyDocument>,
    info: &IndexInfo,
    wait_merges: bool,
) -> Result<()> {
    let payload = serde_json::to_string(info).map_err(Error::Payload)?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    super::hold::point("before-commit");
    prepared.commit()?;
    super::hold::point("committed");
    if wait_merges {
        writer.wait_merging_threads()?;
    }
    Ok(())
}

/// What the index knows of one source file.
struct Indexed {
    symbol: String,
    kind: String,
    stat: (u64, u64),
    passages: u64,
}

/// Re-indexes only the files that changed, were added or removed. `None`
/// when a full build is needed: commentary changed (it links to the other
/// documents), a changed document's symbol is cited by commentary or held by
/// another file, an excerpt is involved, or most files changed.
fn incremental(
    prepared: &Prepared,
    root: &Path,
    files: &[PathBuf],
    options: &BuildOptions,
    info: &dyn Fn(u64, u64) -> IndexInfo,
    warnings: &mut Vec<String>,
) -> Result<Option<BuildReport>> {
    let fields = Fields::from_schema(&prepared.index.schema())?;
    let reader = prepared.index.reader()?;
    let searcher = reader.searcher();
    let mut indexed: HashMap<String, Indexed> = HashMap::new();
    for seg in searcher.segment_readers() {
        let ff = seg.fast_fields();
        let path = StrValues::open(ff, "path")?;
        let symbol = StrValues::open(ff, "symbol")?;
        let kind = StrValues::open(ff, "kind")?;
        let (size, mtime) = (ff.u64("file_size")?, ff.u64("file_mtime")?);
        let alive = seg.alive_bitset();
        // Per path (by ordinal): its passages, and one passage to read the rest from.
        let mut by_path: HashMap<u64, (u64, DocId)> = HashMap::new();
        for doc in 0..seg.max_doc() {
            if alive.is_some_and(|a| !a.is_alive(doc)) {
                continue;
            }
            if let Some(ord) = path.first_ord(doc) {
                by_path.entry(ord).or_insert((0, doc)).0 += 1;
            }
        }
        for (count, doc) in by_path.into_values() {
            let Some(p) = path.first(doc) else { continue };
            let entry = indexed.entry(p.to_owned()).or_insert_with(|| Indexed {
                symbol: symbol.first(doc).unwrap_or_default().to_owned(),
                kind: kind.first(doc).unwrap_or_default().to_owned(),
                stat: (size.first(doc).unwrap_or(0), mtime.first(doc).unwrap_or(0)),
                passages: 0,
            });
            entry.passages += count;
        }
    }
    let mut current: HashSet<String> = HashSet::new();
    let mut changed: Vec<PathBuf> = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(root)
            .unwrap_or(f)
            .to_string_lossy()
            .into_owned();
        if indexed.get(&rel).is_none_or(|i| i.stat != file_stat(f)) {
            changed.push(f.clone());
        }
        current.insert(rel);
    }
    let removed: Vec<&String> = indexed.keys().filter(|k| !current.contains(*k)).collect();
    if (changed.len() + removed.len()) as f64 > INCREMENTAL_MAX_SHARE * files.len().max(1) as f64 {
        return Ok(None);
    }
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    parse_streaming(&changed, |(_, stat, parsed)| match parsed {
        Ok((doc, w)) => {
            warnings.extend(w.iter().map(ToString::to_string));
            docs.push((doc, stat));
        }
        Err(mut d) => problems.append(&mut d),
    });
    if !problems.is_empty() {
        problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        return Err(Error::Input(problems));
    }
    // The symbols that go away, and the files they belonged to.
    let old: Vec<&Indexed> = changed
        .iter()
        .filter_map(|f| {
            indexed.get(
                &f.strip_prefix(root)
                    .unwrap_or(f)
                    .to_string_lossy()
                    .into_owned(),
            )
        })
        .chain(removed.iter().filter_map(|k| indexed.get(*k)))
        .collect();
    let leaving: HashSet<&str> = old.iter().map(|i| i.symbol.as_str()).collect();
    let kept_symbols: HashSet<&str> = indexed
        .values()
        .map(|i| i.symbol.as_str())
        .filter(|s| !leaving.contains(s))
        .collect();
    let cited_by_commentary = |symbol: &str| -> Result<bool> {
        let q = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(key_query(fields.cites, symbol)) as Box<dyn Query>,
            ),
            (Occur::Must, Box::new(key_query(fields.kind, "commentary"))),
        ]);
        Ok(searcher.search(&q, &Count)? > 0)
    };
    let mut new_symbols = HashSet::new();
    for (doc, _) in &docs {
        let s = doc.meta.symbol.as_str();
        if doc.meta.kind == Kind::Commentary
            || doc.meta.excerpt
            || kept_symbols.contains(s)
            || !new_symbols.insert(s)
            || cited_by_commentary(s)?
        {
            return Ok(None);
        }
    }
    for i in &old {
        if i.kind == "commentary" || cited_by_commentary(&i.symbol)? {
            return Ok(None);
        }
    }
    let writer = writer_for(
        &prepared.index,
        &BuildOptions {
            threads: Some(1),
            ..options.clone()
        },
    )?;
    for symbol in &leaving {
        writer.delete_term(Term::from_field_text(fields.symbol, &symbol.to_lowercase()));
    }
    let mut added = 0u64;
    for (doc, stat) in &docs {
        match add_document(&writer, &fields, root, doc, *stat) {
            Ok(n) => added += n,
            Err(e) => return Err(super::worker_failure(writer, e)),
        }
    }
    let previous_passages: u64 = indexed.values().map(|i| i.passages).sum();
    let gone_passages: u64 = old.iter().map(|i| i.passages).sum();
    let documents = (kept_symbols.len() + docs.len()) as u64;
    let passages = previous_passages - gone_passages + added;
    commit(writer, &info(documents, passages), false)?;
    Ok(Some(BuildReport {
        documents,
        passages,
        written: true,
        mode: BuildMode::Incremental {
            changed: docs.len() as u64,
            removed: removed.len() as u64,
        },
        warnings: std::mem::take(warnings),
    }))
}

fn key_query(field: tantivy::schema::Field, value: &str) -> TermQuery {
    TermQuery::new(
        Term::from_field_text(field, &value.to_lowercase()),
        IndexRecordOption::Basic,
    )
}
