//! `undex show`: one passage, or a whole document in order, with the commentary that refers to it.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::{Common, notify};
use undex::index;
use undex::output::show;

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
        show::json(out, &shown, !args.no_refs)?;
    } else {
        show::human(out, &shown, !args.no_refs)?;
    }
    Ok(ExitCode::SUCCESS)
}
