//! Printing search results: the ranked listing for people, with the matched words highlighted and each score taken apart on request, and the JSON Lines records.

use std::io::{self, Write};

use super::record::{self, Record};
use super::{CITATION, DIM, MATCH, plural, processes};
use crate::search::explain::Breakdown;
use crate::search::{Hit, Results};

/// Prints search results as JSON Lines: hits, then the summary.
pub fn json(out: &mut dyn Write, results: &Results) -> io::Result<()> {
    record::write_all(out, results.hits.iter().map(Record::Hit))?;
    record::write(out, &Record::SearchSummary(&results.summary))
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

/// Prints one hit for a person, its explanation (if any) as `view` says.
pub fn hit(out: &mut dyn Write, h: &Hit, view: ExplainView) -> io::Result<()> {
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
    if let Some(n) = &h.in_note {
        write!(out, "    {DIM}note {}:{DIM:#} ", n.marker)?;
        write_highlighted(out, &n.snippet, &n.highlights)?;
        writeln!(out)?;
    }
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

/// Prints search results for a person, explanations as `view` says,
/// ending with how many matched.
pub fn human(out: &mut dyn Write, results: &Results, view: ExplainView) -> io::Result<()> {
    for h in &results.hits {
        hit(out, h, view)?;
    }
    let shown = results.hits.len();
    let offset = results.summary.offset;
    let matched = results.summary.matched;
    if shown == 0 && matched > offset {
        // Nothing asked for (`--limit 0`): the count alone.
        writeln!(out, "{DIM}{}{DIM:#}", plural(matched, "matching passage"))
    } else if shown == 0 && matched > 0 {
        writeln!(
            out,
            "{DIM}{}, none on this page (--offset {offset}){DIM:#}",
            plural(matched, "matching passage")
        )
    } else if shown == 0 {
        writeln!(out, "{DIM}no passage matches{DIM:#}")
    } else {
        writeln!(
            out,
            "{DIM}{}–{} of {}{DIM:#}",
            offset + 1,
            offset + shown,
            plural(matched, "matching passage")
        )
    }
}
