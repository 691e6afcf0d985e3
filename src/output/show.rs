//! Printing what `show` found: the document's header, each passage in full with its notes and references, and the passages that refer to it (the first few, then a count).

use std::io::{self, Write};

use super::record::{self, Record};
use super::{CITATION, DIM, plural, processes};
use crate::corpus::Kind;
use crate::search::{Adoption, PassageRecord, Shown, ShownAs};

/// How many referring passages are printed before the rest is counted.
const REFERRED_SHOWN: usize = 5;

/// Prints what `show` found as JSON Lines: `passage` records, then
/// `cited_by` records unless `refs` is false.
pub fn json(out: &mut dyn Write, shown: &Shown, refs: bool) -> io::Result<()> {
    record::write_all(out, shown.passages.iter().map(Record::Passage))?;
    record::write_all(out, shown.adoptions.iter().map(Record::Adoption))?;
    if refs {
        record::write_all(out, shown.cited_by.iter().map(Record::CitedBy))?;
    }
    Ok(())
}

/// Prints what `show` found for a person: a document's header, the
/// passages, then (unless `refs` is false) what refers to them.
pub fn human(out: &mut dyn Write, shown: &Shown, refs: bool) -> io::Result<()> {
    if let (ShownAs::Document, Some(first)) = (shown.what, shown.passages.first()) {
        document_header(out, first, &shown.adoptions)?;
    }
    for p in &shown.passages {
        passage_human(out, p)?;
    }
    if shown.what == ShownAs::Passage
        && let Some(first) = shown.passages.first()
        && !shown.adoptions.is_empty()
    {
        adoption_lines(out, &first.symbol, &shown.adoptions)?;
        writeln!(out)?;
    }
    let cited_by: &[PassageRecord] = if refs { &shown.cited_by } else { &[] };
    if cited_by.is_empty() {
        return Ok(());
    }
    writeln!(out, "Referred to by:\n")?;
    for p in cited_by.iter().take(REFERRED_SHOWN) {
        passage_human(out, p)?;
    }
    if let Some(more) = cited_by
        .len()
        .checked_sub(REFERRED_SHOWN)
        .filter(|n| *n > 0)
    {
        writeln!(
            out,
            "… and {} ({} in all; --json lists every one)",
            plural(more, "more passage"),
            cited_by.len()
        )?;
    }
    Ok(())
}

/// Prints the links of document `symbol` to drafts and resolutions: a
/// draft's `adopted as A/RES/80/58`, a resolution's `draft: A/C.1/80/L.46`.
fn adoption_lines(out: &mut dyn Write, symbol: &str, adoptions: &[Adoption]) -> io::Result<()> {
    for a in adoptions {
        if a.draft == symbol {
            writeln!(out, "{DIM}adopted as {}{DIM:#}", a.adopted_as)?;
        } else {
            writeln!(out, "{DIM}draft: {}{DIM:#}", a.draft)?;
        }
    }
    Ok(())
}

/// Prints a draft's sponsors, committee and agenda item, each on its line
/// when the document has it. Sponsors are divided by `;`: a name with a
/// bracketed remark (`on behalf of …`) can hold a comma.
fn draft_lines(out: &mut dyn Write, p: &PassageRecord) -> io::Result<()> {
    if !p.sponsor.is_empty() {
        writeln!(out, "{DIM}sponsors: {}{DIM:#}", p.sponsor.join("; "))?;
    }
    if let Some(c) = &p.committee {
        writeln!(out, "{DIM}committee: {c}{DIM:#}")?;
    }
    if let Some(item) = &p.agenda_item {
        writeln!(out, "{DIM}agenda item: {item}{DIM:#}")?;
    }
    Ok(())
}

/// Prints what a document is before its passages: title, kind, date,
/// processes, a draft's sponsors, committee and agenda item, the drafts and resolutions it is linked to, and a warning
/// when the corpus holds only an excerpt of it.
pub fn document_header(
    out: &mut dyn Write,
    p: &PassageRecord,
    adoptions: &[Adoption],
) -> io::Result<()> {
    writeln!(
        out,
        "{CITATION}{}{CITATION:#}  {}",
        p.symbol,
        p.title.as_deref().unwrap_or("")
    )?;
    let mut facts = vec![p.kind.to_string()];
    if let Some(d) = &p.date {
        facts.push(d.clone());
    }
    if !p.process.is_empty() && p.kind != Kind::Commentary {
        facts.push(p.process.join(", "));
    }
    writeln!(out, "{DIM}{}{DIM:#}", facts.join(" · "))?;
    draft_lines(out, p)?;
    adoption_lines(out, &p.symbol, adoptions)?;
    if p.excerpt {
        writeln!(
            out,
            "{DIM}excerpt: the corpus holds only some of this document's paragraphs (import the full text to replace it){DIM:#}"
        )?;
    }
    writeln!(out)
}

/// Prints a passage in full for a person, with its citation and notes.
pub fn passage_human(out: &mut dyn Write, p: &PassageRecord) -> io::Result<()> {
    writeln!(
        out,
        "{CITATION}{}{CITATION:#}{}  {DIM}{}{DIM:#}",
        p.citation,
        processes(p),
        p.id
    )?;
    if let Some(s) = &p.section {
        writeln!(out, "    {DIM}under \"{s}\"{DIM:#}")?;
    }
    writeln!(out, "    {}", p.text)?;
    for n in &p.notes {
        writeln!(out, "    {DIM}[{}] {}{DIM:#}", n.marker, n.text)?;
    }
    if !p.refs.is_empty() {
        writeln!(out, "    {DIM}refers to: {}{DIM:#}", p.refs.join(", "))?;
    }
    writeln!(out)
}
