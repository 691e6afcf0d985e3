//! `undex stats`: what the index holds, per document and per process, and its size.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::{Common, notify};
use undex::index;
use undex::output::compare::table;

/// Show what the index holds: documents, passages by part, words, distinct terms, per document and per process, size.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub common: Common,
}

/// Runs `undex stats`.
pub fn run(args: &StatsArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let (index, notices) = index::open_or_build(&args.common.corpus, &args.common.index)?;
    notify(&notices);
    let s = index.stats()?;
    if args.common.json {
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
    let rows = s
        .per_document
        .iter()
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
    Ok(ExitCode::SUCCESS)
}
