//! The masthead of page 1: symbol, session, agenda item, adoption, committee report and title, up to where the body starts.

use super::lines::{Line, Shape};
use super::text::{Date, join_lines, ordinal_word, parse_date};
use crate::corpus::Kind;

/// A front matter value that is a number when the text allows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NumberOrText {
    Number(u32),
    Text(String),
}

/// What the masthead says.
#[derive(Debug, Clone, Default)]
pub(crate) struct Masthead {
    pub title: Option<String>,
    pub kind: Kind,
    pub session: Option<NumberOrText>,
    pub agenda_item: Option<NumberOrText>,
    pub adopted: Option<Date>,
    pub report: Option<String>,
    /// Index (into the lines) of the first body line.
    pub body_start: usize,
    /// The organ line the body opens with (`The General Assembly,`), if any.
    pub organ: Option<String>,
    /// Lines of the masthead that were not understood.
    pub unplaced: Vec<(usize, String)>,
}

/// `The General Assembly,` and the like: the organ line that opens a resolution.
pub(crate) fn is_organ_line(text: &str) -> bool {
    let t = text.trim().trim_end_matches([',', ':']).trim();
    matches!(
        t,
        "The General Assembly"
            | "The Security Council"
            | "The Economic and Social Council"
            | "The Human Rights Council"
    )
}

/// `73/27. Title` (a resolution or decision number and its title): the title.
fn numbered_title(text: &str) -> Option<&str> {
    let (number, rest) = text.split_once(". ")?;
    let (session, serial) = number.split_once('/')?;
    let digits = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    (digits(session) && digits(serial)).then_some(rest.trim())
}

/// Whether a title goes on past a blank line: a title printed in two parts,
/// the first ending with `;` (`United Nations Convention against Cybercrime;`
/// then its subtitle).
fn title_goes_on(parts: &[&str]) -> bool {
    parts.last().is_some_and(|l| l.trim_end().ends_with(';'))
}

/// The title as a first guess, before furniture is known, to recognise
/// running headers: the `73/27. …` line and the lines that follow it.
pub(crate) fn prescan_title(lines: &[Line]) -> Option<String> {
    let start = lines
        .iter()
        .take(120)
        .position(|l| l.shape == Shape::Text && numbered_title(&l.text).is_some())?;
    let mut parts: Vec<&str> = Vec::new();
    let mut gap = false;
    for line in lines.get(start..)?.iter() {
        if line.shape != Shape::Text {
            gap = true;
            continue;
        }
        if is_organ_line(&line.text) || (gap && !title_goes_on(&parts)) {
            break;
        }
        gap = false;
        parts.push(numbered_title(&line.text).unwrap_or(&line.text));
    }
    Some(join_lines(parts))
}

pub(crate) fn session(text: &str) -> Option<NumberOrText> {
    let name = text.strip_suffix(" session")?.trim();
    Some(match ordinal_word(name) {
        Some(n) => NumberOrText::Number(n),
        None => NumberOrText::Text(name.to_string()),
    })
}

pub(crate) fn agenda_item(text: &str) -> Option<NumberOrText> {
    let text = text.trim_end_matches('*').trim();
    let item = if let Some(rest) = text
        .strip_prefix("Agenda items ")
        .or_else(|| text.strip_prefix("Agenda item "))
    {
        rest.trim()
    } else {
        let rest = text
            .strip_prefix("Items ")
            .or_else(|| text.strip_prefix("Item "))?;
        let (item, _) = rest.split_once(" of the ")?;
        item.trim()
    };
    if item.is_empty() {
        return None;
    }
    Some(match item.parse() {
        Ok(n) => NumberOrText::Number(n),
        Err(_) => NumberOrText::Text(item.to_string()),
    })
}

/// The committee report in `[on the report of the First Committee (A/73/505)]`.
fn committee_report(text: &str) -> Option<String> {
    if !text.starts_with("[on the report") {
        return None;
    }
    let open = text.rfind('(')?;
    let inside = text.get(open + 1..)?;
    let close = inside.find(')')?;
    let symbol = inside.get(..close)?.trim();
    // `(A/80/534, para. 7)`: the report's symbol, then the paragraph of it
    // that carried the draft.
    let first = symbol
        .split_whitespace()
        .next()?
        .trim_end_matches([',', ';']);
    super::furniture::as_symbol(first)
}

#[derive(PartialEq)]
enum State {
    Start,
    AgendaTitle,
    ExpectDate,
    Bracket,
    Title,
}

/// Reads the masthead from the lines that are neither furniture nor footnotes.
pub(crate) fn parse(lines: &[Line], symbol: &str) -> Masthead {
    let mut m = Masthead {
        title: None,
        kind: if symbol.contains("/RES/") {
            Kind::Resolution
        } else if symbol.contains("/DEC/") {
            Kind::Decision
        } else {
            Kind::Report
        },
        session: None,
        agenda_item: None,
        adopted: None,
        report: None,
        body_start: lines.len(),
        organ: None,
        unplaced: Vec::new(),
    };
    let mut adopted_seen = false;
    let mut state = State::Start;
    let mut gap = false;
    let mut bracket = String::new();
    let mut title: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.shape != Shape::Text {
            gap = true;
            continue;
        }
        if !line.is_body_text() {
            continue;
        }
        let t = line.text.as_str();
        if is_organ_line(t) {
            m.body_start = i + 1;
            m.organ = Some(format!("{},", t.trim().trim_end_matches([',', ':']).trim()));
            break;
        }
        if state == State::Bracket {
            super::text::push_line(&mut bracket, t);
            if t.contains(']') {
                m.report = committee_report(&bracket);
                state = State::Start;
            }
            gap = false;
            continue;
        }
        if state == State::ExpectDate
            && let Some(date) = t.strip_prefix("on ").and_then(parse_date)
        {
            m.adopted = Some(date);
            state = State::Start;
            gap = false;
            continue;
        }
        if state == State::Title && (!gap || title_goes_on(&title)) {
            title.push(t);
            gap = false;
            continue;
        }
        if state == State::Title {
            m.body_start = i;
            break;
        }
        // An agenda item's title may wrap, and in clean text stand apart; a
        // report's title follows its agenda item, so there only the lines
        // right under the item belong to it.
        if state == State::AgendaTitle && (!gap || m.kind != Kind::Report) && !is_known(t) {
            continue;
        }
        gap = false;
        if m.kind == Kind::Report
            && !adopted_seen
            && title.is_empty()
            && m.session.is_some()
            && !is_known(t)
        {
            // A report's title is the first block after its agenda item.
            title.push(t);
            state = State::Title;
            continue;
        }
        state = State::Start;
        if let Some(rest) = t
            .strip_prefix("Resolution adopted by")
            .or_else(|| t.strip_prefix("Decision adopted by"))
        {
            adopted_seen = true;
            m.kind = if t.starts_with("Decision") {
                Kind::Decision
            } else {
                Kind::Resolution
            };
            match rest.split_once(" on ") {
                Some((_, date)) => m.adopted = parse_date(date),
                None => state = State::ExpectDate,
            }
        } else if t.starts_with('[') {
            bracket = t.to_string();
            if t.contains(']') {
                m.report = committee_report(&bracket);
            } else {
                state = State::Bracket;
            }
        } else if let Some(rest) = numbered_title(t) {
            title.push(rest);
            state = State::Title;
        } else if let Some(s) = session(t) {
            m.session = Some(s);
        } else if let Some(a) = agenda_item(t) {
            m.agenda_item = Some(a);
            state = State::AgendaTitle;
        } else if !is_known(t) {
            m.unplaced.push((line.no, t.to_string()));
        }
    }
    if !adopted_seen && m.kind == Kind::Report && title.is_empty() {
        m.unplaced
            .push((0, "no title found in the masthead".into()));
    }
    if !title.is_empty() {
        m.title = Some(join_lines(title));
    }
    if m.body_start >= lines.len() {
        // No organ line and no title: everything unplaced is body.
        if let Some((no, _)) = m.unplaced.first() {
            let no = *no;
            m.body_start = lines.iter().position(|l| l.no == no).unwrap_or(lines.len());
            m.unplaced.clear();
        }
    }
    m
}

/// Masthead lines that carry nothing the corpus keeps.
pub(crate) fn is_known(t: &str) -> bool {
    matches!(
        t,
        "United Nations" | "General Assembly" | "Security Council" | "Economic and Social Council"
    ) || t.starts_with("United Nations ")
        || t.contains("Distr.:")
        || t.starts_with("Distr.")
        || t.starts_with("Original:")
        || parse_date(t).is_some()
        || session(t).is_some()
        || agenda_item(t).is_some()
        || t.starts_with("Resolution adopted by")
        || t.starts_with("Decision adopted by")
        || t.starts_with('[')
        || numbered_title(t).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split_lines;

    #[test]
    fn agenda_and_session() {
        assert_eq!(
            agenda_item("Agenda item 96"),
            Some(NumberOrText::Number(96))
        );
        assert_eq!(
            agenda_item("Item 93 of the provisional agenda*"),
            Some(NumberOrText::Number(93))
        );
        assert_eq!(
            agenda_item("Agenda items 96 and 98"),
            Some(NumberOrText::Text("96 and 98".into()))
        );
        assert_eq!(
            session("Seventy-third session"),
            Some(NumberOrText::Number(73))
        );
        assert_eq!(
            committee_report("[on the report of the First Committee (A/73/505)]").as_deref(),
            Some("A/73/505")
        );
        assert_eq!(
            committee_report("[without reference to a Main Committee (A/73/L.1)]"),
            None
        );
    }

    #[test]
    fn wrapped_masthead() {
        let raw = "United Nations\nA/RES/99/1\n\nSeventy-first session\nAgenda item 12\nQuiet lamps\n\nResolution adopted by the General Assembly\non 3 March 2017\n\n[on the report of the Fourth\nCommittee (A/99/500)]\n\n 99/1. Quiet rules\nfor lamps\n\nThe General Assembly,\n\nNoting,\n";
        let mut lines = split_lines(raw);
        crate::import::furniture::mark_hard(&mut lines, "A/RES/99/1");
        let m = parse(&lines, "A/RES/99/1");
        assert_eq!(m.title.as_deref(), Some("Quiet rules for lamps"));
        assert_eq!(m.session, Some(NumberOrText::Number(71)));
        assert_eq!(m.agenda_item, Some(NumberOrText::Number(12)));
        assert_eq!(
            m.adopted.map(|d| d.to_string()).as_deref(),
            Some("2017-03-03")
        );
        assert_eq!(m.report.as_deref(), Some("A/99/500"));
        assert_eq!(m.organ.as_deref(), Some("The General Assembly,"));
        assert_eq!(lines.get(m.body_start).map(|l| l.no), Some(18));
        assert!(m.unplaced.is_empty(), "{:?}", m.unplaced);
    }

    #[test]
    fn the_committee_report_is_read_with_or_without_its_paragraph() {
        for (bracket, want) in [
            (
                "[on the report of the First Committee (A/73/505)]",
                Some("A/73/505"),
            ),
            (
                "[on the report of the First Committee (A/80/534, para. 7)]",
                Some("A/80/534"),
            ),
            (
                "[on the report of the Third Committee (A/79/460, paras. 15 and 16)]",
                Some("A/79/460"),
            ),
            ("[without reference to a Main Committee (A/73/L.9)]", None),
        ] {
            assert_eq!(committee_report(bracket).as_deref(), want, "{bracket}");
        }
    }

    #[test]
    fn a_title_that_breaks_off_after_a_semicolon_goes_on() {
        let raw = "United Nations\nA/RES/99/2\n\n 99/2. Convention on lamps;\n\n\n Keeping the Lights\nof the Coast\n\n\nThe General Assembly,\n\nNoting,\n";
        let mut lines = split_lines(raw);
        crate::import::furniture::mark_hard(&mut lines, "A/RES/99/2");
        let want = "Convention on lamps; Keeping the Lights of the Coast";
        assert_eq!(prescan_title(&lines).as_deref(), Some(want));
        let m = parse(&lines, "A/RES/99/2");
        assert_eq!(m.title.as_deref(), Some(want));
        assert_eq!(m.organ.as_deref(), Some("The General Assembly,"));
    }

    #[test]
    fn a_title_in_two_parts_goes_on_after_its_semicolon() {
        let raw = "United Nations\nA/RES/99/2\n\nResolution adopted by the General Assembly on 3 March 2017\n\n 99/2. Convention on Quiet Lamps;\n\n\n Keeping Lamps Dim\nat Night\n\nThe General Assembly,\n\nNoting,\n";
        let mut lines = split_lines(raw);
        crate::import::furniture::mark_hard(&mut lines, "A/RES/99/2");
        let m = parse(&lines, "A/RES/99/2");
        let whole = "Convention on Quiet Lamps; Keeping Lamps Dim at Night";
        assert_eq!(m.title.as_deref(), Some(whole));
        assert_eq!(prescan_title(&lines).as_deref(), Some(whole));
        assert_eq!(m.organ.as_deref(), Some("The General Assembly,"));
    }
}
