//! Printing an alignment of two paragraphs: side by side with the shared runs marked, then what each alone says.

use std::io::{self, Write};

use super::record::{self, AlignedPassage, Record};
use crate::diff::{Aligned, Side, Span};
use anstyle::{AnsiColor, Color, Style};
use comfy_table::{ContentArrangement, Table, presets};

const SHARED: Style = Style::new()
    .underline()
    .fg_color(Some(Color::Ansi(AnsiColor::Blue)));
const DIM: Style = Style::new().dimmed();

/// Superscript digits, so that a run's number reads as a mark, not as text.
fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .filter_map(|c| c.to_digit(10).and_then(|d| DIGITS.get(d as usize)))
        .collect()
}

/// `text` with the spans of the shared runs marked `¹«…»` (and styled).
fn marked(text: &str, runs: &[(usize, Span)]) -> String {
    let mut sorted: Vec<&(usize, Span)> = runs.iter().collect();
    sorted.sort_by_key(|(_, s)| s.start);
    let mut out = String::new();
    let mut at = 0;
    for (n, s) in sorted {
        if s.start < at || s.end > text.len() {
            continue;
        }
        out.push_str(text.get(at..s.start).unwrap_or(""));
        out.push_str(&format!(
            "{}«{SHARED}{}{SHARED:#}»",
            superscript(*n),
            text.get(s.start..s.end).unwrap_or("")
        ));
        at = s.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// Prints two paragraphs side by side (`width` columns in all), their
/// shared runs numbered and marked, then the stretches each alone has.
pub fn human(out: &mut dyn Write, al: &Aligned, width: u16) -> io::Result<()> {
    let (a, b) = (&al.a, &al.b);
    let span = |[start, end]: [usize; 2]| Span { start, end };
    let runs_a: Vec<(usize, Span)> = al.shared.iter().map(|r| (r.n, span(r.a))).collect();
    let runs_b: Vec<(usize, Span)> = al.shared.iter().map(|r| (r.n, span(r.b))).collect();
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_width(width);
    t.set_header(vec![a.citation.clone(), b.citation.clone()]);
    t.add_row(vec![marked(&a.text, &runs_a), marked(&b.text, &runs_b)]);
    writeln!(out, "{t}\n")?;
    let s = &al.summary;
    writeln!(
        out,
        "Shared: {} of {}+ words — {} of {} of {}, {} of {} of {}.",
        super::plural(s.runs, "run"),
        s.min_words,
        s.shared_words_a,
        super::plural(s.words_a, "word"),
        a.citation,
        s.shared_words_b,
        super::plural(s.words_b, "word"),
        b.citation
    )?;
    for r in &al.shared {
        writeln!(
            out,
            "  {}{}. {} {DIM}({}){DIM:#}",
            superscript(r.n),
            r.n,
            r.text,
            super::plural(r.words, "word")
        )?;
    }
    for side in [Side::A, Side::B] {
        writeln!(out, "\nOnly in {}:", al.passage(side).citation)?;
        let mut only = al.only.iter().filter(|o| o.side == side).peekable();
        if only.peek().is_none() {
            writeln!(out, "  {DIM}nothing{DIM:#}")?;
        }
        for o in only {
            writeln!(out, "  - {}", o.text)?;
        }
    }
    Ok(())
}

/// Prints an alignment as JSON Lines: two `passage` records (`side` a and
/// b), `shared` runs (byte ranges in each text), `only` stretches, a `summary`.
pub fn json(out: &mut dyn Write, al: &Aligned) -> io::Result<()> {
    let sides = [Side::A, Side::B].map(|side| {
        Record::AlignedPassage(AlignedPassage {
            side,
            passage: al.passage(side),
        })
    });
    record::write_all(
        out,
        sides
            .into_iter()
            .chain(al.shared.iter().map(Record::Shared))
            .chain(al.only.iter().map(Record::Only))
            .chain([Record::AlignSummary(&al.summary)]),
    )
}

/// Prints an alignment as CSV: one row per shared run and per stretch only one side has.
pub fn csv(out: &mut dyn Write, al: &Aligned) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record([
        "record", "n", "side", "words", "text", "a_start", "a_end", "b_start", "b_end",
    ])?;
    for r in &al.shared {
        w.write_record([
            "shared".to_owned(),
            r.n.to_string(),
            "both".to_owned(),
            r.words.to_string(),
            r.text.clone(),
            r.a[0].to_string(),
            r.a[1].to_string(),
            r.b[0].to_string(),
            r.b[1].to_string(),
        ])?;
    }
    for o in &al.only {
        let (start, end) = (o.start.to_string(), o.end.to_string());
        let (sa, ea, sb, eb, side) = match o.side {
            Side::A => (start, end, String::new(), String::new(), "a"),
            Side::B => (String::new(), String::new(), start, end, "b"),
        };
        w.write_record([
            "only".to_owned(),
            String::new(),
            side.to_owned(),
            String::new(),
            o.text.clone(),
            sa,
            ea,
            sb,
            eb,
        ])?;
    }
    w.flush()
}
