//! The index schema (version [`SCHEMA_VERSION`]): one tantivy document per passage, every field named and documented for other tools.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis;
use crate::error::{Error, Result};

/// The version of the schema below. Change it with every change to the
/// schema; `tests/golden/schema-v{N}.json` pins each version.
pub const SCHEMA_VERSION: u32 = 4;

/// The fields of the index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `A/RES/73/27#OP5`: the passage id (key, stored, fast).
    pub id: Field,
    /// `A/RES/73/27` (key, stored, fast for ordering ties).
    pub symbol: Field,
    /// `OP5` (key, stored).
    pub anchor: Field,
    /// `A/RES/73/27, para. 5` (stored).
    pub citation: Field,
    /// The document title (stored).
    pub title: Field,
    /// `resolution`, `decision`, `report`, `commentary` (key, stored, fast).
    pub kind: Field,
    /// `preambular`, `operative`, `report`, `commentary` (key, stored, fast).
    pub part: Field,
    /// `OEWG`, `GGE`, … one value each (key, stored, fast).
    pub process: Field,
    /// The section heading (stemmed text, stored).
    pub section: Field,
    /// Passage ids and symbols the passage refers to (key, stored).
    pub refs: Field,
    /// The symbols of the documents it refers to (key, not stored).
    pub cites: Field,
    /// `2018-12-05` or `2019-05` (key, stored).
    pub date: Field,
    /// The passage text (stemmed, positions, stored).
    pub text: Field,
    /// The passage text again, unstemmed (positions, not stored).
    pub text_exact: Field,
    /// True when the document's file holds only some of its paragraphs (stored).
    pub excerpt: Field,
    /// Footnotes as a JSON array of `{"marker","text"}` (stored).
    pub notes: Field,
    /// The text of the passage's footnotes, stemmed (positions, not stored):
    /// searched with a lower weight than the passage text.
    pub notes_text: Field,
    /// The footnotes' text again, unstemmed (positions, not stored).
    pub notes_exact: Field,
    /// Place in the document, from 0 (fast, stored).
    pub seq: Field,
    /// Exact number of words in the text (fast, stored).
    pub words: Field,
    /// Line of the source file (stored).
    pub line: Field,
    /// Source file, relative to the corpus (stored, fast: incremental builds read it).
    pub path: Field,
    /// Size in bytes of the source file when indexed (fast).
    pub file_size: Field,
    /// Modification time of the source file when indexed, ns since the epoch (fast).
    pub file_mtime: Field,
}

fn key_options(stored: bool) -> TextOptions {
    let o = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analysis::KEY)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    );
    if stored { o.set_stored() } else { o }
}

fn text_options(tokenizer: &str, stored: bool) -> TextOptions {
    let o = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions)
            .set_fieldnorms(true),
    );
    if stored { o.set_stored() } else { o }
}

/// The schema of an undex index.
pub fn schema() -> Schema {
    let mut b = Schema::builder();
    // Fast (columnar) copies of the grouping keys let comparisons count by
    // document, process and part without reading stored documents.
    let fast = tantivy::tokenizer::RAW_TOKENIZER_NAME;
    b.add_text_field("id", key_options(true).set_fast(fast));
    b.add_text_field(
        "symbol",
        key_options(true).set_fast(tantivy::tokenizer::RAW_TOKENIZER_NAME),
    );
    b.add_text_field("anchor", key_options(true));
    b.add_text_field("citation", STORED);
    b.add_text_field("title", STORED);
    b.add_text_field("kind", key_options(true).set_fast(fast));
    b.add_text_field("part", key_options(true).set_fast(fast));
    b.add_text_field("process", key_options(true).set_fast(fast));
    b.add_text_field("section", text_options(analysis::STEMMED, true));
    b.add_text_field("refs", key_options(true));
    b.add_text_field("cites", key_options(false));
    b.add_text_field("date", key_options(true));
    b.add_text_field("text", text_options(analysis::STEMMED, true));
    b.add_text_field("text_exact", text_options(analysis::EXACT, false));
    b.add_bool_field("excerpt", STORED);
    b.add_text_field("notes", STORED);
    b.add_text_field("notes_text", text_options(analysis::STEMMED, false));
    b.add_text_field("notes_exact", text_options(analysis::EXACT, false));
    b.add_u64_field("seq", INDEXED | STORED | FAST);
    b.add_u64_field("words", STORED | FAST);
    b.add_u64_field("line", STORED);
    b.add_text_field("path", TextOptions::default().set_stored().set_fast(fast));
    b.add_u64_field("file_size", FAST);
    b.add_u64_field("file_mtime", FAST);
    b.build()
}

impl Fields {
    /// Looks the fields up in `schema`; an index without them is not an undex index.
    pub fn from_schema(schema: &Schema) -> Result<Fields> {
        let f = |name: &str| {
            schema.get_field(name).map_err(|_| Error::MissingField {
                field: name.to_owned(),
            })
        };
        Ok(Fields {
            id: f("id")?,
            symbol: f("symbol")?,
            anchor: f("anchor")?,
            citation: f("citation")?,
            title: f("title")?,
            kind: f("kind")?,
            part: f("part")?,
            process: f("process")?,
            section: f("section")?,
            refs: f("refs")?,
            cites: f("cites")?,
            date: f("date")?,
            text: f("text")?,
            text_exact: f("text_exact")?,
            excerpt: f("excerpt")?,
            notes: f("notes")?,
            notes_text: f("notes_text")?,
            notes_exact: f("notes_exact")?,
            seq: f("seq")?,
            words: f("words")?,
            line: f("line")?,
            path: f("path")?,
            file_size: f("file_size")?,
            file_mtime: f("file_mtime")?,
        })
    }
}

/// What each field holds, for the schema description.
const DESCRIPTIONS: [(&str, &str); 24] = [
    ("id", "passage id, symbol#anchor: A/RES/73/27#OP5"),
    (
        "symbol",
        "document symbol: A/RES/73/27 (fast, for ordering ties)",
    ),
    (
        "anchor",
        "place in the document: PP3, OP5, OP4(a)(i), OP1.1, P13, U2, ANNEX.OP2, S7.2",
    ),
    ("citation", "how to cite the passage: A/RES/73/27, para. 5"),
    ("title", "document title"),
    ("kind", "resolution, decision, report or commentary"),
    ("part", "preambular, operative, report or commentary"),
    (
        "process",
        "negotiating processes, one value each: OEWG, GGE",
    ),
    ("section", "the heading the passage stands under"),
    ("refs", "passage ids and symbols the passage refers to"),
    (
        "cites",
        "symbols of the documents the passage refers to (for search)",
    ),
    ("date", "adoption date (YYYY-MM-DD) or a commentary's date"),
    ("text", "the passage text, stemmed for search"),
    (
        "text_exact",
        "the passage text again, unstemmed, for exact matching",
    ),
    (
        "excerpt",
        "true when the corpus holds only some paragraphs of the document",
    ),
    ("notes", "footnotes, a JSON array of {marker, text}"),
    (
        "notes_text",
        "the footnotes' text, stemmed for search (ranked below the passage text)",
    ),
    (
        "notes_exact",
        "the footnotes' text again, unstemmed, for exact matching",
    ),
    ("seq", "place of the passage in its document, from 0"),
    ("words", "exact number of words of the text"),
    ("line", "line of the source file"),
    ("path", "source file, relative to the corpus"),
    (
        "file_size",
        "size in bytes of the source file when indexed (for incremental builds)",
    ),
    (
        "file_mtime",
        "modification time of the source file when indexed, ns since the epoch",
    ),
];

/// The schema as JSON, for other tools: every field as tantivy records it
/// (type, analyzer, stored, indexed, fast) with what it holds, and the
/// analyzers' definitions. `undex schema` prints it.
pub fn describe() -> serde_json::Value {
    let mut fields = serde_json::to_value(schema()).unwrap_or_default();
    if let Some(list) = fields.as_array_mut() {
        for f in list.iter_mut() {
            let name = f
                .get("name")
                .and_then(|n| n.as_str())
                .unwrap_or("")
                .to_owned();
            if let (Some(obj), Some((_, d))) = (
                f.as_object_mut(),
                DESCRIPTIONS.iter().find(|(n, _)| *n == name),
            ) {
                obj.insert("description".into(), serde_json::Value::from(*d));
            }
        }
    }
    serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "analyzers": {
            analysis::STEMMED: "UAX #29 words (unicode-segmentation unicode_word_indices; U+2019 read as '), words over 100 bytes dropped, lower-cased, English Snowball stemmer",
            analysis::EXACT: "UAX #29 words as above, words over 100 bytes dropped, lower-cased, not stemmed",
            analysis::KEY: "the whole value as one token, lower-cased",
        },
        "fields": fields,
    })
}
