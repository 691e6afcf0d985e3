//! Printing comparisons: Markdown-style tables for people (they paste into papers), JSON Lines and CSV for programs.

use std::io::{self, Write};

use comfy_table::{CellAlignment, Table, presets};
use serde::Serialize;

use super::json_line;
use crate::compare::counts::TermSummary;
use crate::compare::{Comparison, GroupBy};

fn num(x: Option<f64>, digits: usize) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.digits$}"))
}

/// A table with undex's look: Markdown, numbers right-aligned.
pub fn table(header: &[&str], rows: Vec<Vec<String>>, right_from: usize) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::ASCII_MARKDOWN);
    t.set_header(header.to_vec());
    for r in rows {
        t.add_row(r);
    }
    for i in right_from..header.len() {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}

fn group_word(c: &Comparison, n: u64) -> &'static str {
    match (c.by, n == 1) {
        (GroupBy::Doc, true) => "document",
        (GroupBy::Doc, false) => "documents",
        (GroupBy::Process, true) => "process",
        (GroupBy::Process, false) => "processes",
        (GroupBy::Part, true) => "part",
        (GroupBy::Part, false) => "parts",
    }
}

/// Prints a comparison for a person: what was counted, counts, then
/// keyness, then what was left out and how to read them.
pub fn human(out: &mut dyn Write, c: &Comparison) -> io::Result<()> {
    writeln!(out, "{}\n", c.counted)?;
    let rows = c
        .counts
        .iter()
        .map(|x| {
            vec![
                x.term.clone(),
                x.group.clone(),
                x.count.to_string(),
                x.words.to_string(),
                num(x.per_10k, 2),
                x.passages.to_string(),
                num(x.dp, 2),
            ]
        })
        .collect();
    writeln!(
        out,
        "{}\n",
        table(
            &[
                "term", "group", "count", "words", "per 10k", "passages", "DP"
            ],
            rows,
            2
        )
    )?;
    for l in &c.left_out {
        writeln!(
            out,
            "\"{}\": {} more {} left out ({} with the term, {} occurrence{}); --all shows every one, --summary the totals.",
            l.term,
            l.groups,
            group_word(c, l.groups),
            l.groups_with_term,
            l.count,
            if l.count == 1 { "" } else { "s" }
        )?;
    }
    if !c.left_out.is_empty() {
        writeln!(out)?;
    }
    if c.keyness.is_empty() {
        return Ok(());
    }
    let rows = c
        .keyness
        .iter()
        .map(|k| {
            vec![
                k.term.clone(),
                k.target.clone(),
                k.reference.clone(),
                k.a.to_string(),
                k.b.to_string(),
                format!("{}{}", num(k.g2, 2), k.sig),
                format!(
                    "{}{}",
                    num(k.log_ratio, 2),
                    if k.log_ratio_smoothed { "†" } else { "" }
                ),
                num(k.pct_diff, 1),
            ]
        })
        .collect();
    writeln!(
        out,
        "{}\n",
        table(
            &[
                "term",
                "target",
                "reference",
                "a",
                "b",
                "G²",
                "Log Ratio",
                "%DIFF"
            ],
            rows,
            3
        )
    )?;
    writeln!(
        out,
        "G²: log-likelihood, 2-term (Rayson & Garside 2000); * p < .05 (3.84), ** p < .01 (6.63), *** p < .001 (10.83).\nLog Ratio: log2 of the ratio of rates; † a zero count read as 0.5. %DIFF: – when the reference rate is 0. DP: Gries' dispersion, 0 even … 1 concentrated."
    )
}

#[derive(Serialize)]
struct Selection<'a> {
    by: GroupBy,
    counted: &'a str,
    total_words: u64,
}

fn selection_json(out: &mut dyn Write, c: &Comparison) -> io::Result<()> {
    json_line(
        out,
        "selection",
        &Selection {
            by: c.by,
            counted: &c.counted,
            total_words: c.total_words,
        },
    )
}

/// Prints a comparison as JSON Lines: a `selection` record (what was
/// counted), `group`, `count` and `keyness` records, then `left_out`
/// records for what `--top` left out.
pub fn json(out: &mut dyn Write, c: &Comparison) -> io::Result<()> {
    selection_json(out, c)?;
    for g in &c.groups {
        json_line(out, "group", g)?;
    }
    for x in &c.counts {
        json_line(out, "count", x)?;
    }
    for k in &c.keyness {
        json_line(out, "keyness", k)?;
    }
    for l in &c.left_out {
        json_line(out, "left_out", l)?;
    }
    Ok(())
}

/// Prints each term's totals for a person (`compare --summary`).
pub fn summary_human(
    out: &mut dyn Write,
    c: &Comparison,
    summary: &[TermSummary],
) -> io::Result<()> {
    writeln!(out, "{}\n", c.counted)?;
    let rows = summary
        .iter()
        .map(|s| {
            vec![
                s.term.clone(),
                s.count.to_string(),
                s.words.to_string(),
                num(s.per_10k, 2),
                s.passages.to_string(),
                format!("{} of {}", s.groups_with_term, s.groups),
            ]
        })
        .collect();
    let header = format!("{} with it", group_word(c, 2));
    writeln!(
        out,
        "{}\n",
        table(
            &["term", "count", "words", "per 10k", "passages", &header],
            rows,
            1
        )
    )?;
    writeln!(
        out,
        "Totals over the selection; without --summary, --top N shows the N {} where each term occurs most, --all every one.",
        group_word(c, 2)
    )
}

/// Prints each term's totals as JSON Lines `summary` records.
pub fn summary_json(
    out: &mut dyn Write,
    c: &Comparison,
    summary: &[TermSummary],
) -> io::Result<()> {
    selection_json(out, c)?;
    for g in &c.groups {
        json_line(out, "group", g)?;
    }
    for s in summary {
        json_line(out, "summary", s)?;
    }
    Ok(())
}

/// Prints each term's totals as CSV.
pub fn summary_csv(out: &mut dyn Write, summary: &[TermSummary]) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    for s in summary {
        w.serialize(s)?;
    }
    w.flush()
}

#[derive(Serialize, Default)]
struct CsvRow<'a> {
    record: &'a str,
    term: &'a str,
    group: &'a str,
    reference: &'a str,
    count: Option<u64>,
    words: Option<u64>,
    per_10k: Option<f64>,
    passages: Option<u64>,
    dp: Option<f64>,
    a: Option<u64>,
    b: Option<u64>,
    c: Option<u64>,
    d: Option<u64>,
    g2: Option<f64>,
    g2_4term: Option<f64>,
    sig: &'a str,
    log_ratio: Option<f64>,
    pct_diff: Option<f64>,
    ids: String,
}

/// Prints a comparison as one CSV table: `count` rows, then `keyness` rows
/// (the `record` column says which; a row leaves the other kind's columns empty).
pub fn csv(out: &mut dyn Write, c: &Comparison) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    for x in &c.counts {
        w.serialize(CsvRow {
            record: "count",
            term: &x.term,
            group: &x.group,
            count: Some(x.count),
            words: Some(x.words),
            per_10k: x.per_10k,
            passages: Some(x.passages),
            dp: x.dp,
            ids: x.ids.join(" "),
            ..CsvRow::default()
        })?;
    }
    for k in &c.keyness {
        w.serialize(CsvRow {
            record: "keyness",
            term: &k.term,
            group: &k.target,
            reference: &k.reference,
            a: Some(k.a),
            b: Some(k.b),
            c: Some(k.c),
            d: Some(k.d),
            g2: k.g2,
            g2_4term: k.g2_4term,
            sig: k.sig,
            log_ratio: k.log_ratio,
            pct_diff: k.pct_diff,
            ..CsvRow::default()
        })?;
    }
    w.flush()
}

/// Prints distinctive terms for a person: one table, grouped by group.
pub fn distinctive_human(
    out: &mut dyn Write,
    list: &[crate::compare::Distinctive],
) -> io::Result<()> {
    let rows = list
        .iter()
        .map(|d| {
            vec![
                d.group.clone(),
                d.rank.to_string(),
                d.form.clone(),
                d.keyness.a.to_string(),
                d.keyness.b.to_string(),
                num(d.per_10k, 2),
                format!("{}{}", num(d.keyness.g2, 2), d.keyness.sig),
                format!(
                    "{}{}",
                    num(d.keyness.log_ratio, 2),
                    if d.keyness.log_ratio_smoothed {
                        "†"
                    } else {
                        ""
                    }
                ),
            ]
        })
        .collect();
    writeln!(
        out,
        "{}\n",
        table(
            &[
                "group",
                "rank",
                "term",
                "a",
                "b",
                "per 10k",
                "G²",
                "Log Ratio"
            ],
            rows,
            3
        )
    )?;
    writeln!(
        out,
        "Each group against the other (of two groups) or against the rest of the selection; a = count in the group, b = in the reference.\nG²: log-likelihood, 2-term; * p < .05, ** p < .01, *** p < .001. † a zero count read as 0.5."
    )
}

/// Prints distinctive terms as JSON Lines `distinctive` records.
pub fn distinctive_json(
    out: &mut dyn Write,
    list: &[crate::compare::Distinctive],
) -> io::Result<()> {
    for d in list {
        json_line(out, "distinctive", d)?;
    }
    Ok(())
}

/// Prints distinctive terms as CSV.
pub fn distinctive_csv(
    out: &mut dyn Write,
    list: &[crate::compare::Distinctive],
) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record([
        "group",
        "rank",
        "term",
        "form",
        "a",
        "b",
        "c",
        "d",
        "per_10k",
        "g2",
        "g2_4term",
        "sig",
        "log_ratio",
        "pct_diff",
    ])?;
    let opt = |x: Option<f64>| x.map_or_else(String::new, |v| v.to_string());
    for d in list {
        let k = &d.keyness;
        w.write_record([
            d.group.clone(),
            d.rank.to_string(),
            d.keyness.term.clone(),
            d.form.clone(),
            k.a.to_string(),
            k.b.to_string(),
            k.c.to_string(),
            k.d.to_string(),
            opt(d.per_10k),
            opt(k.g2),
            opt(k.g2_4term),
            k.sig.to_owned(),
            opt(k.log_ratio),
            opt(k.pct_diff),
        ])?;
    }
    w.flush()
}

const KEYWORD: anstyle::Style = anstyle::Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Red)));
const DIM: anstyle::Style = anstyle::Style::new().dimmed();

/// Prints concordance lines for a person, aligned on the term; with
/// `by_doc`, under one heading per document.
pub fn kwic_human(
    out: &mut dyn Write,
    k: &crate::compare::Kwic,
    width: usize,
    by_doc: bool,
) -> io::Result<()> {
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
pub fn kwic_json(out: &mut dyn Write, k: &crate::compare::Kwic) -> io::Result<()> {
    for l in &k.lines {
        json_line(out, "kwic", l)?;
    }
    #[derive(Serialize)]
    struct S {
        returned: usize,
        total: usize,
    }
    json_line(
        out,
        "summary",
        &S {
            returned: k.lines.len(),
            total: k.total,
        },
    )
}

/// Prints concordance lines as CSV.
pub fn kwic_csv(out: &mut dyn Write, k: &crate::compare::Kwic) -> io::Result<()> {
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
