//! Comparing terms across documents, processes and parts: counts, rates, keyness, dispersion and concordances — all from the index, with citations.

pub mod counts;
pub mod distinctive;
pub mod keyness;
pub mod kwic;
pub mod plot;
pub mod stopwords;

use serde::Serialize;

pub use counts::{CompareOptions, Comparison, ComparisonSummary, Counted, LeftOut, TermSummary};
pub use distinctive::{Distinctive, DistinctiveOptions, DistinctiveTerms};
pub use kwic::{Kwic, KwicLine, KwicOptions, KwicSort, KwicSummary};
pub use stopwords::StopWords;

/// How passages are grouped for a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    /// One group per document symbol.
    #[default]
    Doc,
    /// One group per process; a passage of two processes counts in both.
    Process,
    /// One group per part (preambular, operative, report, commentary).
    Part,
}

/// A group of passages and its size.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Its name: a symbol, a process or a part.
    pub name: String,
    /// Words in its passages.
    pub words: u64,
    /// Number of its passages.
    pub passages: u64,
}

/// How often a term occurs in a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermCount {
    /// The term as given.
    pub term: String,
    /// The group.
    pub group: String,
    /// Occurrences.
    pub count: u64,
    /// Words in the group.
    pub words: u64,
    /// Occurrences per 10,000 words (null for an empty group).
    pub per_10k: Option<f64>,
    /// Passages it occurs in.
    pub passages: u64,
    /// Their ids, in document order.
    pub ids: Vec<String>,
    /// Gries' DP over the group's passages (0 even … 1 concentrated; null when the term is absent).
    pub dp: Option<f64>,
    /// DP normalised by its maximum for these passage sizes (Lijffijt & Gries 2012).
    pub dp_norm: Option<f64>,
}

/// Where a term occurs, for dispersion plots: a passage and how many times.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Occurrence {
    /// The term as given.
    pub term: String,
    /// The document.
    pub symbol: String,
    /// The passage's place in its document, from 0.
    pub seq: u64,
    /// Occurrences in that passage.
    pub count: u64,
}

/// A document's length in passages, for dispersion plots.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentSize {
    /// The document.
    pub symbol: String,
    /// Its number of passages (its largest `seq` + 1).
    pub passages: u64,
}
