//! Commentary bodies: `## Heading` sections whose paragraphs, bullet items and table rows are passages, with their references.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::static_regex::static_regex;

use super::blocks::{HEADING, MAX_PARAGRAPH, join_words};
use super::refs::{self, RawRef};

/// A commentary passage as parsed, before ids, citations and processes.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentaryPassage {
    /// Section number (0 before the first heading).
    pub section: u32,
    /// Passage number within the section, from 1.
    pub n: u32,
    /// The section heading.
    pub heading: Option<String>,
    /// The text.
    pub text: String,
    /// The line it starts on.
    pub line: usize,
    /// Its references.
    pub refs: Vec<RawRef>,
    /// The processes its text names.
    pub named: Vec<String>,
    /// The processes its heading names.
    pub heading_named: Vec<String>,
}

/// What parsing a commentary body found.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The passages, in order.
    pub passages: Vec<CommentaryPassage>,
    /// Problems that make the file unusable, with their lines.
    pub errors: Vec<(usize, String)>,
}

static BULLET: LazyLock<Regex> = LazyLock::new(|| static_regex(r"^\s*[-*+•●▪◦]\s+(.*)$"));
static SEPARATOR_CELL: LazyLock<Regex> = LazyLock::new(|| static_regex(r"^:?-{1,}:?$"));

/// A paragraph or bullet item being gathered: its lines and its first line.
struct Pending {
    lines: Vec<String>,
    line: usize,
}

struct Section {
    number: u32,
    heading: Option<String>,
    context: Option<String>,
    heading_named: Vec<String>,
    count: u32,
}

/// Parses a commentary body.
pub fn parse(body: &str, first_line: usize, aliases: &BTreeMap<String, String>) -> Parsed {
    let mut out = Parsed::default();
    let mut section = Section {
        number: 0,
        heading: None,
        context: None,
        heading_named: Vec::new(),
        count: 0,
    };
    let mut pending: Option<Pending> = None;
    // Table state: the header's cells once a `|---|` row confirmed it.
    let mut header: Option<Vec<String>> = None;
    let mut first_row: Option<(Vec<String>, usize)> = None;

    let lines: Vec<&str> = body.split('\n').collect();
    for (i, raw) in lines.iter().enumerate() {
        let line_no = first_line + i;
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        let is_row = trimmed.starts_with('|');
        if !is_row {
            if let Some((cells, l)) = first_row.take() {
                emit_row(&mut out, &mut section, cells, l, None, aliases);
            }
            header = None;
        }
        if trimmed.is_empty() {
            finish(&mut out, &mut section, pending.take(), aliases);
            continue;
        }
        if raw.len() > MAX_PARAGRAPH {
            out.errors.push((
                line_no,
                format!("this line is over the 1 MB limit ({} bytes); a paragraph this long is surely a broken extraction", raw.len()),
            ));
            return out;
        }
        if let Some(c) = HEADING.captures(trimmed) {
            finish(&mut out, &mut section, pending.take(), aliases);
            if c[1].len() >= 2 {
                let heading = c[2].to_owned();
                section = Section {
                    number: section.number + 1,
                    context: refs::document_named(&heading, aliases),
                    heading_named: refs::processes_named(&heading),
                    heading: Some(heading),
                    count: 0,
                };
            }
            continue;
        }
        if is_row {
            finish(&mut out, &mut section, pending.take(), aliases);
            let cells = split_row(trimmed);
            if cells.iter().all(|c| SEPARATOR_CELL.is_match(c)) {
                if let Some((h, _)) = first_row.take() {
                    header = Some(h);
                }
                continue;
            }
            if header.is_none() && first_row.is_none() {
                first_row = Some((cells, line_no));
                continue;
            }
            if let Some((cells0, l0)) = first_row.take() {
                emit_row(&mut out, &mut section, cells0, l0, None, aliases);
            }
            emit_row(
                &mut out,
                &mut section,
                cells,
                line_no,
                header.as_deref(),
                aliases,
            );
            continue;
        }
        if let Some(c) = BULLET.captures(line) {
            finish(&mut out, &mut section, pending.take(), aliases);
            pending = Some(Pending {
                lines: vec![c[1].to_owned()],
                line: line_no,
            });
            continue;
        }
        match pending.as_mut() {
            Some(p) => p.lines.push(trimmed.to_owned()),
            None => {
                pending = Some(Pending {
                    lines: vec![trimmed.to_owned()],
                    line: line_no,
                })
            }
        }
    }
    if let Some((cells, l)) = first_row.take() {
        emit_row(&mut out, &mut section, cells, l, None, aliases);
    }
    finish(&mut out, &mut section, pending.take(), aliases);
    out
}

fn split_row(row: &str) -> Vec<String> {
    let inner = row.strip_prefix('|').unwrap_or(row);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| join_words(&[c.trim()])).collect()
}

fn emit_row(
    out: &mut Parsed,
    section: &mut Section,
    cells: Vec<String>,
    line: usize,
    header: Option<&[String]>,
    aliases: &BTreeMap<String, String>,
) {
    let mut found = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        // A cell's bare "para. 5" belongs to the document its column header names.
        let column = header
            .and_then(|h| h.get(i))
            .and_then(|h| refs::document_named(h, aliases));
        let context = column.or_else(|| section.context.clone());
        found.extend(refs::extract(cell, context.as_deref(), aliases));
    }
    let text = cells
        .iter()
        .filter(|c| !c.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" | ");
    if text.is_empty() {
        return;
    }
    section.count += 1;
    found.sort();
    found.dedup();
    let mut named = refs::processes_named(&text);
    for h in header.unwrap_or_default() {
        for p in refs::processes_named(h) {
            if !named.contains(&p) {
                named.push(p);
            }
        }
    }
    out.passages.push(CommentaryPassage {
        section: section.number,
        n: section.count,
        heading: section.heading.clone(),
        named,
        text,
        line,
        refs: found,
        heading_named: section.heading_named.clone(),
    });
}

fn finish(
    out: &mut Parsed,
    section: &mut Section,
    pending: Option<Pending>,
    aliases: &BTreeMap<String, String>,
) {
    let Some(p) = pending else { return };
    let text = join_words(&p.lines);
    if text.is_empty() {
        return;
    }
    section.count += 1;
    let refs = refs::extract(&text, section.context.as_deref(), aliases);
    out.passages.push(CommentaryPassage {
        section: section.number,
        n: section.count,
        heading: section.heading.clone(),
        named: refs::processes_named(&text),
        text,
        line: p.line,
        refs,
        heading_named: section.heading_named.clone(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aliases() -> BTreeMap<String, String> {
        BTreeMap::from([
            ("Russian Resolution".to_owned(), "A/RES/73/27".to_owned()),
            ("US Resolution".to_owned(), "A/RES/73/266".to_owned()),
        ])
    }

    #[test]
    fn sections_paragraphs_bullets_and_rows() {
        let body = "\n# Title\n\nIntro text\nwrapped.\n\n## Two Processes\n\n- OEWG: open to all\n  continued here\n  - nested item\n* GGE: 25 members\n\n| Point | Russian Resolution | US Resolution |\n|---|---|---|\n| Format | An OEWG (para. 5) | A GGE (paras. 3 and 4) |\n\nAfter the table.\n";
        let p = parse(body, 20, &aliases());
        assert!(p.errors.is_empty());
        let got: Vec<(u32, u32, &str)> = p
            .passages
            .iter()
            .map(|x| (x.section, x.n, x.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (0, 1, "Intro text wrapped."),
                (1, 1, "OEWG: open to all continued here"),
                (1, 2, "nested item"),
                (1, 3, "GGE: 25 members"),
                (1, 4, "Format | An OEWG (para. 5) | A GGE (paras. 3 and 4)"),
                (1, 5, "After the table."),
            ]
        );
        assert_eq!(p.passages[0].line, 23);
        assert_eq!(p.passages[4].line, 35);
        let ids: Vec<String> = p.passages[4]
            .refs
            .iter()
            .map(|r| r.id(crate::corpus::model::Layout::Resolution))
            .collect();
        assert_eq!(
            ids,
            ["A/RES/73/266#OP3", "A/RES/73/266#OP4", "A/RES/73/27#OP5"]
        );
        assert_eq!(p.passages[1].named, ["OEWG"]);
        assert_eq!(p.passages[1].heading.as_deref(), Some("Two Processes"));
    }

    #[test]
    fn a_table_without_separator_has_every_row_as_passage() {
        let p = parse(
            "## Members\n\n| Africa | Kenya |\n| Asia | Japan |\n",
            1,
            &aliases(),
        );
        let texts: Vec<&str> = p.passages.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, ["Africa | Kenya", "Asia | Japan"]);
        assert_eq!(p.passages[1].n, 2);
    }

    #[test]
    fn headings_give_context_to_bare_paragraph_references() {
        let p = parse(
            "## The US Resolution\n\nIts para. 4 asks for consultations.\n",
            1,
            &aliases(),
        );
        assert_eq!(
            p.passages[0].refs[0].id(crate::corpus::model::Layout::Resolution),
            "A/RES/73/266#OP4"
        );
    }
}
