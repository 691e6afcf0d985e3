//! `undex search`: ranked passages with citations, snippets and scores.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};

use super::select::Select;
use super::{Common, notify};
use undex::index;
use undex::output::search::{self as print, ExplainView};
use undex::search::SearchOptions;

/// Search the index; print ranked passages with their citations
///
/// The query language:
///
///   consensus basis            every word must match (stemmed: "consultations" finds "consultation")
///   "working group"            a phrase; "a b"~2 allows two other words between
///   -veto, NOT veto            leave out passages with the word
///   "lex specialis" OR treaty  either side; OR joins the two items beside it
///   process:GGE doc:A/RES/73/27 part:operative kind:report section:mandate
///                              field filters (also id:, anchor:, refs:, cites:, date:)
///
/// Anything else is text: "A/RES/73/27" (which also finds the passages citing
/// it), "2334 (2016)" or "para. 5:" are searched as they stand. Give the query
/// as one quoted argument; one that starts with "-" needs `--` before it:
/// undex search -- "-veto consensus".
///
/// Exit status: 0 when a passage matched, 1 when none did, 2 on error (a query
/// with no word at all, a --corpus or --index that does not exist, a --doc or
/// --process the index does not hold, a broken index). The index is built on
/// first use in ./index, or in an empty --index folder that exists.
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct SearchArgs {
    /// The query.
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub select: Select,
    /// Most passages to print; 0 prints only how many match (and, with --json, the summary).
    #[arg(long, default_value_t = 10, value_name = "N", allow_hyphen_values = true, value_parser = count)]
    pub limit: usize,
    /// Passages to skip (for the next page).
    #[arg(long, default_value_t = 0, value_name = "N", allow_hyphen_values = true, value_parser = count)]
    pub offset: usize,
    /// Match the words as written (no stemming: "consultations" does not find "consultation").
    #[arg(long)]
    pub exact: bool,
    /// Print whole paragraphs instead of snippets.
    #[arg(long)]
    pub full: bool,
    /// Explain each passage's score: each matched word or phrase, the field
    /// it matched in, its BM25 factors and boost; --explain=raw prints
    /// tantivy's whole explanation tree (--json carries both).
    #[arg(
        long,
        value_enum,
        value_name = "HOW",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "short"
    )]
    pub explain: Option<Explain>,
}

/// How much of the score's explanation to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Explain {
    /// A line for each part of the score.
    Short,
    /// tantivy's explanation tree, as JSON.
    Raw,
}

/// A count given on the command line: a whole number, 0 or more. Written
/// here rather than left to clap, whose answer to `-1` is a tip to write
/// `-- -1`, which leads nowhere.
fn count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<i128>() {
        Ok(n) if n < 0 => Err(format!(
            "{s} is negative: it must be a positive number (or 0)"
        )),
        Ok(n) => usize::try_from(n).map_err(|_| format!("{s} is too large")),
        Err(_) => Err(format!(
            "{s:?} is not a number: it must be a positive number (or 0)"
        )),
    }
}

/// Runs `undex search`.
pub fn run(args: &SearchArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let (index, notices) = index::open_or_build(&args.common.corpus, &args.common.index)?;
    notify(&notices);
    let options = SearchOptions {
        query: args.query.join(" "),
        filters: args.select.filters(),
        limit: args.limit,
        offset: args.offset,
        exact: args.exact,
        full: args.full,
        explain: args.explain.is_some(),
        ..SearchOptions::default()
    };
    let results = index.search(&options)?;
    let summary = &results.summary;
    if !summary.ignored.is_empty() && !args.common.json {
        notify(&[format!(
            "nothing searchable in {}; ignored",
            summary.ignored.join(" ")
        )]);
    }
    if args.common.json {
        print::json(out, &results)?;
    } else {
        let view = match args.explain {
            Some(Explain::Raw) => ExplainView::Raw,
            _ => ExplainView::Short,
        };
        print::human(out, &results, view)?;
    }
    Ok(if summary.matched > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
