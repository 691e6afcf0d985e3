//! `undex stats`: what the index holds, per document and per process, and its size.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::{Common, notify};
use undex::index;
use undex::output::stats::{self, StatsView};

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
    let view = StatsView {
        top: args.top,
        all: args.all,
        summary: args.summary,
    };
    if args.common.json {
        stats::json(out, &s, view)?;
    } else {
        stats::human(out, &s, view)?;
    }
    Ok(ExitCode::SUCCESS)
}
