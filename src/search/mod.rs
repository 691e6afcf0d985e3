//! Searching an index: ranked passages with citations and snippets, and `show` for one passage or a whole document.

pub mod explain;
#[cfg(test)]
mod fixture;
mod known;
pub mod plan;
pub mod query;
mod rank;
pub mod selection;
pub mod snippet;

use serde::Serialize;
use tantivy::collector::sort_key::{SortByStaticFastValue, SortByString};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Order, Searcher, TantivyDocument};

pub use selection::Selection;

use crate::corpus::{Kind, Layout, Note, Part, PassageId};
use crate::error::{Error, Result};
pub(crate) use crate::index::record::read_record;
use crate::index::{Fields, Index};

/// Longest query accepted, in bytes (a pasted page is fine; a pasted book is not a query).
pub const MAX_QUERY_BYTES: usize = 64 * 1024;

/// What to search for and how to present it.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// The query, in undex's query language.
    pub query: String,
    /// Which passages.
    pub filters: Selection,
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
            filters: Selection::default(),
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
    /// Its document's kind: `resolution`, `decision`, `draft`, `report` or `commentary`.
    pub kind: Kind,
    /// Its part: `preambular`, `operative`, `report` or `commentary`.
    pub part: Part,
    /// The processes it concerns.
    pub process: Vec<String>,
    /// Its section heading.
    pub section: Option<String>,
    /// The document's date (adoption, or the commentary's).
    pub date: Option<String>,
    /// A draft's: the symbol of the resolution or decision it became.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted_as: Option<String>,
    /// A draft's main sponsors, one State a value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sponsor: Vec<String>,
    /// The Main Committee a draft was submitted to (`First Committee`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// A draft's agenda item (`99 (mm)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<String>,
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
    /// When the query's words are in one of the passage's footnotes and not
    /// in its text (a symbol cited in a note, say): that note's fragment, so
    /// the reader sees why the passage was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_note: Option<NoteMatch>,
    /// Why it ranked (with `explain`): tantivy's explanation tree, raw.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<serde_json::Value>,
    /// Why it ranked (with `explain`): the score taken apart by word or
    /// phrase, field, BM25 factors and boost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_breakdown: Option<explain::Breakdown>,
    /// The passage.
    #[serde(flatten)]
    pub passage: PassageRecord,
}

/// The footnote of a hit that holds the query's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteMatch {
    /// The note's marker as printed ("5").
    pub marker: String,
    /// The fragment of the note, with `…` where it cuts.
    pub snippet: String,
    /// Byte ranges of `snippet` that matched.
    pub highlights: Vec<(usize, usize)>,
}

/// The answer to a search: the hits of the page asked for and what the
/// search was (`search --json` prints the hits, then the summary).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// How many matched, the page and the query.
    pub summary: Summary,
}

/// What a search was and how many passages it matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Hits returned.
    pub returned: usize,
    /// Passages that matched in all.
    pub matched: usize,
    /// Hits skipped.
    pub offset: usize,
    /// Most hits asked for.
    pub limit: usize,
    /// The query as given.
    pub query: String,
    /// Parts of the query with nothing searchable in them.
    pub ignored: Vec<String>,
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
        let searcher = self.searcher();
        let notes = plan::notes_indexed(&searcher, &self.fields);
        let plan = plan::plan(
            &self.fields,
            &clauses,
            &options.filters,
            options.exact,
            notes,
        )?;
        let (top, matched) = rank::top(
            &searcher,
            &*plan.query,
            &plan.shape,
            options.limit,
            options.offset,
        )?;
        let mut marker = snippet::Marker::new(&clauses, options.exact);
        let max = if options.full {
            usize::MAX / 2
        } else {
            options.snippet_bytes
        };
        let mut hits = Vec::with_capacity(top.len());
        for (i, (score, addr)) in top.into_iter().enumerate() {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let passage = read_record(&self.fields, &doc);
            let snip = snippet::make(&mut marker, &passage.text, max);
            let in_note = if snip.highlights.is_empty() {
                passage.notes.iter().find_map(|n| {
                    let s = snippet::make(&mut marker, &n.text, max);
                    (!s.highlights.is_empty()).then(|| NoteMatch {
                        marker: n.marker.clone(),
                        snippet: s.text,
                        highlights: s.highlights,
                    })
                })
            } else {
                None
            };
            let (explanation, score_breakdown) = if options.explain {
                let raw = plan
                    .query
                    .explain(&searcher, addr)
                    .ok()
                    .map(|e| explain::explanation_json(&e));
                let parts = explain::breakdown(
                    &searcher,
                    &self.fields,
                    &clauses,
                    &options.filters,
                    options.exact,
                    notes,
                    (score, addr),
                )?;
                (raw, Some(parts))
            } else {
                (None, None)
            };
            hits.push(Hit {
                rank: options.offset + i + 1,
                score,
                snippet: snip.text,
                highlights: snip.highlights,
                in_note,
                explanation,
                score_breakdown,
                passage,
            });
        }
        Ok(Results {
            summary: Summary {
                returned: hits.len(),
                matched,
                offset: options.offset,
                limit: options.limit,
                query: options.query.clone(),
                ignored: plan.ignored,
            },
            hits,
        })
    }

    /// One passage by id (`A/RES/73/27#OP5`) or by its citation
    /// (`A/RES/73/27, para. 5`) with its sub-paragraphs (`OP5(a)`, `OP5.1`,
    /// each with its own citation), or a whole document in order by symbol
    /// (`A/RES/73/27`); and the passages of other documents that refer to
    /// what is shown.
    pub fn show(&self, id_or_symbol: &str) -> Result<Shown> {
        let f = &self.fields;
        let searcher = self.searcher();
        let target = self.resolve(&searcher, id_or_symbol)?;
        let (passages, cited) = match &target {
            Target::Document(symbol) => {
                let passages = self.in_order(&searcher, &key_query(f.symbol, symbol))?;
                (passages, vec![key_query(f.cites, symbol)])
            }
            Target::Passage(id) => {
                let passages = self.with_subparagraphs(&searcher, id)?;
                let mut cited: Vec<TermQuery> =
                    passages.iter().map(|p| key_query(f.refs, &p.id)).collect();
                // An article shown by its paragraphs is cited by its own id too.
                if !passages.iter().any(|p| p.id == *id) {
                    cited.push(key_query(f.refs, id));
                }
                (passages, cited)
            }
        };
        let mut cited_by = Vec::new();
        if let Some(first) = passages.first() {
            let refers: Vec<(Occur, Box<dyn Query>)> = cited
                .into_iter()
                .map(|q| (Occur::Should, Box::new(q) as Box<dyn Query>))
                .collect();
            let q = BooleanQuery::new(vec![
                (
                    Occur::Must,
                    Box::new(BooleanQuery::new(refers)) as Box<dyn Query>,
                ),
                (Occur::MustNot, Box::new(key_query(f.symbol, &first.symbol))),
            ]);
            cited_by = self.in_order(&searcher, &q)?;
        }
        let adoptions = match passages.first() {
            Some(first) => self.adoptions(&searcher, first)?,
            None => Vec::new(),
        };
        Ok(Shown {
            what: match target {
                Target::Document(_) => ShownAs::Document,
                Target::Passage(_) => ShownAs::Passage,
            },
            passages,
            adoptions,
            cited_by,
        })
    }

    /// The drafts and resolutions linked to the document of `shown`: the
    /// resolution a draft became (its `adopted_as`, in the index or not),
    /// and each draft in the index that became this document.
    fn adoptions(&self, searcher: &Searcher, shown: &PassageRecord) -> Result<Vec<Adoption>> {
        let mut out = Vec::new();
        if let Some(resolution) = &shown.adopted_as {
            out.push(Adoption {
                draft: shown.symbol.clone(),
                adopted_as: resolution.clone(),
            });
        }
        let drafts = self.in_order(searcher, &key_query(self.fields.adopted_as, &shown.symbol))?;
        for d in drafts {
            if d.symbol != shown.symbol && !out.iter().any(|a| a.draft == d.symbol) {
                out.push(Adoption {
                    draft: d.symbol,
                    adopted_as: shown.symbol.clone(),
                });
            }
        }
        Ok(out)
    }

    /// One passage, by id (`A/RES/73/27#OP5`) or by citation (`A/RES/73/27,
    /// para. 5`, `Chung 2019, "OEWG v. GGE", para. 2`), without its
    /// sub-paragraphs; `None` when the index has no such passage. A
    /// document symbol is refused: it names a whole document.
    pub fn passage(&self, id_or_citation: &str) -> Result<Option<PassageRecord>> {
        let searcher = self.searcher();
        match self.resolve(&searcher, id_or_citation)? {
            Target::Passage(id) => Ok(self
                .in_order(&searcher, &key_query(self.fields.id, &id))?
                .into_iter()
                .next()),
            Target::Document(symbol) => Err(Error::Query(format!(
                "{symbol} names a whole document: give a passage id ({}) or a citation ({symbol}, para. 5)",
                PassageId::new(&symbol, "OP5")
            ))),
        }
    }

    /// What the user named: a passage id as given, a citation read back into
    /// the id it stands for, or else a document symbol.
    fn resolve(&self, searcher: &Searcher, given: &str) -> Result<Target> {
        let f = &self.fields;
        let given = given.trim();
        if given.is_empty() {
            return Err(Error::Query(
                "give a passage id (A/RES/73/27#OP5), a citation (A/RES/73/27, para. 5) or a symbol".into(),
            ));
        }
        if crate::corpus::id::is_written_as_id(given) {
            return Ok(Target::Passage(given.to_owned()));
        }
        let exists = |id: &str| {
            searcher
                .search(&key_query(f.id, id), &Count)
                .is_ok_and(|n| n > 0)
        };
        if given.contains(' ') {
            // A resolution's para. 5 is OP5, a report's is P5: take the one the index has.
            // Symbols are read in any case (`a/res/73/27, para. 5`).
            let spelled = crate::corpus::refs::symbol_in_capitals(given);
            // A citation as undex writes it names its passage whatever its
            // form (a treaty's `final clause 1`, the annex of its annex).
            if let Some((symbol, _)) = spelled.split_once(',') {
                let wanted = citation_key(given);
                let named = self.in_order(searcher, &key_query(f.symbol, symbol.trim()))?;
                if let Some(p) = named
                    .into_iter()
                    .find(|p| citation_key(&p.citation) == wanted)
                {
                    return Ok(Target::Passage(p.id));
                }
            }
            let cited = crate::corpus::refs::extract(&spelled, None, &Default::default())
                .into_iter()
                .find(|r| r.para.is_some());
            if let Some(r) = cited {
                // A paragraph the index lacks is still a paragraph, not found.
                let id = [r.id(Layout::Resolution), r.id(Layout::Report)]
                    .into_iter()
                    .find(|id| exists(id))
                    .unwrap_or_else(|| r.id(Layout::guess(&r.symbol)));
                return Ok(Target::Passage(id));
            }
            // A commentary is cited by author, year and heading, which no
            // pattern reads back: its citations are compared as printed.
            let wanted = citation_key(given);
            let commentary = self.in_order(searcher, &key_query(f.kind, "commentary"))?;
            if let Some(p) = commentary
                .into_iter()
                .find(|p| citation_key(&p.citation) == wanted)
            {
                return Ok(Target::Passage(p.id));
            }
        }
        Ok(Target::Document(given.to_owned()))
    }

    /// The passage `id` and its sub-paragraphs, in order: `OP4` with
    /// `OP4(a)`, `OP4(a)(i)`, `OP4.1`; nothing when there is no `id`.
    fn with_subparagraphs(&self, searcher: &Searcher, id: &str) -> Result<Vec<PassageRecord>> {
        let f = &self.fields;
        let Some(passage) = self
            .in_order(searcher, &key_query(f.id, id))?
            .into_iter()
            .next()
        else {
            return self.article_paragraphs(searcher, id);
        };
        let anchor = passage.anchor.clone();
        let under = |a: &str| {
            a.strip_prefix(anchor.as_str())
                .is_some_and(|rest| rest.starts_with('(') || rest.starts_with('.'))
        };
        // Commentary anchors (S7.2) number passages, not sub-paragraphs.
        if passage.kind == Kind::Commentary {
            return Ok(vec![passage]);
        }
        let mut out = vec![passage.clone()];
        out.extend(
            self.in_order(searcher, &key_query(f.symbol, &passage.symbol))?
                .into_iter()
                .filter(|p| under(&p.anchor)),
        );
        Ok(out)
    }

    /// The paragraphs of an article of a treaty annexed whose paragraphs are
    /// all numbered, so that it has no passage of its own: `ANNEX.ART7` is
    /// `ANNEX.ART7.P1`, `ANNEX.ART7.P1(a)`, …; nothing for any other id.
    fn article_paragraphs(&self, searcher: &Searcher, id: &str) -> Result<Vec<PassageRecord>> {
        let Some(pid) = crate::corpus::PassageId::parse(id) else {
            return Ok(Vec::new());
        };
        let anchor = pid.anchor();
        let is_article = anchor
            .rsplit('.')
            .next()
            .and_then(|place| place.strip_prefix("ART"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if !is_article {
            return Ok(Vec::new());
        }
        let under = format!("{anchor}.P");
        Ok(self
            .in_order(searcher, &key_query(self.fields.symbol, pid.symbol()))?
            .into_iter()
            .filter(|p| p.anchor.starts_with(&under))
            .collect())
    }

    /// Every passage matching `query`, ordered by symbol then place.
    fn in_order(&self, searcher: &Searcher, query: &dyn Query) -> Result<Vec<PassageRecord>> {
        let n = searcher.search(query, &Count)?;
        if n == 0 {
            return Ok(Vec::new());
        }
        let collector = TopDocs::with_limit(n).order_by((
            (SortByString::for_field(Fields::SYMBOL), Order::Asc),
            (
                SortByStaticFastValue::<u64>::for_field(Fields::SEQ),
                Order::Asc,
            ),
        ));
        let found = searcher.search(query, &collector)?;
        let mut records = found
            .into_iter()
            .map(|(_, addr)| {
                let doc: TantivyDocument = searcher.doc(addr)?;
                Ok(read_record(&self.fields, &doc))
            })
            .collect::<Result<Vec<_>>>()?;
        // Symbols in the UN order (A/RES/73/27 before A/RES/73/266), then place.
        records.sort_by(|a, b| {
            crate::corpus::symbol::cmp_symbols(&a.symbol, &b.symbol).then(a.seq.cmp(&b.seq))
        });
        Ok(records)
    }
}

/// What `show` found: nothing when `passages` is empty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shown {
    /// Whether a passage (by id or citation) or a whole document (by its
    /// symbol) was asked for.
    pub what: ShownAs,
    /// The passage and its sub-paragraphs, or the document's passages, in order.
    pub passages: Vec<PassageRecord>,
    /// The links between a draft and the resolution it became, for the
    /// document shown: its own `adopted_as` when it is a draft, and the
    /// drafts in the index that became it.
    pub adoptions: Vec<Adoption>,
    /// Passages of other documents that refer to what is shown.
    pub cited_by: Vec<PassageRecord>,
}

/// A draft and the resolution (or decision) it became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adoption {
    /// The draft's symbol: `A/C.1/80/L.46`.
    pub draft: String,
    /// The symbol of what it became: `A/RES/80/58`.
    pub adopted_as: String,
}

/// What [`Index::show`] was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ShownAs {
    /// A passage, with its sub-paragraphs.
    Passage,
    /// A whole document, in order.
    Document,
}

/// What a user named for `show` or `align`.
enum Target {
    /// A passage id, `A/RES/73/27#OP5`.
    Passage(String),
    /// A document symbol, `A/RES/73/27`.
    Document(String),
}

/// A term query on a key field.
fn key_query(field: tantivy::schema::Field, value: &str) -> TermQuery {
    TermQuery::new(
        tantivy::Term::from_field_text(field, &selection::key(value)),
        IndexRecordOption::Basic,
    )
}

/// A citation as compared: case, spacing and the kind of quotation marks
/// do not matter.
fn citation_key(citation: &str) -> String {
    citation
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2018}', '\u{2019}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
