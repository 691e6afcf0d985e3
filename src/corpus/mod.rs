//! Reading a corpus folder: finding its documents, parsing each, and checking the whole before anything is indexed.

pub mod anchor;
pub mod blocks;
pub(crate) mod check;
pub mod commentary;
pub mod frontmatter;
pub mod id;
pub mod jsonl;
mod link;
pub mod model;
pub mod numbered;
pub mod process;
pub mod refs;
pub mod symbol;
pub mod text;
pub mod treaty;
mod walk;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use check::BadFile;
pub use id::PassageId;
pub(crate) use link::Links;
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
    /// The files left out, each with its problems (only by
    /// [`Corpus::load_skipping_bad`]).
    pub left_out: Vec<BadFile>,
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
        Corpus::load_checked(root, false)
    }

    /// Reads every document under `root` and keeps those that pass the
    /// checks; the files left out are in [`Corpus::left_out`], each with
    /// every problem found in it. The duplicate and excerpt rules and the
    /// links are those of the files kept. Fails (as [`Corpus::load`]) only
    /// when no file passes; a JSON Lines corpus, one file, is read whole or
    /// not at all.
    pub fn load_skipping_bad(root: &Path) -> Result<Corpus> {
        Corpus::load_checked(root, true)
    }

    fn load_checked(root: &Path, skip_bad: bool) -> Result<Corpus> {
        if jsonl::is_jsonl(root) && root.is_file() {
            return Corpus::load_jsonl(root);
        }
        let listing = list(root)?;
        let (documents, warnings, left_out) =
            check::check_held(parse_all(&listing.files), listing.warnings, skip_bad)
                .map_err(Error::Input)?;
        Ok(Corpus {
            root: root.to_path_buf(),
            documents,
            warnings,
            fingerprint: listing.fingerprint,
            stamps: listing.stamps,
            left_out,
        })
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
            left_out: Vec::new(),
        })
    }
}

/// The documents of a corpus folder as a reading of it begins, with what an
/// index records of them.
pub(crate) struct Listing {
    /// Its documents' files, sorted.
    pub(crate) files: Vec<PathBuf>,
    /// Taken before the files are read: an edit made while they are read
    /// then shows as a change at the next check.
    pub(crate) fingerprint: String,
    /// The stamps of its folders, taken with the fingerprint.
    pub(crate) stamps: Vec<Stamp>,
    /// The files passed over, one line each.
    pub(crate) warnings: Vec<String>,
}

/// Lists the documents under `root`; a folder without any is no corpus.
pub(crate) fn list(root: &Path) -> Result<Listing> {
    let found = discover(root)?;
    if found.files.is_empty() {
        return Err(Error::Input(vec![Diagnostic::new(
            root,
            0,
            "no documents here: a corpus is a folder of .txt or .md files",
        )]));
    }
    Ok(Listing {
        fingerprint: found.fingerprint(root),
        stamps: stamps(root, &found.dirs),
        warnings: found.skipped.iter().map(ToString::to_string).collect(),
        files: found.files,
    })
}

/// A parsed document and its warnings, or what is wrong with the file.
pub type Parsed = Result<(Document, Vec<Diagnostic>), Vec<Diagnostic>>;

/// Parses files on every core, keeping their order.
fn parse_all(files: &[PathBuf]) -> Vec<Parsed> {
    crate::pool::map(files, crate::pool::cores(), &|f| parse_file(f))
        .unwrap_or_else(|_| vec![Err(vec![parser_panicked()])])
}

/// What is said when a parser thread panicked (a bug: no input should).
pub(crate) fn parser_panicked() -> Diagnostic {
    Diagnostic::new("<corpus>", 0, "internal error: a parser thread failed")
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
                    refs: treaty::own_article_refs(
                        &meta.symbol,
                        &p.anchor,
                        &p.text,
                        passage_refs(&meta, &p.text, &p.notes),
                    ),
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
