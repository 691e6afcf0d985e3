//! Counting terms per group straight from the index: postings for occurrences, positions for phrases, fast fields for group membership and word counts.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use tantivy::columnar::StrColumn;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED, Term};

use super::keyness::{self, Keyness};
use super::{DocumentSize, Group, GroupBy, Occurrence, TermCount};
use crate::analysis;
use crate::corpus::symbol::cmp_symbols;
use crate::corpus::{Part, process};
use crate::error::{Error, Result};
use crate::index::columns::StrValues;
use crate::index::{Fields, Index};
use crate::search::Selection;

/// Above this many groups, each group is compared with the rest instead of
/// with every other group one by one (n·(n−1) pairs would drown the reader).
pub const MAX_PAIRWISE_GROUPS: usize = 10;

/// What to compare.
#[derive(Debug, Clone, Default)]
pub struct CompareOptions {
    /// Words or phrases (`"international law"`, with or without the quotes).
    pub terms: Vec<String>,
    /// How passages are grouped.
    pub by: GroupBy,
    /// Which passages: the documents, processes, parts and kinds of
    /// document to count in (the filters `search` takes). Grouped by
    /// process, commentary is left out unless a kind is given: the
    /// processes' own texts are what is compared.
    pub filters: Selection,
    /// Count surface forms (unstemmed) instead of stems.
    pub exact: bool,
    /// Compare each group with the rest of the selection even when there are few groups.
    pub vs_rest: bool,
}

/// The result of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// How passages were grouped.
    pub by: GroupBy,
    /// The groups, in a stable order.
    pub groups: Vec<Group>,
    /// One record per term and group.
    pub counts: Vec<TermCount>,
    /// One record per term and ordered pair of groups (or group and `rest`).
    pub keyness: Vec<Keyness>,
    /// Where each term occurs, for dispersion plots.
    pub occurrences: Vec<Occurrence>,
    /// The selected documents' lengths in passages.
    pub documents: Vec<DocumentSize>,
    /// Words in the selected passages.
    pub total_words: u64,
    /// What was counted, in a sentence for the reader (the selection and
    /// what it leaves out).
    pub counted: String,
    /// Groups left out of `counts` and `keyness` by [`Comparison::keep_top`], per term.
    pub left_out: Vec<LeftOut>,
}

/// What a comparison counted: its grouping, the selection in a sentence
/// and its size (`compare --json`'s first record).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counted {
    /// How passages were grouped.
    pub by: GroupBy,
    /// What was counted, in a sentence for the reader.
    pub counted: String,
    /// Words in the selected passages.
    pub total_words: u64,
}

/// Each term's totals over a comparison's selection (`compare --summary`):
/// what was counted, the groups, a total per term.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparisonSummary {
    /// What was counted.
    pub counted: Counted,
    /// The groups.
    pub groups: Vec<Group>,
    /// One total per term.
    pub terms: Vec<TermSummary>,
}

/// What [`Comparison::keep_top`] left out for one term.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    /// The term.
    pub term: String,
    /// Groups left out.
    pub groups: u64,
    /// Of those, groups where the term occurs.
    pub groups_with_term: u64,
    /// Occurrences in the groups left out.
    pub count: u64,
}

/// A term's totals over the whole selection (`compare --summary`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermSummary {
    /// The term as given.
    pub term: String,
    /// Occurrences in the selection.
    pub count: u64,
    /// Words in the selection.
    pub words: u64,
    /// Occurrences per 10,000 words.
    pub per_10k: Option<f64>,
    /// Passages it occurs in (a passage in two groups counted once).
    pub passages: u64,
    /// Groups it occurs in.
    pub groups_with_term: u64,
    /// Groups in all.
    pub groups: u64,
}

impl Comparison {
    /// Keeps, for each term, only the `n` groups where it occurs most (ties
    /// in group order), most first, and the keyness of those groups (when
    /// there are more than `n` groups; else changes nothing); records in
    /// `left_out` what went. The statistics are those of the whole
    /// selection: a group against the rest is still against all the rest.
    pub fn keep_top(&mut self, n: usize) {
        if self.groups.len() <= n {
            // Nothing to leave out: the groups keep their own order.
            return;
        }
        let mut kept: HashSet<(String, String)> = HashSet::new();
        let mut left_out = Vec::new();
        let mut ranked: Vec<TermCount> = Vec::new();
        let order: HashMap<&str, usize> = self
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.name.as_str(), i))
            .collect();
        let mut terms: Vec<&str> = Vec::new();
        for c in &self.counts {
            if !terms.contains(&c.term.as_str()) {
                terms.push(&c.term);
            }
        }
        for term in terms {
            let mut rows: Vec<&TermCount> = self.counts.iter().filter(|c| c.term == term).collect();
            rows.sort_by_key(|c| {
                (
                    std::cmp::Reverse(c.count),
                    order.get(c.group.as_str()).copied().unwrap_or(usize::MAX),
                )
            });
            let (top, rest) = rows.split_at(n.min(rows.len()));
            for c in top {
                kept.insert((term.to_owned(), c.group.clone()));
                ranked.push((*c).clone());
            }
            if !rest.is_empty() {
                left_out.push(LeftOut {
                    term: term.to_owned(),
                    groups: rest.len() as u64,
                    groups_with_term: rest.iter().filter(|c| c.count > 0).count() as u64,
                    count: rest.iter().map(|c| c.count).sum(),
                });
            }
        }
        let is_kept = |term: &str, group: &str| kept.contains(&(term.to_owned(), group.to_owned()));
        // The groups kept, most occurrences first.
        self.counts = ranked;
        self.keyness.retain(|k| {
            is_kept(&k.term, &k.target) && (k.reference == "rest" || is_kept(&k.term, &k.reference))
        });
        self.left_out = left_out;
    }

    /// What was counted: the grouping, the selection, its size.
    pub fn counted(&self) -> Counted {
        Counted {
            by: self.by,
            counted: self.counted.clone(),
            total_words: self.total_words,
        }
    }

    /// Each term's totals over the selection, with what was counted and the groups.
    pub fn summary(&self) -> ComparisonSummary {
        ComparisonSummary {
            counted: self.counted(),
            groups: self.groups.clone(),
            terms: self.term_totals(),
        }
    }

    /// Each term's totals over the selection.
    fn term_totals(&self) -> Vec<TermSummary> {
        let mut out: Vec<TermSummary> = Vec::new();
        for c in &self.counts {
            let i = match out.iter().position(|s| s.term == c.term) {
                Some(i) => i,
                None => {
                    out.push(TermSummary {
                        term: c.term.clone(),
                        count: 0,
                        words: self.total_words,
                        per_10k: None,
                        passages: 0,
                        groups_with_term: 0,
                        groups: self.groups.len() as u64,
                    });
                    out.len() - 1
                }
            };
            if let Some(s) = out.get_mut(i) {
                s.groups_with_term += u64::from(c.count > 0);
            }
        }
        // Occurrences and passages from the occurrence list: a passage of two
        // processes is in two groups but is one passage.
        for o in &self.occurrences {
            if let Some(s) = out.iter_mut().find(|s| s.term == o.term) {
                s.count += o.count;
                s.passages += 1;
            }
        }
        for s in &mut out {
            s.per_10k = keyness::per_10k(s.count, s.words);
        }
        out
    }
}

/// The passages a comparison counts: the selection, its values compared
/// in key form as `search` compares them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Chosen {
    /// The selection in key form.
    keys: Selection,
    /// Grouped by process and no kind asked for: commentary is text about
    /// the processes (a lecture comparing them is tagged with both), not
    /// text of them, and would swell both groups with the same words.
    primary_only: bool,
    /// The selection as given, for the description.
    given: Selection,
}

impl Chosen {
    pub(crate) fn new(filters: &Selection, by: GroupBy) -> Chosen {
        Chosen {
            keys: filters.keys(),
            primary_only: by == GroupBy::Process && filters.kinds.is_empty(),
            given: filters.clone(),
        }
    }

    /// The sentence saying what is counted.
    pub(crate) fn describe(&self, by: GroupBy) -> String {
        let mut what = if self.primary_only {
            "passages of resolutions, decisions and reports (commentary is left out when grouping by process: give --kind commentary to count it)".to_owned()
        } else if self.keys.kinds.is_empty() {
            "every passage".to_owned()
        } else {
            format!("passages of kind {}", self.keys.kinds.join(", "))
        };
        for (flag, list) in [
            ("--doc", &self.given.docs),
            ("--process", &self.given.processes),
            ("--part", &self.keys.parts),
        ] {
            if !list.is_empty() {
                what.push_str(&format!(", {flag} {}", list.join(", ")));
            }
        }
        let by = match by {
            GroupBy::Doc => "document",
            GroupBy::Process => "process",
            GroupBy::Part => "part",
        };
        format!("Counted: {what}; grouped by {by}.")
    }
}

/// One selected passage of a segment.
#[derive(Clone, Default)]
pub(crate) struct DocInfo {
    pub(crate) groups: Vec<u32>,
    pub(crate) words: u64,
    pub(crate) symbol: u32,
    pub(crate) seq: u64,
}

/// What the comparison knows of every selected passage.
pub(crate) struct Universe {
    pub(crate) group_names: Vec<String>,
    pub(crate) symbols: Vec<String>,
    /// Per segment, per doc id: the passage, if selected.
    pub(crate) segments: Vec<Vec<Option<DocInfo>>>,
    /// What was selected, in a sentence.
    pub(crate) counted: String,
}

fn canonical_order(by: GroupBy, names: &mut [String]) {
    match by {
        GroupBy::Doc => names.sort_by(|a, b| cmp_symbols(a, b)),
        GroupBy::Process => names.sort_by(|a, b| process::order(a).cmp(&process::order(b))),
        GroupBy::Part => names.sort_by_key(|x| {
            Part::ALL
                .iter()
                .position(|p| p.as_str() == x)
                .unwrap_or(Part::ALL.len())
        }),
    }
}

/// Gives each distinct string a number, in order of first sight.
#[derive(Default)]
struct Interner {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl Interner {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.index.insert(name.to_owned(), i);
        self.names.push(name.to_owned());
        i
    }

    /// The names in `order`, and for each old number its new one.
    fn reorder(self, order: impl FnOnce(&mut [String])) -> (Vec<String>, Vec<u32>) {
        let mut sorted = self.names.clone();
        order(&mut sorted);
        let new_index: HashMap<&String, u32> = sorted
            .iter()
            .enumerate()
            .map(|(i, n)| (n, i as u32))
            .collect();
        let remap = self
            .names
            .iter()
            .map(|n| new_index.get(n).copied().unwrap_or(0))
            .collect();
        (sorted, remap)
    }
}

impl Universe {
    /// Words in each group, and in all selected passages.
    pub(crate) fn group_sizes(&self) -> Vec<u64> {
        let mut sizes = vec![0u64; self.group_names.len()];
        for d in self.segments.iter().flatten().flatten() {
            for &g in &d.groups {
                if let Some(s) = sizes.get_mut(g as usize) {
                    *s += d.words;
                }
            }
        }
        sizes
    }

    /// Words in all selected passages, each counted once.
    pub(crate) fn total_words(&self) -> u64 {
        self.segments
            .iter()
            .flatten()
            .flatten()
            .map(|d| d.words)
            .sum()
    }

    pub(crate) fn build(searcher: &tantivy::Searcher, o: &CompareOptions) -> Result<Universe> {
        let sel = Chosen::new(&o.filters, o.by);
        let keys = &sel.keys;
        let mut groups_seen = Interner::default();
        let mut symbols_seen = Interner::default();
        let mut segments = Vec::new();
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let symbol_col = StrValues::open(ff, Fields::SYMBOL)?;
            let process_col = StrValues::open(ff, Fields::PROCESS)?;
            let part_col = StrValues::open(ff, Fields::PART)?;
            let kind_col = StrValues::open(ff, Fields::KIND)?;
            let words_col = ff.u64(Fields::WORDS)?;
            let seq_col = ff.u64(Fields::SEQ)?;
            let alive = seg.alive_bitset();
            let mut docs = Vec::with_capacity(seg.max_doc() as usize);
            let wanted = Selection::wants;
            for doc in 0..seg.max_doc() {
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    docs.push(None);
                    continue;
                }
                let symbol = symbol_col.first(doc).unwrap_or_default();
                let kind = kind_col.first(doc).unwrap_or_default();
                let any = |list: &[String], col: &StrValues| {
                    list.is_empty() || col.all(doc).any(|v| wanted(list, v))
                };
                let selected = wanted(&keys.docs, symbol)
                    && any(&keys.processes, &process_col)
                    && any(&keys.parts, &part_col)
                    && wanted(&keys.kinds, kind)
                    && !(sel.primary_only && kind.eq_ignore_ascii_case("commentary"));
                if !selected {
                    docs.push(None);
                    continue;
                }
                let groups = match o.by {
                    GroupBy::Doc => vec![groups_seen.intern(symbol)],
                    // With --process, a passage of two processes counts only in those asked for.
                    GroupBy::Process => process_col
                        .all(doc)
                        .filter(|p| wanted(&keys.processes, p))
                        .map(|p| groups_seen.intern(p))
                        .collect(),
                    GroupBy::Part => part_col.all(doc).map(|p| groups_seen.intern(p)).collect(),
                };
                docs.push(Some(DocInfo {
                    groups,
                    words: words_col.first(doc).unwrap_or(0),
                    symbol: symbols_seen.intern(symbol),
                    seq: seq_col.first(doc).unwrap_or(0),
                }));
            }
            segments.push(docs);
        }
        let by = o.by;
        let (group_names, group_map) = groups_seen.reorder(|n| canonical_order(by, n));
        let (symbols, symbol_map) = symbols_seen.reorder(|n| n.sort_by(|a, b| cmp_symbols(a, b)));
        for d in segments.iter_mut().flatten().flatten() {
            for g in d.groups.iter_mut() {
                *g = group_map.get(*g as usize).copied().unwrap_or(0);
            }
            d.symbol = symbol_map.get(d.symbol as usize).copied().unwrap_or(0);
        }
        Ok(Universe {
            group_names,
            symbols,
            segments,
            counted: sel.describe(by),
        })
    }
}

/// The ids of the given passages, read from each segment's id column in
/// ordinal order: one pass over the dictionary, not one lookup per passage.
fn passage_ids(
    columns: &[Option<StrColumn>],
    docs: impl Iterator<Item = (usize, DocId)>,
) -> Result<HashMap<(usize, DocId), String>> {
    let mut by_segment: BTreeMap<usize, Vec<DocId>> = BTreeMap::new();
    for (si, doc) in docs {
        by_segment.entry(si).or_default().push(doc);
    }
    let mut out = HashMap::new();
    for (si, docs) in by_segment {
        let Some(Some(col)) = columns.get(si) else {
            continue;
        };
        let mut pairs: Vec<(u64, DocId)> = docs
            .into_iter()
            .filter_map(|d| col.term_ords(d).next().map(|o| (o, d)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let ords: Vec<u64> = pairs.iter().map(|(o, _)| *o).collect();
        let mut names = Vec::with_capacity(ords.len());
        col.dictionary()
            .sorted_ords_to_term_cb(&ords, |bytes| {
                names.push(String::from_utf8_lossy(bytes).into_owned())
            })
            .map_err(tantivy::TantivyError::from)?;
        for ((_, doc), name) in pairs.into_iter().zip(names) {
            out.insert((si, doc), name);
        }
    }
    Ok(out)
}

/// A term's analyzed words and their relative positions.
pub(crate) fn analyze_term(term: &str, exact: bool) -> Result<Vec<(usize, String)>> {
    let t = term.trim().trim_matches('"');
    let mut analyzer = if exact {
        analysis::exact()
    } else {
        analysis::stemmed()
    };
    let words = analysis::terms(&mut analyzer, t);
    if words.is_empty() {
        return Err(Error::Query(format!(
            "the term {term:?} has no words to count"
        )));
    }
    let first = words.first().map_or(0, |(p, _)| *p);
    Ok(words.into_iter().map(|(p, w)| (p - first, w)).collect())
}

/// Calls `f(doc, count)` for every document of the segment holding the term
/// (a word, or the words in a row at the given relative positions).
pub(crate) fn for_each_count(
    seg: &SegmentReader,
    field: Field,
    words: &[(usize, String)],
    mut f: impl FnMut(DocId, u64),
) -> Result<()> {
    let inverted = seg.inverted_index(field)?;
    let option = if words.len() == 1 {
        IndexRecordOption::WithFreqs
    } else {
        IndexRecordOption::WithFreqsAndPositions
    };
    let mut lists: Vec<SegmentPostings> = Vec::with_capacity(words.len());
    for (_, w) in words {
        match inverted
            .read_postings(&Term::from_field_text(field, w), option)
            .map_err(tantivy::TantivyError::from)?
        {
            Some(p) => lists.push(p),
            None => return Ok(()),
        }
    }
    if let [single] = lists.as_mut_slice() {
        let mut doc = single.doc();
        while doc != TERMINATED {
            f(doc, u64::from(single.term_freq()));
            doc = single.advance();
        }
        return Ok(());
    }
    let offsets: Vec<u32> = words.iter().map(|(p, _)| *p as u32).collect();
    let mut positions: Vec<Vec<u32>> = vec![Vec::new(); lists.len()];
    let mut target = lists.first().map_or(TERMINATED, |p| p.doc());
    'docs: while target != TERMINATED {
        for p in lists.iter_mut() {
            // A list may already stand past the target (it was not moved in
            // the last round); tantivy's seek wants a target at or after it.
            let d = if p.doc() < target {
                p.seek(target)
            } else {
                p.doc()
            };
            if d != target {
                target = d;
                continue 'docs;
            }
        }
        for (p, out) in lists.iter_mut().zip(positions.iter_mut()) {
            out.clear();
            p.positions(out);
        }
        let count = phrase_count(&positions, &offsets);
        if count > 0 {
            f(target, count);
        }
        target = match lists.first_mut() {
            Some(p) => p.advance(),
            None => TERMINATED,
        };
    }
    Ok(())
}

/// How many times the words stand in a row: starts `p` of the first word
/// such that every word i is at `p + offset_i`.
fn phrase_count(positions: &[Vec<u32>], offsets: &[u32]) -> u64 {
    let Some(first) = positions.first() else {
        return 0;
    };
    let base = offsets.first().copied().unwrap_or(0);
    first
        .iter()
        .filter(|&&p| {
            positions
                .iter()
                .zip(offsets)
                .skip(1)
                .all(|(list, off)| list.binary_search(&(p + off - base)).is_ok())
        })
        .count() as u64
}

#[derive(Default, Clone)]
struct Tally {
    count: u64,
    hits: Vec<(u64, u64)>,
    ids: Vec<(u32, u64, DocId, usize)>,
}

impl Index {
    /// Counts `options.terms` per group and computes their keyness and dispersion.
    pub fn compare(&self, options: &CompareOptions) -> Result<Comparison> {
        if options.terms.is_empty() {
            return Err(Error::Query("name at least one term to compare".into()));
        }
        self.check_filters(&options.filters)?;
        let searcher = self.searcher();
        let u = Universe::build(&searcher, options)?;
        let id_columns = searcher
            .segment_readers()
            .iter()
            .map(|r| r.fast_fields().str(Fields::ID))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let n = u.group_names.len();
        let mut group_words = vec![0u64; n];
        let mut group_passages = vec![0u64; n];
        let mut group_min = vec![u64::MAX; n];
        let mut total_words = 0u64;
        let mut doc_sizes: BTreeMap<u32, u64> = BTreeMap::new();
        for docs in &u.segments {
            for d in docs.iter().flatten() {
                total_words += d.words;
                let size = doc_sizes.entry(d.symbol).or_insert(0);
                *size = (*size).max(d.seq + 1);
                for &g in &d.groups {
                    let g = g as usize;
                    if let (Some(w), Some(p), Some(m)) = (
                        group_words.get_mut(g),
                        group_passages.get_mut(g),
                        group_min.get_mut(g),
                    ) {
                        *w += d.words;
                        *p += 1;
                        *m = (*m).min(d.words);
                    }
                }
            }
        }
        let field = if options.exact {
            self.fields.text_exact
        } else {
            self.fields.text
        };
        let mut counts = Vec::new();
        let mut keyness = Vec::new();
        let mut occurrences = Vec::new();
        for term in &options.terms {
            let words = analyze_term(term, options.exact)?;
            let mut tallies = vec![Tally::default(); n];
            let mut total_count = 0u64;
            for (si, seg) in searcher.segment_readers().iter().enumerate() {
                let docs = u.segments.get(si);
                for_each_count(seg, field, &words, |doc, c| {
                    let Some(Some(info)) = docs.and_then(|d| d.get(doc as usize)) else {
                        return;
                    };
                    total_count += c;
                    occurrences.push(Occurrence {
                        term: term.clone(),
                        symbol: u
                            .symbols
                            .get(info.symbol as usize)
                            .cloned()
                            .unwrap_or_default(),
                        seq: info.seq,
                        count: c,
                    });
                    for &g in &info.groups {
                        if let Some(t) = tallies.get_mut(g as usize) {
                            t.count += c;
                            t.hits.push((c, info.words));
                            t.ids.push((info.symbol, info.seq, doc, si));
                        }
                    }
                })?;
            }
            let id_of = passage_ids(
                &id_columns,
                tallies
                    .iter()
                    .flat_map(|t| t.ids.iter().map(|&(_, _, d, si)| (si, d))),
            )?;
            let mut dps: Vec<Option<f64>> = Vec::with_capacity(n);
            for (g, tally) in tallies.iter_mut().enumerate() {
                let words_g = group_words.get(g).copied().unwrap_or(0);
                let min_g = group_min
                    .get(g)
                    .copied()
                    .filter(|m| *m != u64::MAX)
                    .unwrap_or(0);
                let (dp, dp_norm) = keyness::dispersion(&tally.hits, words_g, min_g);
                dps.push(dp);
                tally.ids.sort();
                let ids: Vec<String> = tally
                    .ids
                    .iter()
                    .map(|&(_, _, doc, si)| id_of.get(&(si, doc)).cloned().unwrap_or_default())
                    .collect();
                counts.push(TermCount {
                    term: term.clone(),
                    group: u.group_names.get(g).cloned().unwrap_or_default(),
                    count: tally.count,
                    words: words_g,
                    per_10k: keyness::per_10k(tally.count, words_g),
                    passages: tally.ids.len() as u64,
                    ids,
                    dp,
                    dp_norm,
                });
            }
            let pairwise = n <= MAX_PAIRWISE_GROUPS && !options.vs_rest;
            for t in 0..n {
                let name_t = u.group_names.get(t).cloned().unwrap_or_default();
                let a = tallies.get(t).map_or(0, |x| x.count);
                let c = group_words.get(t).copied().unwrap_or(0);
                if pairwise {
                    for r in (0..n).filter(|&r| r != t) {
                        let b = tallies.get(r).map_or(0, |x| x.count);
                        let d = group_words.get(r).copied().unwrap_or(0);
                        let name_r = u.group_names.get(r).cloned().unwrap_or_default();
                        let mut k = Keyness::compute(term, &name_t, &name_r, a, b, c, d);
                        k.dp_target = dps.get(t).copied().flatten();
                        k.dp_reference = dps.get(r).copied().flatten();
                        keyness.push(k);
                    }
                } else {
                    // The rest: every selected passage outside the target. A passage
                    // counts once in a group, so the rest is the total less the group.
                    let b = total_count.saturating_sub(a);
                    let d = total_words.saturating_sub(c);
                    let mut k = Keyness::compute(term, &name_t, "rest", a, b, c, d);
                    k.dp_target = dps.get(t).copied().flatten();
                    keyness.push(k);
                }
            }
        }
        occurrences.sort_by(|x, y| {
            x.term
                .cmp(&y.term)
                .then_with(|| cmp_symbols(&x.symbol, &y.symbol))
                .then(x.seq.cmp(&y.seq))
        });
        let documents = doc_sizes
            .into_iter()
            .map(|(s, passages)| DocumentSize {
                symbol: u.symbols.get(s as usize).cloned().unwrap_or_default(),
                passages,
            })
            .collect();
        let groups = u
            .group_names
            .iter()
            .enumerate()
            .map(|(g, name)| Group {
                name: name.clone(),
                words: group_words.get(g).copied().unwrap_or(0),
                passages: group_passages.get(g).copied().unwrap_or(0),
            })
            .collect();
        Ok(Comparison {
            by: options.by,
            groups,
            counts,
            keyness,
            occurrences,
            documents,
            total_words,
            counted: u.counted.clone(),
            left_out: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::phrase_count;

    #[test]
    fn phrases_are_counted_where_every_word_stands_in_its_place() {
        // "a b c" at 0-2 and 7-9; "a b" alone at 4-5.
        let positions = vec![vec![0, 4, 7], vec![1, 5, 8], vec![2, 9]];
        assert_eq!(phrase_count(&positions, &[0, 1, 2]), 2);
        assert_eq!(phrase_count(&positions[..2], &[0, 1]), 3);
        assert_eq!(phrase_count(&[], &[]), 0);
    }
}
