//! The body: lines regrouped into paragraphs (joining what page breaks and footnotes split, splitting what a missing blank line ran together), then read as organ line, headings, annexes, labelled paragraphs and the closing formula.

use super::labels::{self, Numbering, parse_label};
use super::lines::{Line, Role, Shape};
use super::markers::Markers;
use super::masthead::is_organ_line;
use super::report;
use super::text::{Date, collapse_ws, is_year, parse_date, push_line};
use crate::corpus::Layout;
use crate::corpus::anchor::{Anchor, roman_value};

/// One line of a paragraph, with the footnote segment it stands in.
#[derive(Debug, Clone)]
struct Piece {
    line: usize,
    segment: usize,
    text: String,
}

/// Lines that belong together, and whether a page break, page furniture or
/// a footnote area (rather than just a blank line) separates them from the
/// block before.
#[derive(Debug, Clone)]
struct Block {
    pieces: Vec<Piece>,
    soft_before: bool,
}

impl Block {
    fn first_line(&self) -> usize {
        self.pieces.first().map_or(0, |p| p.line)
    }

    /// The joined text, with where each piece starts in it.
    fn joined(&self) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(self.pieces.len());
        for p in &self.pieces {
            if super::markers::ends_with_lone_number(&text) {
                // Set off by the line's end: two spaces keep a marker set off.
                text.push(' ');
            }
            let before = text.len();
            push_line(&mut text, &p.text);
            let start = if before == 0 {
                0
            } else {
                (before + 1).min(text.len())
            };
            starts.push((start, p.segment));
        }
        (text, starts)
    }

    fn text(&self) -> String {
        self.joined().0
    }
}

/// What the body is made of, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Element {
    /// `The General Assembly,`.
    Organ(String),
    /// A section heading, with its level (2 for `##`).
    Heading { level: usize, text: String },
    /// The start of an annex: `Annex II` and its title.
    Annex { name: String, title: Option<String> },
    /// A paragraph with its label as printed (`5.`, `(a)`) and its text,
    /// where footnote markers are already `[^n]`.
    Para {
        label: Option<String>,
        text: String,
        line: usize,
    },
    /// Lines kept as printed that are no passage: a report's signature
    /// block (`(Signed) …`) or the date of its letter of transmittal.
    Kept(Vec<String>),
}

/// Everything read from the body.
#[derive(Debug, Default)]
pub(crate) struct Body {
    pub elements: Vec<Element>,
    pub meeting: Option<String>,
    pub closing_date: Option<Date>,
    /// Anchor and input line of every passage, in order.
    pub anchors: Vec<(Anchor, usize)>,
    pub warnings: Vec<(usize, String)>,
}

/// Blocks that are never joined to a neighbour.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Special {
    Organ,
    Meeting(String, Option<Date>),
    Date(Date),
    Annex(String),
    Heading(char, String),
    Separator,
    Signature,
    /// `Article 7`, `Chapter II`: a treaty's, never joined to a neighbour.
    Structure,
}

fn special(block: &Block) -> Option<Special> {
    let first = block
        .pieces
        .first()
        .map(|p| p.text.as_str())
        .unwrap_or_default();
    let text = block.text();
    if is_organ_line(&text) {
        return Some(Special::Organ);
    }
    if report::is_signature(first) {
        return Some(Special::Signature);
    }
    if let Some(m) = meeting(&text) {
        return Some(m);
    }
    if let Some(d) = parse_date(&text) {
        return Some(Special::Date(d));
    }
    if !text.is_empty() && text.chars().all(|c| c == '*' || c.is_whitespace()) {
        return Some(Special::Separator);
    }
    if is_annex_line(first) {
        return Some(Special::Annex(
            first.trim_end_matches('*').trim().to_string(),
        ));
    }
    if super::treaty::is_structure_line(&text) {
        return Some(Special::Structure);
    }
    numbered_heading(&text).map(|(c, t)| Special::Heading(c, t))
}

/// `Annex`, `Annex II`, `ANNEX 3`: the line that starts an annex.
fn is_annex_line(line: &str) -> bool {
    let name = line.trim_end_matches('*').trim();
    let annex_number = name
        .strip_prefix("Annex ")
        .or_else(|| name.strip_prefix("ANNEX "))
        .is_some_and(|n| {
            roman_value(&n.to_lowercase()).is_some() || n.bytes().all(|b| b.is_ascii_digit())
        });
    matches!(name, "Annex" | "ANNEX" | "Annexes") || annex_number
}

/// `45th plenary meeting`, possibly followed by the date.
fn meeting(text: &str) -> Option<Special> {
    let at = text.find("plenary meeting")?;
    let head = text.get(..at)?.trim();
    let ordinal = head.split_whitespace().next()?;
    let digits = ordinal.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = ordinal.get(digits.len()..)?;
    let ok = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th")
        && matches!(head.split_whitespace().nth(1), None | Some("(resumed)"));
    if !ok {
        return None;
    }
    let end = at + "plenary meeting".len();
    let rest = text
        .get(end..)?
        .trim()
        .trim_start_matches(['.', ','])
        .trim();
    let date = parse_date(rest);
    (rest.is_empty() || date.is_some())
        .then(|| Special::Meeting(text.get(..end).unwrap_or(text).to_string(), date))
}

/// `I. Introduction`, `A. Norms, rules and principles`: the numeral (or
/// letter) and the heading, for a short line with no closing punctuation.
fn numbered_heading(text: &str) -> Option<(char, String)> {
    let (num, rest) = text.split_once(". ")?;
    let roman = num.len() <= 5 && num.chars().all(|c| "IVXLC".contains(c));
    let letter = num.len() == 1 && num.chars().all(|c| c.is_ascii_uppercase());
    if !(roman || letter) || rest.trim().is_empty() || rest.len() > 250 || ends_terminal(text) {
        return None;
    }
    let first = if roman && num.len() > 1 {
        'I'
    } else {
        num.chars().next()?
    };
    Some((first, collapse_ws(text)))
}

/// True when a paragraph's text ends a sentence or a clause, looking past
/// a footnote marker at its end (`Secretary-General,1`, `2013 3`).
fn ends_terminal(text: &str) -> bool {
    let mut t = text
        .trim_end()
        .trim_end_matches(|c| super::footnotes::superscript_digit(c).is_some());
    let without_digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if without_digits.len() < t.len() {
        if without_digits.ends_with([',', ';', ':', '.', ')', '”', '’']) {
            t = without_digits;
        } else if let Some(before) = without_digits.strip_suffix(' ') {
            let last_word = before.rsplit(' ').next().unwrap_or_default();
            if last_word.ends_with([',', ';', ':', '.']) || is_year(last_word) {
                t = before;
            }
        }
    }
    let t = t.trim_end_matches(['”', '’', '"', ')']);
    t.ends_with(['.', ',', ';', ':', '!', '?'])
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// The body's text lines in blocks, from `start` on.
fn blocks(lines: &[Line], start: usize) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut current: Vec<Piece> = Vec::new();
    let mut soft = false;
    let mut soft_pending = false;
    for line in lines.get(start..).unwrap_or_default() {
        let is_text = line.shape == Shape::Text && line.role == Role::Body;
        if is_text {
            if current.is_empty() {
                soft = soft_pending;
                soft_pending = false;
            }
            current.push(Piece {
                line: line.no,
                segment: line.segment,
                text: line.text.clone(),
            });
            continue;
        }
        if !current.is_empty() {
            out.push(Block {
                pieces: std::mem::take(&mut current),
                soft_before: soft,
            });
        }
        if line.shape == Shape::PageBreak || line.role != Role::Body {
            soft_pending = true;
        }
    }
    if !current.is_empty() {
        out.push(Block {
            pieces: current,
            soft_before: soft,
        });
    }
    out
}

/// Splits a block where a line starts with a label after a line that ends a
/// clause: text with no blank lines between paragraphs.
fn split_at_labels(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::new();
    for block in blocks {
        let mut current = Block {
            pieces: Vec::new(),
            soft_before: block.soft_before,
        };
        for piece in block.pieces {
            let so_far = current.text();
            let label = parse_label(&piece.text).is_some();
            let starts_paragraph = label
                || preambular_opening(&piece.text)
                || meeting(&piece.text).is_some()
                || numbered_heading(&piece.text).is_some()
                || report::is_signature(&piece.text);
            // A heading (`A. Scope`, `Annex II` and its title) ends where a
            // paragraph or another heading starts on the next line.
            let after_heading = numbered_heading(&so_far).is_some()
                || (label
                    && current
                        .pieces
                        .first()
                        .is_some_and(|p| is_annex_line(&p.text)));
            if !current.pieces.is_empty()
                && starts_paragraph
                && (ends_terminal(&so_far) || ends_list_item(&so_far) || after_heading)
            {
                out.push(std::mem::replace(
                    &mut current,
                    Block {
                        pieces: Vec::new(),
                        soft_before: false,
                    },
                ));
            }
            current.pieces.push(piece);
        }
        if !current.pieces.is_empty() {
            out.push(current);
        }
    }
    out
}

/// `…; or`, `…; and`: the end of a sub-paragraph before the next one.
fn ends_list_item(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with("; or") || t.ends_with("; and")
}

/// `Recalling its …`, `Bearing in mind …`, `Deeply concerned …`: the italic
/// word a preambular paragraph opens with, followed by a lower-case word
/// (`Beijing Declaration` is no opening).
fn preambular_opening(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let capital = first.chars().next().is_some_and(char::is_uppercase);
    let participle = first.len() >= 6 && first.ends_with("ing");
    let adjective = matches!(
        first,
        "Aware"
            | "Convinced"
            | "Mindful"
            | "Deeply"
            | "Concerned"
            | "Guided"
            | "Alarmed"
            | "Determined"
            | "Encouraged"
            | "Cognizant"
            | "Conscious"
            | "Gravely"
            | "Seriously"
    );
    capital && (participle || adjective) && second.chars().next().is_some_and(char::is_lowercase)
}

/// Joins a label standing alone to its text, and a paragraph split by a
/// page break or a footnote area to its rest.
fn merge(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for block in blocks {
        if let Some(prev) = out.last_mut() {
            let prev_text = prev.text();
            let text = block.text();
            // A report's title is never the start of a paragraph, even when
            // its table of contents left it just above a page break.
            let prev_special = special(prev).is_some() || report::is_long_heading(&prev_text);
            let this_special = special(&block).is_some();
            let label_alone = parse_label(&prev_text).is_some_and(|(_, _, rest)| rest.is_empty());
            let join = if prev_special || this_special {
                false
            } else if label_alone {
                true
            } else if parse_label(&text).is_some() {
                false
            } else {
                let open = !ends_terminal(&prev_text);
                let lower = starts_lowercase(&text);
                (block.soft_before && (open || lower)) || (lower && open)
            };
            if join {
                prev.pieces.extend(block.pieces);
                continue;
            }
        }
        out.push(block);
    }
    out
}

/// A heading without a number (`Note by the Secretary-General`, `Preamble`,
/// `Article 3`), as met in reports and annexes: a short line that does not
/// end a sentence.
fn unnumbered_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=12).contains(&words)
        && text.chars().next().is_some_and(char::is_uppercase)
        && !ends_terminal(text)
        && parse_label(text).is_none()
}

/// Reads the body, from line index `start`, of a document of `layout`.
pub(crate) fn read(lines: &[Line], start: usize, layout: Layout, markers: &mut Markers) -> Body {
    let raw = blocks(lines, start);
    let blocks = merge(split_at_labels(raw.clone()));
    let announces = announcing(&blocks, layout);
    let mut body = Body::default();
    let mut numbering = Numbering::new(None, layout);
    let mut in_annex = false;
    let mut closed = false;
    let mut annex_title_due = false;
    let mut last_letter_heading: Option<char> = None;
    // The level of the last numbered heading, under which an unnumbered one
    // (`Recommended next steps`) stands.
    let mut numbered_level: Option<usize> = None;
    // The blocks of an annex that lists a group's members, read as rows.
    let mut members: Vec<&Block> = Vec::new();
    let mut in_members = false;
    // A signer's function standing apart from the signature, taken into it.
    let mut function_at: Option<usize> = None;
    // A treaty in an annex, and the number of the annex it is in.
    let texts: Vec<String> = blocks.iter().map(Block::text).collect();
    let annexes: Vec<bool> = blocks
        .iter()
        .map(|b| matches!(special(b), Some(Special::Annex(_))))
        .collect();
    let mut treaty: Option<(super::treaty::Reader, String)> = None;
    let mut annex_depth = 0usize;
    // Blocks taken already: the title of a treaty's annex.
    let mut skip_to = 0usize;
    for (k, block) in blocks.iter().enumerate() {
        if k < skip_to {
            continue;
        }
        let line = block.first_line();
        let (text, starts) = block.joined();
        if function_at == Some(k) {
            continue;
        }
        let step = treaty.as_mut().map(|(t, _)| t.step(k, &texts));
        match &step {
            Some(super::treaty::Step::Skip) => continue,
            Some(super::treaty::Step::Heading {
                depth,
                text,
                article,
            }) => {
                if let Some(n) = article {
                    numbering.start_article(*n);
                }
                body.elements.push(Element::Heading {
                    level: 1 + annex_depth + depth,
                    text: text.clone(),
                });
                continue;
            }
            _ => {}
        }
        let kind = special(block);
        if in_members && !matches!(kind, Some(Special::Annex(_))) {
            members.push(block);
            continue;
        }
        match kind {
            Some(Special::Separator) => continue,
            Some(Special::Signature) => {
                let mut lines: Vec<String> =
                    block.pieces.iter().map(|p| collapse_ws(&p.text)).collect();
                // The signer's function, set apart under the name.
                if let Some(next) = blocks.get(k + 1)
                    && !next.soft_before
                    && special(next).is_none()
                    && report::is_function(&next.text())
                {
                    lines.extend(next.pieces.iter().map(|p| collapse_ws(&p.text)));
                    function_at = Some(k + 1);
                }
                body.elements.push(Element::Kept(lines));
                continue;
            }
            Some(Special::Date(_)) if layout.is_report() && report::is_letter_date(&text) => {
                body.elements.push(Element::Kept(vec![collapse_ws(&text)]));
                continue;
            }
            Some(Special::Organ) => {
                let organ = text.trim().trim_end_matches([',', ':']).to_string();
                body.elements.push(Element::Organ(format!("{organ},")));
                continue;
            }
            Some(Special::Meeting(m, date)) if !in_annex => {
                body.meeting.get_or_insert(m);
                if date.is_some() {
                    body.closing_date = date;
                }
                closed = true;
                continue;
            }
            Some(Special::Date(d)) if !in_annex && (closed || !numbering.anchors.is_empty()) => {
                body.closing_date.get_or_insert(d);
                closed = true;
                continue;
            }
            Some(Special::Annex(name)) => {
                rows(&mut body, &mut numbering, &raw, &mut members, markers);
                let number = annex_number(&name);
                let opened =
                    super::treaty::open_annex(&name, &number, k, &texts, &annexes, treaty.take());
                let annex = opened.as_ref().map_or(number, |o| o.annex.clone());
                let finished =
                    std::mem::replace(&mut numbering, Numbering::new(Some(annex), layout));
                collect(&mut body, finished);
                if let Some(o) = opened {
                    in_annex = true;
                    last_letter_heading = None;
                    skip_to = o.skip_to;
                    annex_depth = o.depth;
                    treaty = o.reader;
                    annex_title_due = false;
                    body.elements.push(o.element);
                    continue;
                }
                annex_depth = 1;
                // The annex's title is the block after `Annex`, or the rest of its block.
                let rest: Vec<&str> = block
                    .pieces
                    .iter()
                    .skip(1)
                    .map(|p| p.text.as_str())
                    .collect();
                let title = (!rest.is_empty()).then(|| collapse_ws(&super::text::join_lines(rest)));
                annex_title_due = title.is_none();
                in_members =
                    layout.is_report() && title.as_deref().is_some_and(report::is_member_list);
                numbered_level = None;
                body.elements.push(Element::Annex { name, title });
                in_annex = true;
                last_letter_heading = None;
                continue;
            }
            Some(Special::Heading(first, heading)) => {
                // `I.` after `H.` is a letter; otherwise a lone I, V or X is roman.
                let follows_letter = last_letter_heading
                    .and_then(|c| char::from_u32(u32::from(c) + 1))
                    .is_some_and(|c| c == first);
                let roman = heading.split_once(". ").is_some_and(|(n, _)| {
                    n.len() > 1 || (roman_value(&n.to_lowercase()).is_some() && !follows_letter)
                });
                if !roman {
                    last_letter_heading = Some(first);
                }
                let level = usize::from(!roman) + 2 + annex_depth;
                numbered_level = Some(level);
                body.elements.push(Element::Heading {
                    level,
                    text: heading,
                });
                annex_title_due = false;
                continue;
            }
            _ => {}
        }
        if annex_title_due {
            annex_title_due = false;
            if unnumbered_heading(&text) || (!ends_terminal(&text) && parse_label(&text).is_none())
            {
                if let Some(Element::Annex { title, .. }) = body.elements.last_mut() {
                    *title = Some(collapse_ws(&text));
                }
                in_members = layout.is_report() && report::is_member_list(&text);
                continue;
            }
        }
        let announces = announces.get(k).copied().unwrap_or(false);
        let heading = unnumbered_heading(&text) || report::is_long_heading(&text);
        let treaty_text = step.as_ref().is_some_and(super::treaty::Step::is_text);
        if (layout.is_report() || in_annex) && heading && announces && !treaty_text {
            let level = numbered_level.map_or(2 + annex_depth, |l| (l + 1).min(6));
            body.elements.push(Element::Heading {
                level,
                text: collapse_ws(&text),
            });
            continue;
        }
        if closed && !in_annex {
            body.warnings.push((
                line,
                "text after the closing formula is not part of any paragraph; kept as a paragraph of its own".into(),
            ));
        }
        let (mut label, mut printed, mut rest) = match parse_label(&text) {
            Some((label, printed, rest)) => (Some(label), Some(printed.to_string()), rest),
            None => (None, None, text.as_str()),
        };
        while let Some((outer, inner, inner_rest)) = labels::run(label.as_ref(), rest) {
            // `12. (a) Text`: paragraph 12 has no words of its own; its text
            // is the label that opens its first sub-paragraph.
            numbering.next(Some(&outer), line);
            body.elements.push(Element::Para {
                label: printed.take(),
                text: inner.1.clone(),
                line,
            });
            (label, printed, rest) = (Some(inner.0), Some(inner.1), inner_rest);
        }
        let rest_at = text.len() - rest.len();
        let segment_at = |offset: usize| {
            let at = rest_at + offset;
            starts
                .iter()
                .take_while(|(s, _)| *s <= at)
                .last()
                .map_or(0, |(_, seg)| *seg)
        };
        let rewritten = markers.rewrite(rest, &segment_at);
        // In a report a heading ends the paragraph before it: what follows
        // unnumbered is a paragraph of its own.
        let after_heading = body
            .elements
            .iter()
            .rev()
            .find(|e| !matches!(e, Element::Kept(_)))
            .is_some_and(|e| matches!(e, Element::Heading { .. }));
        match step {
            Some(step) if step.is_text() => step.number(&mut numbering, line),
            _ if label.is_none() && layout.is_report() && after_heading => {
                numbering.unnumbered(line);
            }
            _ => {
                numbering.next(label.as_ref(), line);
            }
        }
        body.elements.push(Element::Para {
            label: printed,
            text: collapse_ws(&rewritten),
            line,
        });
    }
    rows(&mut body, &mut numbering, &raw, &mut members, markers);
    collect(&mut body, numbering);
    body.anchors = labels::finish(layout, std::mem::take(&mut body.anchors));
    body
}

/// For each block, whether a heading there would announce content: a
/// paragraph, a sub-paragraph or a numbered heading follows (a name in a list
/// of members does not). In a report, another unnumbered heading or the date
/// of a letter may stand between (`Report of the Group …`, `Foreword`;
/// `Letter of transmittal`, `26 June 2015`).
fn announcing(blocks: &[Block], layout: Layout) -> Vec<bool> {
    let texts: Vec<String> = blocks.iter().map(Block::text).collect();
    let mut out = vec![false; blocks.len()];
    for k in (0..blocks.len()).rev() {
        let Some(next) = texts.get(k + 1) else {
            continue;
        };
        let passes_on = layout.is_report()
            && (unnumbered_heading(next)
                || report::is_long_heading(next)
                || parse_date(next).is_some())
            && out.get(k + 1).copied().unwrap_or(false);
        let content =
            ends_terminal(next) || parse_label(next).is_some() || numbered_heading(next).is_some();
        if let Some(o) = out.get_mut(k) {
            *o = content || passes_on;
        }
    }
    out
}

/// Reads the `members` blocks of a list of members as its rows, one
/// passage a row, from the lines as extracted (`raw`, grouped as the blank
/// lines group them, before paragraphs were rebuilt).
fn rows(
    body: &mut Body,
    numbering: &mut Numbering,
    raw: &[Block],
    members: &mut Vec<&Block>,
    markers: &mut Markers,
) {
    let (Some(first), Some(last)) = (members.first(), members.last()) else {
        return;
    };
    let from = first.first_line();
    let to = last.pieces.last().map_or(from, |p| p.line);
    let groups: Vec<(bool, Vec<(usize, String)>)> = raw
        .iter()
        .filter_map(|b| {
            let lines: Vec<(usize, String)> = b
                .pieces
                .iter()
                .filter(|p| (from..=to).contains(&p.line))
                .map(|p| (p.line, p.text.clone()))
                .collect();
            (!lines.is_empty()).then_some((b.soft_before, lines))
        })
        .collect();
    for (line, text) in report::member_rows(&groups) {
        let segment = members
            .iter()
            .flat_map(|b| &b.pieces)
            .find(|p| p.line == line)
            .map_or(0, |p| p.segment);
        let text = markers.rewrite(&text, &|_| segment);
        numbering.next(None, line);
        body.elements.push(Element::Para {
            label: None,
            text: collapse_ws(&text),
            line,
        });
    }
    members.clear();
}

/// The annex an `Annex` line starts: `Annex` is the lone annex (``),
/// `Annex II` annex `II`.
fn annex_number(name: &str) -> String {
    name.split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_uppercase()
}

fn collect(body: &mut Body, numbering: Numbering) {
    body.anchors.extend(numbering.anchors);
    body.warnings.extend(numbering.warnings);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split_lines;
    use std::collections::BTreeMap;

    fn read_text(raw: &str, layout: Layout) -> Body {
        let lines = split_lines(raw);
        let mut markers = Markers::new(BTreeMap::new());
        read(&lines, 0, layout, &mut markers)
    }

    fn anchors(body: &Body) -> Vec<String> {
        body.anchors.iter().map(|(a, _)| a.to_string()).collect()
    }

    #[test]
    fn pasted_text_without_blank_lines_splits_at_preambular_openings() {
        let raw = "Recalling its rules,\nnoting them,\nBearing in mind the Beijing\nDeclaration,\nDeeply concerned by\nBeijing Declaration lamps,\n1. Decides.\n3rd plenary meeting\n";
        let body = read_text(raw, Layout::Resolution);
        assert_eq!(anchors(&body), ["PP1", "PP2", "PP3", "OP1"]);
    }

    #[test]
    fn terminal_punctuation_looks_past_markers() {
        assert!(ends_terminal("the Secretary-General,1"));
        assert!(!ends_terminal("in its 2013 3"));
        assert!(ends_terminal("the reports, 2"));
        assert!(ends_terminal("security”."));
        assert!(ends_terminal("reports,²"));
        assert!(!ends_terminal("as well as"));
        assert!(!ends_terminal("resolution 70/237 of 23 December 2015"));
    }

    #[test]
    fn page_break_joins_an_open_paragraph_only() {
        let raw = "Noting the rules of \n \n1. \nDecides that lamps are \n\nGeneral rules;\n \n2. \nRequests lamps;\n\n(a) \nwhich glow;\n \n \n";
        let body = read_text(raw, Layout::Resolution);
        let texts: Vec<(Option<&str>, &str)> = body
            .elements
            .iter()
            .filter_map(|e| match e {
                Element::Para { label, text, .. } => Some((label.as_deref(), text.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts,
            [
                (None, "Noting the rules of"),
                (Some("1."), "Decides that lamps are General rules;"),
                (Some("2."), "Requests lamps;"),
                (Some("(a)"), "which glow;")
            ]
        );
    }

    #[test]
    fn closing_annex_and_headings() {
        let raw = "1. Decides.\n\n12th plenary meeting\n3 May 2017\n\nAnnex\n\nCode of lamps\n\nI. Scope\n\nA. Lamps\n\n1. Lamps glow.\n";
        let body = read_text(raw, Layout::Resolution);
        assert_eq!(body.meeting.as_deref(), Some("12th plenary meeting"));
        assert_eq!(
            body.closing_date.map(|d| d.to_string()).as_deref(),
            Some("2017-05-03")
        );
        assert_eq!(anchors(&body), ["OP1", "ANNEX.OP1"]);
        assert!(body.elements.contains(&Element::Annex {
            name: "Annex".into(),
            title: Some("Code of lamps".into())
        }));
        assert!(body.elements.contains(&Element::Heading {
            level: 3,
            text: "I. Scope".into()
        }));
        assert!(body.elements.contains(&Element::Heading {
            level: 4,
            text: "A. Lamps".into()
        }));
    }
}
