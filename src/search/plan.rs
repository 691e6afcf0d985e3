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

/// A query ready to run.
pub struct Plan {
    /// What to run.
    pub query: Box<dyn Query>,
    /// The positive text clauses only, for highlighting.
    pub highlight: Box<dyn Query>,
    /// Parts of the query that hold nothing searchable (`*`, `(`), for a notice.
    pub ignored: Vec<String>,
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
}

struct Analyzers {
    stem: TextAnalyzer,
    exact: TextAnalyzer,
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

fn words_query(
    f: &Fields,
    an: &mut Analyzers,
    text: &str,
    slop: u32,
    exact: bool,
    highlight: &mut Vec<Box<dyn Query>>,
) -> Option<Box<dyn Query>> {
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if exact {
        if let Some(q) = text_query(f.text_exact, &mut an.exact, text, slop) {
            highlight.push(q.box_clone());
            any.push((Occur::Should, q));
        }
    } else {
        if let Some(q) = text_query(f.text, &mut an.stem, text, slop) {
            highlight.push(q.box_clone());
            any.push((Occur::Should, q));
        }
        if let Some(q) = text_query(f.text_exact, &mut an.exact, text, slop) {
            any.push((Occur::Should, Box::new(BoostQuery::new(q, EXACT_BOOST))));
        }
    }
    if any.is_empty() {
        return None;
    }
    if looks_like_symbol(text) {
        // A pasted symbol also finds the document itself and the passages citing it.
        any.push((Occur::Should, key_term(f.symbol, text)));
        any.push((Occur::Should, key_term(f.cites, text)));
    }
    Some(Box::new(BooleanQuery::new(any)))
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

/// Builds the query of `clauses` with `filters`.
pub fn plan(f: &Fields, clauses: &[Clause], filters: &Filters, exact: bool) -> Result<Plan> {
    let mut an = Analyzers {
        stem: analysis::stemmed(),
        exact: analysis::exact(),
    };
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut highlight: Vec<Box<dyn Query>> = Vec::new();
    let mut ignored = Vec::new();
    let mut positive = 0;
    for clause in clauses {
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut hl = Vec::new();
        for term in &clause.any {
            let q = match term {
                Term::Word(w) => words_query(f, &mut an, w, 0, exact, &mut hl),
                Term::Phrase(p, slop) => words_query(f, &mut an, p, *slop, exact, &mut hl),
                Term::Field(name, value) => field_query(f, &mut an, name, value),
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
    let query: Box<dyn Query> = match <[_; 1]>::try_from(must) {
        Ok([(Occur::Must, q)]) => q,
        Ok(one) => Box::new(BooleanQuery::new(one.into())),
        Err(many) => Box::new(BooleanQuery::new(many)),
    };
    Ok(Plan {
        query,
        highlight,
        ignored,
    })
}
