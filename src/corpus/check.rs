//! The checks and links that need the whole corpus, the same for `Corpus::load` and the streaming build: one document per symbol, excerpts giving way to full texts, commentary linked to what it discusses.
//!
//! Documents are taken one at a time, in any order (the streaming build
//! takes them as its threads parse them): a full text can be indexed at
//! once, while excerpts and commentary are held until every file is known.
//! Every decision that depends on the order of arrival is made at the end,
//! from paths, so that the same corpus always gives the same outcome.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::link::Links;
use super::{Document, Kind, Meta, Parsed, id};
use crate::error::Diagnostic;

/// A file that a build skipping bad files left out, with every problem
/// found in it (`path:line: problem`, as a build refusing the corpus says them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadFile {
    /// The file, as its diagnostics name it.
    #[serde(serialize_with = "lossy_path")]
    pub path: PathBuf,
    /// What is wrong with it, by line.
    #[serde(serialize_with = "problems")]
    pub problems: Vec<Diagnostic>,
}

fn lossy_path<S: serde::Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

/// Each problem as `{"line", "message"}` (its path is the file's).
fn problems<S: serde::Serializer>(problems: &[Diagnostic], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Problem<'a> {
        line: usize,
        message: &'a str,
    }
    s.collect_seq(problems.iter().map(|d| Problem {
        line: d.line,
        message: &d.message,
    }))
}

/// The problems of a corpus, sorted, as one [`BadFile`] per file.
pub(crate) fn by_file(problems: Vec<Diagnostic>) -> Vec<BadFile> {
    let mut files: Vec<BadFile> = Vec::new();
    for d in sorted(problems) {
        match files.last_mut() {
            Some(f) if f.path == d.path => f.problems.push(d),
            _ => files.push(BadFile {
                path: d.path.clone(),
                problems: vec![d],
            }),
        }
    }
    files
}

/// A document that is not an excerpt, as far as the checks need it.
struct Owner<T> {
    path: PathBuf,
    meta: Meta,
    /// How many passages it has.
    passages: u64,
    /// Its references as the parser wrote them, before any link.
    refs: Vec<String>,
    /// What the caller keeps with it.
    extra: T,
    /// When bad files are skipped, a file of a symbol taken already is kept
    /// here: it is the one indexed if it comes first by path. `None` for
    /// the first to arrive, which was handed out (or held, as commentary).
    spare: Option<Document>,
}

/// Takes a corpus's documents one by one and says which to index; `T` is
/// what the caller keeps with each (a file's size and time, or nothing).
pub(crate) struct Checker<T> {
    /// Whether bad files are left out rather than failing the corpus.
    skip_bad: bool,
    problems: Vec<Diagnostic>,
    warnings: Vec<String>,
    /// Every file that is not an excerpt, by symbol, in order of arrival
    /// (the first was handed out; more than one is a duplicate).
    owners: BTreeMap<String, Vec<Owner<T>>>,
    /// Held back until every full text is known (few, small).
    excerpts: BTreeMap<String, Vec<(Document, T)>>,
    /// Held back until every document's kind and process is known (few, small).
    commentary: Vec<(Document, T)>,
}

/// What the checker decided once every document was taken.
pub(crate) struct Checked<T> {
    /// What is still to index, linked: the full texts handed out whose
    /// references the link changed (read again), the commentary, then the
    /// excerpts kept.
    pub(crate) later: Vec<(Document, T)>,
    /// Full texts handed out by [`Checker::take`] that are to be taken out
    /// again, their symbol and how many passages they had: those that give
    /// way to their excerpts, those that `later` holds linked, and (when
    /// bad files are skipped) those left out.
    pub(crate) withdrawn: Vec<(String, u64)>,
    /// The warnings of every file and the checker's notices, one line each.
    pub(crate) warnings: Vec<String>,
    /// The files left out, by path (only when bad files are skipped).
    pub(crate) left_out: Vec<BadFile>,
}

impl<T: Clone> Checker<T> {
    /// A checker that adds its warnings after `warnings`; with `skip_bad`,
    /// it leaves bad files out instead of refusing the corpus.
    pub(crate) fn new(warnings: Vec<String>, skip_bad: bool) -> Checker<T> {
        Checker {
            skip_bad,
            problems: Vec::new(),
            warnings,
            owners: BTreeMap::new(),
            excerpts: BTreeMap::new(),
            commentary: Vec::new(),
        }
    }

    /// Whether a problem has been found already: the build writes nothing
    /// more, though every file is still read so that all are reported.
    /// Never, when bad files are skipped.
    pub(crate) fn failed(&self) -> bool {
        !self.skip_bad && (!self.problems.is_empty() || self.owners.values().any(|o| o.len() > 1))
    }

    /// Takes one parsed file; returns the document when it can be indexed
    /// now: the first full text of its symbol, as parsed (if linking changes
    /// it, [`Checker::finish`] says so).
    pub(crate) fn take(&mut self, parsed: Parsed, extra: T) -> Option<(Document, T)> {
        let (doc, warnings) = match parsed {
            Err(mut d) => {
                self.problems.append(&mut d);
                return None;
            }
            Ok(ok) => ok,
        };
        self.warnings
            .extend(warnings.iter().map(ToString::to_string));
        let symbol = doc.meta.symbol.clone();
        if doc.meta.excerpt {
            self.excerpts.entry(symbol).or_default().push((doc, extra));
            return None;
        }
        let mut refs: Vec<String> = doc
            .passages
            .iter()
            .flat_map(|p| p.refs.iter().filter(|r| id::is_written_as_id(r)).cloned())
            .collect();
        refs.sort();
        refs.dedup();
        let owners = self.owners.entry(symbol).or_default();
        let taken = !owners.is_empty();
        owners.push(Owner {
            path: doc.path.clone(),
            meta: doc.meta.clone(),
            passages: doc.passages.len() as u64,
            refs,
            extra: extra.clone(),
            spare: None,
        });
        if taken {
            if self.skip_bad
                && let Some(owner) = owners.last_mut()
            {
                owner.spare = Some(doc);
            }
            return None;
        }
        if doc.meta.kind == Kind::Commentary {
            self.commentary.push((doc, extra));
            return None;
        }
        Some((doc, extra))
    }

    /// Undoes what was done with an owner that is not indexed after all:
    /// a full text handed out is withdrawn, commentary held is dropped.
    fn unplace(&mut self, symbol: &str, owner: &Owner<T>, withdrawn: &mut Vec<(String, u64)>) {
        if owner.spare.is_some() {
            return;
        }
        if owner.meta.kind == Kind::Commentary {
            self.commentary.retain(|(d, _)| d.path != owner.path);
        } else {
            withdrawn.push((symbol.to_owned(), owner.passages));
        }
    }

    /// Decides the duplicates and excerpts and links every document, or
    /// says every problem of the corpus (sorted by file and line).
    /// `full_text(path)` gives back a full text handed out earlier, for the
    /// few symbols that also have an excerpt and the few documents whose
    /// references the link changes.
    ///
    /// A symbol names one document. Of two full texts (or a full text and
    /// commentary) of one symbol, the second by path is a duplicate of the
    /// first, whatever excerpts there are. One full text and excerpts: the
    /// full text replaces them when [`full_text_or_excerpts`] says so, else
    /// it gives way to them. Two excerpts left are a duplicate too.
    ///
    /// When bad files are skipped, each file a problem names is left out
    /// (a duplicate is the second by path) and the rules decide among the
    /// files kept, as if the others were not there: an excerpt gives way
    /// only to a full text that is indexed, a full text gives way only to an
    /// excerpt that is, and references are linked to the files kept alone.
    /// A corpus of which no file passes is refused all the same.
    pub(crate) fn finish(
        mut self,
        full_text: &mut dyn FnMut(&Path) -> Result<Document, Vec<Diagnostic>>,
    ) -> Result<Checked<T>, Vec<Diagnostic>> {
        let skip = self.skip_bad;
        let mut withdrawn = Vec::new();
        let mut contested: HashSet<String> = HashSet::new();
        let mut owners: BTreeMap<String, Owner<T>> = BTreeMap::new();
        for (symbol, mut list) in std::mem::take(&mut self.owners) {
            let first = (0..list.len())
                .min_by(|&a, &b| list[a].path.cmp(&list[b].path))
                .unwrap_or(0);
            for (i, other) in list.iter().enumerate() {
                if i != first {
                    self.problems
                        .push(duplicate(&symbol, &list[first].path, &other.path));
                }
            }
            if list.len() > 1 {
                contested.insert(symbol.clone());
            }
            // The first to arrive was handed out; when it is not the first
            // by path, the one kept takes its place.
            if skip && first != 0 {
                self.unplace(&symbol, &list[0], &mut withdrawn);
            }
            let kept = if skip { first } else { 0 };
            if kept < list.len() {
                owners.insert(symbol, list.swap_remove(kept));
            }
        }
        let mut kept = Vec::new();
        for (symbol, mut docs) in std::mem::take(&mut self.excerpts) {
            docs.sort_by(|a, b| a.0.path.cmp(&b.0.path));
            if let Some(owner) = owners.get(&symbol) {
                // The duplicate full texts are reported; which one the
                // excerpts would give way to is for the user to settle first.
                if !skip && contested.contains(&symbol) {
                    continue;
                }
                let full = match &owner.spare {
                    Some(doc) => Ok(doc.clone()),
                    None => full_text(&owner.path),
                };
                let decision = match full {
                    Ok(full) => {
                        let quoted: Vec<&Document> = docs.iter().map(|d| &d.0).collect();
                        let mut decision = full_text_or_excerpts(&full, &quoted);
                        // The excerpts stay, and all but the first are
                        // duplicates: the full text is measured against the
                        // one kept.
                        if skip && matches!(decision, Replacement::Excerpts(_)) && docs.len() > 1 {
                            let first = docs[0].0.path.clone();
                            for (other, _) in docs.drain(1..) {
                                self.problems.push(duplicate(&symbol, &first, &other.path));
                            }
                            decision = full_text_or_excerpts(&full, &[&docs[0].0]);
                        }
                        Some(decision)
                    }
                    Err(mut d) => {
                        self.problems.append(&mut d);
                        if !skip {
                            continue;
                        }
                        None
                    }
                };
                match decision {
                    Some(Replacement::FullText(notice)) => {
                        self.warnings.push(notice);
                        continue;
                    }
                    Some(Replacement::Excerpts(notice)) => self.warnings.push(notice),
                    None => {}
                }
                if let Some(owner) = owners.remove(&symbol) {
                    self.unplace(&symbol, &owner, &mut withdrawn);
                }
            }
            let mut docs = docs.into_iter();
            if let Some(first) = docs.next() {
                for other in docs {
                    self.problems
                        .push(duplicate(&symbol, &first.0.path, &other.0.path));
                }
                kept.push(first);
            }
        }
        if !skip && !self.problems.is_empty() {
            return Err(sorted(self.problems));
        }
        // The full texts handed out that the link changes are read again;
        // when one cannot be, it is left out and the links made anew.
        let mut read: HashMap<String, Document> = HashMap::new();
        let links = loop {
            let links = Links::of(
                owners
                    .values()
                    .map(|o| &o.meta)
                    .chain(kept.iter().map(|(d, _)| &d.meta)),
            );
            let mut unread = Vec::new();
            for (symbol, owner) in &owners {
                if owner.spare.is_none()
                    && owner.meta.kind != Kind::Commentary
                    && !read.contains_key(symbol)
                    && links.changes(&owner.refs)
                {
                    match full_text(&owner.path) {
                        Ok(doc) => {
                            read.insert(symbol.clone(), doc);
                        }
                        Err(d) if !skip => return Err(d),
                        Err(mut d) => {
                            self.problems.append(&mut d);
                            unread.push(symbol.clone());
                        }
                    }
                }
            }
            if unread.is_empty() {
                break links;
            }
            for symbol in unread {
                if let Some(owner) = owners.remove(&symbol) {
                    self.unplace(&symbol, &owner, &mut withdrawn);
                }
            }
        };
        if owners.is_empty() && kept.is_empty() {
            return Err(sorted(self.problems));
        }
        let mut later = Vec::new();
        let mut commentary = std::mem::take(&mut self.commentary);
        for (symbol, owner) in owners {
            if let Some(doc) = owner.spare {
                if doc.meta.kind == Kind::Commentary {
                    commentary.push((doc, owner.extra));
                } else {
                    later.push((doc, owner.extra));
                }
            } else if let Some(doc) = read.remove(&symbol) {
                withdrawn.push((symbol, owner.passages));
                later.push((doc, owner.extra));
            }
        }
        commentary.sort_by(|a, b| a.0.path.cmp(&b.0.path));
        later.extend(commentary.into_iter().chain(kept));
        for (doc, _) in &mut later {
            links.link(doc);
        }
        Ok(Checked {
            later,
            withdrawn,
            warnings: self.warnings,
            left_out: by_file(self.problems),
        })
    }
}

/// Diagnostics in the order of their files and lines.
pub(crate) fn sorted(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    problems
}

fn duplicate(symbol: &str, a: &Path, b: &Path) -> Diagnostic {
    // Named the same way whichever file was read first.
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

/// Which of a full text and the excerpts of its symbol is indexed, and the
/// one-line notice that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Replacement {
    /// The full text replaces the excerpts.
    FullText(String),
    /// The excerpts stay; the full text is left out.
    Excerpts(String),
}

/// The rule for a symbol held by an excerpt (`excerpt = true`) and a full
/// text: the full text replaces the excerpts only when it has every
/// paragraph they quote (each of their anchors). A "full text" with fewer —
/// a page of PDF syntax taken for text, an import cut short — would
/// otherwise take away paragraphs the corpus had; then the excerpt is kept,
/// and the notice says which paragraphs the full text lacks.
fn full_text_or_excerpts(full: &Document, excerpts: &[&Document]) -> Replacement {
    let symbol = &full.meta.symbol;
    let has: HashSet<&str> = full.passages.iter().map(|p| p.anchor.as_str()).collect();
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

/// Checks documents the caller holds all of, as `Corpus::load` does: the
/// documents to index, ordered by symbol, and the warnings.
#[cfg(test)]
pub(crate) fn check_all(
    docs: Vec<Parsed>,
    warnings: Vec<String>,
) -> Result<(Vec<Document>, Vec<String>), Vec<Diagnostic>> {
    check_held(docs, warnings, false).map(|(documents, warnings, _)| (documents, warnings))
}

/// The documents to index, ordered by symbol, the warnings, and the files left out.
pub(crate) type Held = (Vec<Document>, Vec<String>, Vec<BadFile>);

/// What [`check_all`] does, with `skip_bad` leaving the bad files out (the
/// third value) instead of refusing the corpus.
pub(crate) fn check_held(
    docs: Vec<Parsed>,
    warnings: Vec<String>,
    skip_bad: bool,
) -> Result<Held, Vec<Diagnostic>> {
    let mut checker = Checker::new(warnings, skip_bad);
    let mut now: BTreeMap<PathBuf, Document> = BTreeMap::new();
    for parsed in docs {
        if let Some((doc, ())) = checker.take(parsed, ()) {
            now.insert(doc.path.clone(), doc);
        }
    }
    let checked = checker.finish(&mut |path: &Path| {
        now.get(path).cloned().ok_or_else(|| {
            vec![Diagnostic::new(
                path,
                0,
                "internal error: a full text was lost",
            )]
        })
    })?;
    let gone: HashSet<&str> = checked.withdrawn.iter().map(|(s, _)| s.as_str()).collect();
    let mut documents: Vec<Document> = now
        .into_values()
        .filter(|d| !gone.contains(d.meta.symbol.as_str()))
        .chain(checked.later.into_iter().map(|(d, ())| d))
        .collect();
    documents.sort_by(|a, b| a.meta.symbol.cmp(&b.meta.symbol));
    Ok((documents, checked.warnings, checked.left_out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_bytes;

    fn parsed(path: &str, text: &str) -> Parsed {
        parse_bytes(&PathBuf::from(path), text.as_bytes())
    }

    const FULL: &str = "+++\nsymbol = \"A/RES/99/1\"\n+++\n\n1. Notes;\n\n2. Decides;\n";
    const EXCERPT: &str = "+++\nsymbol = \"A/RES/99/1\"\nexcerpt = true\n+++\n\n2. Decides;\n";

    fn messages(r: Result<(Vec<Document>, Vec<String>), Vec<Diagnostic>>) -> Vec<String> {
        match r {
            Ok(_) => Vec::new(),
            Err(d) => d.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn two_full_texts_and_an_excerpt_are_one_duplicate_in_any_order() {
        let files = [
            ("c/b.txt", FULL),
            ("c/a.txt", FULL),
            ("c/0-excerpt.txt", EXCERPT),
        ];
        let expected = [
            "c/b.txt:1: duplicate symbol A/RES/99/1: c/a.txt has it too (a symbol names one document)",
        ];
        for order in [[0, 1, 2], [1, 0, 2], [2, 1, 0], [2, 0, 1]] {
            let docs = order
                .iter()
                .map(|&i| parsed(files[i].0, files[i].1))
                .collect();
            assert_eq!(messages(check_all(docs, Vec::new())), expected, "{order:?}");
        }
    }

    #[test]
    fn a_full_text_replaces_its_excerpt_and_a_lacking_one_gives_way() {
        let docs = vec![parsed("c/e.txt", EXCERPT), parsed("c/f.txt", FULL)];
        let (documents, warnings) = check_all(docs, Vec::new()).unwrap();
        assert_eq!(documents.len(), 1);
        assert!(!documents[0].meta.excerpt);
        assert_eq!(
            warnings,
            ["A/RES/99/1: the full text in c/f.txt replaces the excerpt in c/e.txt"]
        );
        let lacking = "+++\nsymbol = \"A/RES/99/1\"\n+++\n\n1. Notes;\n";
        let docs = vec![parsed("c/f.txt", lacking), parsed("c/e.txt", EXCERPT)];
        let (documents, warnings) = check_all(docs, Vec::new()).unwrap();
        assert_eq!(documents.len(), 1);
        assert!(documents[0].meta.excerpt);
        assert!(
            warnings[0].contains("lacks 1 of the excerpt's 1 paragraph (OP2)"),
            "{warnings:?}"
        );
    }

    #[test]
    fn two_excerpts_without_a_full_text_are_a_duplicate() {
        let docs = vec![parsed("c/y.txt", EXCERPT), parsed("c/x.txt", EXCERPT)];
        assert_eq!(
            messages(check_all(docs, Vec::new())),
            [
                "c/y.txt:1: duplicate symbol A/RES/99/1: c/x.txt has it too (a symbol names one document)"
            ]
        );
    }

    #[test]
    fn commentary_is_linked_to_the_kind_of_what_it_cites() {
        let report = "+++\nsymbol = \"A/99/10\"\nkind = \"report\"\nprocess = [\"GGE\"]\n+++\n\n1. Text.\n\n2. More.\n";
        let note = "+++\nsymbol = \"Note2020\"\nkind = \"commentary\"\ntitle = \"N\"\n+++\n\nSee A/99/10, para. 2.\n";
        let docs = vec![parsed("c/n.md", note), parsed("c/r.txt", report)];
        let (documents, _) = check_all(docs, Vec::new()).unwrap();
        let note = documents
            .iter()
            .find(|d| d.meta.kind == Kind::Commentary)
            .unwrap();
        assert_eq!(note.passages[0].refs, ["A/99/10#P2"]);
        assert_eq!(note.passages[0].process, ["GGE"]);
    }

    #[test]
    fn a_full_text_the_link_changes_is_read_again_and_replaced() {
        let report =
            "+++\nsymbol = \"A/C.1/99/L.1\"\nkind = \"report\"\n+++\n\n1. Notes.\n\n2. Requests.\n";
        let citing =
            "+++\nsymbol = \"A/RES/99/2\"\n+++\n\n1. Recalls paragraph 2 of A/C.1/99/L.1;\n";
        let mut checker = Checker::new(Vec::new(), false);
        let mut handed = Vec::new();
        for (path, text) in [("c/r.txt", citing), ("c/d.txt", report)] {
            handed.extend(checker.take(parsed(path, text), path));
        }
        assert_eq!(handed.len(), 2, "full texts are handed out as they come");
        let mut reads = Vec::new();
        let checked = checker
            .finish(&mut |p: &Path| {
                reads.push(p.to_path_buf());
                parsed(&p.to_string_lossy(), citing).map(|(d, _)| d)
            })
            .unwrap();
        assert_eq!(reads, [PathBuf::from("c/r.txt")]);
        assert_eq!(checked.withdrawn, [("A/RES/99/2".to_owned(), 1)]);
        let [(doc, extra)] = checked.later.as_slice() else {
            panic!("{:?}", checked.later.len())
        };
        assert_eq!(*extra, "c/r.txt");
        assert_eq!(doc.passages[0].refs, ["A/C.1/99/L.1#P2"]);
    }

    /// `files` (path, text) parsed in the `order` of their indices.
    fn in_order(files: &[(&str, &str)], order: [usize; 3]) -> Vec<Parsed> {
        order
            .iter()
            .map(|&i| parsed(files[i].0, files[i].1))
            .collect()
    }

    fn left_out(files: &[BadFile]) -> Vec<String> {
        files
            .iter()
            .flat_map(|f| f.problems.iter().map(ToString::to_string))
            .collect()
    }

    #[test]
    fn skipping_bad_files_keeps_the_first_full_text_by_path_in_any_order() {
        let other = "+++\nsymbol = \"A/RES/99/1\"\n+++\n\n1. Other;\n";
        let files = [
            ("c/b.txt", other),
            ("c/a.txt", FULL),
            ("c/z.txt", "no front matter\n"),
        ];
        for order in [[0, 1, 2], [1, 0, 2], [2, 0, 1]] {
            let (documents, _, bad) =
                check_held(in_order(&files, order), Vec::new(), true).unwrap();
            assert_eq!(documents.len(), 1, "{order:?}");
            assert_eq!(documents[0].path, PathBuf::from("c/a.txt"), "{order:?}");
            let paths: Vec<&Path> = bad.iter().map(|f| f.path.as_path()).collect();
            assert_eq!(
                paths,
                [Path::new("c/b.txt"), Path::new("c/z.txt")],
                "{order:?}"
            );
            assert_eq!(
                left_out(&bad)[0],
                "c/b.txt:1: duplicate symbol A/RES/99/1: c/a.txt has it too (a symbol names one document)"
            );
        }
    }

    #[test]
    fn a_duplicate_handed_out_first_is_withdrawn_for_the_first_by_path() {
        let mut checker = Checker::new(Vec::new(), true);
        let handed: Vec<_> = [("c/b.txt", FULL), ("c/a.txt", FULL)]
            .into_iter()
            .filter_map(|(path, text)| checker.take(parsed(path, text), path))
            .collect();
        assert_eq!(handed.len(), 1);
        assert!(
            !checker.failed(),
            "a build skipping bad files goes on writing"
        );
        let checked = checker
            .finish(&mut |p: &Path| panic!("{} need not be read again", p.display()))
            .unwrap();
        assert_eq!(checked.withdrawn, [("A/RES/99/1".to_owned(), 2)]);
        let [(doc, extra)] = checked.later.as_slice() else {
            panic!("{}", checked.later.len())
        };
        assert_eq!(
            (doc.path.as_path(), *extra),
            (Path::new("c/a.txt"), "c/a.txt")
        );
        assert_eq!(checked.left_out.len(), 1);
        assert_eq!(checked.left_out[0].path, PathBuf::from("c/b.txt"));
    }

    #[test]
    fn an_excerpt_gives_way_only_to_a_full_text_that_is_kept() {
        let bad_full = "+++\nsymbol = \"A/RES/99/1\"\n+++\n\n1. Notes;\n\n1. Again;\n";
        let docs = vec![parsed("c/e.txt", EXCERPT), parsed("c/f.txt", bad_full)];
        let (documents, warnings, bad) = check_held(docs, Vec::new(), true).unwrap();
        assert_eq!(documents.len(), 1);
        assert!(documents[0].meta.excerpt, "the excerpt is indexed");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].path, PathBuf::from("c/f.txt"));
    }

    #[test]
    fn a_full_text_is_measured_against_the_excerpt_kept_not_a_duplicate_left_out() {
        // The second excerpt quotes a paragraph the full text lacks; refusing
        // the corpus would name it a duplicate, so skipping leaves it out.
        let second = "+++\nsymbol = \"A/RES/99/1\"\nexcerpt = true\n+++\n\n7. Requests;\n";
        let docs = vec![
            parsed("c/e1.txt", EXCERPT),
            parsed("c/e2.txt", second),
            parsed("c/f.txt", FULL),
        ];
        let strict = messages(check_all(docs.clone(), Vec::new()));
        assert_eq!(
            strict,
            [
                "c/e2.txt:1: duplicate symbol A/RES/99/1: c/e1.txt has it too (a symbol names one document)"
            ]
        );
        let (documents, warnings, bad) = check_held(docs, Vec::new(), true).unwrap();
        assert_eq!(left_out(&bad), strict);
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0].path, PathBuf::from("c/f.txt"));
        assert_eq!(
            warnings,
            ["A/RES/99/1: the full text in c/f.txt replaces the excerpt in c/e1.txt"]
        );
    }

    #[test]
    fn references_take_the_numbering_of_the_files_kept_only() {
        // Two files of A/C.1/99/L.1: the report is the duplicate, left out,
        // so the citing resolution links to the one kept, a resolution.
        let kept = "+++\nsymbol = \"A/C.1/99/L.1\"\n+++\n\n1. Notes;\n\n2. Requests;\n";
        let report =
            "+++\nsymbol = \"A/C.1/99/L.1\"\nkind = \"report\"\n+++\n\n1. Notes.\n\n2. Requests.\n";
        let citing =
            "+++\nsymbol = \"A/RES/99/2\"\n+++\n\n1. Recalls paragraph 2 of A/C.1/99/L.1;\n";
        for order in [[0, 1, 2], [1, 2, 0], [2, 1, 0]] {
            let files = [("c/a.txt", kept), ("c/b.txt", report), ("c/r.txt", citing)];
            let (documents, _, bad) =
                check_held(in_order(&files, order), Vec::new(), true).unwrap();
            assert_eq!(bad.len(), 1, "{order:?}");
            let citing = documents
                .iter()
                .find(|d| d.meta.symbol == "A/RES/99/2")
                .unwrap();
            assert_eq!(citing.passages[0].refs, ["A/C.1/99/L.1#OP2"], "{order:?}");
            let target = documents
                .iter()
                .find(|d| d.meta.symbol == "A/C.1/99/L.1")
                .unwrap();
            assert_eq!(target.meta.kind, Kind::Resolution, "{order:?}");
        }
    }

    #[test]
    fn a_corpus_of_which_no_file_passes_is_refused_even_when_skipping() {
        let docs = vec![
            parsed("c/x.txt", "no front matter\n"),
            parsed("c/y.txt", "+++\n"),
        ];
        let refused = check_held(docs, Vec::new(), true).map(|_| ()).unwrap_err();
        assert_eq!(refused.len(), 2);
        assert_eq!(refused[0].path, PathBuf::from("c/x.txt"));
    }
}
