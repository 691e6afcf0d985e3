//! A corpus given as JSON Lines, one passage a line: undex's own export, or any tool's passages in the same shape.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use super::frontmatter::check_symbol;
use super::id::PassageId;
use super::model::{Document, Kind, Meta, Note, Part, Passage};
use crate::error::Diagnostic;

/// One line of a JSON Lines corpus. `symbol` and `text` are required, and
/// `anchor` or `id`; the rest is optional (fields of other tools are ignored).
#[derive(Deserialize)]
struct Line {
    id: Option<String>,
    symbol: Option<String>,
    anchor: Option<String>,
    citation: Option<String>,
    title: Option<String>,
    kind: Option<String>,
    part: Option<String>,
    #[serde(default)]
    process: OneOrMany,
    section: Option<String>,
    date: Option<String>,
    adopted_as: Option<String>,
    #[serde(default)]
    sponsor: Vec<String>,
    committee: Option<String>,
    agenda_item: Option<String>,
    #[serde(default)]
    refs: Vec<String>,
    #[serde(default)]
    notes: Vec<Note>,
    #[serde(default)]
    excerpt: bool,
    text: Option<String>,
    seq: Option<u64>,
    line: Option<usize>,
}

#[derive(Deserialize, Default)]
#[serde(untagged)]
enum OneOrMany {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

/// Is this path a JSON Lines corpus (by its extension)?
pub fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["jsonl", "ndjson"].contains(&e.to_ascii_lowercase().as_str()))
}

/// An anchor's annexes (`ANNEX.`, `ANNEXII.`, a treaty's `ANNEX.ANNEX.`),
/// each as its number (`""`, `"II"`), and its place in the last of them.
fn annexes_and_place(anchor: &str) -> (Vec<&str>, &str) {
    let mut annexes = Vec::new();
    let mut place = anchor;
    while let Some((head, rest)) = place.split_once('.') {
        match head.strip_prefix("ANNEX") {
            Some(n) => {
                annexes.push(n);
                place = rest;
            }
            None => break,
        }
    }
    (annexes, place)
}

/// The part an anchor implies, for lines that do not say.
fn part_of(anchor: &str) -> Part {
    let (_, place) = annexes_and_place(anchor);
    if place.starts_with("PP") {
        Part::Preambular
    } else if place.starts_with("ART") || place.starts_with("FC") {
        Part::Operative
    } else if place.starts_with('S') {
        Part::Commentary
    } else if place.starts_with('P') || place.starts_with('U') {
        Part::Report
    } else {
        Part::Operative
    }
}

/// The citation an anchor implies, for lines that do not give one.
fn citation_of(symbol: &str, anchor: &str) -> String {
    let (annexes, place) = annexes_and_place(anchor);
    let annex: String = annexes
        .iter()
        .map(|n| match *n {
            "" => "annex, ".to_owned(),
            n => format!("annex {n}, "),
        })
        .collect();
    let pin = if let Some(n) = place.strip_prefix("PP") {
        format!("preambular para. {n}")
    } else if let Some(rest) = place.strip_prefix("ART") {
        match rest.split_once(".P") {
            Some((article, para)) => format!("art. {article}, para. {para}"),
            None => format!("art. {rest}"),
        }
    } else if let Some(n) = place.strip_prefix("FC") {
        format!("final clause {n}")
    } else if let Some(n) = place.strip_prefix("OP").or_else(|| place.strip_prefix('P')) {
        if n.is_empty() {
            return symbol.to_owned();
        }
        format!("para. {n}")
    } else if let Some(n) = place.strip_prefix('U') {
        format!("unnumbered para. {n}")
    } else {
        place.to_owned()
    };
    format!("{symbol}, {annex}{pin}")
}

/// Reads a JSON Lines corpus: every bad line is reported with its number.
pub fn load(path: &Path, text: &str) -> Result<Vec<Document>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut docs: BTreeMap<String, Document> = BTreeMap::new();
    let mut ids = HashSet::new();
    for (i, raw) in text.lines().enumerate() {
        let no = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let line: Line = match serde_json::from_str(raw) {
            Ok(l) => l,
            Err(e) => {
                problems.push(Diagnostic::new(
                    path,
                    no,
                    format!("not a passage object: {e}"),
                ));
                continue;
            }
        };
        let (Some(symbol), Some(text)) = (line.symbol.clone(), line.text.clone()) else {
            problems.push(Diagnostic::new(
                path,
                no,
                "a passage needs at least \"symbol\" and \"text\"",
            ));
            continue;
        };
        if let Err(why) = check_symbol(&symbol) {
            problems.push(Diagnostic::new(path, no, why));
            continue;
        }
        let anchor = match (&line.anchor, &line.id) {
            (Some(a), _) => a.clone(),
            (None, Some(id)) => PassageId::parse(id)
                .map(|id| id.anchor().to_owned())
                .unwrap_or_default(),
            (None, None) => String::new(),
        };
        if anchor.is_empty() {
            problems.push(Diagnostic::new(
                path,
                no,
                "a passage needs an \"anchor\" (or an \"id\" symbol#anchor)",
            ));
            continue;
        }
        let id = PassageId::new(&symbol, &anchor).to_string();
        if line.id.as_ref().is_some_and(|given| *given != id) {
            problems.push(Diagnostic::new(
                path,
                no,
                format!("\"id\" does not match symbol#anchor ({id})"),
            ));
            continue;
        }
        if !ids.insert(id.clone()) {
            problems.push(Diagnostic::new(
                path,
                no,
                format!("passage {id} appears twice"),
            ));
            continue;
        }
        if text.trim().is_empty() {
            problems.push(Diagnostic::new(
                path,
                no,
                format!("passage {id} has no text"),
            ));
            continue;
        }
        let kind = match line.kind.as_deref() {
            None => Kind::Resolution,
            Some(k) => match Kind::ALL.into_iter().find(|x| x.as_str() == k) {
                Some(kind) => kind,
                None => {
                    problems.push(Diagnostic::new(path, no, format!("unknown kind \"{k}\"")));
                    continue;
                }
            },
        };
        let part = match line.part.as_deref() {
            None => part_of(&anchor),
            Some(p) => match Part::parse(p) {
                Some(part) => part,
                None => {
                    problems.push(Diagnostic::new(path, no, format!("unknown part \"{p}\"")));
                    continue;
                }
            },
        };
        let process = line.process.into_vec();
        let doc = docs.entry(symbol.clone()).or_insert_with(|| Document {
            path: path.to_path_buf(),
            meta: Meta {
                layout: super::Layout::of(kind, &symbol),
                symbol: symbol.clone(),
                title: line.title.clone(),
                kind,
                date: line.date.clone(),
                adopted_as: line.adopted_as.clone(),
                sponsor: line.sponsor.clone(),
                committee: line.committee.clone(),
                agenda_item: line.agenda_item.clone(),
                excerpt: line.excerpt,
                ..Meta::default()
            },
            passages: Vec::new(),
        });
        for p in &process {
            if !doc.meta.process.contains(p) {
                doc.meta.process.push(p.clone());
            }
        }
        let seq = line.seq.unwrap_or(doc.passages.len() as u64);
        doc.passages.push(Passage {
            id,
            symbol: symbol.clone(),
            citation: line
                .citation
                .unwrap_or_else(|| citation_of(&symbol, &anchor)),
            anchor,
            part,
            section: line.section,
            process,
            refs: line.refs,
            notes: line.notes,
            text,
            line: line.line.unwrap_or(no),
            seq,
            section_processes: Vec::new(),
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out: Vec<Document> = docs.into_values().collect();
    for d in &mut out {
        d.passages.sort_by_key(|p| p.seq);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passages_in_the_export_shape_and_in_other_tools_shape() {
        let text = r#"{"id":"A/RES/1/2#OP1","symbol":"A/RES/1/2","anchor":"OP1","citation":"A/RES/1/2, para. 1","process":["OEWG"],"refs":[],"text":"Decides.","seq":1,"kind":"resolution","part":"operative"}
{"symbol":"A/RES/1/2","anchor":"PP1","process":"GGE","text":"Recalling,","seq":0,"score":3.5}

{"symbol":"A/70/174","anchor":"P13(a)","kind":"report","text":"States should."}
"#;
        let docs = load(Path::new("c.jsonl"), text).unwrap();
        assert_eq!(docs.len(), 2);
        let res = &docs[1];
        assert_eq!(res.passages[0].anchor, "PP1");
        assert_eq!(res.passages[0].citation, "A/RES/1/2, preambular para. 1");
        assert_eq!(res.passages[0].part, Part::Preambular);
        assert_eq!(res.meta.process, ["OEWG", "GGE"]);
        assert_eq!(docs[0].passages[0].citation, "A/70/174, para. 13(a)");
        assert_eq!(docs[0].passages[0].part, Part::Report);
    }

    #[test]
    fn bad_lines_are_reported_with_their_numbers() {
        let text = "{\"symbol\":\"A/1\",\"anchor\":\"OP1\",\"text\":\"x\"}\nnot json\n{\"symbol\":\"A/1\",\"anchor\":\"OP1\",\"text\":\"y\"}\n{\"text\":\"z\"}\n{\"id\":\"A/1#OP2\",\"symbol\":\"A/2\",\"text\":\"w\"}\n";
        let e = load(Path::new("c.jsonl"), text).err().unwrap();
        let lines: Vec<usize> = e.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 3, 4, 5]);
        assert!(e[1].message.contains("appears twice"));
    }

    #[test]
    fn treaty_anchors_imply_their_part_and_citation() {
        let cases = [
            ("ANNEX.ART12.P4(a)", "X/1, annex, art. 12, para. 4(a)"),
            ("ANNEX.ART1(a)", "X/1, annex, art. 1(a)"),
            ("ANNEX.FC1", "X/1, annex, final clause 1"),
            ("ANNEX.ANNEX.OP3", "X/1, annex, annex, para. 3"),
            ("ANNEXII.PP2", "X/1, annex II, preambular para. 2"),
        ];
        for (anchor, citation) in cases {
            assert_eq!(citation_of("X/1", anchor), citation);
        }
        assert_eq!(part_of("ANNEX.ART12.P4"), Part::Operative);
        assert_eq!(part_of("ANNEX.PP3"), Part::Preambular);
        assert_eq!(part_of("ANNEX.P3"), Part::Report);
    }
}
