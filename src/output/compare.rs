//! Printing comparisons: Markdown-style tables for people (they paste into papers), JSON Lines and CSV for programs.

use std::io::{self, Write};

use serde::Serialize;

use super::record::{self, Record};
use super::table::{num, table};
use crate::compare::{Comparison, ComparisonSummary, Counted, DistinctiveTerms, Group, GroupBy};

fn group_word(by: GroupBy, n: u64) -> &'static str {
    match (by, n == 1) {
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
            group_word(c.by, l.groups),
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

/// The records every comparison starts with: what was counted, the groups.
fn preamble<'a>(counted: &'a Counted, groups: &'a [Group]) -> impl Iterator<Item = Record<'a>> {
    std::iter::once(Record::Selection(counted)).chain(groups.iter().map(Record::Group))
}

/// Prints a comparison as JSON Lines: a `selection` record (what was
/// counted), `group`, `count` and `keyness` records, then `left_out`
/// records for what `--top` left out.
pub fn json(out: &mut dyn Write, c: &Comparison) -> io::Result<()> {
    let counted = c.counted();
    record::write_all(
        out,
        preamble(&counted, &c.groups)
            .chain(c.counts.iter().map(Record::Count))
            .chain(c.keyness.iter().map(Record::Keyness))
            .chain(c.left_out.iter().map(Record::LeftOut)),
    )
}

/// Prints each term's totals for a person (`compare --summary`).
pub fn summary_human(out: &mut dyn Write, summary: &ComparisonSummary) -> io::Result<()> {
    let by = summary.counted.by;
    writeln!(out, "{}\n", summary.counted.counted)?;
    let rows = summary
        .terms
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
    let header = format!("{} with it", group_word(by, 2));
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
        group_word(by, 2)
    )
}

/// Prints each term's totals as JSON Lines: `selection` and `group`
/// records, then a `summary` record per term.
pub fn summary_json(out: &mut dyn Write, summary: &ComparisonSummary) -> io::Result<()> {
    record::write_all(
        out,
        preamble(&summary.counted, &summary.groups)
            .chain(summary.terms.iter().map(Record::TermSummary)),
    )
}

/// Prints each term's totals as CSV.
pub fn summary_csv(out: &mut dyn Write, summary: &ComparisonSummary) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    for s in &summary.terms {
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
pub fn distinctive_human(out: &mut dyn Write, list: &DistinctiveTerms) -> io::Result<()> {
    let rows = list
        .terms
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
    writeln!(out, "{}\n", list.counted.counted)?;
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
pub fn distinctive_json(out: &mut dyn Write, list: &DistinctiveTerms) -> io::Result<()> {
    record::write_all(
        out,
        std::iter::once(Record::Selection(&list.counted))
            .chain(list.terms.iter().map(Record::Distinctive)),
    )
}

/// Prints distinctive terms as CSV.
pub fn distinctive_csv(out: &mut dyn Write, list: &DistinctiveTerms) -> io::Result<()> {
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
    for d in &list.terms {
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
