//! The index schema (version [`SCHEMA_VERSION`]): one tantivy document per passage, every field named and documented for other tools.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis;
use crate::error::{Error, Result};

/// The version of the schema below. Change it with every change to the
/// schema; `tests/golden/schema-v{N}.json` pins each version.
pub const SCHEMA_VERSION: u32 = 2;

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
    /// `resolution`, `decision`, `report`, `commentary` (key, stored).
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
    /// Place in the document, from 0 (fast, stored).
    pub seq: Field,
    /// Exact number of words in the text (fast, stored).
    pub words: Field,
    /// Line of the source file (stored).
    pub line: Field,
    /// Source file, relative to the corpus (stored).
    pub path: Field,
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
    b.add_text_field("kind", key_options(true));
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
    b.add_u64_field("seq", INDEXED | STORED | FAST);
    b.add_u64_field("words", STORED | FAST);
    b.add_u64_field("line", STORED);
    b.add_text_field("path", STORED);
    b.build()
}

impl Fields {
    /// Looks the fields up in `schema`; an index without them is not an undex index.
    pub fn from_schema(schema: &Schema) -> Result<Fields> {
        let f = |name: &str| {
            schema.get_field(name).map_err(|_| {
                Error::Index(format!(
                    "the index has no field `{name}`: it was not built by this version of undex; rebuild it with `undex index --rebuild`"
                ))
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
            seq: f("seq")?,
            words: f("words")?,
            line: f("line")?,
            path: f("path")?,
        })
    }
}
