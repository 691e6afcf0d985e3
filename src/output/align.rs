//! Printing an alignment of two paragraphs: side by side with the shared runs marked, then what each alone says.

use std::io::{self, Write};

use anstyle::{AnsiColor, Color, Style};
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use super::json_line;
use crate::compare::align::{Alignment, Span};
use crate::search::PassageRecord;

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
pub fn human(
    out: &mut dyn Write,
    a: &PassageRecord,
    b: &PassageRecord,
    al: &Alignment,
    min_words: usize,
    width: u16,
) -> io::Result<()> {
    let runs_a: Vec<(usize, Span)> = al
        .shared
        .iter()
        .enumerate()
        .map(|(i, r)| (i + 1, r.a))
        .collect();
    let runs_b: Vec<(usize, Span)> = al
        .shared
        .iter()
        .enumerate()
        .map(|(i, r)| (i + 1, r.b))
        .collect();
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_width(width);
    t.set_header(vec![a.citation.clone(), b.citation.clone()]);
    t.add_row(vec![marked(&a.text, &runs_a), marked(&b.text, &runs_b)]);
    writeln!(out, "{t}\n")?;
    writeln!(
        out,
        "Shared: {} of {}+ words — {} of {} of {}, {} of {} of {}.",
        super::plural(al.shared.len(), "run"),
        min_words,
        al.shared_words_a,
        super::plural(al.words_a, "word"),
        a.citation,
        al.shared_words_b,
        super::plural(al.words_b, "word"),
        b.citation
    )?;
    for (i, r) in al.shared.iter().enumerate() {
        writeln!(
            out,
            "  {}{}. {} {DIM}({}){DIM:#}",
            superscript(i + 1),
            i + 1,
            r.text,
            super::plural(r.words, "word")
        )?;
    }
    for (p, only) in [(a, &al.only_a), (b, &al.only_b)] {
        writeln!(out, "\nOnly in {}:", p.citation)?;
        if only.is_empty() {
            writeln!(out, "  {DIM}nothing{DIM:#}")?;
        }
        for s in only {
            writeln!(out, "  - {}", p.text.get(s.start..s.end).unwrap_or(""))?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Side<'a> {
    side: &'a str,
    #[serde(flatten)]
    passage: &'a PassageRecord,
}

#[derive(Serialize)]
struct Shared<'a> {
    n: usize,
    words: usize,
    text: &'a str,
    a: [usize; 2],
    b: [usize; 2],
}

#[derive(Serialize)]
struct Only<'a> {
    side: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Summary {
    runs: usize,
    min_words: usize,
    shared_words_a: usize,
    words_a: usize,
    shared_words_b: usize,
    words_b: usize,
}

/// Prints an alignment as JSON Lines: two `passage` records (`side` a and
/// b), `shared` runs (byte ranges in each text), `only` stretches, a `summary`.
pub fn json(
    out: &mut dyn Write,
    a: &PassageRecord,
    b: &PassageRecord,
    al: &Alignment,
    min_words: usize,
) -> io::Result<()> {
    json_line(
        out,
        "passage",
        &Side {
            side: "a",
            passage: a,
        },
    )?;
    json_line(
        out,
        "passage",
        &Side {
            side: "b",
            passage: b,
        },
    )?;
    for (i, r) in al.shared.iter().enumerate() {
        json_line(
            out,
            "shared",
            &Shared {
                n: i + 1,
                words: r.words,
                text: &r.text,
                a: [r.a.start, r.a.end],
                b: [r.b.start, r.b.end],
            },
        )?;
    }
    for (side, p, only) in [("a", a, &al.only_a), ("b", b, &al.only_b)] {
        for s in only {
            json_line(
                out,
                "only",
                &Only {
                    side,
                    text: p.text.get(s.start..s.end).unwrap_or(""),
                    start: s.start,
                    end: s.end,
                },
            )?;
        }
    }
    json_line(
        out,
        "summary",
        &Summary {
            runs: al.shared.len(),
            min_words,
            shared_words_a: al.shared_words_a,
            words_a: al.words_a,
            shared_words_b: al.shared_words_b,
            words_b: al.words_b,
        },
    )
}

/// Prints an alignment as CSV: one row per shared run and per stretch only one side has.
pub fn csv(
    out: &mut dyn Write,
    a: &PassageRecord,
    b: &PassageRecord,
    al: &Alignment,
) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record([
        "record", "n", "side", "words", "text", "a_start", "a_end", "b_start", "b_end",
    ])?;
    for (i, r) in al.shared.iter().enumerate() {
        w.write_record([
            "shared".to_owned(),
            (i + 1).to_string(),
            "both".to_owned(),
            r.words.to_string(),
            r.text.clone(),
            r.a.start.to_string(),
            r.a.end.to_string(),
            r.b.start.to_string(),
            r.b.end.to_string(),
        ])?;
    }
    for (side, p, only) in [("a", a, &al.only_a), ("b", b, &al.only_b)] {
        for s in only {
            let (sa, ea, sb, eb) = if side == "a" {
                (
                    s.start.to_string(),
                    s.end.to_string(),
                    String::new(),
                    String::new(),
                )
            } else {
                (
                    String::new(),
                    String::new(),
                    s.start.to_string(),
                    s.end.to_string(),
                )
            };
            w.write_record([
                "only".to_owned(),
                String::new(),
                side.to_owned(),
                String::new(),
                p.text.get(s.start..s.end).unwrap_or("").to_owned(),
                sa,
                ea,
                sb,
                eb,
            ])?;
        }
    }
    w.flush()
}
