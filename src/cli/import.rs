//! `undex import`: raw text of UN documents (as extracted from their PDFs) into corpus files, for the user to read before indexing.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use super::notify;
use undex::import;
use undex::output::import as check_out;
use undex::output::plural;
use undex::output::record::{self, Imported, Record};

/// Turn the raw text of UN documents into corpus files.
///
/// Reads text extracted from a UN PDF (pdftotext, PyMuPDF, copy and paste),
/// page furniture and all, and writes one corpus file per document, named
/// after the symbol its masthead gives (A-RES-73-27.txt). Read the file, fix
/// what import reports, then run `undex index`. The files of one import
/// appear together, once all are written and on disk.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files of raw text, one document each, or folders: every .txt in a
    /// folder (not in its subfolders) is imported. A PDF is refused until its
    /// text is extracted (`pdftotext -layout X.pdf X.txt`); in a folder, a PDF
    /// with its .txt beside it is left to the .txt.
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
    /// Write nothing: print what would be written, for each input its
    /// metadata, every anchor with its citation and first words, the
    /// footnotes and the lines to check, or why it would be refused (exit 2
    /// when any would be). With --json, one `checked` or `refused` record
    /// per input.
    #[arg(long)]
    pub check: bool,
}

/// Runs `undex import`.
pub fn run(args: &ImportArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let out_dir = args.out.clone().unwrap_or_else(|| args.corpus.clone());
    let mut import = import::Import::new(&import::Target {
        out_dir: out_dir.clone(),
        corpus: args.corpus.clone(),
        out_named: args.out.is_some(),
        process: args.process.clone(),
        force: args.force,
    })?;
    let mut failed = 0usize;
    let mut inputs: Vec<PathBuf> = Vec::new();
    if args.stdin {
        inputs.push(PathBuf::from("<stdin>"));
    }
    let mut listing_failed = Vec::new();
    for f in &args.files {
        match import::input_files(f) {
            Ok(mut files) => inputs.append(&mut files),
            Err(e) if args.check => listing_failed.push((f.clone(), e)),
            Err(e) => {
                failed += 1;
                report(&e);
            }
        }
    }
    if args.check {
        return check(args, import, &inputs, listing_failed, out);
    }
    // Printed once the batch is on disk: until then nothing has been written.
    let mut done: Vec<(PathBuf, PathBuf, import::Imported)> = Vec::new();
    for path in &inputs {
        // --stdin takes no FILE (clap refuses both): its one input is `<stdin>`.
        let imported = if args.stdin {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("reading standard input")?;
            import.import(&buf, path)
        } else {
            import.import_file(path)
        };
        let result = imported.and_then(|imp| {
            notify(
                &imp.warnings
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>(),
            );
            let written = import.write(&imp)?;
            Ok((imp, written))
        });
        match result {
            Ok((imp, written)) => {
                if let Some(shown) = &written.creates {
                    notify(&[format!(
                        "no {} folder here: creating {} for the corpus files (--out DIR writes them elsewhere)",
                        out_dir.display(),
                        shown.display()
                    )]);
                }
                done.push((path.clone(), written.path, imp));
            }
            Err(e) => {
                failed += 1;
                report(&e);
            }
        }
    }
    import.commit()?;
    for (path, written, imp) in &done {
        if args.json {
            let imported = Imported {
                input: path.display().to_string(),
                path: written.display().to_string(),
                symbol: imp.symbol.clone(),
                passages: imp.passages,
                process: imp.process.clone(),
                warnings: imp.warnings.iter().map(ToString::to_string).collect(),
            };
            record::write(out, &Record::Imported(&imported))?;
        } else {
            writeln!(
                out,
                "{}: wrote {} ({}{})",
                path.display(),
                written.display(),
                plural(imp.passages, "passage"),
                if imp.warnings.is_empty() {
                    String::new()
                } else {
                    format!(", {} to check", plural(imp.warnings.len(), "line"))
                }
            )?;
        }
    }
    // One input's problem is its own summary; of many, say how many failed.
    if failed > 0 && done.len() + failed > 1 {
        notify(&[format!(
            "{} imported, {} failed (above)",
            plural(done.len(), "input"),
            failed
        )]);
    }
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs `undex import --check`: every input checked by the library, one
/// block (or record) each, and nothing written.
fn check(
    args: &ImportArgs,
    mut import: import::Import,
    inputs: &[PathBuf],
    listing_failed: Vec<(PathBuf, undex::Error)>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut refused = 0usize;
    let mut first = true;
    let mut refuse = |out: &mut dyn Write, path: &std::path::Path, e: &undex::Error| {
        refused += 1;
        let r = check_out::Refused::new(path, e);
        if args.json {
            check_out::refused_json(out, &r)
        } else {
            check_out::refused_human(out, &r)
        }
    };
    for (path, e) in &listing_failed {
        if !std::mem::take(&mut first) && !args.json {
            writeln!(out)?;
        }
        refuse(out, path, e)?;
    }
    for path in inputs {
        let checked = if args.stdin {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("reading standard input")?;
            import.check(&buf, path)
        } else {
            import.check_file(path)
        };
        if !std::mem::take(&mut first) && !args.json {
            writeln!(out)?;
        }
        match &checked {
            Ok(c) if args.json => check_out::checked_json(out, path, c)?,
            Ok(c) => check_out::checked_human(out, path, c)?,
            Err(e) => refuse(out, path, e)?,
        }
    }
    let total = inputs.len() + listing_failed.len();
    if refused > 0 {
        notify(&[if total > 1 {
            format!(
                "{} of {} would be refused (above); nothing written",
                refused,
                plural(total, "input")
            )
        } else {
            "the input would be refused (above); nothing written".to_string()
        }]);
    }
    Ok(if refused > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints a failed input's problems, each as one `undex: ` line.
fn report(e: &undex::Error) {
    match e {
        undex::Error::Input(diags) => {
            notify(&diags.iter().map(ToString::to_string).collect::<Vec<_>>())
        }
        e => notify(&[format!("{e:#}")]),
    }
}
