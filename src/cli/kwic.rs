//! `undex kwic`: keyword-in-context lines aligned on a term, each with its citation.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};

use super::select::Select;
use super::{Common, notify};
use undex::compare::{KwicOptions, KwicSort};
use undex::index;
use undex::output::kwic as print;

/// Line order.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Sort {
    /// By document and place.
    Doc,
    /// By the words left of the term, nearest first.
    Left,
    /// By the words right of the term.
    Right,
}

/// Show every occurrence of a term in its context (a concordance).
///
/// The term is a word or a phrase: `undex kwic international law` and
/// `undex kwic "international law"` both look for the two words in a row.
/// Exit status: 0 when the term occurs, 1 when it does not, 2 on error.
#[derive(Debug, Args)]
pub struct KwicArgs {
    /// A word, or the words of a phrase (quoted or not).
    #[arg(value_name = "TERM", required = true, num_args = 1..)]
    pub term: Vec<String>,
    #[command(flatten)]
    pub common: Common,
    /// Characters of context on each side.
    #[arg(long, default_value_t = 40, value_name = "N")]
    pub width: usize,
    /// Group the lines under their documents.
    #[arg(long, value_parser = ["doc"], value_name = "doc")]
    pub by: Option<String>,
    /// Line order.
    #[arg(long, value_enum, default_value = "doc")]
    pub sort: Sort,
    #[command(flatten)]
    pub select: Select,
    /// Match surface forms only (no stemming).
    #[arg(long)]
    pub exact: bool,
    /// Most lines to print.
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub limit: usize,
    /// Print CSV instead of aligned lines.
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
}

/// Runs `undex kwic`.
pub fn run(args: &KwicArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let (index, notices) = index::open_or_build(&args.common.corpus, &args.common.index)?;
    notify(&notices);
    let sort = match args.sort {
        Sort::Doc => KwicSort::Doc,
        Sort::Left => KwicSort::Left,
        Sort::Right => KwicSort::Right,
    };
    let k = index.kwic(&KwicOptions {
        term: args.term.join(" "),
        width: args.width,
        filters: args.select.filters(),
        exact: args.exact,
        sort,
        limit: args.limit,
    })?;
    if args.common.json {
        print::json(out, &k)?;
    } else if args.csv {
        print::csv(out, &k)?;
    } else {
        print::human(out, &k, args.width, args.by.is_some())?;
    }
    Ok(if k.total > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
