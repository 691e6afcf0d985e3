//! Differences between texts: two paragraphs of the index aligned word for word ([`Index::align`], on [`align::align`]); the paragraph aligner of versions of a document will live beside it.

pub mod align;

use serde::Serialize;

pub use align::{Alignment, SharedRun, Span};

use crate::error::Result;
use crate::index::Index;
use crate::search::PassageRecord;

/// Which of the two aligned passages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The first.
    A,
    /// The second.
    B,
}

/// What [`Index::align`] answers: the alignment, or which passage the index
/// does not hold.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum AlignResponse {
    /// Both passages were found and aligned.
    Aligned(Box<Aligned>),
    /// The index has no such passage (the first missing, as given).
    NoSuchPassage {
        /// The id or citation as given.
        id: String,
    },
}

/// Two passages aligned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aligned {
    /// The first passage.
    pub a: PassageRecord,
    /// The second passage.
    pub b: PassageRecord,
    /// The runs both share, numbered from 1 in A's order.
    pub shared: Vec<Shared>,
    /// The stretches only one side has, A's then B's, each in order.
    pub only: Vec<Only>,
    /// How much they share.
    pub summary: AlignSummary,
}

/// A run of words both passages hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shared {
    /// Its number, from 1.
    pub n: usize,
    /// Its length in words.
    pub words: usize,
    /// The run as A writes it.
    pub text: String,
    /// Its byte range in A's text, `[start, end]`.
    pub a: [usize; 2],
    /// Its byte range in B's text.
    pub b: [usize; 2],
}

/// A stretch of one passage in no shared run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Only {
    /// The passage it is in.
    pub side: Side,
    /// The stretch as written.
    pub text: String,
    /// Its first byte in that passage's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// How much two passages share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AlignSummary {
    /// Shared runs.
    pub runs: usize,
    /// The shortest run counted, in words.
    pub min_words: usize,
    /// Words of A in shared runs.
    pub shared_words_a: usize,
    /// Words in A.
    pub words_a: usize,
    /// Words of B in shared runs.
    pub shared_words_b: usize,
    /// Words in B.
    pub words_b: usize,
}

impl Aligned {
    /// Aligns the texts of passages `a` and `b` (runs of `min_words` words or more).
    pub fn new(a: PassageRecord, b: PassageRecord, min_words: usize) -> Aligned {
        let al = align::align(&a.text, &b.text, min_words);
        let shared = al
            .shared
            .iter()
            .enumerate()
            .map(|(i, r)| Shared {
                n: i + 1,
                words: r.words,
                text: r.text.clone(),
                a: [r.a.start, r.a.end],
                b: [r.b.start, r.b.end],
            })
            .collect();
        let mut only = Vec::new();
        for (side, p, spans) in [(Side::A, &a, &al.only_a), (Side::B, &b, &al.only_b)] {
            only.extend(spans.iter().map(|s| Only {
                side,
                text: p.text.get(s.start..s.end).unwrap_or("").to_owned(),
                start: s.start,
                end: s.end,
            }));
        }
        let summary = AlignSummary {
            runs: al.shared.len(),
            min_words,
            shared_words_a: al.shared_words_a,
            words_a: al.words_a,
            shared_words_b: al.shared_words_b,
            words_b: al.words_b,
        };
        Aligned {
            a,
            b,
            shared,
            only,
            summary,
        }
    }

    /// The passage on `side`.
    pub fn passage(&self, side: Side) -> &PassageRecord {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }
}

impl Index {
    /// Looks up passages `a` and `b` (each an id or a citation, as
    /// [`Index::passage`] reads them) and aligns their texts: the runs of at
    /// least `min_words` words they share, in any order, and what each alone
    /// says. A document symbol is refused: it names no paragraph.
    pub fn align(&self, a: &str, b: &str, min_words: usize) -> Result<AlignResponse> {
        let Some(first) = self.passage(a)? else {
            return Ok(AlignResponse::NoSuchPassage { id: a.to_owned() });
        };
        let Some(second) = self.passage(b)? else {
            return Ok(AlignResponse::NoSuchPassage { id: b.to_owned() });
        };
        Ok(AlignResponse::Aligned(Box::new(Aligned::new(
            first, second, min_words,
        ))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::search::ShownAs;

    fn index() -> (tempfile::TempDir, Index) {
        let dir = tempfile::tempdir().unwrap();
        for (name, symbol, body) in [
            (
                "a.txt",
                "A/RES/90/1",
                "1. Decides to convene a working group on the keeping of lamps at sea;",
            ),
            (
                "b.txt",
                "A/RES/90/2",
                "1. Requests the Secretary-General to convene a working group on the keeping of lamps in ports;",
            ),
        ] {
            std::fs::write(
                dir.path().join(name),
                format!(
                    "+++\nsymbol = \"{symbol}\"\nprocess = \"GGE\"\n+++\n\nThe General Assembly,\n\n{body}\n"
                ),
            )
            .unwrap();
        }
        let corpus = Corpus::load(dir.path()).unwrap();
        let index = Index::build_in_ram(&corpus).unwrap();
        (dir, index)
    }

    #[test]
    fn two_passages_are_looked_up_by_id_or_citation_and_aligned() {
        let (_dir, index) = index();
        let AlignResponse::Aligned(al) = index
            .align("A/RES/90/1#OP1", "A/RES/90/2, para. 1", 4)
            .unwrap()
        else {
            panic!("both passages exist");
        };
        assert_eq!(al.b.id, "A/RES/90/2#OP1");
        assert_eq!(al.shared.len(), 1);
        let run = &al.shared[0];
        assert_eq!(run.n, 1);
        assert_eq!(
            run.text,
            "to convene a working group on the keeping of lamps"
        );
        assert_eq!(&al.b.text[run.b[0]..run.b[1]], run.text);
        assert_eq!(al.summary.runs, 1);
        assert_eq!(al.summary.shared_words_a, 10);
        assert!(
            al.only
                .iter()
                .any(|o| o.side == Side::B && o.text == "in ports")
        );
    }

    #[test]
    fn a_missing_passage_is_named_and_a_document_refused() {
        let (_dir, index) = index();
        assert_eq!(
            index.align("A/RES/90/1#OP1", "A/RES/90/2#OP7", 4).unwrap(),
            AlignResponse::NoSuchPassage {
                id: "A/RES/90/2#OP7".into()
            }
        );
        assert!(index.align("A/RES/90/1", "A/RES/90/2#OP1", 4).is_err());
    }

    #[test]
    fn show_says_whether_it_was_given_a_passage_or_a_document() {
        let (_dir, index) = index();
        assert_eq!(index.show("A/RES/90/1").unwrap().what, ShownAs::Document);
        let shown = index.show("A/RES/90/1, para. 1").unwrap();
        assert_eq!(shown.what, ShownAs::Passage);
        assert_eq!(shown.passages[0].id, "A/RES/90/1#OP1");
        let json = serde_json::to_value(&shown).unwrap();
        assert_eq!(json["what"], "passage");
        assert_eq!(json["passages"][0]["kind"], "resolution");
        assert_eq!(json["passages"][0]["part"], "operative");
    }
}
