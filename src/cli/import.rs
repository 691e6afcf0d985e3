//! `undex import`: UN documents (PDFs, or their text as extracted) into corpus files, many at once, for the user to read before indexing.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use super::notify;
use super::progress::Progress;
use undex::import;
use undex::output::import as check_out;
use undex::output::import_summary::ImportSummary;
use undex::output::plural;
use undex::output::record::{self, Imported, Record};

/// Turn UN documents (PDFs, or their raw text) into corpus files.
///
/// Reads a UN PDF (its text extracted by pdftotext, of poppler-utils, which
/// must be installed) or the text extracted from one (pdftotext, PyMuPDF,
/// copy and paste), page furniture and all, and writes one corpus file per
/// document, named after the symbol its masthead gives (A-RES-73-27.txt).
/// Many inputs are read in parallel and listed at the end: imported, with
/// lines to check, refused. Read the files, fix what import reports, then
/// run `undex index`. The files of one import appear together, once all
/// are written and on disk.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// PDFs or files of raw text, one document each, or folders: every .pdf
    /// and .txt in a folder (not in its subfolders) is imported; a PDF with
    /// its .txt beside it is left to the .txt.
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
    let mut inputs: Vec<PathBuf> = Vec::new();
    if args.stdin {
        inputs.push(PathBuf::from("<stdin>"));
    }
    let mut listing_failed = Vec::new();
    for f in &args.files {
        match import::input_files(f) {
            Ok(mut files) => inputs.append(&mut files),
            Err(e) => {
                if !args.check {
                    report(f, &e);
                }
                listing_failed.push((f.clone(), e));
            }
        }
    }
    if args.check {
        return check(args, import, &inputs, listing_failed, out);
    }
    // Printed once the batch is on disk: until then nothing has been written.
    let mut done: Vec<(PathBuf, PathBuf, import::Imported)> = Vec::new();
    let mut summary = ImportSummary {
        refused: listing_failed
            .iter()
            .map(|(p, _)| p.display().to_string())
            .collect(),
        ..ImportSummary::default()
    };
    let mut refusals: Vec<(PathBuf, undex::Error)> = Vec::new();
    for (path, imported) in inputs.iter().zip(import_all(args, &import, &inputs)?) {
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
                let name = path.display().to_string();
                if imp.warnings.is_empty() {
                    summary.imported.push(name);
                } else {
                    summary.with_warnings.push((name, imp.warnings.len()));
                }
                done.push((path.clone(), written.path, imp));
            }
            Err(e) => {
                summary.refused.push(path.display().to_string());
                report(path, &e);
                refusals.push((path.clone(), e));
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
    // With --json, a refused input is a record as well as a diagnostic, so
    // that a script reading standard output learns of it.
    if args.json {
        for (path, e) in listing_failed.iter().chain(&refusals) {
            check_out::refused_json(out, &check_out::Refused::new(path, e))?;
        }
    }
    // One input's outcome is said by its own lines; of many, each is named.
    if summary.total() > 1 {
        notify(&summary.lines());
    }
    Ok(if summary.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

/// Imports every input, in order: standard input read whole, files on
/// every core with a progress bar on a terminal.
fn import_all(
    args: &ImportArgs,
    import: &import::Import,
    inputs: &[PathBuf],
) -> Result<Vec<undex::Result<import::Imported>>> {
    // --stdin takes no FILE (clap refuses both): its one input is `<stdin>`.
    if args.stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading standard input")?;
        return Ok(inputs.iter().map(|p| import.import(&buf, p)).collect());
    }
    let bar = Progress::new();
    let results = import.import_files(inputs, &mut |done, total| bar.update(done, total));
    bar.finish();
    Ok(results)
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
        let mut r = check_out::Refused::new(path, e);
        if let Some(advice) = advice(e) {
            for p in &mut r.problems {
                p.message.push_str(advice);
            }
        }
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
    let checks = if args.stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading standard input")?;
        inputs.iter().map(|p| import.check(&buf, p)).collect()
    } else {
        let bar = Progress::new();
        let checks = import.check_files(inputs, &mut |done, total| bar.update(done, total));
        bar.finish();
        checks
    };
    for (path, checked) in inputs.iter().zip(checks) {
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
fn report(path: &std::path::Path, e: &undex::Error) {
    match e {
        undex::Error::Input(diags) => {
            notify(&diags.iter().map(ToString::to_string).collect::<Vec<_>>())
        }
        undex::Error::MissingProgram { path, .. } => notify(&[format!(
            "{}: {e}{}",
            path.display(),
            advice(e).unwrap_or_default()
        )]),
        // An I/O error names its file already.
        e @ undex::Error::Io { .. } => notify(&[format!("{e:#}")]),
        e => notify(&[format!("{}: {e:#}", path.display())]),
    }
}

/// What to type about a failure of one input, as the end of its sentence.
fn advice(e: &undex::Error) -> Option<&'static str> {
    match e {
        undex::Error::MissingProgram { .. } => Some(
            ": install poppler-utils (`apt-get install poppler-utils`; Fedora: `dnf install poppler-utils`; macOS: `brew install poppler`)",
        ),
        _ => None,
    }
}
