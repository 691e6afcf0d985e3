//! The stored record of a passage, both halves: the tantivy document a build writes, and the record a search reads back from it.

use tantivy::TantivyDocument;
use tantivy::schema::Value;

use super::Fields;
use crate::analysis;
use crate::corpus::{Document, Kind, Part, Passage};
use crate::search::PassageRecord;

/// The tantivy document of passage `p` of `doc`, read from `path` (relative
/// to the corpus) whose size and modification time are `stat`.
pub(crate) fn to_document(
    f: &Fields,
    doc: &Document,
    p: &Passage,
    path: &str,
    stat: (u64, u64),
) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.id, &p.id);
    d.add_text(f.symbol, &p.symbol);
    d.add_text(f.anchor, &p.anchor);
    d.add_text(f.citation, &p.citation);
    if let Some(t) = &doc.meta.title {
        d.add_text(f.title, t);
    }
    d.add_text(f.kind, doc.meta.kind.as_str());
    d.add_text(f.part, p.part.as_str());
    for pr in &p.process {
        d.add_text(f.process, pr);
    }
    if let Some(s) = &p.section {
        d.add_text(f.section, s);
    }
    let mut cited: Vec<&str> = Vec::new();
    for r in &p.refs {
        d.add_text(f.refs, r);
        for symbol in crate::corpus::refs::cited_symbols(r) {
            if !cited.contains(&symbol) {
                cited.push(symbol);
            }
        }
    }
    for c in cited {
        d.add_text(f.cites, c);
    }
    if let Some(date) = doc.meta.date() {
        d.add_text(f.date, date);
    }
    if let Some(r) = &doc.meta.adopted_as {
        d.add_text(f.adopted_as, r);
    }
    for sp in &doc.meta.sponsor {
        d.add_text(f.sponsor, sp);
    }
    if let Some(c) = &doc.meta.committee {
        d.add_text(f.committee, c);
    }
    // Every resolution names its agenda item; what a researcher looks for
    // is a draft's, beside its sponsors and committee.
    let draft_like = doc.meta.kind == Kind::Draft
        || !doc.meta.sponsor.is_empty()
        || doc.meta.committee.is_some();
    if draft_like && let Some(item) = &doc.meta.agenda_item {
        d.add_text(f.agenda_item, item);
    }
    d.add_text(f.text, &p.text);
    d.add_text(f.text_exact, &p.text);
    d.add_bool(f.excerpt, doc.meta.excerpt);
    if !p.notes.is_empty()
        && let Ok(json) = serde_json::to_string(&p.notes)
    {
        d.add_text(f.notes, &json);
    }
    // Each note is a value of its own, so that a phrase never runs from one
    // note into the next.
    for n in &p.notes {
        d.add_text(f.notes_text, &n.text);
        d.add_text(f.notes_exact, &n.text);
    }
    d.add_u64(f.seq, p.seq);
    d.add_u64(f.words, analysis::word_count(&p.text));
    d.add_u64(f.line, p.line as u64);
    d.add_text(f.path, path);
    d.add_u64(f.file_size, stat.0);
    d.add_u64(f.file_mtime, stat.1);
    d
}

/// The record of a stored passage; [`to_document`] is what wrote it.
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
        kind: s(f.kind)
            .and_then(|k| Kind::ALL.into_iter().find(|x| x.as_str() == k))
            .unwrap_or_default(),
        // Every stored passage has a part (the build writes one).
        part: s(f.part)
            .and_then(|p| Part::parse(&p))
            .unwrap_or(Part::Operative),
        process: all(f.process),
        section: s(f.section),
        date: s(f.date),
        adopted_as: s(f.adopted_as),
        sponsor: all(f.sponsor),
        committee: s(f.committee),
        agenda_item: s(f.agenda_item),
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
