//! Searching an index: ranked passages with citations and snippets, and `show` for one passage or a whole document.

mod known;
pub mod plan;
pub mod query;
mod rank;
pub mod snippet;

use serde::Serialize;
use tantivy::collector::sort_key::{SortByStaticFastValue, SortByString};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Order, Searcher, TantivyDocument};

pub use plan::Filters;

use crate::corpus::Note;
use crate::error::{Error, Result};
use crate::index::{Fields, Index};

/// Longest query accepted, in bytes (a pasted page is fine; a pasted book is not a query).
pub const MAX_QUERY_BYTES: usize = 64 * 1024;

/// What to search for and how to present it.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// The query, in undex's query language.
    pub query: String,
    /// Filters.
    pub filters: Filters,
    /// Most hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Match surface forms only (no stemming).
    pub exact: bool,
    /// Snippets hold the whole passage.
    pub full: bool,
    /// Explain each hit's score.
    pub explain: bool,
    /// Longest snippet, in bytes.
    pub snippet_bytes: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            query: String::new(),
            filters: Filters::default(),
            limit: 10,
            offset: 0,
            exact: false,
            full: false,
            explain: false,
            snippet_bytes: 220,
        }
    }
}

/// A passage as stored in the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassageRecord {
    /// `A/RES/73/27#OP5`.
    pub id: String,
    /// `A/RES/73/27`.
    pub symbol: String,
    /// `OP5`.
    pub anchor: String,
    /// `A/RES/73/27, para. 5`.
    pub citation: String,
    /// The document's title.
    pub title: Option<String>,
    /// `resolution`, `decision`, `report` or `commentary`.
    pub kind: String,
    /// `preambular`, `operative`, `report` or `commentary`.
    pub part: String,
    /// The processes it concerns.
    pub process: Vec<String>,
    /// Its section heading.
    pub section: Option<String>,
    /// The document's date (adoption, or the commentary's).
    pub date: Option<String>,
    /// What it refers to.
    pub refs: Vec<String>,
    /// Its footnotes.
    pub notes: Vec<Note>,
    /// True when the corpus holds only an excerpt of its document (other
    /// paragraphs exist that are not indexed).
    pub excerpt: bool,
    /// Its text.
    pub text: String,
    /// Its place in the document, from 0.
    pub seq: u64,
    /// Its number of words.
    pub words: u64,
    /// Source file, relative to the corpus.
    pub path: Option<String>,
    /// Line in the source file.
    pub line: u64,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// 1 for the best.
    pub rank: usize,
    /// BM25 score.
    pub score: f32,
    /// The best fragment, with `…` where it cuts.
    pub snippet: String,
    /// Byte ranges of `snippet` that matched.
    pub highlights: Vec<(usize, usize)>,
    /// Why it ranked (with `explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<serde_json::Value>,
    /// The passage.
    #[serde(flatten)]
    pub passage: PassageRecord,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// How many passages matched in all.
    pub matched: usize,
    /// Parts of the query that had nothing searchable in them.
    pub ignored: Vec<String>,
}

pub(crate) fn read_record(f: &Fields, doc: &TantivyDocument) -> PassageRecord {
    let s = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    let all = |field| {
        doc.get_all(field)
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect::<Vec<_>>()
    };
    let n = |field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
    PassageRecord {
        id: s(f.id).unwrap_or_default(),
        symbol: s(f.symbol).unwrap_or_default(),
        anchor: s(f.anchor).unwrap_or_default(),
        citation: s(f.citation).unwrap_or_default(),
        title: s(f.title),
        kind: s(f.kind).unwrap_or_default(),
        part: s(f.part).unwrap_or_default(),
        process: all(f.process),
        section: s(f.section),
        date: s(f.date),
        refs: all(f.refs),
        notes: s(f.notes)
            .and_then(|j| serde_json::from_str(&j).ok())
            .unwrap_or_default(),
        excerpt: doc
            .get_first(f.excerpt)
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        text: s(f.text).unwrap_or_default(),
        seq: n(f.seq),
        words: n(f.words),
        path: s(f.path),
        line: n(f.line),
    }
}

impl Index {
    /// Searches the index.
    pub fn search(&self, options: &SearchOptions) -> Result<Results> {
        if options.query.len() > MAX_QUERY_BYTES {
            return Err(Error::Query(format!(
                "the query is {} bytes long; the limit is {} KiB",
                options.query.len(),
                MAX_QUERY_BYTES / 1024
            )));
        }
        self.check_filters(&options.filters)?;
        let clauses = query::parse(&options.query);
        let plan = plan::plan(&self.fields, &clauses, &options.filters, options.exact)?;
        let searcher = self.searcher();
        let (top, matched) = rank::top(
            &searcher,
            &*plan.query,
            plan.terms_only,
            plan.count.as_deref(),
            options.limit,
            options.offset,
        )?;
        let field = if options.exact {
            self.fields.text_exact
        } else {
            self.fields.text
        };
        let mut generator = SnippetGenerator::create(&searcher, &*plan.highlight, field).ok();
        let max = if options.full {
            usize::MAX / 2
        } else {
            options.snippet_bytes
        };
        if let Some(g) = generator.as_mut() {
            g.set_max_num_chars(max);
        }
        let mut hits = Vec::with_capacity(top.len());
        for (i, (score, addr)) in top.into_iter().enumerate() {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let passage = read_record(&self.fields, &doc);
            let snip = snippet::make(generator.as_ref(), &passage.text, max);
            let explanation = if options.explain {
                plan.query
                    .explain(&searcher, addr)
                    .ok()
                    .and_then(|e| serde_json::from_str(&e.to_pretty_json()).ok())
            } else {
                None
            };
            hits.push(Hit {
                rank: options.offset + i + 1,
                score,
                snippet: snip.text,
                highlights: snip.highlights,
                explanation,
                passage,
            });
        }
        Ok(Results {
            hits,
            matched,
            ignored: plan.ignored,
        })
    }

    /// One passage by id (`A/RES/73/27#OP5`) or by its citation
    /// (`A/RES/73/27, para. 5`), or a whole document in order by symbol
    /// (`A/RES/73/27`), with the passages that refer to it.
    pub fn show(&self, id_or_symbol: &str) -> Result<Shown> {
        let f = &self.fields;
        let searcher = self.searcher();
        let given = id_or_symbol.trim();
        if given.is_empty() {
            return Err(Error::Query(
                "give a passage id (A/RES/73/27#OP5), a citation (A/RES/73/27, para. 5) or a symbol".into(),
            ));
        }
        // A citation as printed is read back into the id it stands for.
        let from_citation = (!given.contains('#') && given.contains(' '))
            .then(|| crate::corpus::refs::symbol_in_capitals(given))
            .map(|spelled| crate::corpus::refs::extract(&spelled, None, &Default::default()))
            .and_then(|refs| refs.into_iter().find(|r| r.para.is_some()))
            .and_then(|r| {
                // A resolution's para. 5 is OP5, a report's is P5: take the one the index has.
                [r.id(false), r.id(true)].into_iter().find(|id| {
                    let q = TermQuery::new(
                        tantivy::Term::from_field_text(f.id, &id.to_lowercase()),
                        IndexRecordOption::Basic,
                    );
                    searcher.search(&q, &Count).is_ok_and(|n| n > 0)
                })
            });
        let wanted = from_citation.as_deref().unwrap_or(given);
        let key = wanted.to_lowercase();
        let (field, cited_field) = if wanted.contains('#') {
            (f.id, f.refs)
        } else {
            (f.symbol, f.cites)
        };
        let term = |field| {
            TermQuery::new(
                tantivy::Term::from_field_text(field, &key),
                IndexRecordOption::Basic,
            )
        };
        let passages = self.in_order(&searcher, &term(field))?;
        let mut cited_by = Vec::new();
        if !passages.is_empty() {
            let symbol = passages
                .first()
                .map(|p| p.symbol.to_lowercase())
                .unwrap_or_default();
            let q = BooleanQuery::new(vec![
                (Occur::Must, Box::new(term(cited_field)) as Box<dyn Query>),
                (
                    Occur::MustNot,
                    Box::new(TermQuery::new(
                        tantivy::Term::from_field_text(f.symbol, &symbol),
                        IndexRecordOption::Basic,
                    )),
                ),
            ]);
            cited_by = self.in_order(&searcher, &q)?;
        }
        Ok(Shown { passages, cited_by })
    }

    /// Every passage matching `query`, ordered by symbol then place.
    fn in_order(&self, searcher: &Searcher, query: &dyn Query) -> Result<Vec<PassageRecord>> {
        let n = searcher.search(query, &Count)?;
        if n == 0 {
            return Ok(Vec::new());
        }
        let collector = TopDocs::with_limit(n).order_by((
            (SortByString::for_field("symbol"), Order::Asc),
            (SortByStaticFastValue::<u64>::for_field("seq"), Order::Asc),
        ));
        let found = searcher.search(query, &collector)?;
        found
            .into_iter()
            .map(|(_, addr)| {
                let doc: TantivyDocument = searcher.doc(addr)?;
                Ok(read_record(&self.fields, &doc))
            })
            .collect()
    }
}

/// What `show` found.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The passage, or the document's passages in order.
    pub passages: Vec<PassageRecord>,
    /// Passages of other documents that refer to it.
    pub cited_by: Vec<PassageRecord>,
}
