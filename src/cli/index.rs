//! `undex index`: read and check the whole corpus, then replace the index in one atomic commit.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use super::{Common, notify};
use undex::corpus::Corpus;
use undex::index::{self, BuildOptions};

/// Build or update the index from the corpus.
///
/// Reads and checks the whole corpus first: every bad file is reported as
/// `path:line: problem` and nothing is changed (exit 2). The new index
/// replaces the old one in one atomic commit; an unchanged corpus is not
/// rebuilt unless --rebuild is given.
#[derive(Debug, Args)]
pub struct IndexArgs {
    #[command(flatten)]
    pub common: Common,
    /// Rebuild everything, even when the corpus has not changed.
    #[arg(long)]
    pub rebuild: bool,
    /// Indexing threads (default: one per core, at most 4).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Serialize)]
struct Built<'a> {
    documents: u64,
    passages: u64,
    written: bool,
    index: &'a str,
}

/// Runs `undex index`.
pub fn run(args: &IndexArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let corpus = Corpus::load(&args.common.corpus)?;
    notify(&corpus.warnings);
    let options = BuildOptions {
        rebuild: args.rebuild,
        threads: args.threads,
        ..BuildOptions::default()
    };
    let report = index::build(&corpus, &args.common.index, &options)?;
    let dir = args.common.index.display().to_string();
    if args.common.json {
        undex::output::json_line(
            out,
            "index",
            &Built {
                documents: report.documents,
                passages: report.passages,
                written: report.written,
                index: &dir,
            },
        )?;
    } else if report.written {
        writeln!(
            out,
            "indexed {} into {dir}",
            counted(report.documents, report.passages)
        )?;
    } else {
        writeln!(
            out,
            "the index in {dir} is up to date ({}); --rebuild forces a build",
            counted(report.documents, report.passages)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn counted(documents: u64, passages: u64) -> String {
    let s = |n: u64| if n == 1 { "" } else { "s" };
    format!(
        "{documents} document{}, {passages} passage{}",
        s(documents),
        s(passages)
    )
}
