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
/// ("A/RES/73/27, para. 5") or a document symbol (A/RES/73/27). A paragraph
/// is shown with its sub-paragraphs, each with its own citation. Exit
/// status: 0 when found, 1 when not, 2 on error.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A passage id (A/RES/73/27#OP5), a citation ("A/RES/73/27, para. 5")
    /// or a document symbol (A/RES/73/27).
    #[arg(value_name = "ID")]
    pub id: String,
    /// Leave out the passages of other documents that refer to it.
    #[arg(long)]
    pub no_refs: bool,
    #[command(flatten)]
    pub common: Common,
}

/// How many referring passages are printed before the rest is counted.
const REFERRED_SHOWN: usize = 5;

/// Runs `undex show`.
pub fn run(args: &ShowArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let (index, notices) = index::open_or_build(&args.common.corpus, &args.common.index)?;
    notify(&notices);
    let shown = index.show(&args.id)?;
    if shown.passages.is_empty() {
        notify(&[format!("no passage or document {} in the index", args.id)]);
        return Ok(ExitCode::from(1));
    }
    let cited_by: &[_] = if args.no_refs { &[] } else { &shown.cited_by };
    if args.common.json {
        for p in &shown.passages {
            output::json_line(out, "passage", p)?;
        }
        for p in cited_by {
            output::json_line(out, "cited_by", p)?;
        }
    } else {
        if let (true, Some(first)) = (shown.document, shown.passages.first()) {
            output::document_header(out, first)?;
        }
        for p in &shown.passages {
            output::passage_human(out, p)?;
        }
        if !cited_by.is_empty() {
            writeln!(out, "Referred to by:\n")?;
            for p in cited_by.iter().take(REFERRED_SHOWN) {
                output::passage_human(out, p)?;
            }
            if let Some(more) = cited_by
                .len()
                .checked_sub(REFERRED_SHOWN)
                .filter(|n| *n > 0)
            {
                writeln!(
                    out,
                    "… and {more} more passage{} ({} in all; --json lists every one)",
                    if more == 1 { "" } else { "s" },
                    cited_by.len()
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
