//! References as scholars write them ("A/RES/73/27, para. 5", "para. 4(a)" under a column naming the resolution) and the processes a text names.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::static_regex::static_regex;

/// A reference found in a commentary passage, before the target's kind is known.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RawRef {
    /// The symbol referred to.
    pub symbol: String,
    /// The paragraph, if one is named.
    pub para: Option<ParaRef>,
}

/// A paragraph named in a reference.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ParaRef {
    /// `preambular para. 3`.
    pub preambular: bool,
    /// `annex, para. 2` (`Some("")`), `annex II, para. 2` (`Some("II")`).
    pub annex: Option<String>,
    /// As written, normalised: `5`, `4(a)`, `1.1`, `4(a)(i)`.
    pub number: String,
}

impl RawRef {
    /// The passage id (or bare symbol) referred to; `report` says whether the
    /// target numbers its paragraphs as a report does (`P13`) or as a
    /// resolution does (`OP13`).
    pub fn id(&self, report: bool) -> String {
        match &self.para {
            None => self.symbol.clone(),
            Some(p) => {
                let annex = match p.annex.as_deref() {
                    None => String::new(),
                    Some(a) => format!("ANNEX{a}."),
                };
                let prefix = match (p.preambular, report) {
                    (true, _) => "PP",
                    (false, true) => "P",
                    (false, false) => "OP",
                };
                format!("{}#{annex}{prefix}{}", self.symbol, p.number)
            }
        }
    }
}

static SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"\b[A-Z][A-Z0-9.]{0,9}(?:/[A-Za-z0-9.\-]+)+"));
static PARA: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?i)\b(?:(preambular)\s+)?(?:(annex)(?:\s+([IVXLC]+))?,?\s+)?(?:paragraphs?|paras?\.?|¶¶?)\s*(\d+(?:\.\d+)*(?:\s?\([a-z]{1,5}\))*(?:\s*(?:,|and|&|–|—|-|to)\s*\d+(?:\.\d+)*(?:\s?\([a-z]{1,5}\))*)*)",
    )
});
/// What every match of `PARA` holds.
static PARA_HINT: LazyLock<Regex> = LazyLock::new(|| static_regex(r"(?i)para|¶"));
static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"(\d+(?:\.\d+)*(?:\s?\([a-z]{1,5}\))*)|(–|—|-|\bto\b)"));

/// A document named in a text: by symbol or by alias.
#[derive(Debug)]
struct Mention {
    at: usize,
    end: usize,
    symbol: String,
}

fn mentions(text: &str, aliases: &BTreeMap<String, String>) -> Vec<Mention> {
    // A symbol has a slash: most passages have none.
    let symbols = text.contains('/').then(|| SYMBOL.find_iter(text));
    let mut out: Vec<Mention> = symbols
        .into_iter()
        .flatten()
        .filter(|m| m.as_str().chars().any(|c| c.is_ascii_digit()))
        .map(|m| {
            let s = m.as_str().trim_end_matches(['.', '-']);
            Mention {
                at: m.start(),
                end: m.start() + s.len(),
                symbol: s.to_owned(),
            }
        })
        .collect();
    out.extend(assembly_resolutions(text));
    if aliases.is_empty() {
        out.sort_by_key(|m| m.at);
        return out;
    }
    let lower = text.to_lowercase();
    // Longest aliases first, so that "US Resolution" is not read as a shorter alias inside it.
    let mut names: Vec<(&String, &String)> = aliases.iter().collect();
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    for (name, symbol) in names {
        let needle = name.to_lowercase();
        if needle.is_empty() || lower.len() != text.len() {
            continue;
        }
        for (at, _) in lower.match_indices(&needle) {
            let end = at + needle.len();
            let boundary_before = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let boundary_after = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            let overlaps = out.iter().any(|m| at < m.end && m.at < end);
            if boundary_before && boundary_after && !overlaps {
                out.push(Mention {
                    at,
                    end,
                    symbol: symbol.clone(),
                });
            }
        }
    }
    out.sort_by_key(|m| m.at);
    out
}

static RESOLUTIONS: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"\bresolutions?\s+((?:\d{1,3}/\d{1,4}[A-Z]?(?:\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?(?:\s*,\s*(?:and\s+)?|\s+and\s+)?)+)",
    )
});
static SESSION_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"\b(\d{1,3}/\d{1,4}[A-Z]?)\b"));

/// General Assembly resolutions cited the way resolutions cite each other:
/// "its resolutions 53/70 of 4 December 1998, 54/49 … and 71/28" → A/RES/53/70, …
/// A resolution of a Council ("Human Rights Council resolution 20/8") is not
/// the Assembly's and is left alone.
fn assembly_resolutions(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for c in RESOLUTIONS.captures_iter(text) {
        let (Some(whole), Some(list)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let before = text.get(..whole.start()).unwrap_or("");
        let lead: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        if lead
            .iter()
            .any(|w| w.starts_with("Council") || w.starts_with("Conference"))
        {
            continue;
        }
        for m in SESSION_NUMBER.find_iter(list.as_str()) {
            out.push(Mention {
                at: list.start() + m.start(),
                end: list.start() + m.end(),
                symbol: format!("A/RES/{}", m.as_str()),
            });
        }
    }
    out
}

/// The first document a heading or a column header names, if any.
pub fn document_named(text: &str, aliases: &BTreeMap<String, String>) -> Option<String> {
    mentions(text, aliases).into_iter().next().map(|m| m.symbol)
}

/// `citation` with its document symbol (what comes before the first comma,
/// when it holds a `/`) in capitals, as the UN prints symbols and as
/// [`extract`] recognizes them: `a/res/73/27, para. 5` reads as
/// `A/RES/73/27, para. 5`. Symbols are matched case-insensitively anyway.
pub fn symbol_in_capitals(citation: &str) -> String {
    let (head, rest) = citation.split_at(citation.find(',').unwrap_or(citation.len()));
    if head.contains('/') {
        format!("{}{rest}", head.to_uppercase())
    } else {
        citation.to_owned()
    }
}

/// The references in `text`. A bare "para. 5" refers to the document last
/// named before it in the text, else to `context` (the column header's or the
/// heading's document); without either it is not a reference.
pub fn extract(
    text: &str,
    context: Option<&str>,
    aliases: &BTreeMap<String, String>,
) -> Vec<RawRef> {
    let docs = mentions(text, aliases);
    let mut used = vec![false; docs.len()];
    let mut out = Vec::new();
    // Most passages cite no paragraph: a quick look for the word spares
    // them the full pattern, whose optional lead words defeat its own
    // literal search.
    let paras = PARA_HINT.is_match(text).then(|| PARA.captures_iter(text));
    for c in paras.into_iter().flatten() {
        let Some(whole) = c.get(0) else { continue };
        // "paragraph 1 of resolution 73/27" names its document after it;
        // otherwise a bare paragraph belongs to the document named last before it.
        let after = docs.iter().position(|m| {
            m.at >= whole.end()
                && text
                    .get(whole.end()..m.at)
                    .is_some_and(|gap| gap.trim_start().starts_with("of ") && gap.len() <= 24)
        });
        let before = after.or_else(|| docs.iter().rposition(|m| m.end <= whole.start()));
        let symbol = match before {
            Some(i) => {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
                docs.get(i).map(|m| m.symbol.clone())
            }
            None => context.map(str::to_owned),
        };
        let Some(symbol) = symbol else { continue };
        let preambular = c.get(1).is_some();
        let annex = c.get(2).map(|_| {
            c.get(3)
                .map_or(String::new(), |m| m.as_str().to_uppercase())
        });
        for number in expand_list(&c[4]) {
            out.push(RawRef {
                symbol: symbol.clone(),
                para: Some(ParaRef {
                    preambular,
                    annex: annex.clone(),
                    number,
                }),
            });
        }
    }
    for (m, used) in docs.iter().zip(used) {
        if !used {
            out.push(RawRef {
                symbol: m.symbol.clone(),
                para: None,
            });
        }
    }
    out.sort();
    out.dedup();
    out
}

/// "3, 4 and 5" → 3, 4, 5; "3–5" → 3, 4, 5 (ranges of plain numbers, at most 50 long).
fn expand_list(list: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut range_pending = false;
    for c in LIST_ITEM.captures_iter(list) {
        if c.get(2).is_some() {
            range_pending = true;
            continue;
        }
        let item: String = c[1].chars().filter(|ch| !ch.is_whitespace()).collect();
        if range_pending
            && let (Some(from), Ok(to)) = (
                out.last().and_then(|l| l.parse::<u64>().ok()),
                item.parse::<u64>(),
            )
            && from < to
            && to - from <= 50
        {
            out.extend((from + 1..to).map(|n| n.to_string()));
        }
        range_pending = false;
        out.push(item);
    }
    out
}

static OEWG: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"(?i)\bOEWG\b|\bopen-ended working group\b"));
static GGE: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"(?i)\b(?:UN)?GGEs?\b|\bgroup of governmental experts\b"));

/// The processes a text names ("OEWG", "UNGGE", "open-ended working group", …).
pub fn processes_named(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if OEWG.is_match(text) {
        out.push("OEWG".to_owned());
    }
    if GGE.is_match(text) {
        out.push("GGE".to_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aliases() -> BTreeMap<String, String> {
        BTreeMap::from([
            ("Russian Resolution".to_owned(), "A/RES/73/27".to_owned()),
            ("US Resolution".to_owned(), "A/RES/73/266".to_owned()),
        ])
    }

    fn ids(text: &str, context: Option<&str>) -> Vec<String> {
        let mut v: Vec<String> = extract(text, context, &aliases())
            .iter()
            .map(|r| r.id(false))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn references_as_scholars_write_them() {
        assert_eq!(ids("See A/RES/73/27, para. 5.", None), ["A/RES/73/27#OP5"]);
        assert_eq!(
            ids(
                "A/RES/73/266, paras. 3, 4 and 5 and A/RES/73/27, para. 4(a)",
                None
            ),
            [
                "A/RES/73/266#OP3",
                "A/RES/73/266#OP4",
                "A/RES/73/266#OP5",
                "A/RES/73/27#OP4(a)"
            ]
        );
        assert_eq!(
            ids("paras. 3–5", Some("X/1")),
            ["X/1#OP3", "X/1#OP4", "X/1#OP5"]
        );
        assert_eq!(
            ids("para. 1.1 and preambular para. 2", Some("X/1")),
            ["X/1#OP1.1", "X/1#PP2"]
        );
        assert_eq!(ids("annex, para. 2", Some("X/1")), ["X/1#ANNEX.OP2"]);
        assert_eq!(
            ids("The Russian Resolution (para. 5)", None),
            ["A/RES/73/27#OP5"]
        );
        assert_eq!(
            ids("Studied under para. 3", Some("A/RES/73/266")),
            ["A/RES/73/266#OP3"]
        );
        assert_eq!(ids("para. 3 with no document", None), Vec::<String>::new());
        assert_eq!(ids("Adopted as A/RES/73/27.", None), ["A/RES/73/27"]);
    }

    #[test]
    fn resolutions_cited_as_resolutions_cite_them() {
        let text = "Recalling its resolutions 53/70 of 4 December 1998, 54/49 of 1 December 1999 and 71/28 of 5 December 2016, and Human Rights Council resolution 20/8 of 5 July 2012, and paragraph 1 of resolution 73/27,";
        let mut got = ids(text, Some("A/RES/99/1"));
        got.sort();
        assert_eq!(
            got,
            [
                "A/RES/53/70",
                "A/RES/54/49",
                "A/RES/71/28",
                "A/RES/73/27#OP1"
            ]
        );
        // A paragraph named before its resolution belongs to the document itself.
        assert_eq!(
            ids("as listed in paragraph 1 above", Some("A/RES/99/1")),
            ["A/RES/99/1#OP1"]
        );
    }

    #[test]
    fn report_targets_and_documents_named() {
        let r = extract("A/70/174, para. 13(a)", None, &BTreeMap::new());
        assert_eq!(r[0].id(true), "A/70/174#P13(a)");
        assert_eq!(
            document_named("US Resolution (para. 3)", &aliases()).as_deref(),
            Some("A/RES/73/266")
        );
        assert_eq!(document_named("Point", &aliases()), None);
    }

    #[test]
    fn processes_a_text_names() {
        assert_eq!(processes_named("the OEWG and the UNGGE"), ["OEWG", "GGE"]);
        assert_eq!(processes_named("an open-ended working group"), ["OEWG"]);
        assert!(processes_named("Member States").is_empty());
    }
}
