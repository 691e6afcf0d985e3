//! The text of a PDF, extracted by poppler's `pdftotext` run as a separate program (it is GPL: never linked), laid out for the importer by `pdf_layout`; a PDF that is encrypted, damaged or without text is refused, naming the file.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use super::pdf_layout::{lay_out, parse_tsv};
use super::{ImportOptions, Imported, import_text};
use crate::{Diagnostic, Error, Result};

/// The program that extracts the words and their boxes.
pub(crate) const PDFTOTEXT: &str = "pdftotext";

/// A PDF's text, laid out as the importer reads raw text.
#[derive(Debug, Clone)]
pub(crate) struct Extracted {
    /// The text (pages separated by form feeds).
    pub text: String,
    /// For each line of `text`: its page and row on the page (from 1).
    places: Vec<(usize, usize)>,
    /// What the user should know about the extraction itself.
    pub warnings: Vec<Diagnostic>,
}

impl Extracted {
    /// A diagnostic about line `line` of the text, said as the place in the
    /// PDF a reader can find (`page 2, line 14`): the text is never seen.
    pub fn locate(&self, d: Diagnostic) -> Diagnostic {
        let place = d
            .line
            .checked_sub(1)
            .and_then(|i| self.places.get(i))
            .copied();
        match place {
            Some((page, row)) if row > 0 => Diagnostic {
                line: 0,
                message: format!("page {page}, line {row}: {}", d.message),
                ..d
            },
            Some((page, _)) => Diagnostic {
                line: 0,
                message: format!("page {page}: {}", d.message),
                ..d
            },
            None => d,
        }
    }
}

/// Imports the PDF `bytes` (read from `name`): its text extracted, then
/// imported as raw text, what is reported located on its pages.
pub(crate) fn import(bytes: &[u8], name: &Path, options: &ImportOptions) -> Result<Imported> {
    let extracted = extract(bytes, name)?;
    let located = |d: Vec<Diagnostic>| d.into_iter().map(|d| extracted.locate(d)).collect();
    let mut imported = import_text(&extracted.text, name, options).map_err(|e| match e {
        Error::Input(d) => Error::Input(located(d)),
        e => e,
    })?;
    let mut warnings: Vec<Diagnostic> = extracted.warnings.clone();
    warnings.extend(located(std::mem::take(&mut imported.warnings)));
    imported.warnings = warnings;
    Ok(imported)
}

/// Extracts the text of the PDF `bytes` (read from `name`).
///
/// Fails with [`Error::MissingProgram`] when pdftotext cannot be run, and
/// with an input error naming `name` when the PDF is encrypted, damaged or
/// has no text at all (a scan).
fn extract(bytes: &[u8], name: &Path) -> Result<Extracted> {
    let output = run_pdftotext(bytes).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::MissingProgram {
            path: name.to_path_buf(),
            program: PDFTOTEXT,
        },
        _ => Error::input(name, 0, format!("could not run {PDFTOTEXT}: {e}")),
    })?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(Error::input(
            name,
            0,
            refusal(output.status.code(), &stderr),
        ));
    }
    let tsv = String::from_utf8_lossy(&output.stdout);
    let pages = parse_tsv(&tsv).map_err(|e| {
        Error::input(
            name,
            0,
            format!("{PDFTOTEXT} gave output undex cannot read: {e}"),
        )
    })?;
    if pages.iter().all(|p| p.words.is_empty()) {
        return Err(Error::input(
            name,
            0,
            format!(
                "this PDF has no text layer ({}, no word): a scan? Run OCR on it first (such as `ocrmypdf`), then import the result",
                crate::output::plural(pages.len(), "page")
            ),
        ));
    }
    let laid = lay_out(&pages);
    let mut warnings = Vec::new();
    if let Some(problem) = first_problem(&stderr) {
        warnings.push(Diagnostic::new(
            name,
            0,
            format!(
                "{PDFTOTEXT} read this PDF with trouble ({problem}): check that no text is missing"
            ),
        ));
    }
    for page in &laid.empty_pages {
        warnings.push(Diagnostic::new(
            name,
            0,
            format!("page {page} has no text (a scanned page?): its content is not imported"),
        ));
    }
    Ok(Extracted {
        text: laid.text,
        places: laid.places,
        warnings,
    })
}

/// Runs pdftotext on `bytes` given on its standard input, its `-tsv`
/// output on its standard output.
fn run_pdftotext(bytes: &[u8]) -> std::io::Result<std::process::Output> {
    let mut child = Command::new(PDFTOTEXT)
        .args(["-tsv", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdin = child.stdin.take();
    // Written beside the reading, or a large PDF and a large output would
    // each wait for the other. A PDF that pdftotext gives up on early
    // closes the pipe: what it says then is in its exit status.
    std::thread::scope(|s| {
        s.spawn(move || {
            if let Some(mut stdin) = stdin {
                let _ = stdin.write_all(bytes);
            }
        });
        child.wait_with_output()
    })
}

/// The first error line pdftotext wrote, without its `Syntax Error: `
/// prefix.
fn first_problem(stderr: &str) -> Option<String> {
    stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| {
            l.split_once(": ")
                .filter(|(kind, _)| kind.ends_with("Error") || kind.ends_with("Warning"))
                .map_or(l, |(_, rest)| rest)
                .trim_end_matches('.')
                .to_string()
        })
}

/// Why pdftotext could not read a PDF, from its exit status and what it
/// wrote on standard error.
fn refusal(code: Option<i32>, stderr: &str) -> String {
    let problem = first_problem(stderr);
    let said = problem
        .as_deref()
        .map(|p| format!(" ({PDFTOTEXT}: {p})"))
        .unwrap_or_default();
    if stderr.contains("Incorrect password") {
        return "this PDF is encrypted: it cannot be read without its password; import a copy saved without encryption".into();
    }
    match code {
        Some(1) => format!("this PDF is damaged: it cannot be read{said}"),
        Some(3) => format!("this PDF does not permit copying its text{said}"),
        Some(c) => format!("{PDFTOTEXT} failed on this PDF (exit status {c}){said}"),
        None => format!("{PDFTOTEXT} was stopped while reading this PDF{said}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_say_what_is_wrong_with_the_pdf() {
        let damaged = "Syntax Error: Couldn't find trailer dictionary\nSyntax Error: Couldn't read xref table\n";
        assert_eq!(
            refusal(Some(1), damaged),
            "this PDF is damaged: it cannot be read (pdftotext: Couldn't find trailer dictionary)"
        );
        let encrypted = "Syntax Error: Couldn't find trailer dictionary\nCommand Line Error: Incorrect password\n";
        assert!(refusal(Some(1), encrypted).starts_with("this PDF is encrypted"));
        assert!(
            refusal(
                Some(3),
                "Permission Error: Copying of text from this document is not allowed.\n"
            )
            .ends_with("(pdftotext: Copying of text from this document is not allowed)")
        );
        assert_eq!(
            refusal(Some(99), ""),
            "pdftotext failed on this PDF (exit status 99)"
        );
        assert!(refusal(None, "").contains("stopped"));
    }

    #[test]
    fn a_line_of_the_text_is_located_on_its_page() {
        let extracted = Extracted {
            text: "a\nb\n\u{c}\n".into(),
            places: vec![(1, 1), (1, 3), (2, 0)],
            warnings: Vec::new(),
        };
        let at = |line| {
            extracted
                .locate(Diagnostic::new("x.pdf", line, "odd"))
                .to_string()
        };
        assert_eq!(at(2), "x.pdf: page 1, line 3: odd");
        assert_eq!(at(3), "x.pdf: page 2: odd");
        assert_eq!(at(0), "x.pdf: odd");
        assert_eq!(at(9), "x.pdf:9: odd");
    }
}
