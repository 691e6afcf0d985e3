//! `undex align`: two paragraphs side by side, the word sequences they share marked, and what each alone says.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::{Common, notify};
use undex::diff::AlignResponse;
use undex::index;
use undex::output::align as print;

/// Align two paragraphs: what they share, word for word, and what each alone says.
///
/// For example `undex align A/RES/73/27#OP5 A/RES/73/266#OP3`. Shared runs
/// are found in any order (a clause moved elsewhere still counts); words are
/// compared case-insensitively, punctuation ignored.
#[derive(Debug, Args)]
pub struct AlignArgs {
    /// The first passage: an id (A/RES/73/27#OP5) or a citation ("A/RES/73/27, para. 5").
    #[arg(value_name = "ID")]
    pub a: String,
    /// The second passage: an id or a citation.
    #[arg(value_name = "ID")]
    pub b: String,
    #[command(flatten)]
    pub common: Common,
    /// Shortest shared run worth marking, in words.
    #[arg(long = "min", default_value_t = 4, value_name = "WORDS")]
    pub min_words: usize,
    /// Width of the side-by-side table (default: the terminal's, else 100).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
    /// Print CSV instead of the side-by-side view.
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
}

/// Runs `undex align`.
pub fn run(args: &AlignArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let (index, notices) = index::open_or_build(&args.common.corpus, &args.common.index)?;
    notify(&notices);
    let al = match index.align(&args.a, &args.b, args.min_words)? {
        AlignResponse::Aligned(al) => al,
        AlignResponse::NoSuchPassage { id } => {
            notify(&[format!("no passage {id} in the index")]);
            return Ok(ExitCode::from(1));
        }
    };
    if args.common.json {
        print::json(out, &al)?;
    } else if args.csv {
        print::csv(out, &al)?;
    } else {
        let width = args
            .width
            .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
            .unwrap_or(100)
            .max(40);
        print::human(out, &al, width)?;
    }
    Ok(if al.shared.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
