//! Why a passage scored what it did, in terms a reader can check: each matched word or phrase, the field it matched in, its BM25 part and its boost.
//!
//! tantivy's explanation is a tree of formulas naming fields by number, and
//! a phrase's node does not say which words it stands for. The score of an
//! undex query is the sum of its positive items' scores (filters and
//! exclusions score nothing), so each item is planned alone and explained
//! on the passage: its tree then belongs to one known word or phrase, and
//! its leaves (term and phrase scorers, under any boost) are the parts.

use serde::Serialize;
use tantivy::query::Explanation;
use tantivy::schema::{Field, Schema};
use tantivy::{DocAddress, Searcher};

use super::Selection;
use super::plan;
use super::query::{Clause, Term};
use crate::error::Result;
use crate::index::Fields;

/// One part of a score: an item of the query matched in one field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScorePart {
    /// The word, phrase or `field:value` as the query gave it.
    pub item: String,
    /// `word`, `phrase` or `field`.
    pub kind: &'static str,
    /// The index field it matched in (`text`, `text_exact`, `symbol`, …).
    pub field: String,
    /// What it adds to the score (boost included).
    pub score: f32,
    /// The boost applied (1 when none).
    pub boost: f32,
    /// BM25's inverse document frequency (for a phrase, the sum of its words').
    pub idf: Option<f32>,
    /// Occurrences in the passage's field.
    pub freq: Option<f32>,
    /// The field's length in the passage, in words, and the average.
    pub length: Option<f32>,
    /// The field's average length over the index.
    pub avg_length: Option<f32>,
}

/// A hit's score taken apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// The score.
    pub score: f32,
    /// Its parts, in query order; they add up to the score.
    pub parts: Vec<ScorePart>,
    /// Filters given as flags (they select, and add nothing).
    pub filters: Vec<String>,
}

fn value_of(node: &serde_json::Value, prefix: &str) -> Option<f32> {
    node.get("details")?
        .as_array()?
        .iter()
        .find(|d| {
            d.get("description")
                .and_then(|x| x.as_str())
                .is_some_and(|x| x.starts_with(prefix))
        })
        .and_then(|d| d.get("value")?.as_f64())
        .map(|v| v as f32)
}

/// The first BM25 factors found under `node` (a phrase's scorer holds its
/// term node one level down).
fn bm25(node: &serde_json::Value) -> (Option<f32>, Option<f32>, Option<f32>, Option<f32>) {
    let idf = value_of(node, "idf");
    if idf.is_some() {
        let tf = node
            .get("details")
            .and_then(|d| d.as_array())
            .and_then(|d| {
                d.iter().find(|x| {
                    x.get("description")
                        .and_then(|s| s.as_str())
                        .is_some_and(|s| s.starts_with("freq /"))
                })
            });
        let get = |p: &str| tf.and_then(|t| value_of(t, p));
        return (idf, get("freq,"), get("dl,"), get("avgdl,"));
    }
    for child in node
        .get("details")
        .and_then(|d| d.as_array())
        .into_iter()
        .flatten()
    {
        let found = bm25(child);
        if found.0.is_some() {
            return found;
        }
    }
    (None, None, None, None)
}

/// The field a node names in its context (`Term=Term(field=12, …)`).
fn field_in_context(node: &serde_json::Value, schema: &Schema) -> Option<String> {
    let context = node.get("context")?.as_array()?;
    context.iter().filter_map(|c| c.as_str()).find_map(|c| {
        let rest = c.split("field=").nth(1)?;
        let id: u32 = rest
            .split(|ch: char| !ch.is_ascii_digit())
            .next()?
            .parse()
            .ok()?;
        Some(schema.get_field_name(Field::from_field_id(id)).to_owned())
    })
}

struct Leaf {
    field: Option<String>,
    score: f32,
    boost: f32,
    bm25: (Option<f32>, Option<f32>, Option<f32>, Option<f32>),
}

/// The scoring leaves under `node`, each with the boosts above it.
fn leaves(node: &serde_json::Value, boost: f32, schema: &Schema, out: &mut Vec<Leaf>) {
    let description = node
        .get("description")
        .and_then(|d| d.as_str())
        .unwrap_or("");
    let value = node.get("value").and_then(|v| v.as_f64()).unwrap_or(0.0) as f32;
    if description.starts_with("TermQuery") || description.starts_with("Phrase") {
        out.push(Leaf {
            field: field_in_context(node, schema),
            score: value * boost,
            boost,
            bm25: bm25(node),
        });
        return;
    }
    let boost = match description
        .strip_prefix("Boost x")
        .and_then(|r| r.split_whitespace().next())
        .and_then(|b| b.parse::<f32>().ok())
    {
        Some(b) => boost * b,
        None => boost,
    };
    for child in node
        .get("details")
        .and_then(|d| d.as_array())
        .into_iter()
        .flatten()
    {
        leaves(child, boost, schema, out);
    }
}

/// Explains the score of the passage at `addr` for the positive items of
/// `clauses`, each planned alone as `search` plans it (with `notes`, the
/// footnotes too); `hit` is the passage's score and address.
pub(crate) fn breakdown(
    searcher: &Searcher,
    fields: &Fields,
    clauses: &[Clause],
    filters: &Selection,
    exact: bool,
    notes: bool,
    (score, addr): (f32, DocAddress),
) -> Result<Breakdown> {
    let schema = searcher.schema();
    let mut parts = Vec::new();
    for clause in clauses.iter().filter(|c| !c.negated) {
        for term in &clause.any {
            let (item, kind) = match term {
                Term::Word(w) => (w.clone(), "word"),
                Term::Phrase(p, 0) => (format!("\"{p}\""), "phrase"),
                Term::Phrase(p, slop) => (format!("\"{p}\"~{slop}"), "phrase"),
                Term::Field(n, v) => (format!("{n}:{v}"), "field"),
            };
            let one = [Clause {
                negated: false,
                any: vec![term.clone()],
            }];
            let Ok(p) = plan::plan(fields, &one, &Selection::default(), exact, notes) else {
                continue;
            };
            // An alternative of OR that this passage lacks adds nothing.
            let Ok(e) = p.query.explain(searcher, addr) else {
                continue;
            };
            let tree = explanation_json(&e);
            let mut found = Vec::new();
            leaves(&tree, 1.0, schema, &mut found);
            for leaf in found {
                // A phrase's node names no field: the stemmed text, or its
                // exact copy where the exact form's boost applies.
                let field = leaf.field.unwrap_or_else(|| {
                    if let Term::Field(name, _) = term {
                        name.clone()
                    } else if leaf.boost <= plan::NOTES_BOOST * 1.001 {
                        // The footnotes are weighed at a tenth of the text,
                        // below the exact copy's bonus.
                        if exact { "notes_exact" } else { "notes_text" }.to_owned()
                    } else if exact || leaf.boost != 1.0 {
                        "text_exact".to_owned()
                    } else {
                        "text".to_owned()
                    }
                });
                let kind = if kind == "word" && field != "text" && field != "text_exact" {
                    "field"
                } else {
                    kind
                };
                parts.push(ScorePart {
                    item: item.clone(),
                    kind,
                    field,
                    score: leaf.score,
                    boost: leaf.boost,
                    idf: leaf.bm25.0,
                    freq: leaf.bm25.1,
                    length: leaf.bm25.2,
                    avg_length: leaf.bm25.3,
                });
            }
        }
    }
    let mut given = Vec::new();
    for (flag, list) in [
        ("--process", &filters.processes),
        ("--doc", &filters.docs),
        ("--part", &filters.parts),
        ("--kind", &filters.kinds),
    ] {
        if !list.is_empty() {
            given.push(format!("{flag} {}", list.join(", ")));
        }
    }
    Ok(Breakdown {
        score,
        parts,
        filters: given,
    })
}

/// tantivy's explanation as JSON (the raw tree of `--explain=raw`).
pub(crate) fn explanation_json(e: &Explanation) -> serde_json::Value {
    serde_json::from_str(&e.to_pretty_json()).unwrap_or(serde_json::Value::Null)
}
