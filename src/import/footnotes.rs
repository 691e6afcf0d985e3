//! Footnote areas: the `____` rule at the foot of a page and the numbered notes under it, possibly continued on a later page.

use super::lines::{Line, Role, Shape};
use super::text::push_line;

/// One footnote as printed at the foot of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    /// `2`, or `*` for the masthead's asterisk notes.
    pub marker: String,
    /// The note's number, when it has one.
    pub number: Option<u32>,
    pub text: String,
    /// Input line where the note starts.
    pub line: usize,
    /// Which footnote area (counted from 0) the note starts in.
    pub area: usize,
}

/// The notes found, and the lines under a rule that could not be read as notes.
#[derive(Debug, Default)]
pub(crate) struct Footnotes {
    pub notes: Vec<Note>,
    /// The input line of each area's rule, by area.
    pub rules: Vec<usize>,
    pub warnings: Vec<(usize, String)>,
}

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The digit a superscript character stands for.
pub(crate) fn superscript_digit(c: char) -> Option<u32> {
    SUPERSCRIPTS
        .iter()
        .position(|s| *s == c)
        .and_then(|d| u32::try_from(d).ok())
}

fn is_rule(text: &str) -> bool {
    text.len() >= 5 && text.chars().all(|c| c == '_')
}

/// `2  A/68/98.`, `² A/68/98.`, `* Reissued …`, or a number alone: the
/// start of a note, as (marker, number, rest of the line).
fn entry_start(text: &str) -> Option<(String, Option<u32>, &str)> {
    let digits_end = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(text.len(), |(i, _)| i);
    if (1..=3).contains(&digits_end) {
        let (num, rest) = text.split_at(digits_end);
        let n: u32 = num.parse().ok()?;
        let glued_capital = rest.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        if n > 0 && (rest.is_empty() || rest.starts_with(' ') || glued_capital) {
            return Some((num.to_string(), Some(n), rest.trim()));
        }
        return None;
    }
    let sup_end = text
        .char_indices()
        .find(|(_, c)| superscript_digit(*c).is_none())
        .map_or(text.len(), |(i, _)| i);
    if sup_end > 0 {
        let (sup, rest) = text.split_at(sup_end);
        let n = sup
            .chars()
            .filter_map(superscript_digit)
            .fold(0u32, |acc, d| acc.saturating_mul(10).saturating_add(d));
        return Some((n.to_string(), Some(n), rest.trim()));
    }
    let stars = text.chars().take_while(|c| *c == '*').count();
    if (1..=3).contains(&stars) {
        let (star, rest) = text.split_at(stars);
        if rest.starts_with(' ') && !rest.trim().is_empty() {
            return Some((star.to_string(), None, rest.trim()));
        }
    }
    None
}

/// Takes the footnote areas out of the text: marks their lines, numbers the
/// segments of text between them, and returns the notes.
///
/// An area runs from its rule to the page break or the next page furniture.
/// Its first line may continue the last note of an earlier page. A new note
/// starts with its number, which must follow the last one (or, after a blank
/// line, be any higher number); after a blank line, a line that starts no
/// note ends the area (the body resumes, as in pasted text without page
/// breaks).
pub(crate) fn extract(lines: &mut [Line]) -> Footnotes {
    let mut found = Footnotes::default();
    let mut areas = 0usize;
    let mut last_number = 0u32;
    let mut i = 0usize;
    while i < lines.len() {
        let starts_area = lines
            .get(i)
            .is_some_and(|l| l.is_body_text() && is_rule(&l.text));
        if !starts_area {
            i += 1;
            continue;
        }
        let area = areas;
        areas += 1;
        if let Some(l) = lines.get_mut(i) {
            l.role = Role::Footnote;
            found.rules.push(l.no);
        }
        let mut j = i + 1;
        let mut first = true;
        let mut after_blank = false;
        let mut current: Option<usize> = None;
        while let Some(line) = lines.get(j) {
            match line.shape {
                Shape::PageBreak => break,
                Shape::Blank => {
                    after_blank = true;
                    j += 1;
                    continue;
                }
                Shape::Text => {}
            }
            if line.role != Role::Body || is_rule(&line.text) {
                break;
            }
            let start = entry_start(&line.text).filter(|(_, n, _)| match n {
                Some(n) => *n == last_number + 1 || (*n > last_number && (after_blank || first)),
                None => true,
            });
            let no = line.no;
            if let Some((marker, number, rest)) = start {
                if let Some(n) = number {
                    last_number = n;
                }
                found.notes.push(Note {
                    marker,
                    number,
                    text: rest.to_string(),
                    line: no,
                    area,
                });
                current = found.notes.len().checked_sub(1);
            } else if first {
                // The rest of a note begun on an earlier page.
                match found.notes.last_mut() {
                    Some(note) => push_line(&mut note.text, &line.text),
                    None => found.warnings.push((
                        no,
                        "text under a footnote rule is not a numbered note".into(),
                    )),
                }
                current = found.notes.len().checked_sub(1);
            } else if after_blank || current.is_none() {
                break;
            } else if let Some(note) = current.and_then(|c| found.notes.get_mut(c)) {
                push_line(&mut note.text, &line.text);
            }
            let claimed = current.is_some();
            if let Some(l) = lines.get_mut(j)
                && claimed
            {
                l.role = Role::Footnote;
            }
            first = false;
            after_blank = false;
            j += 1;
        }
        i = j;
    }
    let mut segment = 0usize;
    for line in lines.iter_mut() {
        line.segment = segment;
        if line.role == Role::Footnote && is_rule(&line.text) {
            segment += 1;
        }
    }
    for note in &mut found.notes {
        note.text = super::text::collapse_ws(&note.text);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split_lines;

    #[test]
    fn notes_continue_across_pages_and_the_body_resumes() {
        let raw = "Text 20171 goes \n__________________ \n \n1  First note \nwraps here. \n \n2  Second \n\nHeader \n__________\ncontinued. \n \nBody again, \n";
        let mut lines = split_lines(raw);
        let found = extract(&mut lines);
        let got: Vec<(&str, &str, usize, usize)> = found
            .notes
            .iter()
            .map(|n| (n.marker.as_str(), n.text.as_str(), n.line, n.area))
            .collect();
        assert_eq!(
            got,
            [
                ("1", "First note wraps here.", 4, 0),
                ("2", "Second continued.", 7, 0)
            ]
        );
        let body: Vec<(&str, usize)> = lines
            .iter()
            .filter(|l| l.is_body_text())
            .map(|l| (l.text.as_str(), l.segment))
            .collect();
        assert_eq!(
            body,
            [("Text 20171 goes", 0), ("Header", 1), ("Body again,", 2)]
        );
    }

    #[test]
    fn entry_forms() {
        assert_eq!(
            entry_start("2  A/68/98."),
            Some(("2".into(), Some(2), "A/68/98."))
        );
        assert_eq!(
            entry_start("³ A/68/98."),
            Some(("3".into(), Some(3), "A/68/98."))
        );
        assert_eq!(
            entry_start("* Reissued."),
            Some(("*".into(), None, "Reissued."))
        );
        assert_eq!(entry_start("12"), Some(("12".into(), Some(12), "")));
        assert_eq!(entry_start("2013 report"), None);
        assert_eq!(entry_start("53/70 of"), None);
    }
}
