//! The body: lines regrouped into paragraphs (joining what page breaks and footnotes split, splitting what a missing blank line ran together), then read as organ line, headings, annexes, labelled paragraphs and the closing formula.

use super::labels::{self, Numbering, parse_label};
use super::lines::{Line, Role, Shape};
use super::markers::Markers;
use super::masthead::is_organ_line;
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
    if let Some(m) = meeting(&text) {
        return Some(m);
    }
    if let Some(d) = parse_date(&text) {
        return Some(Special::Date(d));
    }
    if !text.is_empty() && text.chars().all(|c| c == '*' || c.is_whitespace()) {
        return Some(Special::Separator);
    }
    let name = first.trim_end_matches('*').trim();
    let annex_number = name
        .strip_prefix("Annex ")
        .or_else(|| name.strip_prefix("ANNEX "))
        .is_some_and(|n| {
            roman_value(&n.to_lowercase()).is_some() || n.bytes().all(|b| b.is_ascii_digit())
        });
    if matches!(name, "Annex" | "ANNEX" | "Annexes") || annex_number {
        return Some(Special::Annex(name.to_string()));
    }
    if super::treaty::is_structure_line(&text) {
        return Some(Special::Structure);
    }
    numbered_heading(&text).map(|(c, t)| Special::Heading(c, t))
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
            let starts_paragraph = parse_label(&piece.text).is_some()
                || preambular_opening(&piece.text)
                || meeting(&piece.text).is_some();
            if !current.pieces.is_empty()
                && starts_paragraph
                && (ends_terminal(&so_far) || ends_list_item(&so_far))
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
            let prev_special = special(prev).is_some();
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
    let blocks = merge(split_at_labels(blocks(lines, start)));
    let mut body = Body::default();
    let mut numbering = Numbering::new(None, layout);
    let mut in_annex = false;
    let mut closed = false;
    let mut annex_title_due = false;
    let mut last_letter_heading: Option<char> = None;
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
        match special(block) {
            Some(Special::Separator) => continue,
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
                continue;
            }
        }
        // A heading announces content: a paragraph or another numbered
        // heading. A name in a list of members does not.
        let announces = blocks.get(k + 1).is_some_and(|next| {
            let t = next.text();
            ends_terminal(&t) || parse_label(&t).is_some() || numbered_heading(&t).is_some()
        });
        let treaty_text = step.as_ref().is_some_and(super::treaty::Step::is_text);
        if (layout.is_report() || in_annex)
            && unnumbered_heading(&text)
            && announces
            && !treaty_text
        {
            let level = 2 + annex_depth;
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
        let (label, printed, rest) = match parse_label(&text) {
            Some((label, printed, rest)) => (Some(label), Some(printed.to_string()), rest),
            None => (None, None, text.as_str()),
        };
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
        match step {
            Some(step) if step.is_text() => step.number(&mut numbering, line),
            _ => numbering.next_run(label.as_ref(), rest, line),
        }
        body.elements.push(Element::Para {
            label: printed,
            text: collapse_ws(&rewritten),
            line,
        });
    }
    collect(&mut body, numbering);
    body.anchors = labels::finish(layout, std::mem::take(&mut body.anchors));
    body
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
