//! `undex import`: raw text of UN documents (as extracted from their PDFs) into corpus files, for the user to read before indexing.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use super::notify;
use undex::corpus::text;
use undex::import::{self, ImportOptions};

/// Turn the raw text of UN documents into corpus files.
///
/// Reads text extracted from a UN PDF (pdftotext, PyMuPDF, copy and paste),
/// page furniture and all, and writes one corpus file per document, named
/// after the symbol its masthead gives (A-RES-73-27.txt). Read the file, fix
/// what import reports, then run `undex index`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files of raw text, one document each.
    #[arg(value_name = "FILE", required_unless_present = "stdin")]
    pub files: Vec<PathBuf>,
    /// The corpus folder: where the files go unless --out says otherwise,
    /// and where processes.toml is looked for.
    #[arg(long, value_name = "PATH", default_value = "corpus")]
    pub corpus: PathBuf,
    /// Print one JSON Lines `imported` record per document instead of text.
    #[arg(long)]
    pub json: bool,
    /// Where to write the corpus files (default: the corpus folder).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The process(es) the documents belong to (repeatable); otherwise
    /// processes.toml in the corpus says, for the symbols it knows.
    #[arg(long, value_name = "P")]
    pub process: Vec<String>,
    /// Read one document from standard input.
    #[arg(long, conflicts_with = "files")]
    pub stdin: bool,
    /// Overwrite a different existing file of the same name.
    #[arg(long)]
    pub force: bool,
}

fn processes_table(
    dirs: &[&Path],
) -> Result<Option<std::collections::BTreeMap<String, Vec<String>>>> {
    for d in dirs {
        let p = d.join("processes.toml");
        if p.is_file() {
            return Ok(Some(import::load_processes_table(&p)?));
        }
    }
    Ok(None)
}

#[derive(serde::Serialize)]
struct Imported<'a> {
    input: String,
    path: String,
    symbol: &'a str,
    passages: usize,
    process: &'a [String],
    warnings: Vec<String>,
}

/// Runs `undex import`.
pub fn run(args: &ImportArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let out_dir = args.out.clone().unwrap_or_else(|| args.corpus.clone());
    let options = ImportOptions {
        process: args.process.clone(),
        processes_table: processes_table(&[&out_dir, &args.corpus])?,
        source: None,
    };
    let mut inputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if args.stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading standard input")?;
        inputs.push((PathBuf::from("<stdin>"), buf));
    } else {
        for f in &args.files {
            let bytes =
                std::fs::read(f).with_context(|| format!("{}: cannot read", f.display()))?;
            inputs.push((f.clone(), bytes));
        }
    }
    let mut failed = 0;
    for (path, bytes) in inputs {
        let result = text::decode(&path, &bytes)
            .map_err(|d| undex::Error::Input(vec![d]))
            .and_then(|t| import::import_text(&t, &path, &options))
            .and_then(|imp| {
                notify(
                    &imp.warnings
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>(),
                );
                let written = import::write_imported(&out_dir, &imp, args.force)?;
                Ok((imp, written))
            });
        match result {
            Ok((imp, written)) if args.json => {
                undex::output::json_line(
                    out,
                    "imported",
                    &Imported {
                        input: path.display().to_string(),
                        path: written.display().to_string(),
                        symbol: &imp.symbol,
                        passages: imp.passages,
                        process: &imp.process,
                        warnings: imp.warnings.iter().map(ToString::to_string).collect(),
                    },
                )?;
            }
            Ok((imp, written)) => {
                writeln!(
                    out,
                    "{}: wrote {} ({} passages{})",
                    path.display(),
                    written.display(),
                    imp.passages,
                    if imp.warnings.is_empty() {
                        String::new()
                    } else {
                        format!(", {} lines to check", imp.warnings.len())
                    }
                )?;
            }
            Err(undex::Error::Input(diags)) => {
                failed += 1;
                for d in diags {
                    eprintln!("{d}");
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("undex: {}: {e:#}", path.display());
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
