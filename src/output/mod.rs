//! How results are printed: JSON Lines records (the documented wire format) and the human listing with highlighted words.
//!
//! Human output is written with ANSI styles; the binary's stream strips
//! them unless standard output is a terminal and `NO_COLOR` is unset.

pub mod align;
pub mod compare;
mod plural;

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::search::explain::Breakdown;
use crate::search::{Hit, PassageRecord, Results};

pub use plural::{plural, plural_noun};

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

/// How much of a hit's explanation a person sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExplainView {
    /// The score taken apart, a line a part.
    #[default]
    Short,
    /// tantivy's whole explanation tree.
    Raw,
}

fn breakdown_human(out: &mut dyn Write, b: &Breakdown) -> io::Result<()> {
    let sum = b.parts.iter().map(|p| p.score).sum::<f32>();
    writeln!(
        out,
        "    {DIM}score {:.2} = sum of {} part{}{}:{DIM:#}",
        b.score,
        b.parts.len(),
        if b.parts.len() == 1 { "" } else { "s" },
        if (sum - b.score).abs() > 0.01 {
            format!(" ({sum:.2})")
        } else {
            String::new()
        }
    )?;
    for p in &b.parts {
        let field = match p.field.as_str() {
            "text" => "in the text (stemmed)".to_owned(),
            "text_exact" => "in the text as written".to_owned(),
            f => format!("in {f}"),
        };
        let mut factors = Vec::new();
        if let Some(idf) = p.idf {
            factors.push(format!("idf {idf:.2}"));
        }
        // A key field holds one value: how often and how long say nothing.
        let text = matches!(p.field.as_str(), "text" | "text_exact" | "section");
        if let (Some(f), true) = (p.freq, text) {
            factors.push(format!("{f} time{}", if f == 1.0 { "" } else { "s" }));
        }
        if let (Some(l), Some(a), true) = (p.length, p.avg_length, text) {
            factors.push(format!("{l} words, average {a:.1}"));
        }
        if p.boost != 1.0 {
            factors.push(format!("boost ×{}", p.boost));
        }
        writeln!(
            out,
            "    {DIM}  {:>6.2}  {} {} {field}: BM25 ({}){DIM:#}",
            p.score,
            p.kind,
            p.item,
            factors.join(", ")
        )?;
    }
    if !b.filters.is_empty() {
        writeln!(
            out,
            "    {DIM}  filters {} select and add nothing{DIM:#}",
            b.filters.join("; ")
        )?;
    }
    Ok(())
}

/// Prints one hit for a person.
pub fn hit_human(out: &mut dyn Write, h: &Hit) -> io::Result<()> {
    hit_human_explained(out, h, ExplainView::Short)
}

/// Prints one hit for a person, its explanation (if any) as `view` says.
pub fn hit_human_explained(out: &mut dyn Write, h: &Hit, view: ExplainView) -> io::Result<()> {
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
    match (&h.score_breakdown, &h.explanation, view) {
        (Some(b), _, ExplainView::Short) => breakdown_human(out, b)?,
        (_, Some(e), _) => {
            let pretty = serde_json::to_string_pretty(e).unwrap_or_default();
            for line in pretty.lines() {
                writeln!(out, "    {DIM}{line}{DIM:#}")?;
            }
        }
        _ => {}
    }
    writeln!(out)
}

/// Prints search results for a person, ending with how many matched.
pub fn search_human(out: &mut dyn Write, results: &Results, offset: usize) -> io::Result<()> {
    search_human_explained(out, results, offset, ExplainView::Short)
}

/// Prints search results for a person, explanations as `view` says.
pub fn search_human_explained(
    out: &mut dyn Write,
    results: &Results,
    offset: usize,
    view: ExplainView,
) -> io::Result<()> {
    for h in &results.hits {
        hit_human_explained(out, h, view)?;
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
            "{DIM}{}, none on this page (--offset {offset}){DIM:#}",
            plural(results.matched, "matching passage")
        )
    } else if shown == 0 {
        writeln!(out, "{DIM}no passage matches{DIM:#}")
    } else {
        writeln!(
            out,
            "{DIM}{}–{} of {}{DIM:#}",
            offset + 1,
            offset + shown,
            plural(results.matched, "matching passage")
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
