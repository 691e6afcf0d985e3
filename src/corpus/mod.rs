//! Reading a corpus folder: finding its documents, parsing each, and checking the whole before anything is indexed.

pub mod anchor;
pub mod blocks;
pub mod commentary;
pub mod frontmatter;
pub mod id;
pub mod jsonl;
pub mod model;
pub mod numbered;
pub mod refs;
pub mod symbol;
pub mod text;
mod walk;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub use id::PassageId;
pub use model::{Document, Kind, Layout, Meta, Note, Part, Passage, Vote};
pub use walk::{Stamp, discover, fingerprint, stamps, stamps_changed};

use crate::error::{Diagnostic, Error, Result};

/// A whole corpus, parsed and checked.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The folder (or file) it was read from.
    pub root: PathBuf,
    /// Its documents, ordered by symbol.
    pub documents: Vec<Document>,
    /// Things worth telling the user that do not stop indexing (one line each).
    pub warnings: Vec<String>,
    /// The fingerprint of its files when they were read (see [`fingerprint`]).
    pub fingerprint: String,
    /// The stamps of its folders when they were read (see [`stamps`]).
    pub stamps: Vec<Stamp>,
}

impl Corpus {
    /// Every passage of every document, in document order.
    pub fn passages(&self) -> impl Iterator<Item = &Passage> {
        self.documents.iter().flat_map(|d| d.passages.iter())
    }

    /// Reads and checks every document under `root`. Every bad file is
    /// reported (as [`Error::Input`], one diagnostic per problem) and nothing
    /// is returned unless the whole corpus is good.
    pub fn load(root: &Path) -> Result<Corpus> {
        if jsonl::is_jsonl(root) && root.is_file() {
            return Corpus::load_jsonl(root);
        }
        let found = discover(root)?;
        // Taken before the files are read: an edit made while they are read
        // then shows as a change at the next check.
        let fingerprint = found.fingerprint(root);
        let stamps = stamps(root, &found.dirs);
        let mut warnings: Vec<String> = found.skipped.iter().map(ToString::to_string).collect();
        if found.files.is_empty() {
            return Err(Error::Input(vec![Diagnostic::new(
                root,
                0,
                "no documents here: a corpus is a folder of .txt or .md files",
            )]));
        }
        let results = parse_all(&found.files);
        let mut problems = Vec::new();
        let mut docs = Vec::new();
        for r in results {
            match r {
                Ok((doc, w)) => {
                    warnings.extend(w.iter().map(ToString::to_string));
                    docs.push(doc);
                }
                Err(mut d) => problems.append(&mut d),
            }
        }
        let docs = resolve_duplicates(docs, &mut problems, &mut warnings);
        if !problems.is_empty() {
            problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
            return Err(Error::Input(problems));
        }
        let mut corpus = Corpus {
            root: root.to_path_buf(),
            documents: docs,
            warnings,
            fingerprint,
            stamps,
        };
        corpus.link_commentary();
        Ok(corpus)
    }

    /// Reads a JSON Lines corpus (one passage a line, as `undex export
    /// --format jsonl` writes them); its passages are taken as given.
    pub fn load_jsonl(path: &Path) -> Result<Corpus> {
        let found = discover(path)?;
        let fingerprint = found.fingerprint(path);
        let stamps = stamps(path, &found.dirs);
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = text::decode(path, &bytes).map_err(|d| Error::Input(vec![d]))?;
        let documents = jsonl::load(path, &text).map_err(Error::Input)?;
        Ok(Corpus {
            root: path.to_path_buf(),
            documents,
            warnings: Vec::new(),
            fingerprint,
            stamps,
        })
    }

    /// Resolves commentary references and processes, which depend on the
    /// other documents of the corpus (their kinds and processes).
    fn link_commentary(&mut self) {
        let (kinds, processes) = kinds_and_processes(&self.documents);
        for doc in &mut self.documents {
            link(doc, &kinds, &processes);
        }
    }
}

/// Every document's kind and processes, by symbol.
pub(crate) fn kinds_and_processes(
    docs: &[Document],
) -> (HashMap<String, Kind>, HashMap<String, Vec<String>>) {
    (
        docs.iter()
            .map(|d| (d.meta.symbol.clone(), d.meta.kind))
            .collect(),
        docs.iter()
            .map(|d| (d.meta.symbol.clone(), d.meta.process.clone()))
            .collect(),
    )
}

/// Links a commentary document to the documents it refers to: its
/// references take their targets' numbering (`P13` for a report), and each
/// passage concerns the processes it names or those of what it cites,
/// failing that its heading's, failing that the document's. Other documents
/// are left as parsed (their references follow the symbol: `/RES/` is `OP`).
pub(crate) fn link(
    doc: &mut Document,
    kinds: &HashMap<String, Kind>,
    processes: &HashMap<String, Vec<String>>,
) {
    if doc.meta.kind != Kind::Commentary {
        return;
    }
    for p in &mut doc.passages {
        let mut procs: Vec<String> = Vec::new();
        let mut add = |list: &[String]| {
            for x in list {
                if !procs.contains(x) {
                    procs.push(x.clone());
                }
            }
        };
        // The passage's own naming is stashed in `process` by the parser.
        let named = std::mem::take(&mut p.process);
        add(&named);
        for r in &p.refs {
            let symbol = id::symbol_of(r);
            if let Some(list) = processes.get(symbol) {
                add(list);
            }
        }
        p.refs = p.refs.iter().map(|r| fix_ref_kind(r, kinds)).collect();
        p.refs.sort();
        p.refs.dedup();
        if procs.is_empty() {
            procs = p.section_processes.clone();
        }
        if procs.is_empty() {
            procs = doc.meta.process.clone();
        }
        // One order everywhere: the OEWG, then the GGE, then others by name.
        procs.sort_by_key(|x| (x != "OEWG", x != "GGE", x.clone()));
        p.process = procs;
    }
}

/// A reference was written assuming the target numbers its paragraphs as a
/// resolution (`OP13`) or as a report (`P13`); the corpus knows better.
fn fix_ref_kind(id: &str, kinds: &HashMap<String, Kind>) -> String {
    let Some(parsed) = PassageId::parse(id) else {
        return id.to_owned();
    };
    let (symbol, anchor) = (parsed.symbol(), parsed.anchor());
    let (prefix, rest) = match anchor.split_once('.') {
        Some((a, r)) if a.starts_with("ANNEX") => (format!("{a}."), r),
        _ => (String::new(), anchor),
    };
    let report = kinds
        .get(symbol)
        .map_or_else(|| Layout::guess(symbol), |k| Layout::of(*k, symbol))
        .is_report();
    let rest = match (report, rest.strip_prefix("OP"), rest.strip_prefix('P')) {
        (true, Some(n), _) => format!("P{n}"),
        (false, None, Some(n)) if !rest.starts_with("PP") => format!("OP{n}"),
        _ => rest.to_owned(),
    };
    PassageId::new(symbol, format!("{prefix}{rest}")).to_string()
}

/// A parsed document and its warnings, or what is wrong with the file.
pub type Parsed = Result<(Document, Vec<Diagnostic>), Vec<Diagnostic>>;

/// Parses files on every core, keeping their order.
fn parse_all(files: &[PathBuf]) -> Vec<Parsed> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    let chunk = files.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|f| parse_file(f)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(vec![Diagnostic::new(
                        "<corpus>",
                        0,
                        "internal error: a parser thread failed",
                    )])]
                })
            })
            .collect()
    })
}

/// Reads and parses one corpus file.
pub fn parse_file(path: &Path) -> Parsed {
    let bytes = std::fs::read(path).map_err(|e| {
        vec![Diagnostic::new(
            path,
            0,
            format!("cannot read the file: {e}"),
        )]
    })?;
    parse_bytes(path, &bytes)
}

/// Parses one document from its bytes; `path` names it in diagnostics.
pub fn parse_bytes(
    path: &Path,
    bytes: &[u8],
) -> Result<(Document, Vec<Diagnostic>), Vec<Diagnostic>> {
    let text = text::decode(path, bytes).map_err(|d| vec![d])?;
    let split = frontmatter::split(path, &text)?;
    let mut meta = split.meta;
    let mut warnings = Vec::new();
    let passages = match meta.kind {
        Kind::Commentary => {
            let parsed = commentary::parse(split.body, split.body_line, &meta.aliases);
            if !parsed.errors.is_empty() {
                return Err(to_diags(path, parsed.errors));
            }
            commentary_passages(&meta, parsed.passages)
        }
        _ => {
            let parsed = numbered::parse(split.body, split.body_line, meta.layout, meta.excerpt);
            if !parsed.errors.is_empty() {
                return Err(to_diags(path, parsed.errors));
            }
            warnings.extend(to_diags(path, parsed.warnings));
            if meta.meeting.is_none() {
                meta.meeting = parsed.meeting;
            }
            parsed
                .passages
                .into_iter()
                .enumerate()
                .map(|(i, p)| Passage {
                    id: PassageId::new(&meta.symbol, p.anchor.to_string()).to_string(),
                    symbol: meta.symbol.clone(),
                    citation: p.anchor.citation(&meta.symbol),
                    anchor: p.anchor.to_string(),
                    part: p.part,
                    section: p.section,
                    process: meta.process.clone(),
                    refs: passage_refs(&meta, &p.text, &p.notes),
                    notes: p.notes,
                    text: p.text,
                    line: p.line,
                    seq: i as u64,
                    section_processes: Vec::new(),
                })
                .collect()
        }
    };
    if passages.is_empty() {
        return Err(vec![Diagnostic::new(
            path,
            split.body_line,
            "the document has no paragraphs after its front matter",
        )]);
    }
    Ok((
        Document {
            path: path.to_path_buf(),
            meta,
            passages,
        },
        warnings,
    ))
}

/// What a paragraph refers to: in its text, and in the footnotes it cites
/// (a symbol in a note is a reference of the passage that calls the note).
/// "paragraph 1 above" is the document's own paragraph; the document
/// itself named bare is no reference.
fn passage_refs(meta: &Meta, text: &str, notes: &[Note]) -> Vec<String> {
    let mut out: Vec<String> = std::iter::once(text)
        .chain(notes.iter().map(|n| n.text.as_str()))
        .flat_map(|t| refs::extract(t, Some(&meta.symbol), &meta.aliases))
        .filter(|r| r.para.is_some() || r.symbol != meta.symbol)
        .map(|r| r.id(Layout::guess(&r.symbol)))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn to_diags(path: &Path, list: Vec<(usize, String)>) -> Vec<Diagnostic> {
    list.into_iter()
        .map(|(line, msg)| Diagnostic::new(path, line, msg))
        .collect()
}

/// "Chung 2019" from the first author's surname and the date's year.
fn short_cite(meta: &Meta) -> String {
    let surname = meta
        .author
        .first()
        .and_then(|a| a.split_whitespace().last())
        .map(str::to_owned);
    let year = meta
        .date()
        .and_then(|d| d.get(..4))
        .filter(|y| y.chars().all(|c| c.is_ascii_digit()));
    match (surname, year) {
        (Some(s), Some(y)) => format!("{s} {y}"),
        (Some(s), None) => s,
        (None, _) => meta.symbol.clone(),
    }
}

fn commentary_passages(meta: &Meta, parsed: Vec<commentary::CommentaryPassage>) -> Vec<Passage> {
    let cite = short_cite(meta);
    // Paragraphs are counted per heading text, so that slides continued under
    // the same title keep counting and every citation stays unique.
    let mut per_heading: HashMap<Option<String>, u32> = HashMap::new();
    parsed
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let k = per_heading.entry(p.heading.clone()).or_insert(0);
            *k += 1;
            let citation = match &p.heading {
                Some(h) => format!("{cite}, \"{h}\", para. {k}"),
                None => format!("{cite}, para. {k}"),
            };
            let anchor = anchor::Anchor {
                annex: None,
                place: anchor::Place::Commentary {
                    section: p.section,
                    n: p.n,
                },
            }
            .to_string();
            Passage {
                id: PassageId::new(&meta.symbol, &anchor).to_string(),
                symbol: meta.symbol.clone(),
                anchor,
                citation,
                part: Part::Commentary,
                section: p.heading,
                process: p.named,
                refs: p
                    .refs
                    .iter()
                    .map(|r| r.id(Layout::guess(&r.symbol)))
                    .collect(),
                notes: Vec::new(),
                text: p.text,
                line: p.line,
                seq: i as u64,
                section_processes: p.heading_named,
            }
        })
        .collect()
}

/// Which of a full text and the excerpts of its symbol is indexed, and the
/// one-line notice that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Replacement {
    /// The full text replaces the excerpts.
    FullText(String),
    /// The excerpts stay; the full text is left out.
    Excerpts(String),
}

/// The rule for a symbol held by an excerpt (`excerpt = true`) and a full
/// text, the same for `Corpus::load` and the streaming build: the full text
/// replaces the excerpts only when it has every paragraph they quote (each
/// of their anchors). A "full text" with fewer — a page of PDF syntax taken
/// for text, an import cut short — would otherwise take away paragraphs the
/// corpus had; then the excerpt is kept, and the notice says which
/// paragraphs the full text lacks.
pub(crate) fn full_text_or_excerpts(full: &Document, excerpts: &[&Document]) -> Replacement {
    let symbol = &full.meta.symbol;
    let has: std::collections::HashSet<&str> =
        full.passages.iter().map(|p| p.anchor.as_str()).collect();
    let mut missing: Vec<&str> = Vec::new();
    for p in excerpts.iter().flat_map(|d| d.passages.iter()) {
        if !has.contains(p.anchor.as_str()) && !missing.contains(&p.anchor.as_str()) {
            missing.push(&p.anchor);
        }
    }
    let shown: Vec<String> = excerpts
        .iter()
        .map(|d| d.path.display().to_string())
        .collect();
    let shown = shown.join(", ");
    if missing.is_empty() {
        return Replacement::FullText(format!(
            "{symbol}: the full text in {} replaces the excerpt in {shown}",
            full.path.display()
        ));
    }
    let quoted: usize = excerpts.iter().map(|d| d.passages.len()).sum();
    let mut list: Vec<&str> = missing.iter().take(5).copied().collect();
    if missing.len() > 5 {
        list.push("…");
    }
    Replacement::Excerpts(format!(
        "{symbol}: the excerpt in {shown} is kept, not the text in {}: that text lacks {} of the excerpt's {} ({}), so it is not the full text (it has {}); check what import made of it",
        full.path.display(),
        missing.len(),
        crate::output::plural(quoted, "paragraph"),
        list.join(", "),
        crate::output::plural(full.passages.len(), "passage"),
    ))
}

/// Two files with one symbol are an error, unless one is the built-in
/// excerpt (`excerpt = true`) and the other the full text, which replaces it
/// when [`full_text_or_excerpts`] says so.
fn resolve_duplicates(
    docs: Vec<Document>,
    problems: &mut Vec<Diagnostic>,
    warnings: &mut Vec<String>,
) -> Vec<Document> {
    let mut by_symbol: BTreeMap<String, Vec<Document>> = BTreeMap::new();
    for d in docs {
        by_symbol.entry(d.meta.symbol.clone()).or_default().push(d);
    }
    let mut out = Vec::new();
    for (symbol, mut group) in by_symbol {
        group.sort_by(|a, b| a.path.cmp(&b.path));
        if group.len() == 1 {
            out.append(&mut group);
            continue;
        }
        let (excerpts, mut full): (Vec<Document>, Vec<Document>) =
            group.into_iter().partition(|d| d.meta.excerpt);
        if full.len() == 1 {
            let quoted: Vec<&Document> = excerpts.iter().collect();
            let verdict = full.first().map(|f| full_text_or_excerpts(f, &quoted));
            match verdict {
                Some(Replacement::FullText(notice)) => {
                    warnings.push(notice);
                    out.append(&mut full);
                    continue;
                }
                Some(Replacement::Excerpts(notice)) => {
                    warnings.push(notice);
                    full.clear();
                }
                None => {}
            }
        }
        let mut group: Vec<Document> = excerpts.into_iter().chain(full).collect();
        group.sort_by(|a, b| a.path.cmp(&b.path));
        if group.len() == 1 {
            out.append(&mut group);
            continue;
        }
        let first = group.first().map(|d| d.path.clone()).unwrap_or_default();
        for d in group.iter().skip(1) {
            problems.push(Diagnostic::new(
                &d.path,
                1,
                format!(
                    "duplicate symbol {symbol}: {} has it too (a symbol names one document)",
                    first.display()
                ),
            ));
        }
    }
    out
}
