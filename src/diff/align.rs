//! Paragraph alignment: the runs of words two paragraphs share, wherever each puts them, and what each alone says.
//!
//! Words are those of the exact analyzer ([`crate::analysis::exact`]), so
//! case and punctuation never break a run, and every span points back into
//! the original text by byte offsets. Runs are found by greedy string tiling
//! (Wise 1993): the longest common run of words not yet used is taken first,
//! so a phrase moved to another place in the other paragraph is still found,
//! and a word is never part of two runs. A hyphenated compound
//! (`seventy-fifth`, `capacity-building`) is compared whole, so that a run
//! never ends inside it; it still counts as the words the index counts.
//! What each text alone says leaves out stretches of only one or two
//! function words (`and`, `of the`), which say nothing of their own.

use serde::Serialize;
use tantivy::tokenizer::TokenStream;

use crate::analysis;

/// A byte range in an original text, `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A run of words found in both texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedRun {
    /// Its length in words.
    pub words: usize,
    /// The run as written in A, from its first word to its last.
    pub text: String,
    /// Where it is in A.
    pub a: Span,
    /// Where it is in B.
    pub b: Span,
}

/// What two texts share and what each alone says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alignment {
    /// The shared runs, in A's order.
    pub shared: Vec<SharedRun>,
    /// The stretches of A in no shared run, in order.
    pub only_a: Vec<Span>,
    /// The stretches of B in no shared run, in order.
    pub only_b: Vec<Span>,
    /// Words of A in shared runs.
    pub shared_words_a: usize,
    /// Words in A.
    pub words_a: usize,
    /// Words of B in shared runs.
    pub shared_words_b: usize,
    /// Words in B.
    pub words_b: usize,
}

/// A word of a text (a hyphenated compound is one): its analyzed form,
/// where it is, and how many words the index counts in it.
struct Word {
    term: String,
    span: Span,
    count: usize,
}

/// The hyphens that join the parts of a compound word.
const HYPHENS: [&str; 3] = ["-", "\u{2010}", "\u{2011}"];

fn words(text: &str) -> Vec<Word> {
    let mut analyzer = analysis::exact();
    let mut stream = analyzer.token_stream(text);
    let mut out: Vec<Word> = Vec::new();
    while let Some(t) = stream.next() {
        let span = Span {
            start: t.offset_from,
            end: t.offset_to,
        };
        if let Some(last) = out.last_mut()
            && text
                .get(last.span.end..span.start)
                .is_some_and(|gap| HYPHENS.contains(&gap))
        {
            last.term.push('-');
            last.term.push_str(&t.text);
            last.span.end = span.end;
            last.count += 1;
            continue;
        }
        out.push(Word {
            term: t.text.clone(),
            span,
            count: 1,
        });
    }
    out
}

/// True when `words` are one or two function words ("and", "of the").
fn only_function_words(words: &[Word]) -> bool {
    words.len() <= 2
        && words.iter().map(|w| w.count).sum::<usize>() <= 2
        && words
            .iter()
            .all(|w| crate::compare::stopwords::is_function_word(&w.term))
}

/// A common run of unused words: where it starts in each text, its length,
/// and the words the index counts in it.
#[derive(Clone, Copy)]
struct Tile {
    a: usize,
    b: usize,
    len: usize,
    count: usize,
}

/// The longest common run of words unused in both, the earliest in A then in
/// B among equally long ones; `None` when the longest is shorter than `min`.
fn longest_unused(
    a: &[Word],
    b: &[Word],
    used_a: &[bool],
    used_b: &[bool],
    min: usize,
) -> Option<Tile> {
    // `run[j + 1]` is the length (in words and in counted words) of the
    // common run ending at a[i] and b[j]; one row is enough since each cell
    // only looks at the previous row.
    let mut prev = vec![(0usize, 0usize); b.len() + 1];
    let mut run = vec![(0usize, 0usize); b.len() + 1];
    let mut best: Option<Tile> = None;
    for (i, wa) in a.iter().enumerate() {
        let a_free = !used_a.get(i).copied().unwrap_or(true);
        for (j, wb) in b.iter().enumerate() {
            let b_free = !used_b.get(j).copied().unwrap_or(true);
            let (len, count) = if a_free && b_free && wa.term == wb.term {
                let (len, count) = prev.get(j).copied().unwrap_or((0, 0));
                (len + 1, count + wa.count)
            } else {
                (0, 0)
            };
            if let Some(cell) = run.get_mut(j + 1) {
                *cell = (len, count);
            }
            // Strictly longer only: scanning A then B in order makes the
            // first run found of a length the earliest in A, then in B.
            if count >= min && best.is_none_or(|t| count > t.count) {
                best = Some(Tile {
                    a: i + 1 - len,
                    b: j + 1 - len,
                    len,
                    count,
                });
            }
        }
        std::mem::swap(&mut prev, &mut run);
    }
    best
}

/// The maximal stretches of unused words, as byte spans from the first
/// word's start to the last word's end (punctuation between unused words
/// does not cut a stretch; punctuation around it is left out), but those of
/// only one or two function words.
fn unused_spans(words: &[Word], used: &[bool]) -> Vec<Span> {
    let mut stretches: Vec<&[Word]> = Vec::new();
    let mut from: Option<usize> = None;
    for (i, &u) in used.iter().enumerate().take(words.len()) {
        match (u, from) {
            (false, None) => from = Some(i),
            (true, Some(f)) => {
                stretches.extend(words.get(f..i));
                from = None;
            }
            _ => {}
        }
    }
    if let Some(f) = from {
        stretches.extend(words.get(f..));
    }
    stretches
        .into_iter()
        .filter(|s| !only_function_words(s))
        .filter_map(|s| {
            Some(Span {
                start: s.first()?.span.start,
                end: s.last()?.span.end,
            })
        })
        .collect()
}

fn mark(used: &mut [bool], start: usize, len: usize) {
    for u in used.iter_mut().skip(start).take(len) {
        *u = true;
    }
}

/// Aligns paragraph `a` with paragraph `b`: the runs of at least `min_words`
/// words they share, in any order, and the stretches each alone has.
///
/// Words are compared as the exact analyzer makes them (lower-cased,
/// punctuation ignored, `’` read as `'`). A `min_words` of 0 is read as 1.
/// The work grows with the product of the two lengths times the number of
/// runs, which is nothing for paragraphs but slow for whole documents.
pub fn align(a: &str, b: &str, min_words: usize) -> Alignment {
    let min = min_words.max(1);
    let wa = words(a);
    let wb = words(b);
    let mut used_a = vec![false; wa.len()];
    let mut used_b = vec![false; wb.len()];
    let mut tiles = Vec::new();
    while let Some(t) = longest_unused(&wa, &wb, &used_a, &used_b, min) {
        mark(&mut used_a, t.a, t.len);
        mark(&mut used_b, t.b, t.len);
        tiles.push(t);
    }
    tiles.sort_by_key(|t| t.a);

    let span_of = |words: &[Word], start: usize, len: usize| -> Option<Span> {
        let first = words.get(start)?;
        let last = words.get(start + len.checked_sub(1)?)?;
        Some(Span {
            start: first.span.start,
            end: last.span.end,
        })
    };
    let shared: Vec<SharedRun> = tiles
        .iter()
        .filter_map(|t| {
            let sa = span_of(&wa, t.a, t.len)?;
            let sb = span_of(&wb, t.b, t.len)?;
            Some(SharedRun {
                words: t.count,
                text: a.get(sa.start..sa.end).unwrap_or_default().to_string(),
                a: sa,
                b: sb,
            })
        })
        .collect();
    let shared_words: usize = shared.iter().map(|r| r.words).sum();
    Alignment {
        only_a: unused_spans(&wa, &used_a),
        only_b: unused_spans(&wb, &used_b),
        shared,
        shared_words_a: shared_words,
        words_a: wa.iter().map(|w| w.count).sum(),
        shared_words_b: shared_words,
        words_b: wb.iter().map(|w| w.count).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, s: Span) -> &str {
        &text[s.start..s.end]
    }

    fn runs(al: &Alignment) -> Vec<&str> {
        al.shared.iter().map(|r| r.text.as_str()).collect()
    }

    fn only<'t>(text: &'t str, spans: &[Span]) -> Vec<&'t str> {
        spans.iter().map(|&s| at(text, s)).collect()
    }

    #[test]
    fn identical_texts_are_one_run() {
        let t = "Welcomes the report of the Group, and decides to continue.";
        let al = align(t, t, 3);
        assert_eq!(runs(&al), [&t[..t.len() - 1]]);
        assert_eq!(al.shared[0].words, 10);
        assert_eq!(al.shared[0].a, al.shared[0].b);
        assert!(al.only_a.is_empty() && al.only_b.is_empty());
        assert_eq!((al.shared_words_a, al.words_a), (10, 10));
        assert_eq!((al.shared_words_b, al.words_b), (10, 10));
    }

    #[test]
    fn disjoint_texts_share_nothing() {
        let a = "Notes with concern the growing threats.";
        let b = "Recalls its earlier decisions, in particular.";
        let al = align(a, b, 1);
        assert!(al.shared.is_empty());
        assert_eq!(
            only(a, &al.only_a),
            ["Notes with concern the growing threats"]
        );
        assert_eq!(
            only(b, &al.only_b),
            ["Recalls its earlier decisions, in particular"]
        );
        assert_eq!((al.shared_words_a, al.words_a), (0, 6));
        assert_eq!((al.shared_words_b, al.words_b), (0, 6));
    }

    #[test]
    fn reordered_runs_are_found_in_a_order() {
        let a = "red green blue yellow, thereafter one two three four, and beyond";
        let b = "one two three four first; red green blue yellow last";
        let al = align(a, b, 3);
        assert_eq!(runs(&al), ["red green blue yellow", "one two three four"]);
        assert_eq!(at(b, al.shared[0].b), "red green blue yellow");
        assert_eq!(at(b, al.shared[1].b), "one two three four");
        assert_eq!(only(a, &al.only_a), ["thereafter", "and beyond"]);
        assert_eq!(only(b, &al.only_b), ["first", "last"]);
        assert_eq!(al.shared_words_a, 8);
    }

    #[test]
    fn the_longest_run_is_taken_first() {
        // Taking runs in A's order would pair A's early "c d" with the "c d"
        // inside B's "b c d e" and break the longer run.
        let a = "x c d y b c d e z";
        let b = "q b c d e";
        let al = align(a, b, 2);
        assert_eq!(runs(&al), ["b c d e"]);
        assert_eq!(at(b, al.shared[0].b), "b c d e");
        assert_eq!(only(a, &al.only_a), ["x c d y", "z"]);
        assert_eq!(only(b, &al.only_b), ["q"]);
    }

    #[test]
    fn ties_go_to_the_earliest_in_a_then_in_b() {
        let al = align("p q x p q", "p q p q", 2);
        assert_eq!(al.shared.len(), 2);
        assert_eq!((al.shared[0].a.start, al.shared[0].b.start), (0, 0));
        assert_eq!((al.shared[1].a.start, al.shared[1].b.start), (6, 4));
        // The same inputs always give the same alignment.
        assert_eq!(align("p q x p q", "p q p q", 2), al);
    }

    #[test]
    fn runs_shorter_than_min_words_do_not_count() {
        let a = "the use of force and the law of the sea";
        let b = "the use of force under the law of nations";
        let al = align(a, b, 4);
        assert_eq!(runs(&al), ["the use of force"]);
        assert_eq!(only(a, &al.only_a), ["and the law of the sea"]);
        let al = align(a, b, 3);
        assert_eq!(runs(&al), ["the use of force", "the law of"]);
        assert_eq!(align(a, b, 5).shared, []);
    }

    #[test]
    fn zero_min_words_is_one() {
        assert_eq!(align("a b", "b a", 0), align("a b", "b a", 1));
        assert_eq!(align("a b", "b a", 0).shared.len(), 2);
    }

    #[test]
    fn case_and_punctuation_are_ignored() {
        let a = "States' responsibility: Information, and Communications Technologies";
        let b = "states’ responsibility — information and communications technologies!";
        let al = align(a, b, 2);
        assert_eq!(al.shared.len(), 1);
        assert_eq!(al.shared[0].words, 6);
        assert_eq!(al.shared[0].text, a);
        assert_eq!(at(b, al.shared[0].b), &b[..b.len() - 1]);
    }

    #[test]
    fn only_spans_skip_punctuation_at_their_edges() {
        let a = "(a) shared words here; «alone, in A», shared words here.";
        let b = "Shared words here";
        let al = align(a, b, 3);
        assert_eq!(runs(&al), ["shared words here"]);
        // A's second "shared words here" has no partner left in B, so it
        // joins the stretch before it, punctuation and all; the label's
        // "a" alone is a function word, not something only A says.
        assert_eq!(only(a, &al.only_a), ["alone, in A», shared words here"]);
        assert!(al.only_b.is_empty());
    }

    #[test]
    fn empty_input_gives_an_empty_alignment() {
        for (a, b) in [("", ""), ("", "some words"), ("— ; ,", "some words")] {
            let al = align(a, b, 1);
            assert!(al.shared.is_empty() && al.only_a.is_empty());
            assert_eq!(al.words_a, 0);
            assert_eq!(al.words_b, words(b).len());
            assert_eq!(al.only_b.len(), usize::from(al.words_b > 0));
        }
    }

    #[test]
    fn non_ascii_spans_are_byte_offsets_on_char_boundaries() {
        let a = "La sécurité des TIC — coopération régionale et Règles Communes";
        let b = "RÈGLES COMMUNES, coopération régionale ; sécurité des TIC";
        let al = align(a, b, 2);
        assert_eq!(
            runs(&al),
            [
                "sécurité des TIC",
                "coopération régionale",
                "Règles Communes"
            ]
        );
        assert_eq!(at(b, al.shared[2].b), "RÈGLES COMMUNES");
        assert_eq!(only(a, &al.only_a), ["La", "et"]);
        // Word order within a run matters.
        assert!(
            align("règles communes", "communes règles", 2)
                .shared
                .is_empty()
        );
        let al = align("国家主权原则", "适用国家主权", 2);
        assert_eq!(runs(&al), ["国家主权"]);
        assert_eq!(al.shared[0].words, 4);
        assert_eq!(only("国家主权原则", &al.only_a), ["原则"]);
    }

    #[test]
    fn a_realistic_pair() {
        let a = "Invites all States to share, on a voluntary basis, their national \
                 views on how to protect hospitals and water systems from harmful \
                 digital operations, and to report on lessons learned to the \
                 working group at its next session;";
        let b = "Requests the working group to compile, at its next session, the \
                 lessons learned by States on how to protect hospitals and water \
                 systems from harmful digital operations, and encourages all States \
                 to share their national views on a voluntary basis;";
        let al = align(a, b, 3);
        let found: Vec<(usize, &str)> = al.shared.iter().map(|r| (r.words, at(b, r.b))).collect();
        assert_eq!(
            found,
            [
                (4, "all States to share"),
                (4, "on a voluntary basis"),
                (3, "their national views"),
                (
                    13,
                    "on how to protect hospitals and water \
                     systems from harmful digital operations, and"
                ),
                (3, "the working group"),
                (4, "at its next session"),
            ]
        );
        for r in &al.shared {
            assert_eq!(r.text, at(a, r.a));
        }
        assert_eq!(
            only(a, &al.only_a),
            ["Invites", "to report on lessons learned to"]
        );
        assert_eq!(
            only(b, &al.only_b),
            [
                "Requests",
                "to compile",
                "the \
                 lessons learned by States",
                "encourages"
            ]
        );
        assert_eq!((al.words_a, al.words_b), (38, 40));
        assert_eq!(al.shared_words_a, 31);
        assert_eq!(al.shared_words_b, 31);
    }

    #[test]
    fn a_run_never_cuts_a_hyphenated_word() {
        let a = "to report to the General Assembly at its seventy-fifth session on the results";
        let b = "to report to the General Assembly at its seventy-sixth session";
        let al = align(a, b, 4);
        assert_eq!(runs(&al), ["to report to the General Assembly at its"]);
        assert_eq!(
            only(a, &al.only_a),
            ["seventy-fifth session on the results"]
        );
        assert_eq!(only(b, &al.only_b), ["seventy-sixth session"]);
        // A compound shared whole is in the run, and counts as the index counts it.
        let al = align(
            "capacity\u{2011}building in States",
            "capacity-building in States",
            4,
        );
        assert_eq!(runs(&al), ["capacity\u{2011}building in States"]);
        assert_eq!((al.shared[0].words, al.words_a, al.words_b), (4, 4, 4));
        assert!(
            align("capacity-building", "capacity building", 1)
                .shared
                .is_empty()
        );
    }

    #[test]
    fn what_each_alone_says_leaves_out_lone_function_words() {
        let a =
            "Calls upon States to cooperate and to share information, as well as them, on threats";
        let b = "Calls upon States to cooperate; to share information; on threats";
        let al = align(a, b, 3);
        assert_eq!(
            runs(&al),
            ["Calls upon States to cooperate", "to share information"]
        );
        // A's lone "and" is left out; the stretch after the second run is
        // kept whole ("well" and "threats" are no function words).
        assert_eq!(only(a, &al.only_a), ["as well as them, on threats"]);
        assert_eq!(only(b, &al.only_b), ["on threats"]);
        let al = align("of the", "nothing shared here", 1);
        assert!(al.only_a.is_empty());
        assert_eq!(
            only("nothing shared here", &al.only_b),
            ["nothing shared here"]
        );
        assert_eq!(al.words_a, 2, "the words are still counted");
    }

    #[test]
    fn it_serializes() {
        let al = align("one two", "one two", 1);
        let json = serde_json::to_value(&al).unwrap();
        assert_eq!(json["shared"][0]["a"]["end"], 7);
        assert_eq!(json["words_b"], 2);
    }
}
