//! The command line: clap definitions (their doc comments are the `--help`), one module per subcommand.

pub mod align;
pub mod compare;
pub mod export;
pub mod generate;
pub mod import;
pub mod index;
pub mod kwic;
pub mod progress;
pub mod search;
pub mod select;
pub mod show;
pub mod stats;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Search the UN texts on ICT security paragraph by paragraph, with citations.
///
/// undex indexes resolutions, reports and commentary (a corpus folder of
/// text files) and answers keyword searches with ranked passages, each with
/// its citation (A/RES/73/27, para. 5) and negotiating process (OEWG, GGE).
///
/// Exit status: 0 when something was found, 1 when nothing was, 2 on error.
#[derive(Debug, Parser)]
#[command(
    name = "undex",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands (each one's help is its arguments' doc comment).
#[derive(Debug, Subcommand)]
pub enum Command {
    Import(import::ImportArgs),
    Index(index::IndexArgs),
    Search(search::SearchArgs),
    Show(show::ShowArgs),
    Compare(compare::CompareArgs),
    Kwic(kwic::KwicArgs),
    Align(align::AlignArgs),
    Export(export::ExportArgs),
    Stats(stats::StatsArgs),
    Schema(generate::SchemaArgs),
    Completions(generate::CompletionsArgs),
    Man(generate::ManArgs),
}

/// Where the corpus and the index are, and how to print; every subcommand takes these.
#[derive(Debug, Clone, Args)]
pub struct Common {
    /// The corpus: a folder of .txt/.md documents.
    #[arg(long, value_name = "PATH", default_value = undex::index::DEFAULT_CORPUS, global = true)]
    pub corpus: PathBuf,
    /// The index folder.
    #[arg(long, value_name = "DIR", default_value = undex::index::DEFAULT_INDEX, global = true)]
    pub index: PathBuf,
    /// Print JSON Lines (one {"type":…,"data":…} record a line) instead of text.
    #[arg(long, global = true)]
    pub json: bool,
}

/// Prints one-line notices on standard error.
pub fn notify<T: Notify>(lines: &[T]) {
    for l in lines {
        eprintln!("undex: {}", l.line());
    }
}

/// Something said on standard error as one line.
pub trait Notify {
    /// The line, without the `undex: ` prefix.
    fn line(&self) -> String;
}

impl Notify for String {
    fn line(&self) -> String {
        self.clone()
    }
}

/// What opening the index found, and what to type about it (the library
/// says the first, never the second).
impl Notify for undex::index::Notice {
    fn line(&self) -> String {
        match self {
            undex::index::Notice::CorpusChanged { .. } => {
                format!("{self} (run `undex index` to update it)")
            }
            _ => self.to_string(),
        }
    }
}
