//! Page furniture: the document symbol, running headers, job numbers, barcodes, page markers and a report's table of contents.

use std::collections::{BTreeMap, BTreeSet};

use super::lines::{Line, Role, Shape};
use super::text::words;

/// A UN document symbol as printed (`A/RES/73/27`, `A/75/816`, `A/RES/75/282*`),
/// without the reissue asterisk.
pub(crate) fn as_symbol(token: &str) -> Option<String> {
    let core = token.trim_end_matches('*');
    let mut chars = core.chars();
    let starts_upper = chars.next().is_some_and(|c| c.is_ascii_uppercase());
    let has_slash = core.contains('/');
    let has_digit = core.chars().any(|c| c.is_ascii_digit());
    let allowed = core
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-' | '_' | '(' | ')'));
    let well_formed = !core.ends_with('/') && !core.contains("//") && !core.contains("..");
    (starts_upper && has_slash && has_digit && allowed && well_formed).then(|| core.to_string())
}

/// The document's symbol: the first symbol standing in the masthead (the
/// first twenty text lines). It is never taken from a file name.
pub(crate) fn find_symbol(lines: &[Line]) -> Option<(usize, String)> {
    lines
        .iter()
        .filter(|l| l.shape == Shape::Text)
        .take(20)
        .find_map(|l| {
            l.text
                .split_whitespace()
                .find_map(as_symbol)
                .map(|s| (l.no, s))
        })
}

/// What one whitespace-separated piece of a furniture line is.
#[derive(Debug, PartialEq, Eq)]
enum Piece {
    /// The symbol, a job number, a page marker or a barcode: proof of furniture.
    Hard,
    /// `(E)` or the six-digit print date: furniture only beside a hard piece.
    Neutral,
    Other,
}

fn piece(token: &str, symbol: &str) -> Piece {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if token.trim_end_matches('*') == symbol {
        return Piece::Hard;
    }
    // Job number: 18-22650.
    if let Some((a, b)) = token.split_once('-')
        && a.len() == 2
        && b.len() == 5
        && digits(a)
        && digits(b)
    {
        return Piece::Hard;
    }
    // Page marker: 2/5.
    if let Some((a, b)) = token.split_once('/')
        && digits(a)
        && digits(b)
        && a.len() <= 3
        && b.len() <= 3
        && let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>())
        && 1 <= x
        && x <= y
    {
        return Piece::Hard;
    }
    // Barcode: *1822650*.
    if token.len() >= 9
        && token.starts_with('*')
        && token.ends_with('*')
        && digits(token.trim_matches('*'))
    {
        return Piece::Hard;
    }
    let paren_letter = token.len() == 3
        && token.starts_with('(')
        && token.ends_with(')')
        && token.chars().nth(1).is_some_and(|c| c.is_ascii_uppercase());
    if paren_letter || (token.len() == 6 && digits(token)) {
        return Piece::Neutral;
    }
    Piece::Other
}

/// True when a line is made only of furniture pieces (at least one hard).
pub(crate) fn is_hard_furniture(text: &str, symbol: &str) -> bool {
    let pieces: Vec<Piece> = text.split_whitespace().map(|t| piece(t, symbol)).collect();
    pieces.contains(&Piece::Hard) && !pieces.contains(&Piece::Other)
}

/// Marks job numbers, barcodes, page markers and symbol lines as furniture.
pub(crate) fn mark_hard(lines: &mut [Line], symbol: &str) {
    for line in lines.iter_mut() {
        if line.shape == Shape::Text && is_hard_furniture(&line.text, symbol) {
            line.role = Role::Furniture;
        }
    }
}

/// Marks the running title of page headers as furniture.
///
/// A header's title lines stand in the same group of lines (between blank
/// lines or page breaks) as a furniture line, next to it or to another title
/// line. They count as title when all their words are words of the document
/// title, or when the same line heads at least two pages (a short title that
/// differs from the masthead's).
pub(crate) fn mark_running_titles(lines: &mut [Line], title: &str, symbol: &str) {
    let title_words: BTreeSet<String> = words(title).into_iter().collect();
    for line in lines.iter_mut() {
        if line.role == Role::Body
            && line.shape == Shape::Text
            && is_header_in_columns(&line.text, symbol, &title_words)
        {
            line.role = Role::Furniture;
        }
    }
    let groups = groups(lines);
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut candidates: Vec<usize> = Vec::new();
    for group in &groups {
        if !group
            .iter()
            .any(|&i| lines.get(i).is_some_and(|l| l.role == Role::Furniture))
        {
            continue;
        }
        // A title of four lines under the symbol puts its last line five
        // lines from the furniture.
        let near_furniture = |k: usize| {
            group
                .iter()
                .skip(k.saturating_sub(5))
                .take(11)
                .any(|&j| lines.get(j).is_some_and(|l| l.role == Role::Furniture))
        };
        for (k, &i) in group.iter().enumerate() {
            if let Some(l) = lines.get(i)
                && l.role == Role::Body
                && near_furniture(k)
                && looks_like_title(&l.text)
            {
                *seen.entry(l.text.clone()).or_default() += 1;
                candidates.push(i);
            }
        }
    }
    let is_title_words = |text: &str| {
        let w = words(text);
        !w.is_empty()
            && !title_words.is_empty()
            && w.iter().all(|w| title_words.contains(w))
            && looks_like_title(text)
    };
    let is_title = |text: &str| is_title_words(text) || seen.get(text).is_some_and(|n| *n >= 2);
    mark_page_heads(lines, &is_title_words);
    // Grow outwards from the furniture lines so that a body line between
    // them is never taken for a title.
    for group in &groups {
        let mut changed = true;
        while changed {
            changed = false;
            for (k, &i) in group.iter().enumerate() {
                let Some(line) = lines.get(i) else { continue };
                if line.role != Role::Body || !candidates.contains(&i) || !is_title(&line.text) {
                    continue;
                }
                let neighbour_is_furniture = |j: Option<&usize>| {
                    j.and_then(|&j| lines.get(j))
                        .is_some_and(|l| l.role == Role::Furniture)
                };
                let before = k.checked_sub(1).and_then(|p| group.get(p));
                if (neighbour_is_furniture(before) || neighbour_is_furniture(group.get(k + 1)))
                    && let Some(l) = lines.get_mut(i)
                {
                    l.role = Role::Furniture;
                    changed = true;
                }
            }
        }
    }
}

/// Marks the head of each page: after a page break, the groups of lines
/// made only of furniture and of lines in the words of the title, up to the
/// last that holds furniture (a running title may stand apart from the
/// symbol and page marker, in a group of its own, before them; a line of
/// title words after them is the page's first line of text).
fn mark_page_heads(lines: &mut [Line], is_title_words: &dyn Fn(&str) -> bool) {
    let mut i = 0;
    while i < lines.len() {
        let after_break = lines.get(i).is_some_and(|l| l.shape == Shape::PageBreak);
        i += 1;
        if !after_break {
            continue;
        }
        let mut head: Vec<Vec<usize>> = Vec::new();
        let mut group: Vec<usize> = Vec::new();
        while i <= lines.len() {
            let line = lines.get(i);
            let is_text = line.is_some_and(|l| l.shape == Shape::Text && l.role != Role::Footnote);
            let page_ends = line.is_none_or(|l| l.shape == Shape::PageBreak);
            if is_text {
                group.push(i);
                i += 1;
                continue;
            }
            if !group.is_empty() {
                let of_head = group.iter().all(|&j| {
                    lines.get(j).is_some_and(|l| {
                        l.role == Role::Furniture
                            || (l.role == Role::Body && is_title_words(&l.text))
                    })
                });
                if !of_head {
                    break;
                }
                head.push(std::mem::take(&mut group));
            }
            if page_ends {
                break;
            }
            i += 1;
        }
        let furniture = |g: &Vec<usize>| {
            g.iter()
                .any(|&j| lines.get(j).is_some_and(|l| l.role == Role::Furniture))
        };
        let Some(last) = head.iter().rposition(furniture) else {
            continue;
        };
        for &j in head.iter().take(last + 1).flatten() {
            if let Some(l) = lines.get_mut(j) {
                l.role = Role::Furniture;
            }
        }
    }
}

/// A header laid out in columns on one line, as `pdftotext -layout` prints
/// it: `A/RES/79/2      Developments in the field of …      2/5`. Columns are
/// split by runs of spaces; one must be furniture (symbol, job number, page
/// marker) and every other one furniture or words of the title.
fn is_header_in_columns(text: &str, symbol: &str, title_words: &BTreeSet<String>) -> bool {
    let columns: Vec<&str> = text
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if columns.len() < 2 || title_words.is_empty() {
        return false;
    }
    let mut furniture = false;
    for column in columns {
        if is_hard_furniture(column, symbol) {
            furniture = true;
        } else if !words(column).iter().all(|w| title_words.contains(w)) {
            return false;
        }
    }
    furniture
}

/// A running title is words, not a labelled paragraph or a clause's end.
fn looks_like_title(text: &str) -> bool {
    !text.starts_with(|c: char| c == '(' || c.is_ascii_digit())
        && !text.ends_with(['.', ',', ';', ':'])
}

/// Indices of text lines in groups separated by blank lines and page breaks.
fn groups(lines: &[Line]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.shape == Shape::Text && line.role != Role::Footnote {
            current.push(i);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// True for a table-of-contents entry: dot leaders and a page number.
fn is_contents_entry(text: &str) -> bool {
    let t = text
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    t.len() < text.len() && (t.ends_with("....") || t.ends_with(". . . ."))
}

/// Marks a report's table of contents (its heading, `Page`, the entries with
/// their wrapped first lines) so that it is not read as paragraphs.
pub(crate) fn mark_contents(lines: &mut [Line]) {
    for group in groups(lines) {
        let entries = group
            .iter()
            .filter(|&&i| lines.get(i).is_some_and(|l| is_contents_entry(&l.text)))
            .count();
        if entries == 0 {
            continue;
        }
        // A group is the contents when its last line is an entry: the lines
        // before it are an entry's wrapped start.
        let last_is_entry = group
            .last()
            .and_then(|&i| lines.get(i))
            .is_some_and(|l| is_contents_entry(&l.text));
        if !last_is_entry {
            continue;
        }
        for &i in &group {
            if let Some(l) = lines.get_mut(i) {
                l.role = Role::Contents;
            }
        }
    }
    // `Contents` and `Page` standing alone just before the entries.
    let mut i = 0;
    while i < lines.len() {
        let is_label = lines.get(i).is_some_and(|l| {
            l.role == Role::Body && matches!(l.text.as_str(), "Contents" | "Page" | "Contents Page")
        });
        if is_label {
            let next_text = lines
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .find(|l| l.shape == Shape::Text && l.role != Role::Furniture);
            if next_text.is_some_and(|l| {
                l.role == Role::Contents || matches!(l.text.as_str(), "Page" | "Contents")
            }) && let Some(l) = lines.get_mut(i)
            {
                l.role = Role::Contents;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split_lines;

    #[test]
    fn symbols() {
        assert_eq!(as_symbol("A/RES/75/282*").as_deref(), Some("A/RES/75/282"));
        assert_eq!(as_symbol("A/70/174").as_deref(), Some("A/70/174"));
        assert_eq!(as_symbol("2/5"), None);
        assert_eq!(as_symbol("Distr.:"), None);
    }

    #[test]
    fn furniture_lines() {
        let s = "A/RES/99/1";
        for line in [
            "A/RES/99/1",
            "17-01234 (E)    020117",
            "*1701234*",
            "2/5",
            "17-01234",
            "A/RES/99/1 3/5",
        ] {
            assert!(is_hard_furniture(line, s), "{line}");
        }
        for line in [
            "2 December 2008, 64/25 of",
            "(E)",
            "040119",
            "A/RES/99/2",
            "the year 2017-2018",
        ] {
            assert!(!is_hard_furniture(line, s), "{line}");
        }
    }

    #[test]
    fn a_header_in_columns_on_one_line() {
        let raw = "(b) The second matter, which goes on to \n\nA/RES/99/1      Quiet rules for …      2/3\n\nthe next page;\n";
        let mut lines = split_lines(raw);
        mark_hard(&mut lines, "A/RES/99/1");
        mark_running_titles(&mut lines, "Quiet rules for lamps", "A/RES/99/1");
        let body: Vec<&str> = lines
            .iter()
            .filter(|l| l.is_body_text())
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(
            body,
            ["(b) The second matter, which goes on to", "the next page;"]
        );
        let title: BTreeSet<String> = words("Quiet rules for lamps").into_iter().collect();
        assert!(!is_header_in_columns(
            "A/RES/99/1  recalls other rules",
            "A/RES/99/1",
            &title
        ));
        assert!(!is_header_in_columns(
            "Quiet rules for lamps",
            "A/RES/99/1",
            &title
        ));
    }

    /// The body text left of `raw` once the running titles of "Quiet rules
    /// for lamps" (A/RES/99/1) are marked.
    fn body_after_running_titles(raw: &str) -> Vec<String> {
        let mut lines = split_lines(raw);
        mark_hard(&mut lines, "A/RES/99/1");
        mark_running_titles(&mut lines, "Quiet rules for lamps", "A/RES/99/1");
        lines
            .iter()
            .filter(|l| l.is_body_text())
            .map(|l| l.text.clone())
            .collect()
    }

    #[test]
    fn a_running_title_apart_before_the_furniture_is_furniture_a_line_after_it_is_text() {
        let raw = "x \n\nQuiet rules for \nlamps \n \nA/RES/99/1 \n2/3 \n \nquiet rules for lamps \n\nQuiet rules \n \nA/RES/99/1\n";
        assert_eq!(
            body_after_running_titles(raw),
            ["x", "quiet rules for lamps"]
        );
    }

    #[test]
    fn running_title_grows_only_from_furniture() {
        let raw = "x \n \nA/RES/99/1 \nQuiet rules \nfor lamps\n \n2/3\n \nQuiet rules matter,\n";
        assert_eq!(body_after_running_titles(raw), ["x", "Quiet rules matter,"]);
    }
}
