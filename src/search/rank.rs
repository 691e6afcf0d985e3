//! Ranking: the top hits by score, ties broken by symbol and place in the document, without comparing symbols for every match.
//!
//! The order is (score descending, symbol ascending, `seq` ascending), so
//! that a ranking never depends on file names, segment layout or thread
//! count; symbols are compared as the UN numbers them
//! ([`cmp_symbols`]: A/RES/73/27 before A/RES/73/266). Asking tantivy for that order directly makes it read and compare
//! a sort key for every matching passage (tens of thousands for a common
//! word). Instead one pass keeps only the passages that can still be among
//! the first `k` by score, ties at the bar included, and counts the matches;
//! those few are then sorted by the full order, reading symbol and `seq`
//! from the fast fields. For a term, or a union of terms (a word in its
//! stemmed and exact forms), the matches are counted apart and the pass
//! skips, with block-WAND, the blocks of postings that cannot reach the bar.
//!
//! When very many passages tie at the bar (a query whose every match scores
//! the same), tantivy's own ordered collector is used instead: reading that
//! many symbols would cost more. Both give the same order.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::AtomicU32;
use std::sync::atomic::Ordering::Relaxed;

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::query::{Query, Weight};
use tantivy::{
    DocAddress, DocId, Order, Score, Searcher, SegmentOrdinal, SegmentReader, index::SegmentId,
};

use super::plan::Shape;
use crate::corpus::symbol::cmp_symbols;
use crate::error::Result;
use crate::index::Fields;

/// A hit's sort key as tantivy's ordered collector gives it: (score,
/// symbol) and `seq`.
type SortKey = ((f32, Option<String>), Option<u64>);

/// The exhaustive collector's key: (score, symbol's rank) and `seq`.
type RankKey = ((f32, u64), Option<u64>);

/// Above this many passages at or above the bar, tantivy's exhaustive
/// ordered collector is cheaper than reading their symbols one by one.
const MAX_CANDIDATES: usize = 20_000;

/// The hits ranked `offset + 1 ..= offset + limit` with their scores, and
/// how many passages match in all, by the `shape` [`plan`](super::plan)
/// gave the query: a term or a union of terms is pruned, which pays for a
/// separate count; anything else is scored in full and counted as it is.
pub(crate) fn top(
    searcher: &Searcher,
    query: &dyn Query,
    shape: &Shape,
    limit: usize,
    offset: usize,
) -> Result<(Vec<(Score, DocAddress)>, usize)> {
    // Never ask for more places than the index has passages.
    let docs = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    let limit = limit.min(docs);
    let k = offset.saturating_add(limit);
    // Terms are counted apart (a term by its document frequency, a union by
    // a walk that scores nothing), so that their pass may skip what cannot
    // rank; anything else (a phrase, an intersection) is scored in full
    // anyway and counted in the same pass.
    let counted = match shape {
        Shape::Term => Some(query.count(searcher)?),
        // The same matches, counted more cheaply when the plan says how.
        Shape::Union { count } => Some(count.as_deref().unwrap_or(query).count(searcher)?),
        Shape::General => None,
    };
    if limit == 0 || offset >= docs || counted == Some(0) {
        let matched = match counted {
            Some(n) => n,
            None => query.count(searcher)?,
        };
        return Ok((Vec::new(), matched));
    }
    let collector = Candidates::new(k, counted.is_some());
    let (candidates, seen) = searcher.search(query, &collector)?;
    let matched = counted.unwrap_or(seen as usize);
    if candidates.len() > MAX_CANDIDATES {
        return Ok((exhaustive(searcher, query, limit, offset)?, matched));
    }
    Ok((order(searcher, candidates, k, offset)?, matched))
}

/// Sorts the candidates by the full order and keeps places `offset..k`.
fn order(
    searcher: &Searcher,
    mut hits: Vec<(Score, DocAddress)>,
    k: usize,
    offset: usize,
) -> Result<Vec<(Score, DocAddress)>> {
    hits.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut keys = Keys::new(searcher);
    let mut out: Vec<(Score, DocAddress)> = Vec::with_capacity(k.min(hits.len()));
    let mut i = 0;
    while i < hits.len() && out.len() < k {
        let score = hits[i].0;
        let end = i + hits[i..].iter().take_while(|h| h.0 == score).count();
        if end - i == 1 {
            out.extend(&hits[i..end]);
        } else {
            // Only a tie needs symbol and seq to decide the order.
            let mut run: Vec<(SortKey, DocAddress)> = Vec::with_capacity(end - i);
            for &(s, addr) in &hits[i..end] {
                let (symbol, seq) = keys.of(addr)?;
                run.push((((s, symbol), seq), addr));
            }
            run.sort_by(|a, b| compare(&a.0, &b.0).then(a.1.cmp(&b.1)));
            out.extend(
                run.into_iter()
                    .take(k - out.len())
                    .map(|(((s, _), _), a)| (s, a)),
            );
        }
        i = end;
    }
    Ok(out.into_iter().skip(offset).collect())
}

fn compare(a: &SortKey, b: &SortKey) -> Ordering {
    let (((sa, ya), qa), ((sb, yb), qb)) = (a, b);
    sb.total_cmp(sa)
        .then_with(|| cmp_symbol_keys(ya.as_deref(), yb.as_deref()))
        .then_with(|| qa.cmp(qb))
}

/// Symbols in the UN order; a passage without one (never made by undex) last.
fn cmp_symbol_keys(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => cmp_symbols(a, b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Symbol and `seq` of hits, read from the fast fields, each symbol's text
/// looked up once per segment.
struct Keys<'a> {
    searcher: &'a Searcher,
    columns: HashMap<SegmentOrdinal, Columns>,
}

struct Columns {
    symbol: Option<tantivy::columnar::StrColumn>,
    seq: Option<tantivy::columnar::Column<u64>>,
    names: HashMap<u64, String>,
}

impl<'a> Keys<'a> {
    fn new(searcher: &'a Searcher) -> Keys<'a> {
        Keys {
            searcher,
            columns: HashMap::new(),
        }
    }

    fn of(&mut self, addr: DocAddress) -> Result<(Option<String>, Option<u64>)> {
        let c = match self.columns.entry(addr.segment_ord) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let ff = self.searcher.segment_reader(addr.segment_ord).fast_fields();
                e.insert(Columns {
                    symbol: ff.str(Fields::SYMBOL)?,
                    seq: ff.u64(Fields::SEQ).ok(),
                    names: HashMap::new(),
                })
            }
        };
        let seq = c.seq.as_ref().and_then(|s| s.first(addr.doc_id));
        let Some(col) = &c.symbol else {
            return Ok((None, seq));
        };
        let Some(ord) = col.term_ords(addr.doc_id).next() else {
            return Ok((None, seq));
        };
        if let Some(name) = c.names.get(&ord) {
            return Ok((Some(name.clone()), seq));
        }
        let mut buf = String::new();
        if !col
            .ord_to_str(ord, &mut buf)
            .map_err(tantivy::TantivyError::from)?
        {
            return Ok((None, seq));
        }
        c.names.insert(ord, buf.clone());
        Ok((Some(buf), seq))
    }
}

/// tantivy's ordered collector over every match: the reference order, used
/// when too many passages share the bar. Symbols are ordered by their rank
/// in the UN order ([`symbol_ranks`]), which tantivy compares as numbers.
fn exhaustive(
    searcher: &Searcher,
    query: &dyn Query,
    limit: usize,
    offset: usize,
) -> Result<Vec<(Score, DocAddress)>> {
    let ranks = Arc::new(symbol_ranks(searcher)?);
    let by_symbol = move |seg: &SegmentReader| {
        let table = ranks.get(&seg.segment_id()).cloned().unwrap_or_default();
        let column = seg.fast_fields().str(Fields::SYMBOL).ok().flatten();
        move |doc: DocId| -> u64 {
            column
                .as_ref()
                .and_then(|c| c.term_ords(doc).next())
                .and_then(|o| table.get(usize::try_from(o).ok()?).copied())
                .unwrap_or(u64::MAX)
        }
    };
    let collector = TopDocs::with_limit(limit).and_offset(offset).order_by((
        (
            (SortBySimilarityScore, Order::Desc),
            (by_symbol, Order::Asc),
        ),
        (
            SortByStaticFastValue::<u64>::for_field(Fields::SEQ),
            Order::Asc,
        ),
    ));
    let ranked: Vec<(RankKey, DocAddress)> = searcher.search(query, &collector)?;
    Ok(ranked.into_iter().map(|(((s, _), _), a)| (s, a)).collect())
}

/// For each segment, the rank of each of its symbols (by term ordinal) in
/// the UN order of all the index's symbols: one pass over each dictionary.
fn symbol_ranks(searcher: &Searcher) -> Result<HashMap<SegmentId, Arc<Vec<u64>>>> {
    let mut per_segment: Vec<(SegmentId, Vec<String>)> = Vec::new();
    for seg in searcher.segment_readers() {
        let mut names = Vec::new();
        if let Some(col) = seg.fast_fields().str(Fields::SYMBOL)? {
            let mut terms = col
                .dictionary()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while terms.advance() {
                names.push(String::from_utf8_lossy(terms.key()).into_owned());
            }
        }
        per_segment.push((seg.segment_id(), names));
    }
    let mut all: Vec<&str> = per_segment
        .iter()
        .flat_map(|(_, n)| n.iter().map(String::as_str))
        .collect();
    all.sort_by(|a, b| cmp_symbols(a, b));
    all.dedup();
    let rank: HashMap<&str, u64> = all
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, i as u64))
        .collect();
    Ok(per_segment
        .iter()
        .map(|(id, names)| {
            let table = names
                .iter()
                .map(|n| rank.get(n.as_str()).copied().unwrap_or(u64::MAX))
                .collect();
            (*id, Arc::new(table))
        })
        .collect())
}

/// The passages that can be among the first `k` by score (ties at the bar
/// kept), and the number of live matches seen. With `prune`, the query's
/// pruning skips what cannot reach the bar, and the count is not kept.
struct Candidates {
    k: usize,
    prune: bool,
    /// The k-th best score so far, over all segments (f32 bits; segments
    /// are searched one after the other, and the bar only rises).
    bar: AtomicU32,
}

impl Candidates {
    fn new(k: usize, prune: bool) -> Candidates {
        Candidates {
            k,
            prune,
            bar: AtomicU32::new(f32::NEG_INFINITY.to_bits()),
        }
    }

    fn bar(&self) -> Score {
        f32::from_bits(self.bar.load(Relaxed))
    }
}

/// The hits kept in one segment, cut back to the best `k` (and ties) each
/// time they reach twice that.
struct Kept {
    k: usize,
    bar: Score,
    hits: Vec<(Score, DocAddress)>,
}

impl Kept {
    fn offer(&mut self, score: Score, addr: DocAddress) {
        if score < self.bar {
            return;
        }
        self.hits.push((score, addr));
        if self.hits.len() >= 2 * self.k.max(8) {
            self.cut();
        }
    }

    /// Keeps the best `k` and everything tied with the k-th; raises the bar.
    fn cut(&mut self) {
        if self.hits.len() <= self.k {
            return;
        }
        let (_, kth, _) = self
            .hits
            .select_nth_unstable_by(self.k - 1, |a, b| b.0.total_cmp(&a.0));
        let kth = kth.0;
        self.hits.retain(|h| h.0 >= kth);
        self.bar = self.bar.max(kth);
    }
}

/// Never used: `Candidates` collects each segment itself.
struct Unused;

impl SegmentCollector for Unused {
    type Fruit = (Vec<(Score, DocAddress)>, u64);

    fn collect(&mut self, _: DocId, _: Score) {}

    fn harvest(self) -> Self::Fruit {
        (Vec::new(), 0)
    }
}

impl Collector for Candidates {
    type Fruit = (Vec<(Score, DocAddress)>, u64);
    type Child = Unused;

    fn for_segment(&self, _: SegmentOrdinal, _: &SegmentReader) -> tantivy::Result<Unused> {
        Ok(Unused)
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let seen = fruits.iter().map(|f| f.1).sum();
        let mut all = Kept {
            k: self.k,
            bar: f32::NEG_INFINITY,
            hits: fruits.into_iter().flat_map(|f| f.0).collect(),
        };
        all.cut();
        Ok((all.hits, seen))
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Fruit> {
        let alive = reader.alive_bitset();
        let mut kept = Kept {
            k: self.k,
            bar: self.bar(),
            hits: Vec::new(),
        };
        let mut seen = 0u64;
        if self.prune {
            // A little under the bar: block-WAND compares per-block bounds,
            // which may round differently from the scores themselves, and a
            // tie at the bar must not be skipped.
            let under = |bar: Score| bar - bar.abs() * 1e-4 - f32::EPSILON;
            weight.for_each_pruning(under(kept.bar), reader, &mut |doc, score| {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    kept.offer(score, DocAddress::new(segment, doc));
                }
                under(kept.bar)
            })?;
        } else {
            weight.for_each(reader, &mut |doc, score| {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    seen += 1;
                    kept.offer(score, DocAddress::new(segment, doc));
                }
            })?;
        }
        kept.cut();
        if kept.hits.len() >= self.k {
            let bar = kept.bar;
            // Only ever raised; a failed update means another was higher.
            let _ = self.bar.fetch_update(Relaxed, Relaxed, |b| {
                (bar > f32::from_bits(b)).then_some(bar.to_bits())
            });
        }
        Ok((kept.hits, seen))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count;
    use tantivy::indexer::NoMergePolicy;
    use tantivy::query::{AllQuery, BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{FAST, INDEXED, IndexRecordOption, STRING, Schema, TEXT};
    use tantivy::{Index, IndexWriter, TantivyDocument, Term, doc};

    /// An index of `n` passages in one segment per 50 (no merge joins
    /// them, so the layout is the one built here), some deleted, with many
    /// equal scores: the worst case for tie-breaking.
    fn index(n: u64) -> (Index, tantivy::schema::Field) {
        let mut b = Schema::builder();
        let text = b.add_text_field("text", TEXT);
        let symbol = b.add_text_field("symbol", STRING | FAST);
        let seq = b.add_u64_field("seq", INDEXED | FAST);
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter<TantivyDocument> =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        w.set_merge_policy(Box::new(NoMergePolicy));
        for i in 0..n {
            // Few distinct texts, so scores tie in large groups.
            let words = [
                "alpha beta",
                "alpha",
                "alpha alpha gamma",
                "beta gamma delta alpha",
            ];
            let t = words[(i * 7 % 4) as usize];
            w.add_document(doc!(text => t, symbol => format!("S/{}", (i * 13) % 17), seq => i % 5))
                .unwrap();
            if i % 50 == 49 {
                w.commit().unwrap();
            }
        }
        w.delete_term(Term::from_field_u64(seq, 3));
        w.commit().unwrap();
        w.wait_merging_threads().unwrap();
        (index, text)
    }

    #[test]
    fn the_pruned_ranking_is_the_exhaustive_one() {
        let (index, text) = index(400);
        let searcher = index.reader().unwrap().searcher();
        // One thread, a budget no 50 passages fill, no merges: one segment per commit.
        assert_eq!(searcher.segment_readers().len(), 8);
        let term = |w: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(text, w),
                IndexRecordOption::WithFreqs,
            ))
        };
        let queries: Vec<Box<dyn Query>> = vec![
            term("alpha"),
            term("gamma"),
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, term("beta")),
                (Occur::Should, term("delta")),
            ])),
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, term("alpha")),
                (Occur::Must, term("beta")),
            ])),
            Box::new(AllQuery),
        ];
        for q in &queries {
            for (limit, offset) in [(1, 0), (10, 0), (10, 5), (37, 20), (1000, 0), (5, 1000)] {
                let (got, matched) =
                    top(&searcher, q.as_ref(), &Shape::General, limit, offset).unwrap();
                // Pruning is exact on any query; only the count's query must match the same.
                let union = Shape::Union { count: None };
                let (pruned, n) = top(&searcher, q.as_ref(), &union, limit, offset).unwrap();
                assert_eq!((&pruned, n), (&got, matched));
                let want = if offset < 400 {
                    exhaustive(&searcher, q.as_ref(), limit, offset).unwrap()
                } else {
                    Vec::new()
                };
                assert_eq!(matched, searcher.search(q.as_ref(), &Count).unwrap());
                assert_eq!(got, want, "{q:?}, limit {limit}, offset {offset}");
                assert_eq!(got, reference(&searcher, q.as_ref(), limit, offset));
                assert!(got.len() <= limit);
            }
        }
    }

    /// Every match scored by tantivy, sorted here by score, then symbol in
    /// the UN order, then seq, then address: the order both paths must give.
    fn reference(
        searcher: &Searcher,
        q: &dyn Query,
        limit: usize,
        offset: usize,
    ) -> Vec<(Score, DocAddress)> {
        let all = TopDocs::with_limit(searcher.num_docs() as usize).order_by_score();
        let scored = searcher.search(q, &all).unwrap();
        let mut keys = Keys::new(searcher);
        let mut full: Vec<(SortKey, DocAddress)> = scored
            .into_iter()
            .map(|(s, a)| {
                let (symbol, seq) = keys.of(a).unwrap();
                (((s, symbol), seq), a)
            })
            .collect();
        full.sort_by(|a, b| {
            let (((sa, ya), qa), ((sb, yb), qb)) = (&a.0, &b.0);
            sb.total_cmp(sa)
                .then_with(|| cmp_symbols(ya.as_deref().unwrap(), yb.as_deref().unwrap()))
                .then_with(|| qa.cmp(qb))
                .then(a.1.cmp(&b.1))
        });
        full.into_iter()
            .skip(offset)
            .take(limit)
            .map(|(((s, _), _), a)| (s, a))
            .collect()
    }

    /// Every shape `plan` gives, on the real schema: the ranking by the
    /// shape is the exhaustive one, and the count is every match.
    #[test]
    fn every_planned_shape_ranks_and_counts_as_the_exhaustive_collector() {
        use crate::search::Selection;
        use crate::search::plan::plan;
        use crate::search::query;
        let none = Selection::default();
        let oewg = Selection {
            processes: vec!["oewg".into()],
            ..Selection::default()
        };
        let queries: [(&str, &Selection, bool); 18] = [
            ("consensus", &none, false),
            ("consultations", &none, false),
            ("regional law", &none, false),
            ("\"consensus organizations\"", &none, false),
            ("\"decides law\"~3", &none, false),
            ("consensus OR consultative", &none, false),
            ("law -basis", &none, false),
            ("-basis", &none, false),
            ("consensus", &oewg, false),
            ("process:GGE", &none, false),
            ("process:OEWG OR doc:A/RES/90/10", &none, false),
            ("A/RES/73/27", &none, false),
            ("A/68/98", &none, false),
            ("consultations", &none, true),
            ("consensus", &none, true),
            ("international law", &none, true),
            ("\"international consultations\"", &none, true),
            ("law", &oewg, true),
        ];
        let mut shapes = std::collections::BTreeSet::new();
        for notes in [false, true] {
            let (searcher, f) = crate::search::fixture::searcher(notes);
            for (text, filters, exact) in queries {
                let p = plan(&f, &query::parse(text), filters, exact, notes).unwrap();
                shapes.insert(match &p.shape {
                    Shape::Term => "term",
                    Shape::Union { count: Some(_) } => "union counted apart",
                    Shape::Union { count: None } => "union",
                    Shape::General => "general",
                });
                let all = searcher.search(p.query.as_ref(), &Count).unwrap();
                assert!(all > 0, "{text:?} matches nothing: a test of nothing");
                for (limit, offset) in [(1, 0), (10, 0), (10, 5), (37, 20), (1000, 0), (5, 1000)] {
                    let what = format!("{text:?}, exact {exact}, notes {notes}, {limit}+{offset}");
                    let (got, matched) =
                        top(&searcher, p.query.as_ref(), &p.shape, limit, offset).unwrap();
                    assert_eq!(matched, all, "{what}");
                    assert_eq!(
                        got,
                        reference(&searcher, p.query.as_ref(), limit, offset),
                        "{what}"
                    );
                    if offset < all {
                        let want = exhaustive(&searcher, p.query.as_ref(), limit, offset).unwrap();
                        assert_eq!(got, want, "{what}");
                    }
                }
            }
        }
        assert_eq!(
            shapes.into_iter().collect::<Vec<_>>(),
            ["general", "term", "union", "union counted apart"]
        );
    }

    /// The count is only as good as the shape's promise: a count query
    /// that matches other passages gives another count (so the test above
    /// would see a plan that broke its contract).
    #[test]
    fn a_count_query_that_breaks_the_contract_is_seen() {
        let (searcher, f) = crate::search::fixture::searcher(false);
        let term = |field, w: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, w),
                IndexRecordOption::WithFreqs,
            ))
        };
        let query = BooleanQuery::new(vec![
            (Occur::Should, term(f.text, "consensus")),
            (Occur::Should, term(f.text_exact, "consensus")),
        ]);
        let all = searcher.search(&query, &Count).unwrap();
        let wrong = Shape::Union {
            count: Some(term(f.text, "law")),
        };
        let (_, matched) = top(&searcher, &query, &wrong, 10, 0).unwrap();
        assert_ne!(matched, all);
    }

    #[test]
    fn ties_follow_the_un_order_of_symbols() {
        // S/2 and S/10 tie: the UN order puts S/2 first, bytes would not.
        let (index, text) = index(400);
        let searcher = index.reader().unwrap().searcher();
        let q = TermQuery::new(
            Term::from_field_text(text, "delta"),
            IndexRecordOption::WithFreqs,
        );
        for (top, _) in [
            top(&searcher, &q, &Shape::Term, 400, 0).unwrap(),
            (exhaustive(&searcher, &q, 400, 0).unwrap(), 0),
        ] {
            let mut keys = Keys::new(&searcher);
            let symbols: Vec<String> = top
                .iter()
                .map(|(_, a)| keys.of(*a).unwrap().0.unwrap())
                .collect();
            let first = |s: &str| symbols.iter().position(|x| x == s).unwrap();
            assert!(first("S/2") < first("S/10"), "{symbols:?}");
            assert!(first("S/9") < first("S/16"), "{symbols:?}");
        }
    }

    #[test]
    fn nothing_matched_is_an_empty_ranking() {
        let (index, text) = index(60);
        let searcher = index.reader().unwrap().searcher();
        let q = TermQuery::new(
            Term::from_field_text(text, "zeta"),
            IndexRecordOption::WithFreqs,
        );
        assert_eq!(
            top(&searcher, &q, &Shape::Term, 10, 0).unwrap(),
            (Vec::new(), 0)
        );
    }
}
