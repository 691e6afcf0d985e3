//! The checks and links that need the whole corpus, the same for `Corpus::load` and the streaming build: one document per symbol, excerpts giving way to full texts, commentary linked to what it discusses.
//!
//! Documents are taken one at a time, in any order (the streaming build
//! takes them as its threads parse them): a full text can be indexed at
//! once, while excerpts and commentary are held until every file is known.
//! Every decision that depends on the order of arrival is made at the end,
//! from paths, so that the same corpus always gives the same outcome.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use super::link::Links;
use super::{Document, Kind, Meta, Parsed, id};
use crate::error::Diagnostic;

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
}

/// Takes a corpus's documents one by one and says which to index; `T` is
/// what the caller keeps with each (a file's size and time, or nothing).
pub(crate) struct Checker<T> {
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
    /// way to their excerpts, and those that `later` holds linked.
    pub(crate) withdrawn: Vec<(String, u64)>,
    /// The warnings of every file and the checker's notices, one line each.
    pub(crate) warnings: Vec<String>,
}

impl<T: Clone> Checker<T> {
    /// A checker that adds its warnings after `warnings`.
    pub(crate) fn new(warnings: Vec<String>) -> Checker<T> {
        Checker {
            problems: Vec::new(),
            warnings,
            owners: BTreeMap::new(),
            excerpts: BTreeMap::new(),
            commentary: Vec::new(),
        }
    }

    /// Whether a problem has been found already: the build writes nothing
    /// more, though every file is still read so that all are reported.
    pub(crate) fn failed(&self) -> bool {
        !self.problems.is_empty() || self.owners.values().any(|o| o.len() > 1)
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
        owners.push(Owner {
            path: doc.path.clone(),
            meta: doc.meta.clone(),
            passages: doc.passages.len() as u64,
            refs,
            extra: extra.clone(),
        });
        if owners.len() > 1 {
            return None;
        }
        if doc.meta.kind == Kind::Commentary {
            self.commentary.push((doc, extra));
            return None;
        }
        Some((doc, extra))
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
    pub(crate) fn finish(
        mut self,
        full_text: &mut dyn FnMut(&Path) -> Result<Document, Vec<Diagnostic>>,
    ) -> Result<Checked<T>, Vec<Diagnostic>> {
        for (symbol, owners) in &self.owners {
            let mut paths: Vec<&Path> = owners.iter().map(|o| o.path.as_path()).collect();
            paths.sort();
            if let Some((first, rest)) = paths.split_first() {
                for other in rest {
                    self.problems.push(duplicate(symbol, first, other));
                }
            }
        }
        let mut withdrawn = Vec::new();
        let mut kept = Vec::new();
        for (symbol, mut docs) in std::mem::take(&mut self.excerpts) {
            docs.sort_by(|a, b| a.0.path.cmp(&b.0.path));
            match self.owners.get(&symbol).map(Vec::as_slice) {
                Some([owner]) => {
                    let full = match full_text(&owner.path) {
                        Ok(full) => full,
                        Err(mut d) => {
                            self.problems.append(&mut d);
                            continue;
                        }
                    };
                    let quoted: Vec<&Document> = docs.iter().map(|d| &d.0).collect();
                    match full_text_or_excerpts(&full, &quoted) {
                        Replacement::FullText(notice) => {
                            self.warnings.push(notice);
                            continue;
                        }
                        Replacement::Excerpts(notice) => {
                            self.warnings.push(notice);
                            withdrawn.push((symbol.clone(), owner.passages));
                        }
                    }
                }
                // The duplicate full texts are reported; which one the
                // excerpts would give way to is for the user to settle first.
                Some(_) => continue,
                None => {}
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
        if !self.problems.is_empty() {
            return Err(sorted(self.problems));
        }
        let gone: HashSet<String> = withdrawn.iter().map(|(s, _)| s.clone()).collect();
        let indexed = || {
            self.owners
                .iter()
                .filter(|(symbol, _)| !gone.contains(symbol.as_str()))
                .flat_map(|(_, owners)| owners.iter())
        };
        let links = Links::of(
            indexed()
                .map(|o| &o.meta)
                .chain(kept.iter().map(|(d, _)| &d.meta)),
        );
        let mut later = Vec::new();
        for owner in indexed() {
            if owner.meta.kind != Kind::Commentary && links.changes(&owner.refs) {
                let mut doc = full_text(&owner.path)?;
                links.link(&mut doc);
                withdrawn.push((owner.meta.symbol.clone(), owner.passages));
                later.push((doc, owner.extra.clone()));
            }
        }
        let mut commentary = self.commentary;
        commentary.sort_by(|a, b| a.0.path.cmp(&b.0.path));
        later.extend(commentary.into_iter().chain(kept));
        for (doc, _) in &mut later {
            links.link(doc);
        }
        Ok(Checked {
            later,
            withdrawn,
            warnings: self.warnings,
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
pub(crate) fn check_all(
    docs: Vec<Parsed>,
    warnings: Vec<String>,
) -> Result<(Vec<Document>, Vec<String>), Vec<Diagnostic>> {
    let mut checker = Checker::new(warnings);
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
    Ok((documents, checked.warnings))
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
        let mut checker = Checker::new(Vec::new());
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
}
