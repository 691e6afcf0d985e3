//! A small index of the real schema for the query path's tests: in RAM, its segments made explicitly (a commit every few passages, then one large segment; no merges), some passages deleted, many equal scores.

use std::path::Path;

use tantivy::indexer::NoMergePolicy;
use tantivy::{IndexWriter, Searcher, TantivyDocument, Term};

use crate::analysis;
use crate::index::record::to_document;
use crate::index::{Fields, schema};

/// Words the paragraphs are made of: few, so that scores tie in large groups.
const WORDS: [&str; 9] = [
    "consensus",
    "basis",
    "consultations",
    "consultative",
    "regional",
    "organizations",
    "international",
    "law",
    "States",
];

/// Passages per small segment: every this many, a commit.
const PER_SEGMENT: usize = 23;

/// Paragraphs of the last document, which is committed as one segment:
/// enough for posting lists of whole blocks (128 passages), whose score
/// bounds block-WAND reads from the skip lists rather than the postings.
const LARGE: usize = 400;

/// One corpus file: `n` operative paragraphs made of [`WORDS`], some citing
/// A/RES/73/27 or A/68/98, some (with `notes`) with a footnote.
fn document(symbol: &str, process: &str, n: usize, seed: usize, notes: bool) -> String {
    let mut out = format!(
        "+++\nsymbol = \"{symbol}\"\ntitle = \"A test text\"\nkind = \"resolution\"\nprocess = \"{process}\"\n+++\n\nThe General Assembly,\n\nRecalling its resolution 73/27 on consensus,\n\n"
    );
    let mut defined = String::new();
    for i in 1..=n {
        let k = i * 7 + seed;
        let len = 1 + k % 4;
        let words: Vec<&str> = (0..len).map(|j| WORDS[(k + j * 5) % WORDS.len()]).collect();
        out.push_str(&format!("{i}. Decides {}", words.join(" ")));
        if k.is_multiple_of(6) {
            out.push_str(", recalling A/RES/73/27");
        } else if k.is_multiple_of(11) {
            out.push_str(", as in A/68/98");
        }
        if notes && k.is_multiple_of(5) {
            out.push_str(&format!(";[^{i}]"));
            let note = if k.is_multiple_of(10) {
                "A/68/98, on consensus basis."
            } else {
                "See the regional law."
            };
            defined.push_str(&format!("[^{i}]: {note}\n"));
        } else {
            out.push(';');
        }
        out.push_str("\n\n");
    }
    out.push_str(&defined);
    out
}

/// The test index's searcher and fields; `notes`: some passages have
/// footnotes (without, no passage has any).
pub(crate) fn searcher(notes: bool) -> (Searcher, Fields) {
    let index = tantivy::Index::create_in_ram(schema::schema());
    analysis::register(index.tokenizers());
    let fields = Fields::from_schema(&index.schema()).unwrap();
    // One thread and a budget no segment fills: one segment per commit.
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, 15_000_000).unwrap();
    writer.set_merge_policy(Box::new(NoMergePolicy));
    let docs = [
        ("A/RES/73/27", "OEWG", 40),
        ("A/RES/73/266", "GGE", 35),
        ("A/RES/90/2", "OEWG", 30),
        ("A/RES/90/10", "GGE", 30),
        ("A/RES/91/1", "OEWG", 12),
        ("A/RES/92/5", "GGE", LARGE),
    ];
    let mut added = 0;
    for (seed, (symbol, process, n)) in docs.into_iter().enumerate() {
        let large = n == LARGE;
        if large {
            writer.commit().unwrap();
        }
        let text = document(symbol, process, n, seed, notes);
        let path = format!("{}.txt", symbol.replace('/', "-"));
        let (doc, _) = crate::corpus::parse_bytes(Path::new(&path), text.as_bytes()).unwrap();
        for p in &doc.passages {
            writer
                .add_document(to_document(&fields, &doc, p, &path, (0, 0)))
                .unwrap();
            added += 1;
            if added % PER_SEGMENT == 0 && !large {
                writer.commit().unwrap();
            }
        }
    }
    writer.commit().unwrap();
    // Deleted passages stay in their segments, dead: counts must skip them.
    writer.delete_term(Term::from_field_text(fields.symbol, "a/res/91/1"));
    writer.commit().unwrap();
    writer.wait_merging_threads().unwrap();
    let reader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()
        .unwrap();
    let searcher = reader.searcher();
    let sizes: Vec<u32> = searcher
        .segment_readers()
        .iter()
        .map(|s| s.max_doc())
        .collect();
    assert!(sizes.len() > 5, "{sizes:?}");
    assert!(sizes.iter().any(|&n| n > LARGE as u32), "{sizes:?}");
    (searcher, fields)
}
