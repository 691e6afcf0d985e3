//! Filter values checked against the index: a `--doc` or `--process` the index does not hold is said so, with the closest values it does hold, rather than answered "no passage matches".

use std::collections::BTreeSet;

use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::Selection;
use super::selection::key;
use crate::corpus::symbol::cmp_symbols;
use crate::error::{Error, Result};
use crate::index::{Fields, Index};

/// How many of the closest values a refusal names.
const CLOSEST: usize = 3;

impl Index {
    /// Checks that every part and kind `filters` name is one there is
    /// ([`Selection::check_values`]), and that every document and process
    /// they name is in the index (matched whole and case-insensitively, as
    /// the filters match). An unknown one is an error that names it and
    /// the closest values the index holds. Search, compare, distinctive and
    /// kwic call it.
    pub fn check_filters(&self, filters: &Selection) -> Result<()> {
        filters.check_values()?;
        let searcher = self.searcher();
        let mut problems = Vec::new();
        for (what, field, values) in [
            ("document", self.fields.symbol, &filters.docs),
            ("process", self.fields.process, &filters.processes),
        ] {
            let mut known: Option<BTreeSet<String>> = None;
            for value in values {
                let value = value.trim();
                if holds(&searcher, field, value)? {
                    continue;
                }
                let known = match &mut known {
                    Some(k) => k,
                    None => known.insert(values_of(&searcher, field, what)?),
                };
                problems.push(refusal(what, value, known));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::NotInIndex(problems.join("; ")))
        }
    }
}

/// Whether some live passage has `value` in the key field `field`.
fn holds(searcher: &Searcher, field: Field, value: &str) -> Result<bool> {
    let q = TermQuery::new(
        Term::from_field_text(field, &key(value)),
        IndexRecordOption::Basic,
    );
    Ok(searcher.search(&q, &Count)? > 0)
}

/// Every value of `field` as written (its fast column's dictionary), kept
/// only if a live passage still has it.
fn values_of(searcher: &Searcher, field: Field, name: &str) -> Result<BTreeSet<String>> {
    let column = if name == "document" {
        Fields::SYMBOL
    } else {
        Fields::PROCESS
    };
    let mut all = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let Some(col) = segment.fast_fields().str(column)? else {
            continue;
        };
        let mut terms = col
            .dictionary()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while terms.advance() {
            all.insert(String::from_utf8_lossy(terms.key()).into_owned());
        }
    }
    let mut live = BTreeSet::new();
    for v in all {
        if holds(searcher, field, &v)? {
            live.insert(v);
        }
    }
    Ok(live)
}

/// "no document A/RES/73/999 in the index (closest: …)".
fn refusal(what: &str, value: &str, known: &BTreeSet<String>) -> String {
    let mut message = format!("no {what} {value} in the index");
    if known.is_empty() {
        return message;
    }
    let wanted = value.to_lowercase();
    let mut ranked: Vec<(usize, &String)> = known
        .iter()
        .map(|k| (distance(&wanted, &k.to_lowercase()), k))
        .collect();
    // Equally close values (and a list short enough to give whole) read in
    // the order the UN numbers documents, as every other list does.
    ranked.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| cmp_symbols(a.1, b.1)));
    if known.len() <= CLOSEST {
        ranked.sort_by(|a, b| cmp_symbols(a.1, b.1));
    }
    let names: Vec<&str> = ranked
        .iter()
        .take(CLOSEST)
        .map(|(_, k)| k.as_str())
        .collect();
    let label = if known.len() <= CLOSEST {
        "it has"
    } else {
        "closest"
    };
    message.push_str(&format!(" ({label}: {})", names.join(", ")));
    message
}

/// Levenshtein distance in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_values_come_first() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("a/res/73/27", "a/res/73/27"), 0);
        let known: BTreeSet<String> = ["A/RES/73/27", "A/RES/73/266", "A/70/174", "Chung2019"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(
            refusal("document", "A/RES/73/999", &known),
            "no document A/RES/73/999 in the index (closest: A/RES/73/27, A/RES/73/266, A/70/174)"
        );
        let processes: BTreeSet<String> = ["GGE", "OEWG"].into_iter().map(String::from).collect();
        assert_eq!(
            refusal("process", "XYZ", &processes),
            "no process XYZ in the index (it has: GGE, OEWG)"
        );
        let few: BTreeSet<String> = ["A/RES/73/266", "A/RES/73/27", "Chung2019"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(
            refusal("document", "A/RES/73/999", &few),
            "no document A/RES/73/999 in the index (it has: A/RES/73/27, A/RES/73/266, Chung2019)"
        );
    }
}
