//! `undex stats`: what the index holds, per document and per process, and its size.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::{Common, notify};
use undex::index;
use undex::output::compare::table;

/// Documents a table lists in full; above this, the largest are shown.
const FULL_TABLE: usize = 50;
/// Documents shown by default above [`FULL_TABLE`].
const DEFAULT_TOP: usize = 20;

/// Show what the index holds: documents, passages by part, words, distinct terms, per document and per process, size.
///
/// The table of documents lists every one, in symbol order, up to 50
/// documents; a larger corpus shows its 20 largest (--top N, --all, --summary).
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub common: Common,
    /// List only the N largest documents (by words).
    #[arg(long, value_name = "N", conflicts_with_all = ["all", "summary"])]
    pub top: Option<usize>,
    /// List every document, however many.
    #[arg(long, conflicts_with = "summary")]
    pub all: bool,
    /// Leave out the table of documents.
    #[arg(long)]
    pub summary: bool,
}

/// Runs `undex stats`.
pub fn run(args: &StatsArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let (index, notices) = index::open_or_build(&args.common.corpus, &args.common.index)?;
    notify(&notices);
    let s = index.stats()?;
    if args.common.json {
        let mut s = s;
        if let Some(n) = args.top {
            s.per_document = s.largest_documents(n).into_iter().cloned().collect();
        } else if args.summary {
            s.per_document.clear();
        }
        undex::output::json_line(out, "stats", &s)?;
        return Ok(ExitCode::SUCCESS);
    }
    let parts: Vec<String> = s
        .passages_by_part
        .iter()
        .map(|(p, n)| format!("{n} {p}"))
        .collect();
    writeln!(
        out,
        "{}, {} ({}), {}",
        undex::output::plural(s.documents, "document"),
        undex::output::plural(s.passages, "passage"),
        parts.join(", "),
        undex::output::plural(s.words, "word")
    )?;
    writeln!(
        out,
        "{} (stemmed), {}; {:.1} MB on disk in {}; schema v{}\n",
        undex::output::plural(s.distinct_terms, "distinct term"),
        undex::output::plural(s.distinct_words, "distinct word"),
        s.size_bytes as f64 / 1e6,
        undex::output::plural(s.segments, "segment"),
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
    if args.summary {
        return Ok(ExitCode::SUCCESS);
    }
    let total = s.per_document.len();
    let top = match args.top {
        Some(n) => Some(n),
        None if !args.all && total > FULL_TABLE => Some(DEFAULT_TOP),
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
    Ok(ExitCode::SUCCESS)
}
