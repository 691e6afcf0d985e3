//! Exports for other tools: JSON Lines (Quickwit, Meilisearch, Elasticsearch ingest it), the Elasticsearch/OpenSearch bulk format, CSV, and a Quickwit index configuration.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::json;
use tantivy::{DocAddress, TantivyDocument};

use crate::error::{Error, Result};
use crate::index::columns::StrValues;
use crate::index::{Fields, Index};
use crate::search::{PassageRecord, read_record};

/// The formats of `undex export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One passage a line, every field.
    Jsonl,
    /// Elasticsearch/OpenSearch `_bulk`: an `index` action line, then the passage.
    EsBulk,
    /// One row a passage; lists joined by `;`.
    Csv,
}

impl Index {
    /// Calls `f` with every passage, ordered by symbol then place, reading
    /// one stored document at a time (an export never holds the corpus in memory).
    pub fn for_each_passage(&self, mut f: impl FnMut(PassageRecord) -> Result<()>) -> Result<()> {
        let searcher = self.searcher();
        let mut order: Vec<(String, u64, DocAddress)> = Vec::new();
        for (si, seg) in searcher.segment_readers().iter().enumerate() {
            let symbols = StrValues::open(seg.fast_fields(), Fields::SYMBOL)?;
            let seqs = seg.fast_fields().u64(Fields::SEQ)?;
            let alive = seg.alive_bitset();
            for doc in 0..seg.max_doc() {
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    continue;
                }
                order.push((
                    symbols.first(doc).unwrap_or_default().to_owned(),
                    seqs.first(doc).unwrap_or(0),
                    DocAddress::new(si as u32, doc),
                ));
            }
        }
        order.sort_by(|a, b| {
            crate::corpus::symbol::cmp_symbols(&a.0, &b.0).then_with(|| (a.1, a.2).cmp(&(b.1, b.2)))
        });
        for (_, _, addr) in order {
            let doc: TantivyDocument = searcher.doc(addr)?;
            f(read_record(&self.fields, &doc))?;
        }
        Ok(())
    }

    /// Writes every passage to `out` in `format`; `es_index` names the
    /// Elasticsearch index of the bulk actions. Returns how many were written.
    pub fn export(&self, out: &mut dyn Write, format: Format, es_index: &str) -> Result<u64> {
        let mut n = 0u64;
        let io = |e: io::Error| Error::io("<output>", e);
        match format {
            Format::Jsonl => self.for_each_passage(|p| {
                n += 1;
                write_json(out, &p).map_err(io)
            })?,
            Format::EsBulk => self.for_each_passage(|p| {
                n += 1;
                write_json(out, &json!({"index": {"_index": es_index, "_id": p.id}}))
                    .map_err(io)?;
                write_json(out, &p).map_err(io)
            })?,
            Format::Csv => {
                let mut w = csv::Writer::from_writer(&mut *out);
                w.write_record(CSV_COLUMNS).map_err(|e| io(e.into()))?;
                self.for_each_passage(|p| {
                    n += 1;
                    w.write_record(csv_row(&p)).map_err(|e| io(e.into()))
                })?;
                w.flush().map_err(io)?;
            }
        }
        Ok(n)
    }
}

fn write_json<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// The CSV columns of an export, in order.
pub const CSV_COLUMNS: [&str; 17] = [
    "id", "symbol", "anchor", "citation", "title", "kind", "part", "process", "section", "date",
    "refs", "notes", "excerpt", "text", "seq", "words", "line",
];

fn csv_row(p: &PassageRecord) -> Vec<String> {
    vec![
        p.id.clone(),
        p.symbol.clone(),
        p.anchor.clone(),
        p.citation.clone(),
        p.title.clone().unwrap_or_default(),
        p.kind.to_string(),
        p.part.to_string(),
        p.process.join(";"),
        p.section.clone().unwrap_or_default(),
        p.date.clone().unwrap_or_default(),
        p.refs.join(";"),
        if p.notes.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&p.notes).unwrap_or_default()
        },
        p.excerpt.to_string(),
        p.text.clone(),
        p.seq.to_string(),
        p.words.to_string(),
        p.line.to_string(),
    ]
}

/// A Quickwit index configuration with the export's fields: keys as `raw`
/// text, the passage text and section stemmed (`en_stem`, Quickwit's nearest
/// to undex's analyzer) with positions recorded so that phrase queries work.
pub fn quickwit_config(index_id: &str) -> serde_json::Value {
    let key = |name: &str, fast: bool| json!({"name": name, "type": "text", "tokenizer": "raw", "fast": fast});
    let keys = |name: &str| json!({"name": name, "type": "array<text>", "tokenizer": "raw"});
    let stored = |name: &str, ty: &str| json!({"name": name, "type": ty, "indexed": false});
    json!({
        "version": "0.8",
        "index_id": index_id,
        "doc_mapping": {
            "mode": "lenient",
            "field_mappings": [
                key("id", false),
                key("symbol", true),
                key("anchor", false),
                stored("citation", "text"),
                {"name": "title", "type": "text", "tokenizer": "default", "record": "position"},
                key("kind", true),
                key("part", true),
                keys("process"),
                {"name": "section", "type": "text", "tokenizer": "en_stem", "record": "position"},
                key("date", true),
                key("adopted_as", false),
                keys("sponsor"),
                key("committee", false),
                key("agenda_item", false),
                keys("refs"),
                {"name": "notes", "type": "array<json>", "indexed": false},
                {"name": "excerpt", "type": "bool"},
                {"name": "text", "type": "text", "tokenizer": "en_stem", "record": "position", "fieldnorms": true},
                {"name": "seq", "type": "u64", "fast": true},
                {"name": "words", "type": "u64", "fast": true},
                stored("path", "text"),
                {"name": "line", "type": "u64", "indexed": false}
            ]
        },
        "search_settings": {"default_search_fields": ["text"]},
        "indexing_settings": {"commit_timeout_secs": 10}
    })
}
