//! Linking a document to the rest of the corpus: every document's references take the numbering of what they cite, and commentary takes the processes of what it discusses.
//!
//! A parser sees one file: it numbers a reference as the target's symbol
//! suggests (`Layout::guess`). Only the whole corpus knows the target's
//! layout (a report filed under a draft's symbol numbers its paragraphs
//! `P3`, not `OP3`); without the link, "referred to by" on that paragraph
//! would miss the reference.

use std::collections::HashMap;

use super::{Document, Kind, Layout, Meta, PassageId, id, process};

/// What linking needs of the other documents: each symbol's layout and processes.
#[derive(Debug, Default)]
pub(crate) struct Links {
    layouts: HashMap<String, Layout>,
    processes: HashMap<String, Vec<String>>,
}

impl Links {
    /// The links of a corpus whose documents' metadata are `metas`.
    pub(crate) fn of<'a>(metas: impl IntoIterator<Item = &'a Meta>) -> Links {
        let mut links = Links::default();
        for m in metas {
            links.add(&m.symbol, m.layout, &m.process);
        }
        links
    }

    /// Counts `symbol` as a document of `layout` concerning `processes`.
    pub(crate) fn add(&mut self, symbol: &str, layout: Layout, processes: &[String]) {
        self.layouts.insert(symbol.to_owned(), layout);
        self.processes.insert(symbol.to_owned(), processes.to_vec());
    }

    /// Whether linking would change one of `refs` (as a parser wrote them).
    pub(crate) fn changes<'a>(&self, refs: impl IntoIterator<Item = &'a String>) -> bool {
        refs.into_iter().any(|r| self.fix_ref_kind(r) != *r)
    }

    /// Links `doc` to the documents it refers to: its references take their
    /// targets' numbering (`P13` for a report, `OP13` for anything else),
    /// and each passage of commentary concerns the processes it names or
    /// those of what it cites, failing that its heading's, failing that the
    /// document's. Linking a linked document changes nothing.
    pub(crate) fn link(&self, doc: &mut Document) {
        let commentary = doc.meta.kind == Kind::Commentary;
        for p in &mut doc.passages {
            if commentary {
                p.process = self.processes_of(
                    std::mem::take(&mut p.process),
                    &p.refs,
                    &p.section_processes,
                    &doc.meta.process,
                );
            }
            p.refs = p.refs.iter().map(|r| self.fix_ref_kind(r)).collect();
            p.refs.sort();
            p.refs.dedup();
        }
    }

    /// The processes of a passage of commentary that names `named` (the
    /// parser stashes them in `process`) and cites `refs`.
    fn processes_of(
        &self,
        named: Vec<String>,
        refs: &[String],
        section: &[String],
        document: &[String],
    ) -> Vec<String> {
        let mut procs: Vec<String> = Vec::new();
        let cited = refs
            .iter()
            .filter_map(|r| self.processes.get(id::symbol_of(r)));
        for x in std::iter::once(&named).chain(cited).flatten() {
            if !procs.contains(x) {
                procs.push(x.clone());
            }
        }
        if procs.is_empty() {
            procs = section.to_vec();
        }
        if procs.is_empty() {
            procs = document.to_vec();
        }
        procs.sort_by(|a, b| process::order(a).cmp(&process::order(b)));
        procs
    }

    /// A reference was written as the target's symbol suggests, numbering
    /// its paragraphs as a resolution's (`OP13`) or a report's (`P13`); the
    /// corpus knows better.
    fn fix_ref_kind(&self, id: &str) -> String {
        let Some(parsed) = PassageId::parse(id) else {
            return id.to_owned();
        };
        let (symbol, anchor) = (parsed.symbol(), parsed.anchor());
        let (prefix, rest) = match anchor.split_once('.') {
            Some((a, r)) if a.starts_with("ANNEX") => (format!("{a}."), r),
            _ => (String::new(), anchor),
        };
        let report = self
            .layouts
            .get(symbol)
            .copied()
            .unwrap_or_else(|| Layout::guess(symbol))
            .is_report();
        let rest = match (report, rest.strip_prefix("OP"), rest.strip_prefix('P')) {
            (true, Some(n), _) => format!("P{n}"),
            (false, None, Some(n)) if !rest.starts_with("PP") => format!("OP{n}"),
            _ => rest.to_owned(),
        };
        PassageId::new(symbol, format!("{prefix}{rest}")).to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::corpus::parse_bytes;

    fn doc(path: &str, text: &str) -> Document {
        parse_bytes(Path::new(path), text.as_bytes()).unwrap().0
    }

    /// A report filed under a draft's symbol: its symbol says `OP`, its kind `P`.
    const REPORT: &str = "+++\nsymbol = \"A/C.1/73/L.27\"\nkind = \"report\"\nprocess = [\"OEWG\"]\n+++\n\n1. Notes.\n\n2. Requests.\n";
    const CITING: &str =
        "+++\nsymbol = \"A/RES/73/27\"\n+++\n\n1. Recalls paragraph 2 of A/C.1/73/L.27;\n";

    #[test]
    fn a_resolution_citing_a_report_takes_the_reports_numbering() {
        let (report, mut citing) = (doc("c/d.txt", REPORT), doc("c/r.txt", CITING));
        // The parser guessed from the symbol; the corpus says it is a report.
        assert_eq!(citing.passages[0].refs, ["A/C.1/73/L.27#OP2"]);
        let links = Links::of([&report.meta, &citing.meta]);
        assert!(links.changes(&citing.passages[0].refs));
        links.link(&mut citing);
        assert_eq!(citing.passages[0].refs, ["A/C.1/73/L.27#P2"]);
        // Processes are the commentary's business: a resolution keeps its own.
        assert!(citing.passages[0].process.is_empty());
        let again = citing.clone();
        links.link(&mut citing);
        assert_eq!(citing.passages, again.passages);
    }

    #[test]
    fn a_reference_to_a_document_outside_the_corpus_is_left_as_guessed() {
        let mut citing = doc("c/r.txt", CITING);
        let links = Links::of([&citing.meta]);
        assert!(!links.changes(&citing.passages[0].refs));
        links.link(&mut citing);
        assert_eq!(citing.passages[0].refs, ["A/C.1/73/L.27#OP2"]);
    }

    #[test]
    fn commentary_takes_the_processes_of_what_it_cites_and_links_once() {
        let report = doc(
            "c/r.txt",
            "+++\nsymbol = \"A/99/10\"\nkind = \"report\"\nprocess = [\"GGE\"]\n+++\n\n1. Text.\n\n2. More.\n",
        );
        let mut note = doc(
            "c/n.md",
            "+++\nsymbol = \"Note2020\"\nkind = \"commentary\"\ntitle = \"N\"\n+++\n\nThe OEWG read A/99/10, para. 2.\n",
        );
        let links = Links::of([&report.meta, &note.meta]);
        links.link(&mut note);
        assert_eq!(note.passages[0].refs, ["A/99/10#P2"]);
        assert_eq!(note.passages[0].process, ["OEWG", "GGE"]);
        let again = note.clone();
        links.link(&mut note);
        assert_eq!(note.passages, again.passages);
    }
}
