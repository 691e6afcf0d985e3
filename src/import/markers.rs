//! Footnote markers flattened into the text (`20132`, `Secretary-General,1`, `2013 2`, `basis 2  and`, `2013²`): found, checked against the notes, and written as `[^2]`.

use std::collections::BTreeMap;

use super::footnotes::superscript_digit;
use super::text::{is_year, month};

/// What is known about the notes while the paragraphs are read in order.
#[derive(Debug)]
pub(crate) struct Markers {
    /// Note number → footnote area it is printed in.
    areas: BTreeMap<u32, usize>,
    /// The lowest note number not yet cited: notes are first cited in order.
    next_new: u32,
    /// Notes cited at least once.
    pub cited: BTreeMap<u32, usize>,
}

/// How sure a marker is: strong forms can never be an ordinary number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    Strong,
    Weak,
}

/// A candidate marker: bytes `start..end` of the text become `[^n]`.
#[derive(Debug)]
struct Candidate {
    start: usize,
    end: usize,
    n: u32,
    strength: Strength,
}

const CLOSERS: [char; 7] = [',', ';', ':', ')', '”', '’', '"'];

impl Markers {
    /// Markers for notes numbered as keys, each printed in footnote area `area`.
    pub fn new(areas: BTreeMap<u32, usize>) -> Self {
        Markers {
            areas,
            next_new: 1,
            cited: BTreeMap::new(),
        }
    }

    /// Rewrites the markers in `text` as `[^n]`. `segment_at` tells for a
    /// byte offset which footnote area's page the text stands on.
    ///
    /// A note is cited first on the page where it is printed and in number
    /// order, so a new note is accepted only there and only as the next
    /// number; a note already cited may be cited again anywhere later, but
    /// only in a form that cannot be an ordinary number. This keeps
    /// `paragraph 1 above` and `of 5 July` intact.
    pub fn rewrite(&mut self, text: &str, segment_at: &dyn Fn(usize) -> usize) -> String {
        let tokens = tokens(text);
        let mut accepted: Vec<Candidate> = Vec::new();
        for (k, &(start, end)) in tokens.iter().enumerate() {
            let Some(token) = text.get(start..end) else {
                continue;
            };
            let prev = k
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .and_then(|&(s, e)| text.get(s..e).map(|t| (s, e, t)));
            let next = tokens
                .get(k + 1)
                .and_then(|&(s, e)| text.get(s..e).map(|t| (s, t)));
            let candidate = superscript(token, start)
                .or_else(|| glued(token, start))
                .or_else(|| apart(token, end, prev, next));
            let Some(c) = candidate else { continue };
            if self.accept(&c, segment_at(c.start)) {
                accepted.push(c);
            }
        }
        let mut out = String::with_capacity(text.len() + accepted.len() * 4);
        let mut at = 0usize;
        for c in accepted {
            out.push_str(text.get(at..c.start).unwrap_or_default());
            out.push_str(&format!("[^{}]", c.n));
            at = c.end;
        }
        out.push_str(text.get(at..).unwrap_or_default());
        out
    }

    fn accept(&mut self, c: &Candidate, segment: usize) -> bool {
        let Some(&area) = self.areas.get(&c.n) else {
            return false;
        };
        let accepted = if c.n >= self.next_new {
            let in_order = c.n == self.next_new || c.strength == Strength::Strong;
            in_order && area == segment
        } else {
            c.strength == Strength::Strong && segment >= area
        };
        if accepted {
            self.next_new = self.next_new.max(c.n + 1);
            *self.cited.entry(c.n).or_default() += 1;
        }
        accepted
    }
}

/// Byte spans of the whitespace-separated tokens.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn note_number(digits: &str) -> Option<u32> {
    let ok = (1..=3).contains(&digits.len()) && !digits.starts_with('0');
    ok.then(|| digits.parse().ok()).flatten()
}

/// `2013²`, `2010,¹`: a superscript is a marker whatever stands before it.
fn superscript(token: &str, offset: usize) -> Option<Candidate> {
    let body = token.trim_end_matches(CLOSERS);
    let digits: Vec<(usize, u32)> = body
        .char_indices()
        .rev()
        .map_while(|(i, c)| superscript_digit(c).map(|d| (i, d)))
        .collect();
    let &(first, _) = digits.last()?;
    let n = digits.iter().rev().fold(0u32, |acc, (_, d)| {
        acc.saturating_mul(10).saturating_add(*d)
    });
    Some(Candidate {
        start: offset + first,
        end: offset + body.len(),
        n,
        strength: Strength::Strong,
    })
}

/// A marker glued to the word before it: `20132` (a year and note 2),
/// `Secretary-General,1`, `report.2`, `reports3`.
fn glued(token: &str, offset: usize) -> Option<Candidate> {
    let body = token.trim_end_matches(CLOSERS);
    let digit_start = body
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i)?;
    let (prefix, digits) = body.split_at(digit_start);
    let at = |start: usize, n: u32| Candidate {
        start: offset + start,
        end: offset + body.len(),
        n,
        strength: Strength::Strong,
    };
    if prefix.is_empty() {
        // Five or six digits: a year with a note number after it.
        let year = digits.get(..4)?;
        let rest = digits.get(4..)?;
        if is_year(year) && (1..=2).contains(&rest.len()) {
            return note_number(rest).map(|n| at(4, n));
        }
        return None;
    }
    if prefix.contains('/') || prefix.contains('@') {
        return None;
    }
    let n = note_number(digits)?;
    let last = prefix.chars().last()?;
    let before_last = prefix.strip_suffix(last).unwrap_or_default();
    if last.is_alphabetic() {
        // A word does not end in digits, but `G20` or `CO2` do: ask for a
        // real word of three letters or more.
        let letters: Vec<char> = prefix
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        return (letters.len() >= 3 && letters.iter().any(|c| c.is_lowercase()))
            .then(|| at(digit_start, n));
    }
    if CLOSERS.contains(&last) || last == '.' {
        // `General,1`, `security”,2`, `2010,1` but not `1,000` or `No.5`.
        // `“Quorum matters”.6`: the word inside the quotation marks.
        let word: String = before_last
            .trim_end_matches(CLOSERS)
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after_word = word.chars().any(|c| c.is_alphabetic()) && !is_abbreviation(&word);
        // `1,000,2`: a group of thousands has three digits, a marker one or two.
        let after_year = (is_year(&word)
            || (last == ',' && word.len() >= 3 && word.chars().all(|c| c.is_ascii_digit())))
            && digits.len() <= 2;
        let after_closer = before_last.ends_with(CLOSERS) || before_last.ends_with('.');
        let ok = if last == '.' {
            (word.chars().filter(|c| c.is_alphabetic()).count() >= 3 && after_word) || after_year
        } else {
            after_word || after_year || after_closer
        };
        return ok.then(|| at(digit_start, n));
    }
    None
}

fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "No" | "Nos"
            | "no"
            | "para"
            | "paras"
            | "p"
            | "pp"
            | "art"
            | "arts"
            | "chap"
            | "sect"
            | "vol"
            | "Vol"
            | "Corr"
            | "Add"
            | "Rev"
            | "Suppl"
            | "Sect"
            | "Art"
    )
}

/// True when `text` ends with a number of one to three digits after a
/// word (`beacons 1`): at a line's end, a footnote marker set off as by
/// two spaces.
pub(crate) fn ends_with_lone_number(text: &str) -> bool {
    let mut words = text.rsplit(' ');
    let (Some(last), Some(before)) = (words.next(), words.next()) else {
        return false;
    };
    note_number(last).is_some() && before.chars().last().is_some_and(char::is_alphabetic)
}

/// Words a number follows as its own (`paragraph 1`, `article 2`,
/// `Goal 16`): such a number is never taken for a marker standing apart.
fn numbers_the_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "paragraph"
            | "paragraphs"
            | "para"
            | "paras"
            | "article"
            | "articles"
            | "resolution"
            | "resolutions"
            | "decision"
            | "decisions"
            | "item"
            | "items"
            | "annex"
            | "annexes"
            | "chapter"
            | "chapters"
            | "section"
            | "part"
            | "page"
            | "pages"
            | "rule"
            | "rules"
            | "principle"
            | "goal"
            | "goals"
            | "target"
            | "targets"
            | "volume"
            | "number"
            | "phase"
            | "level"
            | "option"
            | "category"
            | "table"
            | "figure"
            | "step"
            | "protocol"
            | "session"
            | "meeting"
            | "group"
            | "stage"
            | "and"
            | "or"
            | "to"
            | "of"
            | "than"
            | "from"
            | "between"
    )
}

/// A marker standing apart: `2013 2 and`, `2010, 1 2013`, `basis 2  and`.
fn apart(
    token: &str,
    end: usize,
    prev: Option<(usize, usize, &str)>,
    next: Option<(usize, &str)>,
) -> Option<Candidate> {
    let n = note_number(token)?;
    let (_, prev_end, prev) = prev?;
    if let Some((_, next)) = next {
        let next_word = next.trim_end_matches(CLOSERS);
        if month(next_word).is_some() {
            return None;
        }
    }
    let core = prev.trim_end_matches(CLOSERS);
    let closed = core.len() < prev.len();
    let word_before_closer = core
        .chars()
        .last()
        .is_some_and(|c| c.is_alphabetic() || c == ')');
    // `2021–2025, 2  in`: a span of years ends in a year.
    let ends_in_year = core
        .rsplit(['–', '-', '—', '/'])
        .next()
        .is_some_and(is_year);
    let strong = ends_in_year || (closed && word_before_closer);
    let gap_after = next.map_or(0, |(s, _)| s.saturating_sub(end));
    let weak = prev.chars().last().is_some_and(char::is_alphabetic)
        && gap_after >= 2
        && !numbers_the_word(prev);
    let strength = if strong {
        Strength::Strong
    } else if weak {
        Strength::Weak
    } else {
        return None;
    };
    // The space between the word and the marker goes with the marker.
    Some(Candidate {
        start: prev_end,
        end,
        n,
        strength,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(notes: &[(u32, usize)], texts: &[(&str, usize)]) -> Vec<String> {
        let mut m = Markers::new(notes.iter().copied().collect());
        texts
            .iter()
            .map(|(t, seg)| {
                let seg = *seg;
                m.rewrite(t, &move |_| seg)
            })
            .collect()
    }

    #[test]
    fn glued_and_apart_markers_of_one_page() {
        let got = rewrite(
            &[(1, 0), (2, 0), (3, 0)],
            &[
                ("the 2010, 1 2013 2 and 2015 3 reports", 0),
                ("by the 2010,1 20132 and 20153 reports;", 0),
            ],
        );
        assert_eq!(
            got,
            [
                "the 2010,[^1] 2013[^2] and 2015[^3] reports",
                "by the 2010,[^1] 2013[^2] and 2015[^3] reports;"
            ]
        );
    }

    #[test]
    fn ordinary_numbers_stay() {
        let got = rewrite(
            &[(1, 0), (2, 0), (5, 1)],
            &[
                (
                    "transmitted by the Secretary-General,1 in its 2015 report,2 and in 2017.1",
                    0,
                ),
                (
                    "listed in paragraph 1 above, of 5 July 2012 and 1,000 people, Supplement No.5",
                    1,
                ),
                (
                    "the G20 and 2 December 2008 and resolution 53/70 for 1,000,000 people",
                    1,
                ),
            ],
        );
        assert_eq!(
            got,
            [
                "transmitted by the Secretary-General,[^1] in its 2015 report,[^2] and in 2017.[^1]",
                "listed in paragraph 1 above, of 5 July 2012 and 1,000 people, Supplement No.5",
                "the G20 and 2 December 2008 and resolution 53/70 for 1,000,000 people"
            ]
        );
    }

    #[test]
    fn new_notes_only_on_their_page_and_in_order_recitations_later() {
        let got = rewrite(
            &[(1, 0), (2, 1), (3, 1)],
            &[
                ("on a basis 2  and Experts,1 later", 0),
                ("the basis 2  and the 2013 3 report", 1),
                ("the 2013 3 and 20152 reports", 2),
            ],
        );
        assert_eq!(
            got,
            [
                "on a basis 2  and Experts,[^1] later",
                "the basis[^2]  and the 2013[^3] report",
                "the 2013[^3] and 2015[^2] reports"
            ]
        );
    }

    #[test]
    fn a_number_that_a_word_numbers_is_no_marker_set_apart() {
        let got = rewrite(
            &[(1, 0), (2, 0)],
            &[("in paragraph 1  above and Goal 2  of the beacons 1  in", 0)],
        );
        assert_eq!(
            got,
            ["in paragraph 1  above and Goal 2  of the beacons[^1]  in"]
        );
        assert!(ends_with_lone_number("the beacons 1"));
        assert!(!ends_with_lone_number("in 2013"));
        assert!(!ends_with_lone_number("resolution 73/27"));
    }

    #[test]
    fn a_marker_after_a_span_of_years() {
        let got = rewrite(
            &[(1, 0), (2, 0)],
            &[("for 2021–2025, 1  in 2016-2017 2 and", 0)],
        );
        assert_eq!(got, ["for 2021–2025,[^1]  in 2016-2017[^2] and"]);
    }

    #[test]
    fn a_marker_after_a_number() {
        let got = rewrite(
            &[(1, 0), (2, 0)],
            &[("some 1,000,1 keepers of “the lamps”.2", 0)],
        );
        assert_eq!(got, ["some 1,000,[^1] keepers of “the lamps”.[^2]"]);
    }

    #[test]
    fn superscripts() {
        let got = rewrite(&[(1, 0), (12, 0)], &[("in 2013¹ and “this”,¹² too", 0)]);
        assert_eq!(got, ["in 2013[^1] and “this”,[^12] too"]);
    }
}
