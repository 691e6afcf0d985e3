//! The index schema (version [`SCHEMA_VERSION`]): one tantivy document per passage, every field named and documented for other tools.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis;
use crate::error::{Error, Result};

/// The version of the schema below. Change it with every change to the
/// schema; `tests/golden/schema-v{N}.json` pins each version.
pub const SCHEMA_VERSION: u32 = 5;

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
    /// `resolution`, `decision`, `draft`, `report`, `commentary` (key, stored, fast).
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
    /// A draft's `adopted_as`: the symbol of the resolution it became (key,
    /// stored), so that a resolution finds its draft.
    pub adopted_as: Field,
    /// Main sponsors, one State a value (key, stored).
    pub sponsor: Field,
    /// The Main Committee a draft was submitted to (key, stored).
    pub committee: Field,
    /// A draft's agenda item, `99 (mm)` (key, stored): kept for the
    /// documents with sponsors or a committee, and for every draft.
    pub agenda_item: Field,
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
    b.add_text_field(Fields::ID, key_options(true).set_fast(fast));
    b.add_text_field(
        Fields::SYMBOL,
        key_options(true).set_fast(tantivy::tokenizer::RAW_TOKENIZER_NAME),
    );
    b.add_text_field(Fields::ANCHOR, key_options(true));
    b.add_text_field(Fields::CITATION, STORED);
    b.add_text_field(Fields::TITLE, STORED);
    b.add_text_field(Fields::KIND, key_options(true).set_fast(fast));
    b.add_text_field(Fields::PART, key_options(true).set_fast(fast));
    b.add_text_field(Fields::PROCESS, key_options(true).set_fast(fast));
    b.add_text_field(Fields::SECTION, text_options(analysis::STEMMED, true));
    b.add_text_field(Fields::REFS, key_options(true));
    b.add_text_field(Fields::CITES, key_options(false));
    b.add_text_field(Fields::DATE, key_options(true));
    b.add_text_field(Fields::TEXT, text_options(analysis::STEMMED, true));
    b.add_text_field(Fields::TEXT_EXACT, text_options(analysis::EXACT, false));
    b.add_bool_field(Fields::EXCERPT, STORED);
    b.add_text_field(Fields::NOTES, STORED);
    b.add_text_field(Fields::NOTES_TEXT, text_options(analysis::STEMMED, false));
    b.add_text_field(Fields::NOTES_EXACT, text_options(analysis::EXACT, false));
    b.add_u64_field(Fields::SEQ, INDEXED | STORED | FAST);
    b.add_u64_field(Fields::WORDS, STORED | FAST);
    b.add_u64_field(Fields::LINE, STORED);
    b.add_text_field(
        Fields::PATH,
        TextOptions::default().set_stored().set_fast(fast),
    );
    b.add_u64_field(Fields::FILE_SIZE, FAST);
    b.add_u64_field(Fields::FILE_MTIME, FAST);
    // Added in version 5, last, so that the fields before keep their numbers.
    b.add_text_field(Fields::ADOPTED_AS, key_options(true));
    b.add_text_field(Fields::SPONSOR, key_options(true));
    b.add_text_field(Fields::COMMITTEE, key_options(true));
    b.add_text_field(Fields::AGENDA_ITEM, key_options(true));
    b.build()
}

/// Each field's name, for what reads a column or a field by name (fast
/// fields, the schema description).
impl Fields {
    /// The name of [`Fields::id`] in the schema.
    pub const ID: &str = "id";
    /// The name of [`Fields::symbol`] in the schema.
    pub const SYMBOL: &str = "symbol";
    /// The name of [`Fields::anchor`] in the schema.
    pub const ANCHOR: &str = "anchor";
    /// The name of [`Fields::citation`] in the schema.
    pub const CITATION: &str = "citation";
    /// The name of [`Fields::title`] in the schema.
    pub const TITLE: &str = "title";
    /// The name of [`Fields::kind`] in the schema.
    pub const KIND: &str = "kind";
    /// The name of [`Fields::part`] in the schema.
    pub const PART: &str = "part";
    /// The name of [`Fields::process`] in the schema.
    pub const PROCESS: &str = "process";
    /// The name of [`Fields::section`] in the schema.
    pub const SECTION: &str = "section";
    /// The name of [`Fields::refs`] in the schema.
    pub const REFS: &str = "refs";
    /// The name of [`Fields::cites`] in the schema.
    pub const CITES: &str = "cites";
    /// The name of [`Fields::date`] in the schema.
    pub const DATE: &str = "date";
    /// The name of [`Fields::adopted_as`] in the schema.
    pub const ADOPTED_AS: &str = "adopted_as";
    /// The name of [`Fields::sponsor`] in the schema.
    pub const SPONSOR: &str = "sponsor";
    /// The name of [`Fields::committee`] in the schema.
    pub const COMMITTEE: &str = "committee";
    /// The name of [`Fields::agenda_item`] in the schema.
    pub const AGENDA_ITEM: &str = "agenda_item";
    /// The name of [`Fields::text`] in the schema.
    pub const TEXT: &str = "text";
    /// The name of [`Fields::text_exact`] in the schema.
    pub const TEXT_EXACT: &str = "text_exact";
    /// The name of [`Fields::excerpt`] in the schema.
    pub const EXCERPT: &str = "excerpt";
    /// The name of [`Fields::notes`] in the schema.
    pub const NOTES: &str = "notes";
    /// The name of [`Fields::notes_text`] in the schema.
    pub const NOTES_TEXT: &str = "notes_text";
    /// The name of [`Fields::notes_exact`] in the schema.
    pub const NOTES_EXACT: &str = "notes_exact";
    /// The name of [`Fields::seq`] in the schema.
    pub const SEQ: &str = "seq";
    /// The name of [`Fields::words`] in the schema.
    pub const WORDS: &str = "words";
    /// The name of [`Fields::line`] in the schema.
    pub const LINE: &str = "line";
    /// The name of [`Fields::path`] in the schema.
    pub const PATH: &str = "path";
    /// The name of [`Fields::file_size`] in the schema.
    pub const FILE_SIZE: &str = "file_size";
    /// The name of [`Fields::file_mtime`] in the schema.
    pub const FILE_MTIME: &str = "file_mtime";
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
            id: f(Fields::ID)?,
            symbol: f(Fields::SYMBOL)?,
            anchor: f(Fields::ANCHOR)?,
            citation: f(Fields::CITATION)?,
            title: f(Fields::TITLE)?,
            kind: f(Fields::KIND)?,
            part: f(Fields::PART)?,
            process: f(Fields::PROCESS)?,
            section: f(Fields::SECTION)?,
            refs: f(Fields::REFS)?,
            cites: f(Fields::CITES)?,
            date: f(Fields::DATE)?,
            adopted_as: f(Fields::ADOPTED_AS)?,
            sponsor: f(Fields::SPONSOR)?,
            committee: f(Fields::COMMITTEE)?,
            agenda_item: f(Fields::AGENDA_ITEM)?,
            text: f(Fields::TEXT)?,
            text_exact: f(Fields::TEXT_EXACT)?,
            excerpt: f(Fields::EXCERPT)?,
            notes: f(Fields::NOTES)?,
            notes_text: f(Fields::NOTES_TEXT)?,
            notes_exact: f(Fields::NOTES_EXACT)?,
            seq: f(Fields::SEQ)?,
            words: f(Fields::WORDS)?,
            line: f(Fields::LINE)?,
            path: f(Fields::PATH)?,
            file_size: f(Fields::FILE_SIZE)?,
            file_mtime: f(Fields::FILE_MTIME)?,
        })
    }
}

/// What each field holds, for the schema description.
const DESCRIPTIONS: [(&str, &str); 28] = [
    (Fields::ID, "passage id, symbol#anchor: A/RES/73/27#OP5"),
    (
        Fields::SYMBOL,
        "document symbol: A/RES/73/27 (fast, for ordering ties)",
    ),
    (
        Fields::ANCHOR,
        "place in the document: PP3, OP5, OP4(a)(i), OP1.1, P13, U2, ANNEX.OP2, S7.2",
    ),
    (
        Fields::CITATION,
        "how to cite the passage: A/RES/73/27, para. 5",
    ),
    (Fields::TITLE, "document title"),
    (
        Fields::KIND,
        "resolution, decision, draft, report or commentary",
    ),
    (Fields::PART, "preambular, operative, report or commentary"),
    (
        Fields::PROCESS,
        "negotiating processes, one value each: OEWG, GGE",
    ),
    (Fields::SECTION, "the heading the passage stands under"),
    (
        Fields::REFS,
        "passage ids and symbols the passage refers to",
    ),
    (
        Fields::CITES,
        "symbols of the documents the passage refers to (for search)",
    ),
    (
        Fields::DATE,
        "adoption date (YYYY-MM-DD) or a commentary's date",
    ),
    (
        Fields::ADOPTED_AS,
        "a draft's adopted_as: the symbol of the resolution it became (A/RES/80/58)",
    ),
    (
        Fields::SPONSOR,
        "main sponsors, one State a value (a draft's)",
    ),
    (
        Fields::COMMITTEE,
        "the Main Committee a draft was submitted to (First Committee)",
    ),
    (
        Fields::AGENDA_ITEM,
        "a draft's agenda item (99 (mm)); kept only for drafts and documents with sponsors or a committee",
    ),
    (Fields::TEXT, "the passage text, stemmed for search"),
    (
        Fields::TEXT_EXACT,
        "the passage text again, unstemmed, for exact matching",
    ),
    (
        Fields::EXCERPT,
        "true when the corpus holds only some paragraphs of the document",
    ),
    (Fields::NOTES, "footnotes, a JSON array of {marker, text}"),
    (
        Fields::NOTES_TEXT,
        "the footnotes' text, stemmed for search (ranked below the passage text)",
    ),
    (
        Fields::NOTES_EXACT,
        "the footnotes' text again, unstemmed, for exact matching",
    ),
    (Fields::SEQ, "place of the passage in its document, from 0"),
    (Fields::WORDS, "exact number of words of the text"),
    (Fields::LINE, "line of the source file"),
    (Fields::PATH, "source file, relative to the corpus"),
    (
        Fields::FILE_SIZE,
        "size in bytes of the source file when indexed (for incremental builds)",
    ),
    (
        Fields::FILE_MTIME,
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
