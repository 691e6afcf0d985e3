//! `undex export`: every passage for another engine (JSON Lines, Elasticsearch bulk, CSV), or a Quickwit index configuration.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};

use super::{Common, notify};
use undex::export::{self, Format};
use undex::index;

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// One passage a line with all its metadata (Quickwit, Meilisearch and Elasticsearch ingest it).
    Jsonl,
    /// The Elasticsearch/OpenSearch bulk API: an index action line, then the passage.
    EsBulk,
    /// One row a passage; lists joined by ";".
    Csv,
}

/// Export every passage with its citation, for other engines and tools.
///
/// `undex index --corpus FILE.jsonl` indexes a JSON Lines export again, with
/// the same hits.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub common: Common,
    /// The format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    /// The index name in Elasticsearch bulk actions, and the Quickwit index id.
    #[arg(long, default_value = "undex", value_name = "NAME")]
    pub es_index: String,
    /// Print a Quickwit index configuration (JSON) for the export instead of the passages.
    #[arg(long)]
    pub quickwit_config: bool,
}

/// Runs `undex export`.
pub fn run(args: &ExportArgs, out: &mut dyn Write) -> Result<ExitCode> {
    if args.quickwit_config {
        // Serialized first, so that a closed pipe stays an io::Error.
        let text = serde_json::to_string_pretty(&export::quickwit_config(&args.es_index))?;
        writeln!(out, "{text}")?;
        return Ok(ExitCode::SUCCESS);
    }
    let (index, notices) = index::open_or_build(&args.common.corpus, &args.common.index)?;
    notify(&notices);
    let format = match args.format {
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::EsBulk => Format::EsBulk,
        ExportFormat::Csv => Format::Csv,
    };
    let n = index.export(out, format, &args.es_index)?;
    Ok(if n > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
