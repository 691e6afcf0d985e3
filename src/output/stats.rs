//! Printing what an index holds (`undex stats`): the totals, a table per process, and a table of documents that a large corpus shortens to its largest.

use std::io::{self, Write};

use super::plural;
use super::record::{self, Record};
use super::table::table;
use crate::index::stats::Stats;

/// Documents a table lists in full; above this, the largest are shown.
const FULL_TABLE: usize = 50;
/// Documents shown by default above [`FULL_TABLE`].
const DEFAULT_TOP: usize = 20;

/// Which documents to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatsView {
    /// Only the `n` largest documents (by words).
    pub top: Option<usize>,
    /// Every document, however many.
    pub all: bool,
    /// No document at all: the totals and processes only.
    pub summary: bool,
}

/// Prints the stats as one JSON Lines `stats` record: every document
/// unless the view asks for the largest or for none.
pub fn json(out: &mut dyn Write, s: &Stats, view: StatsView) -> io::Result<()> {
    let mut s = s.clone();
    if let Some(n) = view.top {
        s.per_document = s.largest_documents(n).into_iter().cloned().collect();
    } else if view.summary {
        s.per_document.clear();
    }
    record::write(out, &Record::Stats(&s))
}

/// Prints the stats for a person: the totals, the processes, then the
/// documents in symbol order (the largest only, above 50, unless `all`).
pub fn human(out: &mut dyn Write, s: &Stats, view: StatsView) -> io::Result<()> {
    let parts: Vec<String> = s
        .passages_by_part
        .iter()
        .map(|(p, n)| format!("{n} {p}"))
        .collect();
    writeln!(
        out,
        "{}, {} ({}), {}",
        plural(s.documents, "document"),
        plural(s.passages, "passage"),
        parts.join(", "),
        plural(s.words, "word")
    )?;
    writeln!(
        out,
        "{} (stemmed), {}; {:.1} MB on disk in {}; schema v{}\n",
        plural(s.distinct_terms, "distinct term"),
        plural(s.distinct_words, "distinct word"),
        s.size_bytes as f64 / 1e6,
        plural(s.segments, "segment"),
        s.schema_version
    )?;
    let rows = s
        .per_process
        .iter()
        .map(|p| {
            vec![
                p.process.clone(),
                p.documents.to_string(),
                p.passages.to_string(),
                p.words.to_string(),
            ]
        })
        .collect();
    writeln!(
        out,
        "{}\n",
        table(&["process", "documents", "passages", "words"], rows, 1)
    )?;
    if view.summary {
        return Ok(());
    }
    let total = s.per_document.len();
    let top = match view.top {
        Some(n) => Some(n),
        None if !view.all && total > FULL_TABLE => Some(DEFAULT_TOP),
        None => None,
    };
    let docs = match top {
        Some(n) => s.largest_documents(n),
        None => s.per_document.iter().collect(),
    };
    let shown = docs.len();
    let rows = docs
        .into_iter()
        .map(|d| {
            vec![
                d.symbol.clone(),
                d.passages.to_string(),
                d.words.to_string(),
            ]
        })
        .collect();
    writeln!(
        out,
        "{}",
        table(&["document", "passages", "words"], rows, 1)
    )?;
    if shown < total {
        writeln!(
            out,
            "\nThe {shown} largest of {total} documents (by words); {} left out: --all lists every one, in symbol order.",
            total - shown
        )?;
    }
    Ok(())
}
