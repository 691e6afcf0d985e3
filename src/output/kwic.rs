//! Printing concordances: lines aligned on the term for people, JSON Lines and CSV for programs.

use std::io::{self, Write};

use super::record::{self, Record};
use crate::compare::Kwic;

const KEYWORD: anstyle::Style = anstyle::Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Red)));
const DIM: anstyle::Style = anstyle::Style::new().dimmed();

/// Prints concordance lines for a person, aligned on the term; with
/// `by_doc`, under one heading per document.
pub fn human(out: &mut dyn Write, k: &Kwic, width: usize, by_doc: bool) -> io::Result<()> {
    if k.total == 0 {
        return writeln!(
            out,
            "{DIM}no occurrence of \"{}\"{}{DIM:#}",
            k.term,
            if k.filtered {
                " in the passages selected"
            } else {
                ""
            }
        );
    }
    let mut last: Option<&str> = None;
    for l in &k.lines {
        if by_doc && last != Some(l.symbol.as_str()) {
            if last.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "{}", l.symbol)?;
            last = Some(&l.symbol);
        }
        // The contexts carry the text's own spacing, so that "law, and"
        // reads as written; the term starts in the same column on every line.
        writeln!(
            out,
            "{:>width$}{KEYWORD}{}{KEYWORD:#}{:<width$}  {DIM}{}{DIM:#}",
            l.left,
            l.keyword,
            l.right,
            l.citation,
            width = width + 1
        )?;
    }
    if k.lines.len() < k.total {
        writeln!(
            out,
            "{DIM}{} of {} (--limit shows more){DIM:#}",
            k.lines.len(),
            super::plural(k.total, "line")
        )?;
    }
    Ok(())
}

/// Prints concordance lines as JSON Lines `kwic` records, then a `summary`.
pub fn json(out: &mut dyn Write, k: &Kwic) -> io::Result<()> {
    record::write_all(out, k.lines.iter().map(Record::Kwic))?;
    record::write(out, &Record::KwicSummary(&k.summary()))
}

/// Prints concordance lines as CSV.
pub fn csv(out: &mut dyn Write, k: &Kwic) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(["id", "citation", "left", "keyword", "right", "process"])?;
    for l in &k.lines {
        w.write_record([
            &l.id,
            &l.citation,
            &l.left,
            &l.keyword,
            &l.right,
            &l.process.join(" "),
        ])?;
    }
    w.flush()
}
