//! `undex index`: read and check the whole corpus, then replace the index in one atomic commit.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::progress::Progress;
use super::{Common, notify};
use undex::index::{self, BuildMode, BuildOptions};
use undex::output::record::{self, Built, Record};

/// Build or update the index from the corpus.
///
/// Reads and checks the whole corpus first: every bad file is reported as
/// `path:line: problem` and nothing is changed (exit 2). The new index
/// replaces the old one in one atomic commit; an unchanged corpus is not
/// rebuilt unless --rebuild is given. With --skip-bad, the bad files are
/// left out instead and every other file is indexed.
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
    /// Index every file that passes the checks and leave the bad ones out:
    /// each is listed with its `path:line: problem` lines and the exit
    /// status is 2; the index holds every other file (a corpus of which
    /// none passes is refused).
    #[arg(long)]
    pub skip_bad: bool,
}

/// Runs `undex index`.
pub fn run(args: &IndexArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let options = BuildOptions {
        rebuild: args.rebuild,
        threads: args.threads,
        skip_bad: args.skip_bad,
        ..BuildOptions::default()
    };
    let dir = args.common.index.display().to_string();
    let bar = Progress::new();
    let report = index::build_from(
        &args.common.corpus,
        &args.common.index,
        &options,
        &mut |done, total| bar.update(done, total),
    );
    bar.finish();
    let report = match report {
        Ok(report) => report,
        // The engine's message nests its causes three deep; the user needs the last one.
        Err(e @ undex::Error::Engine(_)) => anyhow::bail!(
            "cannot build the index in {dir}: {}; a build that fails leaves the previous index whole",
            e.root_cause()
        ),
        Err(e) => return Err(e.into()),
    };
    notify(&report.warnings);
    for file in &report.left_out {
        notify(
            &file
                .problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
        );
    }
    let left_out = match report.left_out.len() {
        0 => String::new(),
        n => format!("; {} left out", undex::output::plural(n, "file")),
    };
    if args.common.json {
        for file in &report.left_out {
            record::write(out, &Record::BadFile(file))?;
        }
        let built = Built {
            documents: report.documents,
            passages: report.passages,
            written: report.written,
            index: dir.clone(),
        };
        record::write(out, &Record::Index(&built))?;
    } else if let BuildMode::Incremental { changed, removed } = report.mode {
        writeln!(
            out,
            "updated {dir}: {changed} changed or added, {removed} removed; {}{left_out}",
            counted(report.documents, report.passages)
        )?;
    } else if report.written {
        writeln!(
            out,
            "indexed {} into {dir}{left_out}",
            counted(report.documents, report.passages)
        )?;
    } else {
        writeln!(
            out,
            "the index in {dir} is up to date ({}{left_out}); --rebuild forces a build",
            counted(report.documents, report.passages)
        )?;
    }
    // Scripts notice that the index does not hold the whole corpus.
    if report.left_out.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(2))
    }
}

fn counted(documents: u64, passages: u64) -> String {
    format!(
        "{}, {}",
        undex::output::plural(documents, "document"),
        undex::output::plural(passages, "passage")
    )
}
