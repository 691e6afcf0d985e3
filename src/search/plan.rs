//! Turning parsed clauses and filter flags into one tantivy query (and a second, positive-only one for highlighting).

use tantivy::Term as TTerm;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use super::query::{Clause, Term};
use super::selection::{Selection, key};
use crate::analysis;
use crate::error::{Error, Result};
use crate::index::Fields;

/// Weight of an exact (unstemmed) match added to the stemmed one, so that
/// the very words typed rank above their other forms.
const EXACT_BOOST: f32 = 0.5;

/// Weight of a match in a passage's footnotes: a note is searched so that a
/// symbol or title it gives finds the passage, but the passage texts that
/// hold the words themselves rank first.
pub(crate) const NOTES_BOOST: f32 = 0.1;

/// A query ready to run.
#[derive(Debug)]
pub struct Plan {
    /// What to run.
    pub query: Box<dyn Query>,
    /// The positive text clauses only, for highlighting.
    pub highlight: Box<dyn Query>,
    /// Parts of the query that hold nothing searchable (`*`, `(`), for a notice.
    pub ignored: Vec<String>,
    /// What the ranker may assume of `query`.
    pub shape: Shape,
}

/// The shape of a plan's query: the contract between [`plan`] and the
/// ranker, which counts and prunes by it. A shape promises only what holds
/// of the query: the ranker's count is exact and its pruned order is the
/// exhaustive one only while it does.
#[derive(Debug)]
pub enum Shape {
    /// One term query on a field of text (a word searched in one form, a
    /// word of `section:`): its count is its document frequency, and
    /// ranking may skip, with block-WAND, the blocks of postings that
    /// cannot reach the top.
    Term,
    /// A union of term queries on fields of text, each maybe boosted, nothing required and
    /// nothing excluded (a lone word in its stemmed and exact forms and in
    /// its footnotes; with `--exact`, a lone word in the text and in its
    /// footnotes): ranking may prune with block-WAND, and the matches are
    /// counted apart, by `count` when given, else by a walk of the union
    /// that scores nothing.
    Union {
        /// A cheaper query with exactly the same matches (a lone word: its
        /// stemmed form, in the text or a note, which every match of its
        /// exact form also holds), to count them.
        count: Option<Box<dyn Query>>,
    },
    /// Anything else (a phrase, an intersection, an exclusion, a filter, a
    /// key such as `process:OEWG`, a pasted symbol): every match is scored,
    /// and counted in the same pass.
    General,
}

struct Analyzers {
    stem: TextAnalyzer,
    exact: TextAnalyzer,
    /// Footnote text is searched too (the index holds some).
    notes: bool,
}

/// A value typed in the query (`doc:A/RES/73/27,`, a pasted symbol), where
/// punctuation that ends it belongs to the sentence, not to the value.
fn typed_value(value: &str) -> &str {
    value.trim().trim_end_matches([',', ';', ':', '.'])
}

/// A term on a key field. Key fields keep no frequencies, and tantivy
/// bounds the scores of such a posting list's last block by 0, so that
/// block-WAND would skip passages that rank: no key term is ever pruned
/// (see [`Shape`]).
fn key_term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        TTerm::from_field_text(field, &key(value)),
        IndexRecordOption::Basic,
    ))
}

/// A term or phrase query for `text` on `field` analyzed by `analyzer`; None when it has no words.
fn text_query(
    field: Field,
    analyzer: &mut TextAnalyzer,
    text: &str,
    slop: u32,
) -> Option<Box<dyn Query>> {
    let terms = analysis::terms(analyzer, text);
    match terms.as_slice() {
        [] => None,
        [(_, t)] => Some(Box::new(TermQuery::new(
            TTerm::from_field_text(field, t),
            IndexRecordOption::WithFreqs,
        ))),
        many => {
            let first = many.first().map_or(0, |(p, _)| *p);
            let with_pos: Vec<(usize, TTerm)> = many
                .iter()
                .map(|(p, t)| (p - first, TTerm::from_field_text(field, t)))
                .collect();
            let mut q = PhraseQuery::new_with_offset(with_pos);
            q.set_slop(slop);
            Some(Box::new(q))
        }
    }
}

fn looks_like_symbol(word: &str) -> bool {
    word.contains('/') && word.chars().any(|c| c.is_ascii_digit())
}

/// A word or phrase as a query, and what ranking and counting may make of it.
struct Words {
    query: Box<dyn Query>,
    /// The query is a term or a union of terms of text, which ranking may prune.
    prunable: bool,
    /// A cheaper query with the same matches, to count them.
    count: Option<Box<dyn Query>>,
}

/// A word or phrase: its stemmed form, with its exact form as a bonus (the
/// very words typed rank above their other forms). The exact form's
/// passages all hold the stemmed form too (both fields hold the same text,
/// cut and lower-cased alike), so the stemmed form decides what matches:
/// inside a larger query it is required and the exact form only optional,
/// which tantivy checks only on the stemmed form's passages. A `lone` word
/// (the whole query) keeps the two terms as a union, which block-WAND can
/// prune, and is counted by its stemmed form's document frequency.
fn words_query(
    f: &Fields,
    an: &mut Analyzers,
    text: &str,
    slop: u32,
    exact: bool,
    lone: bool,
    highlight: &mut Vec<Box<dyn Query>>,
) -> Option<Words> {
    let symbol = looks_like_symbol(text);
    // The words in the passage's footnotes, in the form the text is searched in.
    let notes = if !an.notes {
        None
    } else if exact {
        text_query(f.notes_exact, &mut an.exact, text, slop)
    } else {
        text_query(f.notes_text, &mut an.stem, text, slop)
    };
    let notes_term = notes.as_ref().is_none_or(|q| q.is::<TermQuery>());
    let notes: Option<Box<dyn Query>> =
        notes.map(|q| Box::new(BoostQuery::new(q, NOTES_BOOST)) as Box<dyn Query>);
    let mut words = if exact {
        let q = text_query(f.text_exact, &mut an.exact, text, slop)?;
        highlight.push(q.box_clone());
        let prunable = q.is::<TermQuery>() && notes_term;
        Words {
            prunable,
            query: either(q, notes),
            count: None,
        }
    } else {
        let stem = text_query(f.text, &mut an.stem, text, slop)?;
        let exact_q = text_query(f.text_exact, &mut an.exact, text, slop)?;
        highlight.push(stem.box_clone());
        // A boost keeps a term a term: tantivy still scores it with a term scorer.
        let terms = stem.is::<TermQuery>() && exact_q.is::<TermQuery>() && notes_term;
        let bonus: Box<dyn Query> = Box::new(BoostQuery::new(exact_q, EXACT_BOOST));
        if symbol || (lone && terms) {
            // What matches is the stemmed form in the text or in a note.
            let count =
                (!symbol).then(|| either(stem.box_clone(), notes.as_ref().map(|n| n.box_clone())));
            let mut any = vec![(Occur::Should, stem), (Occur::Should, bonus)];
            any.extend(notes.map(|n| (Occur::Should, n)));
            Words {
                count,
                query: Box::new(BooleanQuery::new(any)),
                prunable: terms,
            }
        } else {
            let in_text: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                (Occur::Must, stem),
                (Occur::Should, bonus),
            ]));
            Words {
                query: either(in_text, notes),
                prunable: false,
                count: None,
            }
        }
    };
    if symbol {
        // A pasted symbol also finds the document itself and the passages citing it.
        words.query = Box::new(BooleanQuery::new(vec![
            (Occur::Should, words.query),
            (Occur::Should, key_term(f.symbol, typed_value(text))),
            (Occur::Should, key_term(f.cites, typed_value(text))),
        ]));
        words.prunable = false;
        words.count = None;
    }
    Some(words)
}

/// `q`, or a passage that matches `q` or `or`.
fn either(q: Box<dyn Query>, or: Option<Box<dyn Query>>) -> Box<dyn Query> {
    match or {
        None => q,
        Some(or) => Box::new(BooleanQuery::new(vec![
            (Occur::Should, q),
            (Occur::Should, or),
        ])),
    }
}

/// A `name:value` item, and whether ranking may prune it (a term of text
/// may; a key term may not, see [`key_term`]).
fn field_query(
    f: &Fields,
    an: &mut Analyzers,
    name: &str,
    value: &str,
) -> Option<(Box<dyn Query>, bool)> {
    let field = match name {
        "process" => f.process,
        "doc" | "symbol" => f.symbol,
        "part" => f.part,
        "kind" => f.kind,
        "id" => f.id,
        "anchor" => f.anchor,
        "refs" => f.refs,
        "cites" => f.cites,
        "date" => f.date,
        "section" => {
            return text_query(f.section, &mut an.stem, value, 0).map(|q| {
                let term = q.is::<TermQuery>();
                (q, term)
            });
        }
        _ => return None,
    };
    Some((key_term(field, typed_value(value)), false))
}

fn filter(field: Field, values: &[String]) -> Option<Box<dyn Query>> {
    if values.is_empty() {
        return None;
    }
    let any: Vec<(Occur, Box<dyn Query>)> = values
        .iter()
        .map(|v| (Occur::Should, key_term(field, v)))
        .collect();
    // Filters decide what matches, never how it ranks.
    Some(Box::new(ConstScoreQuery::new(
        Box::new(BooleanQuery::new(any)),
        0.0,
    )))
}

/// Whether the index holds any footnote text, which words are then also
/// searched in (an index without notes is spared the extra clauses).
pub fn notes_indexed(searcher: &tantivy::Searcher, f: &Fields) -> bool {
    searcher.segment_readers().iter().any(|r| {
        r.inverted_index(f.notes_text)
            .is_ok_and(|inv| inv.terms().num_terms() > 0)
    })
}

/// Builds the query of `clauses` with `filters`; with `notes`, words are
/// searched in the passages' footnotes too, with a lower weight.
pub fn plan(
    f: &Fields,
    clauses: &[Clause],
    filters: &Selection,
    exact: bool,
    notes: bool,
) -> Result<Plan> {
    let mut an = Analyzers {
        stem: analysis::stemmed(),
        exact: analysis::exact(),
        notes,
    };
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut highlight: Vec<Box<dyn Query>> = Vec::new();
    let mut ignored = Vec::new();
    let mut positive = 0;
    // A query of one word or phrase and nothing else: see `words_query`.
    let lone = filters.is_empty() && matches!(clauses, [c] if c.any.len() == 1 && !c.negated);
    // What the last clause kept allows (see `Plan`).
    let (mut prunable, mut count) = (false, None);
    for clause in clauses {
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut hl = Vec::new();
        let mut clause_terms = clause.any.len() == 1;
        let mut clause_count = None;
        for term in &clause.any {
            let q = match term {
                Term::Word(w) | Term::Phrase(w, _) => {
                    let slop = match term {
                        Term::Phrase(_, slop) => *slop,
                        _ => 0,
                    };
                    words_query(f, &mut an, w, slop, exact, lone, &mut hl).map(|words| {
                        clause_terms &= words.prunable;
                        clause_count = words.count;
                        words.query
                    })
                }
                Term::Field(name, value) => {
                    let q = field_query(f, &mut an, name, value);
                    clause_terms &= q.as_ref().is_some_and(|(_, prunable)| *prunable);
                    q.map(|(q, _)| q)
                }
            };
            match q {
                Some(q) => alternatives.push((Occur::Should, q)),
                None => ignored.push(match term {
                    Term::Word(w) => w.clone(),
                    Term::Phrase(p, _) => format!("\"{p}\""),
                    Term::Field(n, v) => format!("{n}:{v}"),
                }),
            }
        }
        if alternatives.is_empty() {
            continue;
        }
        let q: Box<dyn Query> = if alternatives.len() == 1 {
            alternatives
                .pop()
                .map(|(_, q)| q)
                .unwrap_or_else(|| Box::new(AllQuery))
        } else {
            Box::new(BooleanQuery::new(alternatives))
        };
        prunable = clause_terms;
        count = if clause.any.len() == 1 {
            clause_count
        } else {
            None
        };
        if clause.negated {
            must.push((Occur::MustNot, q));
        } else {
            positive += 1;
            highlight.extend(hl);
            must.push((Occur::Must, q));
        }
    }
    for (field, values) in [
        (f.process, &filters.processes),
        (f.symbol, &filters.docs),
        (f.part, &filters.parts),
        (f.kind, &filters.kinds),
    ] {
        if let Some(q) = filter(field, values) {
            positive += 1;
            must.push((Occur::Must, q));
        }
    }
    if positive == 0 {
        if must.is_empty() {
            return Err(Error::Query(
                "nothing to search for: the query holds no words (try some words, or a \"quoted phrase\")".into(),
            ));
        }
        // Only exclusions: everything but what they exclude.
        must.push((Occur::Must, Box::new(AllQuery)));
    }
    let highlight: Box<dyn Query> = Box::new(BooleanQuery::new(
        highlight.into_iter().map(|q| (Occur::Should, q)).collect(),
    ));
    // A lone clause is run as itself: it scores the same, and a bare word
    // keeps tantivy's fast paths (its count is its document frequency, and
    // block-WAND skips what cannot rank).
    let (query, shape): (Box<dyn Query>, Shape) = match <[_; 1]>::try_from(must) {
        Ok([(Occur::Must, q)]) => {
            let shape = if !prunable {
                Shape::General
            } else if q.is::<TermQuery>() {
                Shape::Term
            } else {
                Shape::Union { count }
            };
            (q, shape)
        }
        Ok(one) => (Box::new(BooleanQuery::new(one.into())), Shape::General),
        Err(many) => (Box::new(BooleanQuery::new(many)), Shape::General),
    };
    Ok(Plan {
        query,
        shape,
        highlight,
        ignored,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query;
    use tantivy::collector::TopDocs;

    fn fields() -> Fields {
        Fields::from_schema(&crate::index::schema::schema()).unwrap()
    }

    fn none() -> Selection {
        Selection::default()
    }

    fn oewg() -> Selection {
        Selection {
            processes: vec!["OEWG".into()],
            ..Selection::default()
        }
    }

    /// The shape `plan` gives a query, named.
    fn shape(q: &str, filters: &Selection, exact: bool, notes: bool) -> &'static str {
        let plan = plan(&fields(), &query::parse(q), filters, exact, notes).unwrap();
        match plan.shape {
            Shape::Term => "term",
            Shape::Union { count: Some(_) } => "union counted by its stem",
            Shape::Union { count: None } => "union",
            Shape::General => "general",
        }
    }

    /// The terms a query holds, by field and value.
    fn terms(q: &dyn Query) -> Vec<(Field, String)> {
        let mut out = Vec::new();
        q.query_terms(&mut |t, _| {
            out.push((t.field(), t.value().as_str().unwrap_or("").to_owned()));
        });
        out
    }

    #[test]
    fn each_kind_of_query_gets_its_shape() {
        for notes in [false, true] {
            let cases: [(&str, Selection, bool, &str); 20] = [
                ("consensus", none(), false, "union counted by its stem"),
                ("Consensus", none(), false, "union counted by its stem"),
                ("consensus basis", none(), false, "general"),
                ("\"consensus basis\"", none(), false, "general"),
                ("\"consensus basis\"~2", none(), false, "general"),
                // An OR is scored in full, even of terms.
                ("consensus OR basis", none(), false, "general"),
                ("consensus -basis", none(), false, "general"),
                ("-basis", none(), false, "general"),
                ("consensus", oewg(), false, "general"),
                // Key fields keep no frequencies: never pruned.
                ("process:OEWG", none(), false, "general"),
                ("doc:A/RES/73/27", none(), false, "general"),
                ("process:OEWG OR kind:report", none(), false, "general"),
                ("section:consultations", none(), false, "term"),
                (
                    "section:\"regional consultations\"",
                    none(),
                    false,
                    "general",
                ),
                ("A/RES/73/27", none(), false, "general"),
                // One word to the user, two to the analyzer: a phrase.
                ("open-ended", none(), false, "general"),
                ("consensus basis", none(), true, "general"),
                ("\"consensus basis\"", none(), true, "general"),
                ("consensus", oewg(), true, "general"),
                ("process:OEWG", none(), true, "general"),
            ];
            let wrong: Vec<String> = cases
                .iter()
                .filter_map(|(q, filters, exact, want)| {
                    let got = shape(q, filters, *exact, notes);
                    (got != *want)
                        .then(|| format!("{q:?} (exact {exact}, notes {notes}): {got}, not {want}"))
                })
                .collect();
            assert!(wrong.is_empty(), "{wrong:#?}");
        }
        // A word searched in one form is one term, unless its notes are
        // searched too: then it is the union of the two.
        assert_eq!(shape("consensus", &none(), true, false), "term");
        assert_eq!(shape("consensus", &none(), true, true), "union");
    }

    #[test]
    fn a_lone_word_is_counted_by_its_stem_in_text_and_notes() {
        let f = fields();
        for notes in [false, true] {
            let p = plan(&f, &query::parse("consultations"), &none(), false, notes).unwrap();
            let Shape::Union { count: Some(count) } = p.shape else {
                panic!("{:?}", p.shape);
            };
            let stem = || "consult".to_owned();
            let mut want = vec![(f.text, stem())];
            if notes {
                want.push((f.notes_text, stem()));
            }
            assert_eq!(terms(count.as_ref()), want);
            // What is run holds the exact form too, as a bonus.
            assert!(terms(p.query.as_ref()).contains(&(f.text_exact, "consultations".into())));
        }
    }

    #[test]
    fn nothing_to_search_for_is_an_error_and_empty_items_are_named() {
        let f = fields();
        for q in ["*", "((", "\"\""] {
            assert!(
                matches!(
                    plan(&f, &query::parse(q), &none(), false, true),
                    Err(Error::Query(_))
                ),
                "{q:?}"
            );
        }
        let p = plan(&f, &query::parse("consensus * \"\""), &none(), false, false).unwrap();
        assert_eq!(p.ignored, ["*", "\"\""]);
        // A query of several items is not a lone word, even when all but
        // one hold nothing: it is scored in full (never wrongly pruned).
        assert!(matches!(p.shape, Shape::General), "{:?}", p.shape);
        // Filters alone are something to search for: all they select.
        assert!(plan(&f, &query::parse("*"), &oewg(), false, false).is_ok());
    }

    #[test]
    fn values_are_keys_and_a_typed_value_loses_the_sentence_punctuation() {
        let f = fields();
        let filters = Selection {
            processes: vec![" OEWG ".into()],
            docs: vec!["A/RES/73/27".into()],
            parts: vec!["Operative".into()],
            kinds: vec!["RESOLUTION".into()],
        };
        let p = plan(
            &f,
            &query::parse("doc:A/RES/73/266, consensus"),
            &filters,
            false,
            false,
        )
        .unwrap();
        let got = terms(p.query.as_ref());
        for want in [
            (f.symbol, "a/res/73/266"),
            (f.process, "oewg"),
            (f.symbol, "a/res/73/27"),
            (f.part, "operative"),
            (f.kind, "resolution"),
        ] {
            assert!(
                got.contains(&(want.0, want.1.to_owned())),
                "{want:?} in {got:?}"
            );
        }
        // Highlighting is the words' business alone.
        assert_eq!(
            terms(p.highlight.as_ref()),
            [(f.text, "consensus".to_owned())]
        );
        // A pasted symbol also finds the document and what cites it.
        let p = plan(&f, &query::parse("A/RES/73/27;"), &none(), false, false).unwrap();
        let got = terms(p.query.as_ref());
        assert!(got.contains(&(f.symbol, "a/res/73/27".into())), "{got:?}");
        assert!(got.contains(&(f.cites, "a/res/73/27".into())), "{got:?}");
    }

    /// Scores of every match of `q`, by address.
    fn scores(
        searcher: &tantivy::Searcher,
        f: &Fields,
        q: &str,
        filters: &Selection,
    ) -> Vec<(tantivy::DocAddress, f32)> {
        let p = plan(f, &query::parse(q), filters, false, true).unwrap();
        let mut all: Vec<_> = searcher
            .search(
                p.query.as_ref(),
                &TopDocs::with_limit(10_000).order_by_score(),
            )
            .unwrap()
            .into_iter()
            .map(|(s, a)| (a, s))
            .collect();
        all.sort_by_key(|(a, _)| *a);
        all
    }

    #[test]
    fn filters_select_and_score_nothing() {
        let (searcher, f) = crate::search::fixture::searcher(true);
        let of_oewg = |a: &tantivy::DocAddress| {
            let doc: tantivy::TantivyDocument = searcher.doc(*a).unwrap();
            crate::search::read_record(&f, &doc).process == ["OEWG"]
        };
        for q in [
            "consensus",
            "regional law",
            "\"international consultations\"",
        ] {
            let all = scores(&searcher, &f, q, &none());
            let want: Vec<_> = all.iter().filter(|(a, _)| of_oewg(a)).copied().collect();
            assert!(
                !want.is_empty() && want.len() < all.len(),
                "{q}: a test of nothing"
            );
            assert_eq!(scores(&searcher, &f, q, &oewg()), want, "{q}");
        }
    }
}
