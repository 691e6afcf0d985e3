//! Turning parsed clauses and filter flags into one tantivy query (and a second, positive-only one for highlighting).

use tantivy::Term as TTerm;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use super::query::{Clause, Term};
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
pub struct Plan {
    /// What to run.
    pub query: Box<dyn Query>,
    /// The positive text clauses only, for highlighting.
    pub highlight: Box<dyn Query>,
    /// Parts of the query that hold nothing searchable (`*`, `(`), for a notice.
    pub ignored: Vec<String>,
    /// The query is one term, or a union of single terms (a word searched
    /// in its stemmed and exact forms): ranking may skip what cannot reach
    /// the top (block-WAND), and counting needs no scores.
    pub terms_only: bool,
    /// A cheaper query with the same matches, to count them (a lone word:
    /// its stemmed form, whose document frequency is the count).
    pub count: Option<Box<dyn Query>>,
}

/// Filters given as flags; values within one filter are alternatives.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Processes.
    pub processes: Vec<String>,
    /// Document symbols.
    pub docs: Vec<String>,
    /// Parts.
    pub parts: Vec<String>,
    /// Kinds of document (`resolution`, `decision`, `report`, `commentary`).
    pub kinds: Vec<String>,
}

struct Analyzers {
    stem: TextAnalyzer,
    exact: TextAnalyzer,
    /// Footnote text is searched too (the index holds some).
    notes: bool,
}

fn key(value: &str) -> String {
    value
        .trim()
        .trim_end_matches([',', ';', ':', '.'])
        .to_lowercase()
}

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
    /// The query is a term or a union of terms.
    terms_only: bool,
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
        let terms_only = q.is::<TermQuery>() && notes_term;
        Words {
            terms_only,
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
                terms_only: terms,
            }
        } else {
            let in_text: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                (Occur::Must, stem),
                (Occur::Should, bonus),
            ]));
            Words {
                query: either(in_text, notes),
                terms_only: false,
                count: None,
            }
        }
    };
    if symbol {
        // A pasted symbol also finds the document itself and the passages citing it.
        words.query = Box::new(BooleanQuery::new(vec![
            (Occur::Should, words.query),
            (Occur::Should, key_term(f.symbol, text)),
            (Occur::Should, key_term(f.cites, text)),
        ]));
        words.terms_only = false;
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

fn field_query(f: &Fields, an: &mut Analyzers, name: &str, value: &str) -> Option<Box<dyn Query>> {
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
        "section" => return text_query(f.section, &mut an.stem, value, 0),
        _ => return None,
    };
    Some(key_term(field, value))
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
    filters: &Filters,
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
    let lone = filters.processes.is_empty()
        && filters.docs.is_empty()
        && filters.parts.is_empty()
        && filters.kinds.is_empty()
        && matches!(clauses, [c] if c.any.len() == 1 && !c.negated);
    // What the last clause kept allows (see `Plan`).
    let (mut terms_only, mut count) = (false, None);
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
                        clause_terms &= words.terms_only;
                        clause_count = words.count;
                        words.query
                    })
                }
                Term::Field(name, value) => {
                    let q = field_query(f, &mut an, name, value);
                    clause_terms &= q.as_ref().is_some_and(|q| q.is::<TermQuery>());
                    q
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
        terms_only = clause_terms;
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
    let (query, terms_only, count): (Box<dyn Query>, bool, _) = match <[_; 1]>::try_from(must) {
        Ok([(Occur::Must, q)]) => (q, terms_only, count),
        Ok(one) => (Box::new(BooleanQuery::new(one.into())), false, None),
        Err(many) => (Box::new(BooleanQuery::new(many)), false, None),
    };
    Ok(Plan {
        query,
        terms_only,
        count,
        highlight,
        ignored,
    })
}
