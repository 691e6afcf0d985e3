//! What an index holds: documents, passages by part, words, distinct terms, per document and per process, and its size on disk.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::columns::StrValues;
use super::{Fields, Index};
use crate::corpus::process;
use crate::corpus::symbol::sort_by_symbol;
use crate::error::Result;

/// Figures of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentStats {
    /// The symbol.
    pub symbol: String,
    /// Passages.
    pub passages: u64,
    /// Words.
    pub words: u64,
}

/// Figures of one process.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProcessStats {
    /// The process.
    pub process: String,
    /// Documents with a passage of it.
    pub documents: u64,
    /// Its passages.
    pub passages: u64,
    /// Words in them.
    pub words: u64,
}

/// What an index holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Documents.
    pub documents: u64,
    /// Passages.
    pub passages: u64,
    /// Passages per part.
    pub passages_by_part: BTreeMap<String, u64>,
    /// Words in all passages.
    pub words: u64,
    /// Distinct terms of the stemmed text field.
    pub distinct_terms: u64,
    /// Distinct words of the unstemmed text field.
    pub distinct_words: u64,
    /// Per document, in the UN order of symbols (A/RES/73/27 before A/RES/73/266).
    pub per_document: Vec<DocumentStats>,
    /// Per process.
    pub per_process: Vec<ProcessStats>,
    /// Bytes of the index's files on disk (0 for an index in memory).
    pub size_bytes: u64,
    /// Segments.
    pub segments: u64,
    /// Schema version.
    pub schema_version: u32,
    /// Build time, seconds since the Unix epoch.
    pub built_at: u64,
}

impl Stats {
    /// The `n` largest documents by words, largest first (ties in symbol
    /// order): what a table of a large corpus shows.
    pub fn largest_documents(&self, n: usize) -> Vec<&DocumentStats> {
        let mut docs: Vec<&DocumentStats> = self.per_document.iter().collect();
        // A stable sort keeps the symbol order among equals.
        docs.sort_by_key(|d| std::cmp::Reverse(d.words));
        docs.truncate(n);
        docs
    }
}

impl Index {
    /// Counts what the index holds.
    pub fn stats(&self) -> Result<Stats> {
        let searcher = self.searcher();
        let mut per_doc: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        let mut per_process: BTreeMap<String, (HashSet<String>, u64, u64)> = BTreeMap::new();
        let mut by_part: BTreeMap<String, u64> = BTreeMap::new();
        let (mut passages, mut words) = (0u64, 0u64);
        let mut terms: HashSet<Vec<u8>> = HashSet::new();
        let mut exact: HashSet<Vec<u8>> = HashSet::new();
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let (symbol, process, part) = (
                StrValues::open(ff, Fields::SYMBOL)?,
                StrValues::open(ff, Fields::PROCESS)?,
                StrValues::open(ff, Fields::PART)?,
            );
            let wcol = ff.u64(Fields::WORDS)?;
            let alive = seg.alive_bitset();
            for doc in 0..seg.max_doc() {
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    continue;
                }
                let w = wcol.first(doc).unwrap_or(0);
                passages += 1;
                words += w;
                let s = symbol.first(doc).unwrap_or_default();
                let entry = per_doc.entry(s.to_owned()).or_insert((0, 0));
                entry.0 += 1;
                entry.1 += w;
                for p in process.all(doc) {
                    let e = per_process.entry(p.to_owned()).or_default();
                    e.0.insert(s.to_owned());
                    e.1 += 1;
                    e.2 += w;
                }
                for p in part.all(doc) {
                    *by_part.entry(p.to_owned()).or_insert(0) += 1;
                }
            }
            for (field, set) in [
                (self.fields.text, &mut terms),
                (self.fields.text_exact, &mut exact),
            ] {
                let inverted = seg.inverted_index(field)?;
                let mut stream = inverted
                    .terms()
                    .stream()
                    .map_err(tantivy::TantivyError::from)?;
                while stream.advance() {
                    set.insert(stream.key().to_vec());
                }
            }
        }
        let size_bytes = match &self.dir {
            Some(dir) => std::fs::read_dir(dir)
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok()?.metadata().ok())
                        .filter(|m| m.is_file())
                        .map(|m| m.len())
                        .sum()
                })
                .unwrap_or(0),
            None => 0,
        };
        let mut per_process: Vec<ProcessStats> = per_process
            .into_iter()
            .map(|(process, (docs, p, w))| ProcessStats {
                process,
                documents: docs.len() as u64,
                passages: p,
                words: w,
            })
            .collect();
        per_process.sort_by(|a, b| process::order(&a.process).cmp(&process::order(&b.process)));
        let mut per_document: Vec<DocumentStats> = per_doc
            .into_iter()
            .map(|(symbol, (p, w))| DocumentStats {
                symbol,
                passages: p,
                words: w,
            })
            .collect();
        sort_by_symbol(&mut per_document, |d| &d.symbol);
        Ok(Stats {
            documents: per_document.len() as u64,
            passages,
            passages_by_part: by_part,
            words,
            distinct_terms: terms.len() as u64,
            distinct_words: exact.len() as u64,
            per_document,
            per_process,
            size_bytes,
            segments: searcher.segment_readers().len() as u64,
            schema_version: self.info.schema_version,
            built_at: self.info.built_at,
        })
    }
}
