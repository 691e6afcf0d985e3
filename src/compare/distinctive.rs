//! Distinctive terms: for each group, the words that most set it apart from the other group (of two) or from the rest of the selection, ranked by G², read from the whole term dictionary.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::DocSet;
use tantivy::TERMINATED;
use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;

use super::counts::{CompareOptions, Counted, Universe};
use super::keyness::{self, Keyness};
use super::stopwords::StopWords;
use crate::analysis;
use crate::error::Result;
use crate::index::Index;

/// What to look for.
#[derive(Debug, Clone)]
pub struct DistinctiveOptions {
    /// Grouping and selection (its `terms` are not used).
    pub select: CompareOptions,
    /// Terms per group.
    pub top: usize,
    /// Leave out terms found fewer times than this in the group.
    pub min_count: u64,
    /// Words to leave out (analysed like the text).
    pub stop_words: StopWords,
}

/// What [`Index::distinctive`] found: each group's terms, group by group,
/// best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistinctiveTerms {
    /// What was counted: the grouping, the selection, its size (the same
    /// line and record a comparison starts with).
    pub counted: Counted,
    /// The terms.
    pub terms: Vec<Distinctive>,
}

/// A term that distinguishes a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Distinctive {
    /// The group.
    pub group: String,
    /// 1 for the most distinctive.
    pub rank: usize,
    /// Its most frequent written form (the indexed term, a stem unless
    /// `exact`, is the statistics' `term`).
    pub form: String,
    /// The statistics against the rest of the selection.
    #[serde(flatten)]
    pub keyness: Keyness,
    /// Rate per 10,000 words in the group.
    pub per_10k: Option<f64>,
}

impl Index {
    /// For each group, the terms that most distinguish it — from the other
    /// group when there are two, else from the rest of the selection: more
    /// frequent there than there, ranked by G².
    /// Words without a letter (numbers) are left out.
    pub fn distinctive(&self, options: &DistinctiveOptions) -> Result<DistinctiveTerms> {
        self.check_filters(&options.select.filters)?;
        let searcher = self.searcher();
        let u = Universe::build(&searcher, &options.select)?;
        let n = u.group_names.len();
        let sizes = u.group_sizes();
        let total_words: u64 = u.total_words();
        let exact = options.select.exact;
        let field = if exact {
            self.fields.text_exact
        } else {
            self.fields.text
        };
        let mut analyzer = if exact {
            analysis::exact()
        } else {
            analysis::stemmed()
        };
        let stop: std::collections::HashSet<String> = options
            .stop_words
            .words()
            .flat_map(|w| analysis::terms(&mut analyzer, w))
            .map(|(_, t)| t)
            .collect();
        // term → (count per group, total count over selected passages)
        let mut table: HashMap<String, (HashMap<u32, u64>, u64)> = HashMap::new();
        for (si, seg) in searcher.segment_readers().iter().enumerate() {
            let Some(docs) = u.segments.get(si) else {
                continue;
            };
            let inverted = seg.inverted_index(field)?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if !term.chars().any(char::is_alphabetic) || stop.contains(term) {
                    continue;
                }
                let mut postings = inverted
                    .read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqs)
                    .map_err(tantivy::TantivyError::from)?;
                let entry = table.entry(term.to_owned()).or_default();
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if let Some(Some(info)) = docs.get(doc as usize) {
                        let c = u64::from(postings.term_freq());
                        entry.1 += c;
                        for &g in &info.groups {
                            *entry.0.entry(g).or_insert(0) += c;
                        }
                    }
                    doc = postings.advance();
                }
            }
        }
        let forms = if exact {
            HashMap::new()
        } else {
            self.written_forms(&searcher)?
        };
        let mut per_group: Vec<Vec<Distinctive>> = vec![Vec::new(); n];
        for (term, (by_group, total)) in &table {
            for (&g, &a) in by_group {
                let Some((name, c)) = u.group_names.get(g as usize).zip(sizes.get(g as usize))
                else {
                    continue;
                };
                if a < options.min_count {
                    continue;
                }
                // Two groups (OEWG and GGE, say) are compared with each other; more
                // are each compared with the rest of the selection.
                let k = match (
                    n,
                    u.group_names.get(1 - (g as usize).min(1)),
                    sizes.get(1 - (g as usize).min(1)),
                ) {
                    (2, Some(other), Some(d)) => {
                        let b = by_group.get(&(1 - g.min(1))).copied().unwrap_or(0);
                        Keyness::compute(term, name, other, a, b, *c, *d)
                    }
                    _ => Keyness::compute(term, name, "rest", a, total - a, *c, total_words - c),
                };
                if k.direction != "+" {
                    continue;
                }
                if let Some(list) = per_group.get_mut(g as usize) {
                    list.push(Distinctive {
                        group: name.clone(),
                        rank: 0,
                        form: forms.get(term).cloned().unwrap_or_else(|| term.clone()),
                        per_10k: keyness::per_10k(a, *c),
                        keyness: k,
                    });
                }
            }
        }
        let mut out = Vec::new();
        for mut list in per_group {
            list.sort_by(|x, y| {
                y.keyness
                    .g2
                    .unwrap_or(0.0)
                    .total_cmp(&x.keyness.g2.unwrap_or(0.0))
                    .then_with(|| x.keyness.term.cmp(&y.keyness.term))
            });
            list.truncate(options.top);
            for (i, d) in list.iter_mut().enumerate() {
                d.rank = i + 1;
            }
            out.extend(list);
        }
        Ok(DistinctiveTerms {
            counted: Counted {
                by: options.select.by,
                counted: u.counted.clone(),
                total_words,
            },
            terms: out,
        })
    }

    /// For each stem, its most frequent written form (by passages), so that
    /// "mandat" is shown as "mandate".
    fn written_forms(&self, searcher: &tantivy::Searcher) -> Result<HashMap<String, String>> {
        let mut stemmer = analysis::stemmed();
        let mut best: HashMap<String, (u64, String)> = HashMap::new();
        let mut df: HashMap<String, u64> = HashMap::new();
        for seg in searcher.segment_readers() {
            let inverted = seg.inverted_index(self.fields.text_exact)?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                if let Ok(word) = std::str::from_utf8(stream.key()) {
                    *df.entry(word.to_owned()).or_insert(0) += u64::from(stream.value().doc_freq);
                }
            }
        }
        for (word, n) in df {
            let Some((_, stem)) = analysis::terms(&mut stemmer, &word).into_iter().next() else {
                continue;
            };
            let slot = best.entry(stem).or_insert((0, String::new()));
            if n > slot.0 || (n == slot.0 && word < slot.1) {
                *slot = (n, word);
            }
        }
        Ok(best.into_iter().map(|(stem, (_, w))| (stem, w)).collect())
    }
}
