//! Bodies of resolutions, decisions and reports: preambular, operative and report paragraphs with their sub-paragraphs, annexes and footnotes.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::static_regex::static_regex;

use super::anchor::{self, Anchor, Place, Sub, roman_value};
use super::blocks::{self, Block, NoteTable};
use super::model::{Layout, Note, Part};
use super::treaty::{self, Mark, Step, Treaty};

/// A passage as the body parser sees it, before ids and citations.
#[derive(Debug, Clone, PartialEq)]
pub struct RawPassage {
    /// Its anchor.
    pub anchor: Anchor,
    /// Which part of the document it is in.
    pub part: Part,
    /// Its section heading (reports, annexes).
    pub section: Option<String>,
    /// Its text, without label and footnote markers.
    pub text: String,
    /// Its footnotes.
    pub notes: Vec<Note>,
    /// The line it starts on.
    pub line: usize,
}

/// What parsing a body found: passages, fatal problems and warnings, each with a line.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The passages, in order.
    pub passages: Vec<RawPassage>,
    /// Problems that make the file unusable.
    pub errors: Vec<(usize, String)>,
    /// Oddities worth telling the user.
    pub warnings: Vec<(usize, String)>,
    /// The plenary meeting read from the closing formula.
    pub meeting: Option<String>,
}

// Labels are matched as prefixes and the body sliced off after them: a
// pattern running to `$` would scan every paragraph to its end, the better
// part of parsing time on a large corpus.
static DECIMAL: LazyLock<Regex> = LazyLock::new(|| static_regex(r"^(\d+)\.(\d+)\.?(?:\s+|$)"));
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| static_regex(r"^(\d+)\.(?:\s+|$)"));
static LETTERED: LazyLock<Regex> = LazyLock::new(|| static_regex(r"^\(([a-z]{1,5})\)(?:\s+|$)"));
static CAPITAL: LazyLock<Regex> = LazyLock::new(|| static_regex(r"^\(([A-Z])\)(?:\s|$)"));
static ORGAN: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"^The (General Assembly|Security Council|Economic and Social Council|Human Rights Council|Conference of the Parties|Assembly|Council),?$",
    )
});
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(r"^\d+(st|nd|rd|th)\s+(\(resumed\)\s+)?plenary meeting\b.{0,40}$")
});
static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^\d{1,2} [A-Z][a-z]+ \d{4}\.?$"));
pub(crate) static ANNEX: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"(?i)^annex(?:\s+([IVXLC]+|\d+))?\b\s*[-—–:.]?\s*(.*)$"));

/// Where the parser stands inside the numbered paragraphs.
#[derive(Default)]
struct State {
    annex: Option<String>,
    section: Option<String>,
    preambular: u32,
    unnumbered: u32,
    op: Option<u64>,
    letter: Option<String>,
    roman: Option<String>,
    decimal: Option<u64>,
    /// A heading stands between the last passage and this block.
    after_heading: bool,
    /// The top-level annex open now and its heading's level, under which
    /// a deeper `Annex` heading is its own annex (a treaty's).
    outer: Option<(String, usize)>,
    /// Inside a treaty annex: its articles and headings.
    treaty: Option<Treaty>,
}

impl State {
    fn enter_scope(&mut self, annex: Option<String>, section: Option<String>) {
        let outer = self.outer.take();
        *self = State {
            annex,
            section,
            outer,
            ..State::default()
        };
    }

    /// An article starts: its paragraphs are numbered anew, and its own
    /// text, if any, is "paragraph 0".
    fn enter_article(&mut self) {
        self.op = Some(0);
        self.letter = None;
        self.roman = None;
        self.decimal = None;
    }
}

/// The blocks (by index) of the `Annex` headings whose annexes are
/// treaties ([`treaty::is_treaty`]; in an excerpt, whose quoted paragraphs
/// may seem to run on, any annex with an `Article N` heading).
fn treaty_annexes(blocks: &[Block], excerpt: bool) -> HashSet<usize> {
    let mut scopes: Vec<(usize, Vec<Mark>)> = Vec::new();
    for (bi, block) in blocks.iter().enumerate() {
        match block {
            Block::Heading(_, title, _) if ANNEX.is_match(title) => scopes.push((bi, Vec::new())),
            Block::Heading(_, title, _) => {
                if let (Some((n, _)), Some((_, marks))) =
                    (treaty::article_heading(title), scopes.last_mut())
                {
                    marks.push(Mark::Article(n));
                }
            }
            Block::Text(text, _) => {
                let n = NUMBERED
                    .captures(text)
                    .and_then(|c| c.get(1)?.as_str().parse().ok());
                if let (Some(n), Some((_, marks))) = (n, scopes.last_mut()) {
                    marks.push(Mark::Numbered(n));
                }
            }
            Block::Notes(_) => {}
        }
    }
    scopes
        .into_iter()
        .filter(|(_, marks)| {
            treaty::is_treaty(marks)
                || (excerpt && marks.iter().any(|m| matches!(m, Mark::Article(_))))
        })
        .map(|(bi, _)| bi)
        .collect()
}

fn letter_rank(l: &str) -> (usize, &str) {
    (l.len(), l)
}

/// Parses the body of a resolution, decision, draft or report, numbered
/// as `layout` says.
pub fn parse(body: &str, first_line: usize, layout: Layout, excerpt: bool) -> Parsed {
    let mut out = Parsed::default();
    let blocks = match blocks::split(body, first_line) {
        Ok(b) => b,
        Err((line, bytes)) => {
            out.errors.push((
                line,
                format!(
                    "this paragraph is over the 1 MB limit ({bytes} bytes so far); a paragraph this long is surely a broken extraction"
                ),
            ));
            return out;
        }
    };
    let (mut notes, dups) = NoteTable::from_blocks(&blocks);
    for (m, line) in dups {
        out.errors
            .push((line, format!("footnote [^{m}] is defined twice")));
    }
    let mut st = State::default();
    let mut seen: HashSet<String> = HashSet::new();
    let last_text = blocks
        .iter()
        .rposition(|b| matches!(b, Block::Text(..)))
        .unwrap_or(0);
    let mut first_text = true;
    let treaties = treaty_annexes(&blocks, excerpt);

    for (bi, block) in blocks.iter().enumerate() {
        let (text, line) = match block {
            Block::Notes(_) => continue,
            Block::Heading(level, title, hline) => {
                if let Some(c) = ANNEX.captures(title) {
                    let number = c
                        .get(1)
                        .map_or(String::new(), |m| m.as_str().to_uppercase());
                    let name = title.trim().to_owned();
                    let annex = match &st.outer {
                        Some((outer, outer_level)) if level > outer_level => {
                            Anchor::inner_annex(outer, &number)
                        }
                        _ => {
                            st.outer = Some((number.clone(), *level));
                            number
                        }
                    };
                    st.enter_scope(Some(annex), Some(name.clone()));
                    st.treaty = treaties.contains(&bi).then(|| Treaty::new(&name));
                } else if let Some(t) = st.treaty.as_mut() {
                    if let Some((_, problem)) = t.heading(title) {
                        out.errors.extend(problem.map(|p| (*hline, p)));
                        st.section = t.section();
                        st.enter_article();
                    } else {
                        st.section = t.section();
                    }
                } else {
                    // A heading inside a report or an annex titles what follows;
                    // numbering runs on through headed sections.
                    st.section = Some(title.trim().to_owned());
                }
                st.after_heading = true;
                continue;
            }
            Block::Text(text, line) => (text.as_str(), *line),
        };
        let is_first = std::mem::replace(&mut first_text, false);
        if is_first && ORGAN.is_match(text) {
            continue;
        }
        if bi >= last_text
            && st.op.is_some()
            && (MEETING.is_match(text) || DATE_LINE.is_match(text))
        {
            if MEETING.is_match(text) {
                out.meeting = Some(text.trim_end_matches('.').to_owned());
            }
            continue;
        }

        // A signature (`(Signed) …`), and in a report the date of a letter,
        // are kept in the file but are no passage.
        let signature = text.starts_with("(Signed)") || text.starts_with("(signed)");
        if signature || (layout.is_report() && DATE_LINE.is_match(text)) {
            continue;
        }
        let labelled = LETTERED.is_match(text) || NUMBERED.is_match(text) || DECIMAL.is_match(text);
        let step = st.treaty.as_mut().map(|t| t.block(text, labelled));
        let own = if layout.is_report() {
            Part::Report
        } else {
            Part::Operative
        };
        let (place, part, body) = match step {
            Some(Step::Formula) => continue,
            Some(Step::Final(n)) => {
                st.section = st.treaty.as_ref().and_then(Treaty::section);
                (Place::FinalClause(n), own, text)
            }
            Some(Step::ArticleText(a)) => (Place::article(a, 0, Vec::new()), own, text),
            Some(Step::Labels) | None => {
                let classified =
                    classify(text, &mut st, layout, excerpt, line, &mut notes, &mut out);
                st.after_heading = false;
                match classified {
                    Some(x) => x,
                    None => continue,
                }
            }
        };
        let (clean, markers) = blocks::take_note_markers(body);
        let (found, missing) = notes.resolve(&markers);
        for m in missing {
            out.errors.push((
                line,
                format!("footnote marker [^{m}] has no definition `[^{m}]: …`"),
            ));
        }
        let anchor = Anchor {
            annex: st.annex.clone(),
            place,
        };
        if clean.is_empty() {
            out.errors.push((
                line,
                format!("paragraph {anchor} has no text after its number"),
            ));
            continue;
        }
        let key = anchor.to_string();
        if !seen.insert(key.clone()) {
            out.errors
                .push((line, format!("paragraph {key} appears twice")));
            continue;
        }
        out.passages.push(RawPassage {
            anchor,
            part,
            section: st.section.clone(),
            text: clean,
            notes: found,
            line,
        });
    }
    // A decision or a one-paragraph resolution numbers nothing: its last
    // paragraph is the operative one, cited by the symbol alone.
    if !excerpt
        && anchor::numbers_nothing(layout, out.passages.iter().map(|p| &p.anchor))
        && let Some(last) = out.passages.last_mut()
    {
        last.anchor.place = Place::Sole;
        last.part = Part::Operative;
    }
    for (m, line) in notes.unused() {
        out.errors.push((
            line,
            format!("footnote [^{m}] is defined but no paragraph cites it"),
        ));
    }
    out
}

/// Decides what a block is; `None` when it continued the previous passage or was an error.
fn classify<'t>(
    text: &'t str,
    st: &mut State,
    layout: Layout,
    excerpt: bool,
    line: usize,
    notes: &mut NoteTable,
    out: &mut Parsed,
) -> Option<(Place, Part, &'t str)> {
    let numbered_part = if layout.is_report() {
        Part::Report
    } else {
        Part::Operative
    };
    // Inside a treaty's article, paragraphs are the article's.
    let article = st.treaty.as_ref().and_then(|t| t.article);
    let make = |n: u64, subs: Vec<Sub>| match article {
        Some(a) => Place::article(a, n, subs),
        None => Place::numbered(layout, n, subs),
    };
    // A cheap look at the first character spares most blocks the regexes
    // (`\d` is any Unicode digit, all of which `is_numeric` takes).
    let starts_digit = text.starts_with(char::is_numeric);
    let rest = |c: &regex::Captures<'_>| c.get(0).map_or("", |m| &text[m.end()..]);
    if let Some(c) = starts_digit.then(|| DECIMAL.captures(text)).flatten() {
        let (Some(n), Some(m)) = (
            parse_number(&c[1], line, out),
            parse_number(&c[2], line, out),
        ) else {
            return None;
        };
        let body = rest(&c);
        match st.op {
            Some(op) if n < op => {
                out.errors.push((
                    line,
                    format!("sub-paragraph {n}.{m} comes after paragraph {op}: numbers never go backwards"),
                ));
                return None;
            }
            Some(op) if n == op => {
                if let Some(d) = st.decimal
                    && m <= d
                {
                    out.errors.push((
                        line,
                        format!("sub-paragraph {n}.{m} comes after {n}.{d}: numbers never go backwards or repeat"),
                    ));
                    return None;
                }
            }
            _ => {
                // An excerpt may quote 1.3 without paragraph 1.
                st.op = Some(n);
            }
        }
        st.decimal = Some(m);
        st.letter = None;
        st.roman = None;
        return Some((make(n, vec![Sub::Decimal(m)]), numbered_part, body));
    }
    if let Some(c) = starts_digit.then(|| NUMBERED.captures(text)).flatten() {
        let n = parse_number(&c[1], line, out)?;
        let body = rest(&c);
        if let Some(op) = st.op {
            if n == op {
                out.errors
                    .push((line, format!("paragraph {n} repeats: numbers never repeat")));
                return None;
            }
            if n < op {
                out.errors.push((
                    line,
                    format!("paragraph {n} comes after paragraph {op}: numbers never go backwards"),
                ));
                return None;
            }
            if n > op + 1 && !excerpt {
                out.warnings.push((
                    line,
                    format!("paragraph {n} follows paragraph {op}: a gap in the numbering (set excerpt = true if the file quotes only some paragraphs)"),
                ));
            }
        } else if n != 1 && !excerpt {
            out.warnings.push((
                line,
                format!("the first numbered paragraph is {n}, not 1 (set excerpt = true if the file quotes only some paragraphs)"),
            ));
        }
        st.op = Some(n);
        st.letter = None;
        st.roman = None;
        st.decimal = None;
        return Some((make(n, vec![]), numbered_part, body));
    }
    if let Some(c) = text
        .starts_with('(')
        .then(|| LETTERED.captures(text))
        .flatten()
    {
        let label = c[1].to_owned();
        let body = rest(&c);
        let Some(op) = st.op else {
            // A lettered list in the preamble stays part of the preamble's text.
            return unnumbered(text, st, layout);
        };
        let mut subs = Vec::new();
        if let Some(d) = st.decimal {
            subs.push(Sub::Decimal(d));
        }
        if anchor::is_roman(&label, st.letter.as_deref(), st.roman.as_deref()) {
            if let Some(r) = &st.roman
                && roman_value(&label) <= roman_value(r)
            {
                out.errors.push((
                    line,
                    format!("sub-paragraph ({label}) comes after ({r}): numbers never go backwards or repeat"),
                ));
                return None;
            }
            if let Some(l) = &st.letter {
                subs.push(Sub::Letter(l.clone()));
            }
            subs.push(Sub::Roman(label.clone()));
            st.roman = Some(label);
        } else {
            if let Some(l) = &st.letter
                && letter_rank(&label) <= letter_rank(l)
            {
                out.errors.push((
                    line,
                    format!("sub-paragraph ({label}) comes after ({l}): letters never go backwards or repeat"),
                ));
                return None;
            }
            subs.push(Sub::Letter(label.clone()));
            st.letter = Some(label);
            st.roman = None;
        }
        return Some((make(op, subs), numbered_part, body));
    }
    if let (Some(c), Some(l), Some(r)) = (CAPITAL.captures(text), &st.letter, &st.roman) {
        // Read as text it would silently join (i); the user meant a fourth level.
        out.errors.push((
            line,
            format!(
                "sub-paragraph ({}) under ({l})({r}) is nested deeper than UN documents number (paragraph, (a), (i)); write it as text of ({r}) without its label",
                &c[1]
            ),
        ));
        return None;
    }
    if st.op.is_some() && !(layout.is_report() && st.after_heading) {
        // A block without a label after the numbered paragraphs continues the
        // passage before it (the closing words of a paragraph after its list);
        // in a report, not across a heading. Its footnotes are that passage's too.
        if let Some(prev) = out.passages.last_mut() {
            prev.text.push(' ');
            let (clean, markers) = blocks::take_note_markers(text);
            prev.text.push_str(&clean);
            let (found, missing) = notes.resolve(&markers);
            prev.notes.extend(found);
            for m in missing {
                out.errors.push((
                    line,
                    format!("footnote marker [^{m}] has no definition `[^{m}]: …`"),
                ));
            }
            return None;
        }
    }
    unnumbered(text, st, layout)
}

fn unnumbered<'t>(text: &'t str, st: &mut State, layout: Layout) -> Option<(Place, Part, &'t str)> {
    if layout.is_report() {
        st.unnumbered += 1;
        return Some((Place::unnumbered(layout, st.unnumbered), Part::Report, text));
    }
    st.preambular += 1;
    Some((
        Place::unnumbered(layout, st.preambular),
        Part::Preambular,
        text,
    ))
}

fn parse_number(digits: &str, line: usize, out: &mut Parsed) -> Option<u64> {
    match digits.parse::<u64>() {
        Ok(n) if digits.len() <= 6 => Some(n),
        _ => {
            out.errors.push((
                line,
                format!("paragraph number {digits} is too large (at most 6 digits)"),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors(p: &Parsed) -> Vec<String> {
        p.passages.iter().map(|x| x.anchor.to_string()).collect()
    }

    #[test]
    fn preambular_operative_and_sub_paragraphs() {
        let body = "\nThe General Assembly,\n\nRecalling its\nresolutions,\n\nNoting with concern,\n\n1. Decides;\n\n(a) first;\n\n(i) roman one;\n\n(ii) roman two;\n\n(b) second;\n\n2. Welcomes:\n\n2.1. one;\n\n2.2 two;\n\n3. Requests…\n\n45th plenary meeting\n5 December 2018\n";
        let p = parse(body, 10, Layout::Resolution, false);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(
            anchors(&p),
            [
                "PP1",
                "PP2",
                "OP1",
                "OP1(a)",
                "OP1(a)(i)",
                "OP1(a)(ii)",
                "OP1(b)",
                "OP2",
                "OP2.1",
                "OP2.2",
                "OP3"
            ]
        );
        assert_eq!(p.passages[0].text, "Recalling its resolutions,");
        assert_eq!(p.passages[0].line, 13);
        assert_eq!(p.passages[4].text, "roman one;");
        assert_eq!(p.passages[10].text, "Requests…");
        assert_eq!(p.passages[0].part, Part::Preambular);
        assert_eq!(p.passages[3].part, Part::Operative);
        assert_eq!(
            p.meeting.as_deref(),
            Some("45th plenary meeting 5 December 2018")
        );
    }

    #[test]
    fn report_signatures_dates_and_headings() {
        let body = "## Letter of transmittal\n\n26 June 2015\n\nI submit it.\n\n(Signed) A. Keeper\nChair of the Group\n\n## I. Introduction\n\n1. The Group met.\n\n## Norm 1 (a)\n\nStates should keep lamps lit.\n\nThey agreed.\n\n2. It ended.\n";
        let p = parse(body, 1, Layout::Report, false);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(anchors(&p), ["U1", "P1", "U2", "P2"]);
        assert_eq!(p.passages[0].text, "I submit it.");
        assert_eq!(
            p.passages[2].text,
            "States should keep lamps lit. They agreed."
        );
        assert_eq!(p.passages[2].section.as_deref(), Some("Norm 1 (a)"));
        // In a resolution a date is read as ever, and a block after a heading
        // continues the paragraph before it.
        let p = parse(
            "1. Decides.\n\n## I. Scope\n\nmore.\n",
            1,
            Layout::Resolution,
            false,
        );
        assert_eq!(anchors(&p), ["OP1"]);
    }

    #[test]
    fn i_after_h_is_a_letter() {
        let letters: String = ('a'..='j')
            .map(|c| format!("({c}) item {c};\n\n"))
            .collect();
        let body = format!("1. Lists:\n\n{letters}");
        let p = parse(&body, 1, Layout::Resolution, false);
        let a = anchors(&p);
        assert_eq!(a[9], "OP1(i)");
        assert_eq!(a[10], "OP1(j)");
    }

    #[test]
    fn numbers_that_repeat_or_go_backwards_are_errors() {
        let p = parse("1. a;\n\n2. b;\n\n2. c.\n", 1, Layout::Resolution, false);
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].0, 5);
        assert!(p.errors[0].1.contains("repeats"));
        let p = parse("1. a;\n\n3. b;\n\n2. c.\n", 1, Layout::Resolution, false);
        assert!(p.errors[0].1.contains("backwards"));
        assert_eq!(p.warnings.len(), 1, "a gap outside an excerpt is a warning");
        let p = parse("3. a;\n\n5. b.\n", 1, Layout::Resolution, true);
        assert!(p.warnings.is_empty() && p.errors.is_empty());
        let p = parse("12345678901234567890. a.\n", 1, Layout::Resolution, true);
        assert!(p.errors[0].1.contains("too large"));
    }

    #[test]
    fn footnotes_become_notes() {
        let p = parse(
            "1. Guided by the 2013[^2] report;\n\n[^2]: A/68/98.\n",
            1,
            Layout::Resolution,
            false,
        );
        assert_eq!(p.passages[0].text, "Guided by the 2013 report;");
        assert_eq!(p.passages[0].notes[0].text, "A/68/98.");
        let p = parse("1. Guided by[^9] it.\n", 1, Layout::Resolution, false);
        assert!(p.errors[0].1.contains("no definition"));
        let p = parse("1. Guided.\n\n[^1]: x\n", 1, Layout::Resolution, false);
        assert!(p.errors[0].1.contains("no paragraph cites"));
        // A block that continues a passage brings its notes to it.
        let p = parse(
            "1. Lists:\n\n(a) one;\n\nand closes.[^1]\n\nand again.[^9]\n\n[^1]: A/68/98.\n",
            1,
            Layout::Resolution,
            false,
        );
        assert_eq!(
            p.errors,
            [(
                7,
                "footnote marker [^9] has no definition `[^9]: …`".to_string()
            )]
        );
        assert_eq!(p.passages[1].text, "one; and closes. and again.");
        assert_eq!(p.passages[1].notes[0].text, "A/68/98.");
    }

    #[test]
    fn annexes_and_reports() {
        let p = parse(
            "1. Adopts the declaration annexed;\n\n## Annex\n\nConvinced,\n\n1. Declares.\n",
            1,
            Layout::Resolution,
            false,
        );
        assert_eq!(anchors(&p), ["OP1", "ANNEX.PP1", "ANNEX.OP1"]);
        assert_eq!(p.passages[2].section.as_deref(), Some("Annex"));
        let p = parse(
            "Foreword text.\n\n## I. Introduction\n\n1. The Group met.\n\n### A. Norms\n\n2. States should:\n\n(a) cooperate.\n",
            1,
            Layout::Report,
            false,
        );
        assert_eq!(anchors(&p), ["U1", "P1", "P2", "P2(a)"]);
        assert_eq!(p.passages[3].section.as_deref(), Some("A. Norms"));
        assert_eq!(p.passages[1].part, Part::Report);
    }

    #[test]
    fn a_text_with_no_number_has_one_operative_paragraph() {
        let p = parse(
            "The General Assembly,\n\nRecalling its work,\n\nDecides to postpone the item.\n",
            1,
            Layout::Resolution,
            false,
        );
        assert_eq!(anchors(&p), ["PP1", "OP"]);
        assert_eq!(
            p.passages[1].anchor.citation("A/DEC/73/512"),
            "A/DEC/73/512"
        );
        assert_eq!(p.passages[1].part, Part::Operative);
    }

    #[test]
    fn an_empty_paragraph_is_an_error() {
        let p = parse("1.\n\n2. b.\n", 1, Layout::Resolution, false);
        assert!(p.errors[0].1.contains("no text"), "{:?}", p.errors);
    }
}
