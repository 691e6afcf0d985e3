//! `undex index`: read and check the whole corpus, then replace the index in one atomic commit.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::{Common, notify};
use undex::index::{self, BuildMode, BuildOptions};
use undex::output::record::{self, Built, Record};

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

/// Runs `undex index`.
pub fn run(args: &IndexArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let options = BuildOptions {
        rebuild: args.rebuild,
        threads: args.threads,
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
        Err(undex::Error::Engine(e)) => anyhow::bail!(
            "cannot build the index in {dir}: {}; a build that fails leaves the previous index whole",
            root_cause(&e)
        ),
        Err(e) => return Err(e.into()),
    };
    notify(&report.warnings);
    if args.common.json {
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
            "updated {dir}: {changed} changed or added, {removed} removed; {}",
            counted(report.documents, report.passages)
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

/// What went wrong in the engine, said as the system says it
/// (`No space left on device (os error 28)`) when an I/O error is the cause.
fn root_cause(e: &tantivy::TantivyError) -> String {
    use tantivy::TantivyError as T;
    use tantivy::directory::error::{LockError, OpenReadError, OpenWriteError};
    let io = match e {
        T::IoError(io)
        | T::OpenWriteError(OpenWriteError::IoError { io_error: io, .. })
        | T::OpenReadError(OpenReadError::IoError { io_error: io, .. })
        | T::LockFailure(LockError::IoError(io), _) => io,
        _ => return e.to_string(),
    };
    // The system's own words are in the innermost error with an OS code.
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(io.as_ref());
    while let Some(c) = cause {
        if let Some(code) = c
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::raw_os_error)
        {
            return std::io::Error::from_raw_os_error(code).to_string();
        }
        cause = c
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .map(|inner| inner as &(dyn std::error::Error + 'static))
            .or_else(|| c.source());
    }
    match io.kind() {
        std::io::ErrorKind::StorageFull => "no space left on the device".to_owned(),
        std::io::ErrorKind::ReadOnlyFilesystem => "read-only file system".to_owned(),
        kind => kind.to_string(),
    }
}

fn counted(documents: u64, passages: u64) -> String {
    format!(
        "{}, {}",
        undex::output::plural(documents, "document"),
        undex::output::plural(passages, "passage")
    )
}

/// A progress bar on standard error for builds over a second, on a terminal
/// only: silent when piped or redirected.
struct Progress {
    bar: indicatif::ProgressBar,
    started: std::time::Instant,
}

impl Progress {
    fn new() -> Progress {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files  {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Progress {
            bar,
            started: std::time::Instant::now(),
        }
    }

    fn update(&self, done: u64, total: u64) {
        if self.bar.is_hidden()
            && self.started.elapsed() > std::time::Duration::from_secs(1)
            && std::io::IsTerminal::is_terminal(&std::io::stderr())
        {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        self.bar.set_length(total);
        self.bar.set_position(done);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
