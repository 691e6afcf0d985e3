//! An incremental build: only the files that changed, were added or removed are indexed again, by symbol, when nothing else in the index depends on them.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Searcher, Term};

use super::{
    BuildMode, BuildOptions, BuildReport, Origin, add_document, commit, delete_symbol, file_stat,
    parser_threads, worker_failure, writer_for,
};
use crate::corpus::check::{by_file, sorted};
use crate::corpus::{Kind, Layout, Links, parse_file, parser_panicked};
use crate::error::{Error, Result};
use crate::index::columns::StrValues;
use crate::index::{Fields, Prepared};

/// Above this share of changed files a full build is as quick as an incremental one.
const INCREMENTAL_MAX_SHARE: f64 = 0.25;

/// What the index knows of one source file.
struct Indexed {
    symbol: String,
    kind: String,
    stat: (u64, u64),
    passages: u64,
}

/// Re-indexes only the files that changed, were added or removed. `None`
/// when a full build is needed: commentary changed (it links to the other
/// documents), a changed document's symbol is cited by commentary, or by
/// another document and its kind (hence its numbering) is not what it was,
/// or is held by another file, an excerpt is involved, or most files changed.
pub(super) fn update(
    prepared: &Prepared,
    root: &Path,
    files: &[PathBuf],
    options: &BuildOptions,
    origin: &Origin,
    warnings: &mut Vec<String>,
) -> Result<Option<BuildReport>> {
    let fields = Fields::from_schema(&prepared.index.schema())?;
    let reader = prepared.index.reader()?;
    let searcher = reader.searcher();
    let indexed = indexed_files(&searcher)?;
    let relative = |f: &Path| {
        f.strip_prefix(root)
            .unwrap_or(f)
            .to_string_lossy()
            .into_owned()
    };
    let mut current: HashSet<String> = HashSet::new();
    let mut changed: Vec<PathBuf> = Vec::new();
    for f in files {
        let rel = relative(f);
        if indexed.get(&rel).is_none_or(|i| i.stat != file_stat(f)) {
            changed.push(f.clone());
        }
        current.insert(rel);
    }
    let removed: Vec<&String> = indexed.keys().filter(|k| !current.contains(*k)).collect();
    // Files left out last time are read again whatever changed: they are
    // few to index, not a share of the corpus to re-index.
    let left_before = prepared.previous.as_ref().map_or(0, |p| {
        changed
            .iter()
            .filter(|f| p.left_out.contains(&relative(f)))
            .count()
    });
    let share = changed.len() - left_before + removed.len();
    if share as f64 > INCREMENTAL_MAX_SHARE * files.len().max(1) as f64 {
        return Ok(None);
    }
    let parsed = crate::pool::map(&changed, parser_threads(), &|f| {
        (file_stat(f), parse_file(f))
    })
    .map_err(|_| Error::Input(vec![parser_panicked()]))?;
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for (stat, parsed) in parsed {
        match parsed {
            Ok((doc, w)) => {
                warnings.extend(w.iter().map(ToString::to_string));
                docs.push((doc, stat));
            }
            Err(mut d) => problems.append(&mut d),
        }
    }
    if !problems.is_empty() && !options.skip_bad {
        return Err(Error::Input(sorted(problems)));
    }
    // A file left out is not in the index: what it held before goes.
    let left_out = by_file(problems);
    // The symbols that go away, and the files they belonged to.
    let old: Vec<&Indexed> = changed
        .iter()
        .filter_map(|f| indexed.get(&relative(f)))
        .chain(removed.iter().filter_map(|k| indexed.get(*k)))
        .collect();
    let leaving: HashMap<&str, &str> = old
        .iter()
        .map(|i| (i.symbol.as_str(), i.kind.as_str()))
        .collect();
    let kept: Vec<&Indexed> = indexed
        .values()
        .filter(|i| !leaving.contains_key(i.symbol.as_str()))
        .collect();
    let kept_symbols: HashSet<&str> = kept.iter().map(|i| i.symbol.as_str()).collect();
    let cited = |symbol: &str, by_commentary: bool| {
        cited_by_others(&searcher, &fields, symbol, by_commentary)
    };
    let mut arriving: HashMap<&str, &str> = HashMap::new();
    for (doc, _) in &docs {
        let s = doc.meta.symbol.as_str();
        if doc.meta.kind == Kind::Commentary
            || doc.meta.excerpt
            || kept_symbols.contains(s)
            || arriving.insert(s, doc.meta.kind.as_str()).is_some()
        {
            return Ok(None);
        }
    }
    if old.iter().any(|i| i.kind == Kind::Commentary.as_str()) {
        return Ok(None);
    }
    // Commentary takes the processes of what it cites, and every document
    // the numbering of what it cites: those must be linked again.
    for symbol in leaving.keys().chain(arriving.keys()) {
        if cited(symbol, true)?
            || (leaving.get(symbol) != arriving.get(symbol) && cited(symbol, false)?)
        {
            return Ok(None);
        }
    }
    let mut links = Links::default();
    for i in &kept {
        if let Some(kind) = Kind::ALL.into_iter().find(|k| k.as_str() == i.kind) {
            links.add(&i.symbol, Layout::of(kind, &i.symbol), &[]);
        }
    }
    for (doc, _) in &docs {
        links.add(&doc.meta.symbol, doc.meta.layout, &doc.meta.process);
    }
    let writer = writer_for(
        &prepared.index,
        &BuildOptions {
            threads: Some(1),
            ..options.clone()
        },
    )?;
    for symbol in leaving.keys() {
        delete_symbol(&writer, &fields, symbol);
    }
    let mut added = 0u64;
    for (doc, stat) in &mut docs {
        links.link(doc);
        match add_document(&writer, &fields, root, doc, *stat) {
            Ok(n) => added += n,
            Err(e) => return Err(worker_failure(writer, e)),
        }
    }
    let previous_passages: u64 = indexed.values().map(|i| i.passages).sum();
    let gone_passages: u64 = old.iter().map(|i| i.passages).sum();
    let documents = (kept_symbols.len() + docs.len()) as u64;
    if documents == 0 {
        let problems = left_out.into_iter().flat_map(|f| f.problems).collect();
        return Err(Error::Input(problems));
    }
    let info = origin.info(
        documents,
        previous_passages - gone_passages + added,
        root,
        &left_out,
    );
    // Only files left out again, as they were: nothing to write.
    if docs.is_empty()
        && old.is_empty()
        && prepared
            .previous
            .as_ref()
            .is_some_and(|p| origin.built(p) && p.left_out == info.left_out)
    {
        return Ok(Some(BuildReport {
            left_out,
            warnings: std::mem::take(warnings),
            ..BuildReport::up_to_date(&info)
        }));
    }
    commit(writer, &info, false)?;
    // A file indexed before and left out now is removed from the index.
    let bad_before = left_out
        .iter()
        .filter(|f| indexed.contains_key(&relative(&f.path)))
        .count();
    let mode = BuildMode::Incremental {
        changed: docs.len() as u64,
        removed: (removed.len() + bad_before) as u64,
    };
    Ok(Some(BuildReport::written(
        &info,
        mode,
        std::mem::take(warnings),
        left_out,
    )))
}

/// Every source file the index holds, by path relative to the corpus, read
/// from the fast fields (one passage per file is enough for its symbol).
fn indexed_files(searcher: &Searcher) -> Result<HashMap<String, Indexed>> {
    let mut indexed: HashMap<String, Indexed> = HashMap::new();
    for seg in searcher.segment_readers() {
        let ff = seg.fast_fields();
        let path = StrValues::open(ff, Fields::PATH)?;
        let symbol = StrValues::open(ff, Fields::SYMBOL)?;
        let kind = StrValues::open(ff, Fields::KIND)?;
        let (size, mtime) = (ff.u64(Fields::FILE_SIZE)?, ff.u64(Fields::FILE_MTIME)?);
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
    Ok(indexed)
}

/// Whether a document other than `symbol` (commentary, with `by_commentary`) refers to it.
fn cited_by_others(
    searcher: &Searcher,
    fields: &Fields,
    symbol: &str,
    by_commentary: bool,
) -> Result<bool> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (Occur::Must, Box::new(key_query(fields.cites, symbol))),
        (Occur::MustNot, Box::new(key_query(fields.symbol, symbol))),
    ];
    if by_commentary {
        let commentary = key_query(fields.kind, Kind::Commentary.as_str());
        clauses.push((Occur::Must, Box::new(commentary)));
    }
    Ok(searcher.search(&BooleanQuery::new(clauses), &Count)? > 0)
}

fn key_query(field: Field, value: &str) -> TermQuery {
    TermQuery::new(
        Term::from_field_text(field, &value.to_lowercase()),
        IndexRecordOption::Basic,
    )
}
