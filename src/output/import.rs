//! Printing what `import --check` found: one block per input (its header line, the metadata, every anchor with its citation and first words, the footnotes, the lines to check), or the problems that would refuse it, and the `checked`/`refused` records.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use super::record::{self, Record};
use super::{CITATION, DIM, plural};
use crate::corpus::{Meta, Passage};
use crate::import::Checked;
use crate::{Diagnostic, Error};

/// How many words of a passage the listing shows: enough to recognise it
/// on one terminal line beside its citation.
const PASSAGE_WORDS: usize = 8;
/// How many words of a footnote the listing shows.
const NOTE_WORDS: usize = 12;

/// A line a check names: a problem that refuses the input, or one to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    /// The file it is in: the input, or the corpus file that would be written.
    pub file: String,
    /// Its line, counted from 1; 0 for the whole file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl From<&Diagnostic> for Line {
    fn from(d: &Diagnostic) -> Line {
        Line {
            file: d.path.display().to_string(),
            line: d.line,
            message: d.message.clone(),
        }
    }
}

/// What an input would import: the `checked` record.
#[derive(Debug, Clone, Serialize)]
pub struct CheckedRecord<'a> {
    /// The raw text file read (`<stdin>` for standard input).
    pub input: String,
    /// The corpus file that would be written.
    pub path: String,
    /// The folder the import would create, when it would.
    pub creates: Option<String>,
    /// True when that file exists already with this text.
    pub unchanged: bool,
    /// The metadata of its front matter.
    pub meta: &'a Meta,
    /// Its passages, as `index` would read them (footnotes in `notes`).
    pub passages: &'a [Passage],
    /// The lines to check.
    pub warnings: Vec<Line>,
}

impl<'a> CheckedRecord<'a> {
    /// The record of `checked`, read from `input`.
    pub fn new(input: &Path, checked: &'a Checked) -> CheckedRecord<'a> {
        CheckedRecord {
            input: input.display().to_string(),
            path: checked.path.display().to_string(),
            creates: checked.creates.as_ref().map(|p| p.display().to_string()),
            unchanged: checked.unchanged,
            meta: &checked.document.meta,
            passages: &checked.document.passages,
            warnings: checked.warnings.iter().map(Line::from).collect(),
        }
    }
}

/// An input the import would refuse: the `refused` record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refused {
    /// The input named (a file, or a folder that could not be listed).
    pub input: String,
    /// Every problem, with its file and line.
    pub problems: Vec<Line>,
}

impl Refused {
    /// The refusal of `input` for `error`.
    pub fn new(input: &Path, error: &Error) -> Refused {
        let problems = match error {
            Error::Input(diags) => diags.iter().map(Line::from).collect(),
            Error::Io { path, error } => vec![Line {
                file: path.display().to_string(),
                line: 0,
                message: error.to_string(),
            }],
            e => vec![Line {
                file: input.display().to_string(),
                line: 0,
                message: format!("{e:#}"),
            }],
        };
        Refused {
            input: input.display().to_string(),
            problems,
        }
    }
}

/// Prints one `checked` record.
pub fn checked_json(out: &mut dyn Write, input: &Path, checked: &Checked) -> io::Result<()> {
    record::write(out, &Record::Checked(&CheckedRecord::new(input, checked)))
}

/// Prints one `refused` record.
pub fn refused_json(out: &mut dyn Write, refused: &Refused) -> io::Result<()> {
    record::write(out, &Record::Refused(refused))
}

/// Prints what `input` would import for a person: the header line, the
/// metadata, the passages (anchor, citation and first words, aligned), the
/// footnotes and the lines to check.
pub fn checked_human(out: &mut dyn Write, input: &Path, checked: &Checked) -> io::Result<()> {
    let doc = &checked.document;
    let verb = if checked.unchanged {
        "would leave as it is"
    } else {
        "would write"
    };
    let mut counts = plural(doc.passages.len(), "passage");
    if !checked.warnings.is_empty() {
        counts.push_str(&format!(
            ", {} to check",
            plural(checked.warnings.len(), "line")
        ));
    }
    writeln!(
        out,
        "{CITATION}{}: {verb} {}{CITATION:#} ({counts}; nothing written)",
        input.display(),
        checked.path.display(),
    )?;
    if let Some(folder) = &checked.creates {
        writeln!(out, "  would create the folder {}", folder.display())?;
    }
    let fields = meta_fields(&doc.meta);
    let width = fields.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (key, value) in &fields {
        writeln!(out, "  {DIM}{key:<width$}{DIM:#}  {value}")?;
    }

    writeln!(out)?;
    let anchors = column(doc.passages.iter().map(|p| p.anchor.as_str()));
    let citations = column(doc.passages.iter().map(|p| p.citation.as_str()));
    for p in &doc.passages {
        writeln!(
            out,
            "  {} {CITATION}{}{CITATION:#}  {}",
            pad(&p.anchor, anchors),
            pad(&p.citation, citations),
            first_words(&p.text, PASSAGE_WORDS)
        )?;
    }

    let notes: Vec<(&Passage, &crate::corpus::Note)> = doc
        .passages
        .iter()
        .flat_map(|p| p.notes.iter().map(move |n| (p, n)))
        .collect();
    if !notes.is_empty() {
        writeln!(out, "\n  {}:", plural(notes.len(), "footnote"))?;
        let markers = column(notes.iter().map(|(_, n)| n.marker.as_str()));
        let places = column(notes.iter().map(|(p, _)| p.anchor.as_str()));
        for (p, n) in &notes {
            writeln!(
                out,
                "  [^{}] {DIM}in {}{DIM:#}  {}",
                pad(&n.marker, markers),
                pad(&p.anchor, places),
                first_words(&n.text, NOTE_WORDS)
            )?;
        }
    }

    if !checked.warnings.is_empty() {
        writeln!(
            out,
            "\n  {} to check:",
            plural(checked.warnings.len(), "line")
        )?;
        for w in &checked.warnings {
            writeln!(out, "  {w}")?;
        }
    }
    Ok(())
}

/// Prints why an input would be refused for a person: its header line and
/// every problem, each naming file and line.
pub fn refused_human(out: &mut dyn Write, refused: &Refused) -> io::Result<()> {
    writeln!(
        out,
        "{CITATION}{}: would be refused{CITATION:#} ({}; nothing written)",
        refused.input,
        plural(refused.problems.len(), "problem")
    )?;
    for p in &refused.problems {
        if p.line == 0 {
            writeln!(out, "  {}: {}", p.file, p.message)?;
        } else {
            writeln!(out, "  {}:{}: {}", p.file, p.line, p.message)?;
        }
    }
    Ok(())
}

/// The metadata a front matter would hold, as key and value, in the order
/// of the corpus format (keys without a value left out).
fn meta_fields(m: &Meta) -> Vec<(&'static str, String)> {
    let list = |v: &[String]| (!v.is_empty()).then(|| v.join(", "));
    let fields = [
        ("symbol", Some(m.symbol.clone())),
        ("title", m.title.clone()),
        ("kind", Some(m.kind.as_str().to_string())),
        (
            "process",
            Some(list(&m.process).unwrap_or_else(|| "(none)".into())),
        ),
        // A semicolon shows where the names were cut (`Bosnia and Herzegovina; Chile`).
        (
            "sponsor",
            (!m.sponsor.is_empty()).then(|| m.sponsor.join("; ")),
        ),
        ("author", list(&m.author)),
        ("adopted", m.adopted.clone()),
        ("date", m.date.clone()),
        (
            "vote",
            m.vote.as_ref().map(|v| {
                format!(
                    "{} in favour, {} against, {} abstaining",
                    v.yes, v.no, v.abstain
                )
            }),
        ),
        ("committee", m.committee.clone()),
        ("session", m.session.clone()),
        ("agenda item", m.agenda_item.clone()),
        ("adopted as", m.adopted_as.clone()),
        ("report", m.report.clone()),
        ("meeting", m.meeting.clone()),
        ("source", m.source.clone()),
        ("excerpt", m.excerpt.then(|| "yes".to_string())),
    ];
    fields
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
}

/// The width of a column of `cells`, in characters.
fn column<'a>(cells: impl Iterator<Item = &'a str>) -> usize {
    cells.map(|c| c.chars().count()).max().unwrap_or(0)
}

/// `cell` padded with spaces to `width` characters.
fn pad(cell: &str, width: usize) -> String {
    let n = cell.chars().count();
    format!("{cell}{}", " ".repeat(width.saturating_sub(n)))
}

/// The first `n` words of `text` on one line, with `…` when there are more.
fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let shown = words.iter().take(n).copied().collect::<Vec<_>>().join(" ");
    if words.len() > n {
        format!("{shown} …")
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_shows_its_first_words_and_says_when_there_are_more() {
        assert_eq!(
            first_words("Decides  to\nconvene.", 8),
            "Decides to convene."
        );
        assert_eq!(
            first_words("one two three four five six seven eight nine", 8),
            "one two three four five six seven eight …"
        );
        assert_eq!(first_words("", 8), "");
    }

    #[test]
    fn columns_are_padded_by_characters_not_bytes() {
        assert_eq!(column(["OP1", "OP10(a)"].into_iter()), 7);
        assert_eq!(pad("é", 3), "é  ");
        assert_eq!(pad("toolong", 3), "toolong");
    }
}
