//! The wire format: [`Record`], one JSON Lines record (`{"type": …, "data": …}`) for each value a library call returns, and [`write()`], which frames it as a line.
//!
//! Every `--json` line undex prints is one of these records, so the names
//! of the types are written here once, not at the places that print them;
//! a server returns the same values.

use std::io::{self, Write};

use serde::Serialize;

use crate::compare::{
    Counted, Distinctive, Group, KwicLine, KwicSummary, LeftOut, TermCount, TermSummary,
    keyness::Keyness,
};
use crate::corpus::BadFile;
use crate::diff::{AlignSummary, Only, Shared, Side};
use crate::index::stats::Stats;
use crate::output::import::{CheckedRecord, Refused};
use crate::search::{Adoption, Hit, PassageRecord, Summary};

/// One JSON Lines record: its `type` names the variant, its `data` is the value.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
pub enum Record<'a> {
    /// What `undex index` built.
    Index(&'a Built),
    /// A file `undex index --skip-bad` left out, with its problems.
    BadFile(&'a BadFile),
    /// A document `undex import` wrote.
    Imported(&'a Imported),
    /// What `undex import --check` found an input would import.
    Checked(&'a CheckedRecord<'a>),
    /// An input `undex import --check` found would be refused.
    Refused(&'a Refused),
    /// A search hit.
    Hit(&'a Hit),
    /// A search's closing record: how many matched, the page, the query.
    #[serde(rename = "summary")]
    SearchSummary(&'a Summary),
    /// A passage shown.
    Passage(&'a PassageRecord),
    /// A draft and the resolution it became, linked to what is shown.
    Adoption(&'a Adoption),
    /// A passage of another document that refers to what is shown.
    CitedBy(&'a PassageRecord),
    /// What a comparison counted.
    Selection(&'a Counted),
    /// A group of a comparison.
    Group(&'a Group),
    /// How often a term occurs in a group.
    Count(&'a TermCount),
    /// A term's keyness between two groups.
    Keyness(&'a Keyness),
    /// What `--top` left out of a comparison, for a term.
    LeftOut(&'a LeftOut),
    /// A term's totals over a comparison's selection.
    #[serde(rename = "summary")]
    TermSummary(&'a TermSummary),
    /// A term that distinguishes a group.
    Distinctive(&'a Distinctive),
    /// A concordance line.
    Kwic(&'a KwicLine),
    /// A concordance's closing record.
    #[serde(rename = "summary")]
    KwicSummary(&'a KwicSummary),
    /// One of the two passages aligned.
    #[serde(rename = "passage")]
    AlignedPassage(AlignedPassage<'a>),
    /// A run of words two aligned passages share.
    Shared(&'a Shared),
    /// A stretch only one aligned passage has.
    Only(&'a Only),
    /// An alignment's closing record.
    #[serde(rename = "summary")]
    AlignSummary(&'a AlignSummary),
    /// What the index holds.
    Stats(&'a Stats),
}

/// An aligned passage and its side.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct AlignedPassage<'a> {
    /// `a` or `b`.
    pub side: Side,
    /// The passage.
    #[serde(flatten)]
    pub passage: &'a PassageRecord,
}

/// What a build did, with the index folder it wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Built {
    /// Documents in the index.
    pub documents: u64,
    /// Passages in the index.
    pub passages: u64,
    /// False when the index was up to date and nothing was written.
    pub written: bool,
    /// The index folder, as given.
    pub index: String,
}

/// A document an import wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Imported {
    /// The raw text file read (`-` for standard input).
    pub input: String,
    /// The corpus file written.
    pub path: String,
    /// The document's symbol.
    pub symbol: String,
    /// Its passages.
    pub passages: usize,
    /// Its processes.
    pub process: Vec<String>,
    /// Lines to check, one message each.
    pub warnings: Vec<String>,
}

/// Writes one record as a line.
pub fn write(out: &mut dyn Write, record: &Record<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}

/// Writes each record as a line.
pub fn write_all<'a>(
    out: &mut dyn Write,
    records: impl IntoIterator<Item = Record<'a>>,
) -> io::Result<()> {
    for r in records {
        write(out, &r)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_one_line_of_type_and_data() {
        let built = Built {
            documents: 2,
            passages: 5,
            written: true,
            index: "idx".into(),
        };
        let mut out = Vec::new();
        write(&mut out, &Record::Index(&built)).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"type\":\"index\",\"data\":{\"documents\":2,\"passages\":5,\"written\":true,\"index\":\"idx\"}}\n"
        );
    }

    #[test]
    fn a_file_left_out_is_its_path_and_each_problem_by_line() {
        let bad = BadFile {
            path: "c/bad.txt".into(),
            problems: vec![crate::error::Diagnostic::new("c/bad.txt", 3, "no good")],
        };
        let line = serde_json::to_string(&Record::BadFile(&bad)).unwrap();
        assert_eq!(
            line,
            "{\"type\":\"bad_file\",\"data\":{\"path\":\"c/bad.txt\",\"problems\":[{\"line\":3,\"message\":\"no good\"}]}}"
        );
    }

    #[test]
    fn three_summaries_share_one_type_name() {
        let k = KwicSummary {
            returned: 1,
            total: 3,
        };
        let line = serde_json::to_string(&Record::KwicSummary(&k)).unwrap();
        assert_eq!(
            line,
            "{\"type\":\"summary\",\"data\":{\"returned\":1,\"total\":3}}"
        );
        let line = serde_json::to_string(&Record::LeftOut(&LeftOut {
            term: "t".into(),
            groups: 1,
            groups_with_term: 0,
            count: 0,
        }))
        .unwrap();
        assert!(line.starts_with("{\"type\":\"left_out\","), "{line}");
    }
}
