//! Snippets: the fragment of a passage that best shows what the query asked for — a phrase as a phrase — as long as the room allows, never empty.
//!
//! tantivy's snippet generator scores fragments by single terms: for the
//! phrase "regional organizations" it may pick a fragment holding only
//! "organizations", and it cuts fragments short at its own boundaries. Here
//! the query's words and phrases are found in the passage with the index's
//! analyzer (so they match as search matched them), the window holding the
//! most of them — a phrase weighing more than its words — is chosen, and
//! the window is as wide as the room given: a passage that fits is shown
//! whole.

use tantivy::tokenizer::TextAnalyzer;

use super::query::{Clause, Term};
use crate::analysis;

/// A fragment of a passage and the byte ranges in it to highlight.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// The fragment, with `…` where it cuts the text.
    pub text: String,
    /// Byte ranges of `text` that matched.
    pub highlights: Vec<(usize, usize)>,
}

/// The words and phrases of a query, analyzed, to be found in passages.
pub struct Marker {
    analyzer: TextAnalyzer,
    /// Each item: its words with their positions relative to the first.
    items: Vec<Vec<(usize, String)>>,
}

/// One occurrence of an item in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
    item: usize,
}

impl Marker {
    /// The positive words and phrases of `clauses` (an excluded word is not
    /// shown as a match; a phrase with slop is marked word by word, since
    /// its words need not stand together).
    pub fn new(clauses: &[Clause], exact: bool) -> Marker {
        let mut analyzer = if exact {
            analysis::exact()
        } else {
            analysis::stemmed()
        };
        let mut items: Vec<Vec<(usize, String)>> = Vec::new();
        for clause in clauses.iter().filter(|c| !c.negated) {
            for term in &clause.any {
                let (text, together) = match term {
                    Term::Word(w) => (w, true),
                    Term::Phrase(p, slop) => (p, *slop == 0),
                    Term::Field(..) => continue,
                };
                let words = analysis::terms(&mut analyzer, text);
                let first = words.first().map_or(0, |(p, _)| *p);
                let relative = words.into_iter().map(|(p, w)| (p - first, w));
                if together {
                    items.push(relative.collect());
                } else {
                    items.extend(relative.map(|(_, w)| vec![(0, w)]));
                }
            }
        }
        items.retain(|i| !i.is_empty());
        items.dedup();
        Marker { analyzer, items }
    }

    /// Every occurrence of every item, in text order, none overlapping (a
    /// longer item wins over a word inside it).
    fn spans(&mut self, text: &str) -> Vec<Span> {
        if self.items.is_empty() {
            return Vec::new();
        }
        let tokens = analysis::tokens(&mut self.analyzer, text);
        let mut found = Vec::new();
        for (i, first) in tokens.iter().enumerate() {
            for (item, words) in self.items.iter().enumerate() {
                let mut end = first.2;
                let here = words.iter().all(|(rel, w)| {
                    tokens
                        .get(i..)
                        .unwrap_or(&[])
                        .iter()
                        .take_while(|t| t.0 <= first.0 + rel)
                        .find(|t| t.0 == first.0 + rel)
                        .is_some_and(|t| {
                            end = end.max(t.2);
                            &t.3 == w
                        })
                });
                if here {
                    found.push(Span {
                        start: first.1,
                        end,
                        item,
                    });
                }
            }
        }
        // Longest first at each start, then drop what overlaps a kept span.
        found.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let mut kept: Vec<Span> = Vec::new();
        for s in found {
            if kept.last().is_none_or(|k| s.start >= k.end) {
                kept.push(s);
            }
        }
        kept
    }

    fn weight(&self, item: usize) -> usize {
        let n = self.items.get(item).map_or(1, Vec::len);
        n * n
    }
}

/// The snippet of `text` in at most about `max_bytes` bytes: the window
/// showing the most of the query's words and phrases, or, when none of
/// them is in the text (a passage found by its symbol or a filter), its
/// opening words.
pub fn make(marker: &mut Marker, text: &str, max_bytes: usize) -> Snippet {
    let spans = marker.spans(text);
    if spans.is_empty() {
        return opening(text, max_bytes);
    }
    let (start, end) = if text.len() <= max_bytes {
        (0, text.len())
    } else {
        window(marker, text, &spans, max_bytes)
    };
    // Mark a cut only where words were left out; a closing bracket or stop
    // beyond the window is given back instead.
    let words_in = |s: Option<&str>| s.is_some_and(|s| s.chars().any(char::is_alphanumeric));
    let cut_before = words_in(text.get(..start));
    let cut_after = words_in(text.get(end..));
    let start = if cut_before { start } else { 0 };
    let end = if cut_after { end } else { text.len() };
    let body = text.get(start..end).unwrap_or(text);
    let lead = body.len() - body.trim_start().len();
    let body = body.trim();
    // The text's own ellipsis (an elided quotation) stands for the cut too.
    let prefix = if cut_before && !body.starts_with('…') {
        "…"
    } else {
        ""
    };
    let suffix = if cut_after && !body.ends_with('…') {
        "…"
    } else {
        ""
    };
    let shift = |at: usize| (at + prefix.len()).saturating_sub(start + lead);
    let highlights = spans
        .iter()
        .filter(|s| s.start >= start + lead && s.end <= start + lead + body.len())
        .map(|s| (shift(s.start), shift(s.end)))
        .collect();
    Snippet {
        text: format!("{prefix}{body}{suffix}"),
        highlights,
    }
}

/// The byte range, `max_bytes` long and cut between words, that holds the
/// most weight of distinct items (ties: the earliest), from the start of
/// the text when they fit there, else with a little of the text before
/// its first match.
fn window(marker: &Marker, text: &str, spans: &[Span], max_bytes: usize) -> (usize, usize) {
    // Two matches with nothing but spaces or punctuation between them read
    // as one stretch of the query ("regional organizations").
    let adjacent = |a: &Span, b: &Span| {
        text.get(a.end..b.start)
            .is_some_and(|between| !between.chars().any(char::is_alphanumeric))
    };
    let mut best = (0usize, 0usize, 0usize); // (score, first span, last span)
    for (i, first) in spans.iter().enumerate() {
        let mut seen: Vec<usize> = Vec::new();
        let mut score = 0;
        let mut last = i;
        for (j, s) in spans.iter().enumerate().skip(i) {
            if s.end > first.start + max_bytes {
                break;
            }
            last = j;
            if seen.contains(&s.item) {
                // A repeat counts, but less than a new item.
                score += 1;
            } else {
                seen.push(s.item);
                score += 100 * marker.weight(s.item);
            }
            if j > i && spans.get(j - 1).is_some_and(|p| adjacent(p, s)) {
                score += 10;
            }
        }
        if score > best.0 {
            best = (score, i, last);
        }
    }
    // Open on the matches' cluster, not on a stray word of the query that
    // recurs inside the window ("on" in "…on security…, acting on a…").
    while let (Some(head), Some(next)) = (spans.get(best.1), spans.get(best.1 + 1)) {
        let recurs = spans
            .get(best.1 + 1..=best.2)
            .is_some_and(|rest| rest.iter().any(|s| s.item == head.item));
        if best.1 >= best.2 || !recurs || adjacent(head, next) {
            break;
        }
        best.1 += 1;
    }
    let (first, last) = (
        spans.get(best.1).map_or(0, |s| s.start),
        spans.get(best.2).map_or(0, |s| s.end),
    );
    // When the matches fit in the opening, the passage is shown from its
    // start ("Requests the Secretary-General…"), which reads best. Else a
    // little room before them (more when the window would run past the end
    // of the text), the rest after.
    let room = max_bytes.saturating_sub(last - first);
    let lead = if last <= max_bytes {
        first
    } else {
        (room / 5).min(60)
    };
    let mut start = first.saturating_sub(lead);
    let mut end = (start + max_bytes).min(text.len());
    if end == text.len() {
        start = end.saturating_sub(max_bytes).min(first);
    }
    start = word_start(text, start, first);
    end = word_end(text, end, last);
    (start, end)
}

/// `at` moved forward to the start of a word (never past `limit`).
fn word_start(text: &str, mut at: usize, limit: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    let in_word = |i: usize| {
        text.get(..i)
            .and_then(|s| s.chars().next_back())
            .is_some_and(|c| !c.is_whitespace())
    };
    if at == 0 || !in_word(at) {
        return at;
    }
    match text
        .get(at..limit)
        .and_then(|s| s.find(char::is_whitespace))
    {
        Some(i) => at + i,
        None => at,
    }
}

/// `at` moved back to the end of a word (never before `limit`).
fn word_end(text: &str, mut at: usize, limit: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    let in_word = text
        .get(at..)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| !c.is_whitespace());
    if at >= text.len() || !in_word {
        return at;
    }
    match text
        .get(limit..at)
        .and_then(|s| s.rfind(char::is_whitespace))
    {
        Some(i) => limit + i,
        None => at,
    }
}

/// The first `max_chars` bytes of `text`, cut at a word boundary.
pub fn opening(text: &str, max_chars: usize) -> Snippet {
    if text.len() <= max_chars {
        return Snippet {
            text: text.to_owned(),
            highlights: Vec::new(),
        };
    }
    let mut cut = max_chars;
    while cut > 0 && !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text.get(..cut).unwrap_or(text);
    let head = match head.rfind(char::is_whitespace) {
        Some(sp) if sp > max_chars / 2 => head.get(..sp).unwrap_or(head),
        _ => head,
    };
    Snippet {
        text: format!("{}…", head.trim_end()),
        highlights: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query;

    fn snip(q: &str, text: &str, max: usize) -> (String, Vec<String>) {
        let mut m = Marker::new(&query::parse(q), false);
        let s = make(&mut m, text, max);
        let marked = s
            .highlights
            .iter()
            .map(|&(a, b)| s.text[a..b].to_owned())
            .collect();
        (s.text, marked)
    }

    #[test]
    fn the_opening_is_cut_at_a_word() {
        let s = opening("alpha beta gamma delta", 13);
        assert_eq!(s.text, "alpha beta…");
        assert_eq!(opening("short", 100).text, "short");
        assert_eq!(opening("ééééé", 3).text, "é…");
    }

    const LONG: &str = "Calls upon Member States to cooperate with organizations, such as the African Union, the Organization of American States and others, and notes the work of the Secretary-General on these matters over many years of sessions, and further notes that regional organizations have held consultations on norms of responsible State behaviour, and decides to remain seized of the matter.";

    #[test]
    fn a_phrase_is_shown_as_a_phrase() {
        let (text, marked) = snip("\"regional organizations\"", LONG, 120);
        assert!(text.contains("regional organizations"), "{text}");
        assert_eq!(marked, ["regional organizations"], "{text}");
        // The lone word elsewhere is not taken for the phrase.
        let (_, marked) = snip("\"regional organizations\"", LONG, 10_000);
        assert_eq!(marked, ["regional organizations"]);
    }

    #[test]
    fn a_passage_that_fits_is_shown_whole() {
        let text = "Takes note of the report of the Group of Governmental Experts transmitted by the Secretary-General, and of the views of Member States on the matters it considers, as submitted to the Assembly in their replies.";
        let (got, marked) = snip("Secretary-General", text, 220);
        assert_eq!(got, text);
        assert_eq!(marked, ["Secretary-General"]);
    }

    #[test]
    fn a_long_passage_fills_the_room_around_the_best_window() {
        let (text, marked) = snip("consultations norms", LONG, 150);
        // The matches stand near the end: the window reaches back for room.
        assert!(text.starts_with('…') && text.ends_with("matter."), "{text}");
        assert!(
            text.len() > 110 && text.len() <= 150 + 6,
            "{} {text}",
            text.len()
        );
        assert_eq!(marked, ["consultations", "norms"]);
        let (opening, _) = snip("cooperate", LONG, 150);
        assert!(opening.starts_with("Calls upon") && opening.ends_with('…'));
        assert!(opening.len() > 130, "{opening}");
        // Cut between words.
        for t in [text, opening] {
            let inner = t.trim_matches('…');
            let at = LONG.find(inner).unwrap();
            assert!(at == 0 || LONG[..at].ends_with(' '), "{inner}");
            let after = &LONG[at + inner.len()..];
            assert!(after.is_empty() || after.starts_with(' '), "{inner}");
        }
    }

    #[test]
    fn excluded_words_are_not_marked_and_stems_match() {
        let (_, marked) = snip("consultation -norms", LONG, 10_000);
        assert_eq!(marked, ["consultations"]);
        let (text, marked) = snip("zebracorn", LONG, 40);
        assert!(marked.is_empty());
        assert!(text.starts_with("Calls upon"), "{text}");
    }
}
