//! How results are printed: JSON Lines records (the documented wire format) and the human listing with highlighted words.
//!
//! Human output is written with ANSI styles; the binary's stream strips
//! them unless standard output is a terminal and `NO_COLOR` is unset.

pub mod align;
pub mod compare;

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::search::{Hit, PassageRecord, Results};

const CITATION: Style = Style::new().bold();
const MATCH: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const DIM: Style = Style::new().dimmed();

/// One JSON Lines record: `{"type": "...", "data": {...}}`.
#[derive(Serialize)]
struct Record<'a, T: Serialize> {
    r#type: &'a str,
    data: T,
}

/// Writes one `{"type":…,"data":…}` line.
pub fn json_line<T: Serialize>(out: &mut dyn Write, kind: &str, data: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &Record { r#type: kind, data })?;
    out.write_all(b"\n")
}

/// The closing record of a search.
#[derive(Serialize)]
pub struct Summary<'a> {
    /// Hits returned.
    pub returned: usize,
    /// Passages that matched in all.
    pub matched: usize,
    /// Hits skipped.
    pub offset: usize,
    /// Most hits asked for.
    pub limit: usize,
    /// The query as given.
    pub query: &'a str,
    /// Parts of the query with nothing searchable in them.
    pub ignored: &'a [String],
}

/// Prints search results as JSON Lines: hits, then a summary.
pub fn search_json(
    out: &mut dyn Write,
    results: &Results,
    summary: &Summary<'_>,
) -> io::Result<()> {
    for h in &results.hits {
        json_line(out, "hit", h)?;
    }
    json_line(out, "summary", summary)
}

fn write_highlighted(out: &mut dyn Write, text: &str, ranges: &[(usize, usize)]) -> io::Result<()> {
    let mut at = 0;
    for &(s, e) in ranges {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        write!(out, "{}", text.get(at..s).unwrap_or_default())?;
        write!(
            out,
            "{MATCH}{}{MATCH:#}",
            text.get(s..e).unwrap_or_default()
        )?;
        at = e;
    }
    write!(out, "{}", text.get(at..).unwrap_or_default())
}

fn processes(p: &PassageRecord) -> String {
    if p.process.is_empty() {
        String::new()
    } else {
        format!("  [{}]", p.process.join(", "))
    }
}

/// Prints one hit for a person.
pub fn hit_human(out: &mut dyn Write, h: &Hit) -> io::Result<()> {
    writeln!(
        out,
        "{:>2}. {CITATION}{}{CITATION:#}{}  {DIM}{:.2}{DIM:#}",
        h.rank,
        h.passage.citation,
        processes(&h.passage),
        h.score
    )?;
    write!(out, "    ")?;
    write_highlighted(out, &h.snippet, &h.highlights)?;
    writeln!(out)?;
    if let Some(e) = &h.explanation {
        let pretty = serde_json::to_string_pretty(e).unwrap_or_default();
        for line in pretty.lines() {
            writeln!(out, "    {DIM}{line}{DIM:#}")?;
        }
    }
    writeln!(out)
}

/// Prints search results for a person, ending with how many matched.
pub fn search_human(out: &mut dyn Write, results: &Results, offset: usize) -> io::Result<()> {
    for h in &results.hits {
        hit_human(out, h)?;
    }
    let shown = results.hits.len();
    if shown == 0 && results.matched > offset {
        // Nothing asked for (`--limit 0`): the count alone.
        writeln!(
            out,
            "{DIM}{} matching passage{}{DIM:#}",
            results.matched,
            if results.matched == 1 { "" } else { "s" }
        )
    } else if shown == 0 && results.matched > 0 {
        writeln!(
            out,
            "{DIM}{} matching passage{}, none on this page (--offset {offset}){DIM:#}",
            results.matched,
            if results.matched == 1 { "" } else { "s" }
        )
    } else if shown == 0 {
        writeln!(out, "{DIM}no passage matches{DIM:#}")
    } else {
        writeln!(
            out,
            "{DIM}{}–{} of {} matching passage{}{DIM:#}",
            offset + 1,
            offset + shown,
            results.matched,
            if results.matched == 1 { "" } else { "s" }
        )
    }
}

/// Prints what a document is before its passages: title, kind, date,
/// processes, and a warning when the corpus holds only an excerpt of it.
pub fn document_header(out: &mut dyn Write, p: &PassageRecord) -> io::Result<()> {
    writeln!(
        out,
        "{CITATION}{}{CITATION:#}  {}",
        p.symbol,
        p.title.as_deref().unwrap_or("")
    )?;
    let mut facts = vec![p.kind.clone()];
    if let Some(d) = &p.date {
        facts.push(d.clone());
    }
    if !p.process.is_empty() && p.kind != "commentary" {
        facts.push(p.process.join(", "));
    }
    writeln!(out, "{DIM}{}{DIM:#}", facts.join(" · "))?;
    if p.excerpt {
        writeln!(
            out,
            "{DIM}excerpt: the corpus holds only some of this document's paragraphs (import the full text to replace it){DIM:#}"
        )?;
    }
    writeln!(out)
}

/// Prints a passage in full for a person, with its citation and notes.
pub fn passage_human(out: &mut dyn Write, p: &PassageRecord) -> io::Result<()> {
    writeln!(
        out,
        "{CITATION}{}{CITATION:#}{}  {DIM}{}{DIM:#}",
        p.citation,
        processes(p),
        p.id
    )?;
    if let Some(s) = &p.section {
        writeln!(out, "    {DIM}under \"{s}\"{DIM:#}")?;
    }
    writeln!(out, "    {}", p.text)?;
    for n in &p.notes {
        writeln!(out, "    {DIM}[{}] {}{DIM:#}", n.marker, n.text)?;
    }
    if !p.refs.is_empty() {
        writeln!(out, "    {DIM}refers to: {}{DIM:#}", p.refs.join(", "))?;
    }
    writeln!(out)
}
