//! What only reports print: a table of contents whose entries wrap and stand apart, signature blocks, and a list of members laid out as table rows.

use super::lines::{Line, Role, Shape};
use super::text::{collapse_ws, push_line};

/// A table-of-contents entry: dot leaders, then (usually) its page number.
fn is_entry(text: &str) -> bool {
    let t = text
        .trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .trim_end();
    t.ends_with("....") || t.ends_with(". . . .")
}

/// How many lines that are no entry may stand between two entries of one
/// table: the wrapped start of an entry (`III.`, `Norms, rules and …`),
/// `Annex` above its title, `Page`.
const MAX_GAP: usize = 4;

/// Marks a report's table of contents as such: from its `Contents` line to
/// its last entry, every line between, so that an entry's numeral, the
/// wrapped start of its title or an `Annex` standing above it (each in a
/// group of its own in extracted text) is never read as the report's text.
/// The table ends at the first run of more than a few lines without an entry.
pub(crate) fn mark_contents(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        let opens = lines.get(i).is_some_and(|l| {
            l.shape == Shape::Text
                && l.role != Role::Furniture
                && l.role != Role::Footnote
                && matches!(
                    l.text.as_str(),
                    "Contents" | "CONTENTS" | "Contents Page" | "Table of contents"
                )
        });
        if !opens {
            i += 1;
            continue;
        }
        let mut last_entry = None;
        let mut gap = 0;
        for (j, line) in lines.iter().enumerate().skip(i + 1) {
            if line.shape != Shape::Text || line.role == Role::Furniture {
                continue;
            }
            if line.role == Role::Footnote {
                continue;
            }
            if is_entry(&line.text) {
                last_entry = Some(j);
                gap = 0;
            } else {
                gap += 1;
                if gap > MAX_GAP {
                    break;
                }
            }
        }
        let Some(end) = last_entry else {
            i += 1;
            continue;
        };
        for line in lines.get_mut(i..=end).unwrap_or_default() {
            if line.shape == Shape::Text && matches!(line.role, Role::Body | Role::Contents) {
                line.role = Role::Contents;
            }
        }
        i = end + 1;
    }
}

/// `Report of the Group of Governmental Experts on …` (the report's own
/// title above its text) and `Letter dated 26 June 2015 from the Chair …
/// addressed to the Secretary-General`: headings however long they are.
pub(crate) fn is_long_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (text.starts_with("Report of the ") || text.starts_with("Letter dated "))
        && words <= 40
        && !text.ends_with(['.', ';', ':', ','])
}

/// `(Signed) Name`: the signature under a letter or a foreword, which is
/// no paragraph of the report.
pub(crate) fn is_signature(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("(Signed)") || t.starts_with("(signed)")
}

/// `Chair of the Group`, `Secretary-General`: a signer's function, a short
/// line that names an office.
pub(crate) fn is_function(text: &str) -> bool {
    const OFFICES: [&str; 12] = [
        "Chair",
        "Chairman",
        "Chairperson",
        "Chairs",
        "Vice-Chair",
        "Secretary-General",
        "President",
        "Rapporteur",
        "Coordinator",
        "Director",
        "Representative",
        "Minister",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= 15
        && !text.ends_with(['.', ';', ':'])
        && words
            .iter()
            .any(|w| OFFICES.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')))
}

/// `26 June 2015` standing alone: the date of a letter of transmittal, no
/// paragraph of the report (as the corpus parser reads it: day, capitalised
/// month, year).
pub(crate) fn is_letter_date(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let capital_month = words.nth(1).is_some_and(|m| {
        let mut c = m.chars();
        c.next().is_some_and(|c| c.is_ascii_uppercase()) && c.all(|c| c.is_ascii_lowercase())
    });
    capital_month && !text.ends_with(',') && super::text::parse_date(text).is_some()
}

/// When the masthead prints the kind of report (`Note by the
/// Secretary-General`) above the report's own title, where the masthead
/// reader took the first block after the agenda item as the title: the
/// title that follows, and the index of the line after it, where the body
/// starts.
pub(crate) fn title_after_kind(
    kind_line: &str,
    lines: &[Line],
    body_start: usize,
) -> Option<(String, usize)> {
    let kind = matches!(
        kind_line,
        "Note by the Secretary-General"
            | "Note by the Secretariat"
            | "Report of the Secretary-General"
    );
    if !kind {
        return None;
    }
    let block: Vec<&Line> = lines
        .get(body_start..)?
        .iter()
        .take_while(|l| l.shape == Shape::Text && l.role == Role::Body)
        .collect();
    let title = super::text::join_lines(block.iter().map(|l| l.text.as_str()));
    let words = title.split_whitespace().count();
    let is_title = (1..=40).contains(&words)
        && !title.ends_with(['.', ';', ':', ','])
        && !is_signature(&title);
    is_title.then(|| (clean_title(&title), body_start + block.len()))
}

/// A report's title as its masthead prints it, without the asterisk that
/// calls a note on it (`… 2021–2025*`).
pub(crate) fn clean_title(title: &str) -> String {
    title.trim_end_matches('*').trim_end().to_string()
}

/// Whether an annex with this title is a list of the members of a group,
/// printed as a table of rows: State, then each expert's name and title.
pub(crate) fn is_member_list(title: &str) -> bool {
    let t = title.to_lowercase();
    t.contains("list of members")
        || t.contains("list of experts")
        || t.contains("list of participants")
        || t.starts_with("members of the")
}

/// `Mr. …`, `Ms. …`, `Ambassador …`: the line that starts an expert's
/// entry in a list of members (a title such as `Ambassador, Director …`
/// continues the entry above it).
fn is_person(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if matches!(
        first,
        "Mr." | "Ms." | "Mrs." | "Miss" | "Mr" | "Ms" | "Mrs" | "Dr." | "H.E." | "Sir" | "Dame"
    ) {
        return true;
    }
    matches!(
        first,
        "Ambassador"
            | "Professor"
            | "Prof."
            | "Judge"
            | "Colonel"
            | "Lieutenant"
            | "Major"
            | "Captain"
            | "Commander"
            | "Brigadier"
            | "Admiral"
    ) && words.next().is_some()
}

/// `Country`, `Name and title`: the head of a list's columns, no row.
fn is_column_head(line: &str) -> bool {
    line.split_whitespace().all(|w| {
        matches!(
            w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
            "country"
                | "state"
                | "member"
                | "name"
                | "names"
                | "title"
                | "titles"
                | "and"
                | "position"
                | "expert"
                | "experts"
                | ""
        )
    })
}

/// One row of a list of members, as it is built.
#[derive(Default)]
struct Row {
    line: usize,
    country: String,
    people: Vec<String>,
    /// Lines of the current person so far (a title follows its name after a comma).
    person_lines: usize,
}

impl Row {
    fn new(line: usize) -> Row {
        Row {
            line,
            ..Row::default()
        }
    }

    fn add_person_line(&mut self, text: &str) {
        if is_person(text) || self.people.is_empty() {
            self.people.push(text.trim().to_string());
            self.person_lines = 1;
            return;
        }
        if let Some(last) = self.people.last_mut() {
            if self.person_lines == 1 && !last.ends_with([',', '-', '‐']) {
                last.push(',');
            }
            push_line(last, text);
            self.person_lines += 1;
        }
    }

    /// Whether the State's name is cut short (`United Kingdom of Great
    /// Britain and`, `Iran (Islamic Republic`).
    fn country_open(&self) -> bool {
        let c = self.country.trim_end();
        let last = c.rsplit(' ').next().unwrap_or_default();
        !c.is_empty()
            && (matches!(last, "and" | "of" | "the")
                || c.matches('(').count() > c.matches(')').count())
    }

    fn text(&self) -> String {
        let people = self.people.join("; ");
        let text = match (self.country.is_empty(), people.is_empty()) {
            (false, false) => format!("{} | {people}", self.country),
            (false, true) => self.country.clone(),
            _ => people,
        };
        collapse_ws(&text)
    }
}

/// The columns of a line laid out in columns (`Belarus      Mr. A. Novik`),
/// split at runs of two spaces or more: the State's part and the expert's.
fn columns(text: &str) -> Option<(&str, &str)> {
    let at = text.find("  ")?;
    let (left, right) = text.split_at(at);
    let (left, right) = (left.trim(), right.trim());
    (!left.is_empty() && !right.is_empty()).then_some((left, right))
}

/// The rows of a list of members, one passage a row: `State | Mr. Name,
/// title; Ms. Name, title`, each with the input line it starts on.
///
/// `groups` are the list's lines as extracted, in groups separated by blank
/// lines (each with whether a page break stands before it). A group that
/// starts with other words than an expert's (the State, which may wrap)
/// starts a row, as does a group that names no expert when the next one
/// starts with one (a State in a cell of its own); a group after a page
/// break that names no expert continues the title above it. Laid out in
/// columns (`pdftotext -layout`), the left column is the State.
pub(crate) fn member_rows(groups: &[(bool, Vec<(usize, String)>)]) -> Vec<(usize, String)> {
    let mut rows: Vec<Row> = Vec::new();
    for (k, (after_break, group)) in groups.iter().enumerate() {
        let Some((first_line, first)) = group.first() else {
            continue;
        };
        if group.iter().all(|(_, t)| is_column_head(t)) {
            continue;
        }
        let has_person = group
            .iter()
            .any(|(_, t)| is_person(t) || columns(t).is_some_and(|(_, right)| is_person(right)));
        let next_starts_person = groups
            .get(k + 1)
            .and_then(|(_, g)| g.first())
            .is_some_and(|(_, t)| is_person(t));
        let starts_row = if has_person {
            !is_person(first)
        } else {
            next_starts_person || !*after_break || rows.is_empty()
        };
        if starts_row {
            rows.push(Row::new(*first_line));
        }
        let mut in_country = starts_row;
        for (line, text) in group {
            if let Some((left, right)) = columns(text) {
                // Laid out in columns, the left one is the State's.
                if is_person(right) && rows.last().is_none_or(|r| !r.people.is_empty()) {
                    rows.push(Row::new(*line));
                }
                if let Some(row) = rows.last_mut() {
                    push_line(&mut row.country, left);
                    row.add_person_line(right);
                }
                in_country = false;
                continue;
            }
            // A State's name cut after `of` or `and` goes on, even below
            // its expert's lines in columns.
            if (in_country || rows.last().is_some_and(Row::country_open)) && !is_person(text) {
                if let Some(row) = rows.last_mut() {
                    push_line(&mut row.country, text);
                }
                continue;
            }
            in_country = false;
            if rows.is_empty() {
                rows.push(Row::new(*line));
            }
            if let Some(row) = rows.last_mut() {
                row.add_person_line(text);
            }
        }
    }
    rows.iter()
        .map(|r| (r.line, r.text()))
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split_lines;

    fn group(lines: &[&str]) -> Vec<(usize, String)> {
        lines
            .iter()
            .enumerate()
            .map(|(i, t)| (i + 1, t.to_string()))
            .collect()
    }

    #[test]
    fn rows_of_a_list_of_members_in_any_grouping() {
        let groups = vec![
            (false, group(&["Country", "Name and title"])),
            (
                false,
                group(&[
                    "Belarus",
                    "Mr. A. Novik",
                    "Head, Department of Coastal Safety, Ministry of",
                    "Foreign Affairs",
                ]),
            ),
            (false, group(&["Brazil"])),
            (
                false,
                group(&["Mr. R. Lima (Chair)", "Ambassador, Under-Secretary"]),
            ),
            (
                false,
                group(&[
                    "United Kingdom of Great Britain and",
                    "Northern Ireland",
                    "Ms. H. Oakes",
                    "Head of Signals",
                ]),
            ),
            (true, group(&["Policy, Foreign Office"])),
            (
                false,
                group(&[
                    "China",
                    "Ms. Li (first session)",
                    "Counsellor",
                    "Mr. Zhao (second session)",
                ]),
            ),
        ];
        let rows: Vec<String> = member_rows(&groups).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            rows,
            [
                "Belarus | Mr. A. Novik, Head, Department of Coastal Safety, Ministry of Foreign Affairs",
                "Brazil | Mr. R. Lima (Chair), Ambassador, Under-Secretary",
                "United Kingdom of Great Britain and Northern Ireland | Ms. H. Oakes, Head of Signals Policy, Foreign Office",
                "China | Ms. Li (first session), Counsellor; Mr. Zhao (second session)",
            ]
        );
    }

    #[test]
    fn rows_laid_out_in_columns() {
        let groups = vec![(
            false,
            group(&[
                "Belarus      Mr. A. Novik",
                "Head, Department of Coastal Safety",
                "Brazil       Mr. R. Lima",
                "Ambassador",
                "United Kingdom of      Ms. H. Oakes",
                "Great Britain and      Head of Signals Policy",
                "Northern Ireland",
            ]),
        )];
        let rows: Vec<String> = member_rows(&groups).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            rows,
            [
                "Belarus | Mr. A. Novik, Head, Department of Coastal Safety",
                "Brazil | Mr. R. Lima, Ambassador",
                "United Kingdom of Great Britain and Northern Ireland | Ms. H. Oakes, Head of Signals Policy"
            ]
        );
    }

    #[test]
    fn contents_with_entries_apart_end_at_the_text() {
        let raw = "Contents\nPage\n\nI.\nIntroduction . . . . . . 3\n\nAnnex\n\nList of members . . . . 9\n\nI. Introduction\n\n1. The Group met.\n";
        let mut lines = split_lines(raw);
        mark_contents(&mut lines);
        let body: Vec<&str> = lines
            .iter()
            .filter(|l| l.is_body_text())
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(body, ["I. Introduction", "1. The Group met."]);
    }

    #[test]
    fn signatures_and_titles() {
        assert!(is_signature("(Signed) Rui Lima"));
        assert!(is_letter_date("26 June 2015"));
        assert!(!is_letter_date("26 JUNE 2015"));
        assert!(!is_letter_date("26 June 2015,"));
        assert!(is_long_heading(
            "Letter dated 26 June 2015 from the Chair of the Group of Governmental Experts addressed to the Secretary-General"
        ));
        assert!(!is_long_heading("Report of the Group, which met twice."));
        assert!(is_function("Chair of the Group of Governmental Experts"));
        assert!(!is_function("Letter of transmittal"));
        assert!(!is_function("The Chair opened the session."));
        assert!(!is_signature("Signed by the Chair"));
        assert_eq!(
            clean_title("Report of the group 2021–2025*"),
            "Report of the group 2021–2025"
        );
        assert!(is_member_list(
            "List of members of the Group of Governmental Experts"
        ));
        assert!(!is_member_list("Chair's summary"));
        assert!(is_person("Ambassador R. Lima"));
        assert!(!is_person("Ambassador, Director"));
    }
}
