//! `undex show`: one passage, or a whole document in order, with the commentary that refers to it.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::{Common, notify};
use undex::index;
use undex::output;

/// Print one passage, or a whole document in order, with what refers to it.
///
/// ID is a passage id (A/RES/73/27#OP5), a citation as undex prints it
/// ("A/RES/73/27, para. 5") or a document symbol (A/RES/73/27). Exit status:
/// 0 when found, 1 when not, 2 on error.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A passage id (A/RES/73/27#OP5) or a document symbol (A/RES/73/27).
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub common: Common,
}

/// Runs `undex show`.
pub fn run(args: &ShowArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let (index, notices) = index::open_or_build(&args.common.corpus, &args.common.index)?;
    notify(&notices);
    let shown = index.show(&args.id)?;
    if shown.passages.is_empty() {
        notify(&[format!("no passage or document {} in the index", args.id)]);
        return Ok(ExitCode::from(1));
    }
    if args.common.json {
        for p in &shown.passages {
            output::json_line(out, "passage", p)?;
        }
        for p in &shown.cited_by {
            output::json_line(out, "cited_by", p)?;
        }
    } else {
        if let (false, Some(first)) = (args.id.contains('#'), shown.passages.first()) {
            output::document_header(out, first)?;
        }
        for p in &shown.passages {
            output::passage_human(out, p)?;
        }
        if !shown.cited_by.is_empty() {
            writeln!(out, "Referred to by:\n")?;
            for p in &shown.cited_by {
                output::passage_human(out, p)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
