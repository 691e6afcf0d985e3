//! The masthead of a draft (`A/C.1/80/L.46`, `A/80/L.41`, `…/Rev.1`; `Distr.: Limited`): session, committee, agenda item with its sub-item, the sponsors before `: draft resolution` or `: draft decision`, and the draft's own title, read in place of a resolution's masthead.

use super::lines::{Line, Shape};
use super::masthead::{self, Masthead, is_organ_line};
use super::text::{collapse_ws, join_lines};
use crate::corpus::{Kind, Layout};

/// What a draft's masthead says beyond a resolution's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Draft {
    /// `First Committee`; none for a plenary draft.
    pub committee: Option<String>,
    /// The sponsors as printed, one State (or submitter) a value.
    pub sponsors: Vec<String>,
    /// What to check, with the input line: a sponsor that is no State's
    /// name (the list may have been cut wrongly), a missing title.
    pub warnings: Vec<(usize, String)>,
}

/// How the sponsors' line ends: `…, Ukraine and United Kingdom …: draft resolution`.
const ENDINGS: [&str; 4] = [
    ": draft resolution",
    ": draft decision",
    ": revised draft resolution",
    ": revised draft decision",
];

/// How a draft submitted by an officer opens: `Draft resolution submitted
/// by the Chair`.
const SUBMITTED: [&str; 4] = [
    "Draft resolution submitted by ",
    "Draft decision submitted by ",
    "Revised draft resolution submitted by ",
    "Revised draft decision submitted by ",
];

/// How far into the text the sponsors may stand, in lines.
const MASTHEAD_LINES: usize = 200;

/// A run of text lines with no blank line, page break or furniture between.
struct Run {
    /// Indexes into the lines, first and last.
    first: usize,
    last: usize,
    text: String,
}

/// The masthead's runs of text lines, up to the organ line.
fn runs(lines: &[Line]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut open = false;
    for (i, line) in lines.iter().enumerate().take(MASTHEAD_LINES) {
        if !line.is_body_text() {
            // Furniture or a footnote area is no part of the masthead, nor a gap in it.
            open = open && line.shape == Shape::Text;
            continue;
        }
        if is_organ_line(&line.text) {
            break;
        }
        match out.last_mut() {
            Some(run) if open => {
                run.last = i;
                super::text::push_line(&mut run.text, &line.text);
            }
            _ => out.push(Run {
                first: i,
                last: i,
                text: line.text.trim().to_string(),
            }),
        }
        open = true;
    }
    out
}

/// Who submitted a draft, as printed.
#[derive(Debug, PartialEq, Eq)]
enum Submitted {
    /// States: `Canada, Germany and Netherlands (Kingdom of the)`.
    States(String),
    /// An officer: `the Chair of the Committee`.
    Officer(String),
}

/// Who submitted the draft, when `text` is the sponsors' run.
fn sponsors_of(text: &str) -> Option<Submitted> {
    let text = text.trim().trim_end_matches('*').trim();
    for ending in ENDINGS {
        if let Some(head) = text.len().checked_sub(ending.len()).and_then(|at| {
            text.get(at..)
                .filter(|tail| tail.eq_ignore_ascii_case(ending))
                .and_then(|_| text.get(..at))
        }) {
            return Some(Submitted::States(head.trim().to_string()));
        }
    }
    SUBMITTED.iter().find_map(|opening| {
        text.strip_prefix(opening)
            .map(|by| Submitted::Officer(by.trim().trim_end_matches('.').to_string()))
    })
}

/// `First Committee`, `Special Political and Decolonization Committee
/// (Fourth Committee)`: the Main Committee line of a draft's masthead.
fn committee(text: &str) -> Option<String> {
    let t = text.trim();
    let words = t.split_whitespace().count();
    let ends = t.ends_with("Committee") || t.ends_with("Committee)");
    (ends && words <= 8 && t.chars().next().is_some_and(char::is_uppercase)).then(|| collapse_ws(t))
}

/// Whether the masthead says `Distr.: Limited`, the distribution of drafts.
fn limited(lines: &[Line]) -> bool {
    lines
        .iter()
        .take(MASTHEAD_LINES)
        .any(|l| l.shape == Shape::Text && collapse_ws(&l.text).contains("Distr.: Limited"))
}

/// Reads the masthead of a draft: `None` when the text is no draft (no
/// `/L.` symbol nor `Distr.: Limited`, or no sponsors' line before the
/// body). The body starts after the draft's title.
pub(crate) fn read(lines: &[Line], symbol: &str) -> Option<(Masthead, Draft)> {
    if Layout::guess(symbol) != Layout::Draft && !limited(lines) {
        return None;
    }
    let runs = runs(lines);
    let (at, submitted) = runs
        .iter()
        .enumerate()
        .find_map(|(k, run)| sponsors_of(&run.text).map(|s| (k, s)))?;
    let mut head = Masthead {
        kind: Kind::Draft,
        ..Masthead::default()
    };
    let mut draft = Draft::default();
    let mut in_agenda_title = false;
    for run in runs.get(..at).unwrap_or_default() {
        for line in lines.get(run.first..=run.last).unwrap_or_default() {
            if !line.is_body_text() {
                continue;
            }
            let t = line.text.trim();
            if let Some(s) = masthead::session(t) {
                head.session = Some(s);
            } else if let Some(a) = masthead::agenda_item(t) {
                head.agenda_item = Some(a);
                in_agenda_title = true;
            } else if let Some(c) = committee(t).filter(|_| !in_agenda_title) {
                draft.committee = Some(c);
            } else if !in_agenda_title && !masthead::is_known(t) {
                head.unplaced.push((line.no, t.to_string()));
            }
            // The agenda item's title, which is not the draft's, is left out.
        }
    }
    let sponsors_run = runs.get(at)?;
    let first_line = lines.get(sponsors_run.first).map_or(0, |l| l.no);
    let states = matches!(submitted, Submitted::States(_));
    draft.sponsors = match submitted {
        Submitted::States(printed) => super::sponsors::split(&printed),
        Submitted::Officer(officer) => vec![officer],
    };
    for s in draft.sponsors.iter().filter(|_| states) {
        if !super::sponsors::is_known_sponsor(s) {
            draft.warnings.push((
                first_line,
                format!("sponsor \"{s}\" is no State's name undex knows: check that the list was cut where the names end"),
            ));
        }
    }
    // The title is the run after the sponsors', unless the body follows at once.
    let title_run = runs.get(at + 1).filter(|run| {
        let opens_body = run.text.starts_with("The General Assembly")
            || super::labels::parse_label(&run.text).is_some();
        !opens_body && run.first > sponsors_run.last
    });
    match title_run {
        Some(run) => {
            let parts = lines
                .get(run.first..=run.last)
                .unwrap_or_default()
                .iter()
                .filter(|l| l.is_body_text())
                .map(|l| l.text.as_str());
            head.title = Some(join_lines(parts));
            head.body_start = run.last + 1;
        }
        None => {
            draft
                .warnings
                .push((first_line, "no title found after the sponsors' line".into()));
            head.body_start = sponsors_run.last + 1;
        }
    }
    Some((head, draft))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split_lines;
    use crate::import::masthead::NumberOrText;

    fn read_raw(raw: &str, symbol: &str) -> Option<(Masthead, Draft)> {
        let mut lines = split_lines(raw);
        crate::import::furniture::mark_hard(&mut lines, symbol);
        read(&lines, symbol)
    }

    #[test]
    fn a_committee_draft_masthead() {
        let raw = "United Nations\nA/C.1/99/L.7\n\nGeneral Assembly\nDistr.: Limited\n3 October 2044\n\nNinety-ninth session\nFirst Committee\nAgenda item 98 (kk)\nGeneral and complete disarmament: quiet\nlamps\n\nAndorra, Bosnia and\nHerzegovina and Japan: draft resolution\n\nQuiet lamps in\nthe night\n\nThe General Assembly,\n\n1. Decides.\n";
        let (head, draft) = read_raw(raw, "A/C.1/99/L.7").expect("a draft");
        assert_eq!(head.kind, Kind::Draft);
        assert_eq!(head.title.as_deref(), Some("Quiet lamps in the night"));
        assert_eq!(head.session, Some(NumberOrText::Number(99)));
        assert_eq!(head.agenda_item, Some(NumberOrText::Text("98 (kk)".into())));
        assert_eq!(draft.committee.as_deref(), Some("First Committee"));
        assert_eq!(
            draft.sponsors,
            ["Andorra", "Bosnia and Herzegovina", "Japan"]
        );
        assert!(head.unplaced.is_empty(), "{:?}", head.unplaced);
        assert!(draft.warnings.is_empty(), "{:?}", draft.warnings);
        assert_eq!(head.body_start, 18, "the index of the line after the title");
    }

    #[test]
    fn a_draft_by_an_officer_and_one_without_a_title() {
        let raw = "United Nations\nA/99/L.3\n\nDistr.: Limited\n\nNinety-ninth session\nAgenda item 7\nLamps\n\nDraft resolution submitted by the President of\nthe General Assembly\n\nQuiet lamps\n\nThe General Assembly,\n\n1. Decides.\n";
        let (head, draft) = read_raw(raw, "A/99/L.3").expect("a draft");
        assert_eq!(draft.sponsors, ["the President of the General Assembly"]);
        assert!(draft.warnings.is_empty(), "{:?}", draft.warnings);
        assert_eq!(head.title.as_deref(), Some("Quiet lamps"));
        assert!(draft.committee.is_none());
        let raw = "United Nations\nA/99/L.4\n\nDistr.: Limited\n\nChile: draft decision\n\nThe General Assembly, decides to meet.\n";
        let (head, draft) = read_raw(raw, "A/99/L.4").expect("a draft");
        assert_eq!(head.title, None);
        assert_eq!(
            draft.warnings,
            [(6, "no title found after the sponsors' line".to_string())]
        );
        assert_eq!(head.body_start, 6, "the body follows the sponsors' line");
    }

    #[test]
    fn a_resolution_is_no_draft() {
        let raw = "United Nations\nA/RES/99/7\n\nDistr.: General\n\n99/7. Quiet lamps\n\nThe General Assembly,\n\n1. Decides.\n";
        assert!(read_raw(raw, "A/RES/99/7").is_none());
        // A limited document without sponsors is no draft either.
        let raw = "United Nations\nA/C.1/99/L.1\n\nDistr.: Limited\n\nProgramme of work\n\n1. The Committee meets.\n";
        assert!(read_raw(raw, "A/C.1/99/L.1").is_none());
    }

    #[test]
    fn sponsors_line_endings() {
        let states = |s: &str| Some(Submitted::States(s.into()));
        assert_eq!(
            sponsors_of("Chile and Peru: revised draft resolution"),
            states("Chile and Peru")
        );
        assert_eq!(sponsors_of("Chile: Draft decision"), states("Chile"));
        assert_eq!(
            sponsors_of("Draft resolution submitted by the Chair of the Committee."),
            Some(Submitted::Officer("the Chair of the Committee".into()))
        );
        assert_eq!(sponsors_of("Quiet lamps"), None);
        assert_eq!(
            committee("First Committee").as_deref(),
            Some("First Committee")
        );
        assert_eq!(
            committee("Special Political and Decolonization Committee (Fourth Committee)")
                .as_deref(),
            Some("Special Political and Decolonization Committee (Fourth Committee)")
        );
        assert_eq!(committee("the General Committee decided to meet."), None);
    }
}
