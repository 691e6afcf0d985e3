//! References as scholars write them ("A/RES/73/27, para. 5", "para. 4(a)" under a column naming the resolution) and the processes a text names.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::static_regex::static_regex;

use super::model::Layout;

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
    /// A report's `unnumbered para. 2` (`U2`).
    pub unnumbered: bool,
    /// `annex, para. 2` (`Some("")`), `annex II, para. 2` (`Some("II")`).
    pub annex: Option<String>,
    /// As written, normalised: `5`, `4(a)`, `1.1`, `4(a)(i)`; empty for an
    /// article's own text.
    pub number: String,
    /// The article of a treaty annexed (`art. 12, para. 4`, `art. 1(a)`):
    /// `12`, `1(a)`.
    pub article: Option<String>,
}

impl RawRef {
    /// The passage id (or bare symbol) referred to, in a target numbered as
    /// `layout` says: a report's `P13`, anything else's `OP13`.
    pub fn id(&self, layout: Layout) -> String {
        match &self.para {
            None => self.symbol.clone(),
            Some(p) => {
                let annex = match p.annex.as_deref() {
                    None => String::new(),
                    Some(a) => format!("ANNEX{a}."),
                };
                if let Some(article) = &p.article {
                    let para = if p.number.is_empty() {
                        String::new()
                    } else {
                        format!(".P{}", p.number)
                    };
                    return super::PassageId::new(
                        &self.symbol,
                        format!("{annex}ART{article}{para}"),
                    )
                    .to_string();
                }
                let prefix = match (p.preambular, p.unnumbered, layout.is_report()) {
                    (true, _, _) => "PP",
                    (false, true, _) => "U",
                    (false, false, true) => "P",
                    (false, false, false) => "OP",
                };
                super::PassageId::new(&self.symbol, format!("{annex}{prefix}{}", p.number))
                    .to_string()
            }
        }
    }
}

static SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"\b[A-Z][A-Z0-9.]{0,9}(?:/[A-Za-z0-9.\-]+)+"));
static PARA: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?i)\b(?:(preambular|unnumbered)\s+)?(?:(annex)(?:\s+([IVXLC]+))?,?\s+)?(?:(preambular|unnumbered)\s+)?(?:paragraphs?|paras?\.?|¶¶?)\s*(\d+(?:\.\d+)*(?:\s?\([a-z]{1,5}\))*(?:\s*(?:,|and|&|–|—|-|to)\s*\d+(?:\.\d+)*(?:\s?\([a-z]{1,5}\))*)*)",
    )
});
/// `annex, art. 12, para. 4(a)`, `art. 1(a)`, `article 7`: an article of a
/// treaty annexed, and its paragraphs.
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?i)\b(?:(annex)(?:\s+([IVXLC]+))?,?\s+)?(?:art\.|article)\s*(\d{1,4}(?:\s?\([a-z]{1,5}\))*)(?:,?\s*(?:paragraphs?|paras?\.?)\s*(\d+(?:\s?\([a-z]{1,5}\))*(?:\s*(?:,|and|&|–|—|-|to)\s*\d+(?:\s?\([a-z]{1,5}\))*)*))?",
    )
});
/// What every match of `ARTICLE` holds.
static ARTICLE_HINT: LazyLock<Regex> = LazyLock::new(|| static_regex(r"(?i)\bart(?:\.|icle)"));
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

/// The documents `text` names; `own` is the symbol of the document it is
/// in (or that its heading names), whose body "its resolution" means.
fn mentions(text: &str, own: Option<&str>, aliases: &BTreeMap<String, String>) -> Vec<Mention> {
    // A symbol has a slash: most passages have none.
    let symbols = text.contains('/').then(|| SYMBOL.find_iter(text));
    let mut out: Vec<Mention> = symbols
        .into_iter()
        .flatten()
        .filter(|m| m.as_str().chars().any(|c| c.is_ascii_digit()))
        .map(|m| {
            let s = m.as_str().trim_end_matches(['.', '-']);
            let end = m.start() + s.len();
            // The Council's symbol carries its year: S/RES/2334 (2016).
            let year = (s.starts_with("S/RES/") && !s.contains('('))
                .then(|| text.get(end..).and_then(|r| SC_YEAR.captures(r)))
                .flatten();
            match year {
                Some(y) => Mention {
                    at: m.start(),
                    end: end + y.get(0).map_or(0, |g| g.end()),
                    symbol: format!("{s}({})", &y[1]),
                },
                None => Mention {
                    at: m.start(),
                    end,
                    symbol: s.to_owned(),
                },
            }
        })
        .collect();
    out.extend(cited_resolutions(text, own));
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

/// "resolution", "resolutions", "decision", "decisions": where a list of
/// numbers as the UN cites them may start.
static CITED: LazyLock<Regex> = LazyLock::new(|| static_regex(r"(?i)\b(resolution|decision)s?\b"));
/// One number of such a list: `53/70`, `43/78 H`, `ES-10/2`, `2019/19`,
/// `2334 (2016)` (the Security Council's), `2625 (XXV)` (the Assembly's
/// numbering before 1976).
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"^(?:((?:ES|S)-\d{1,2}|\d{1,4})/(\d{1,4})(?:\s?([A-Z])\b)?|(\d{1,4})\s?\(((?:ES-|S-)?[IVXLC]+|\d{4})\))",
    )
});
/// [`ITEM`] without the part letter, for a number whose next capital
/// starts a word or a symbol.
static ITEM_PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"^(?:((?:ES|S)-\d{1,2}|\d{1,4})/(\d{1,4})()|(\d{1,4})\s?\(((?:ES-|S-)?[IVXLC]+|\d{4})\))",
    )
});
/// "of 4 December 1998" after a number.
static ITEM_DATE: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"));
/// What joins two numbers of a list: `, `, ` and `, `, and `, ` as well as `.
static ITEM_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(r"^(?:\s*,\s*(?:(?:and|or|as well as)\s+)?|\s+(?:and|or|as well as)\s+)")
});
/// A description after a number ("on the creation of …", "by which it
/// established …"), which a list may carry before its next number.
static ITEM_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"^,?\s+(?:on|entitled|concerning|regarding|relating|in which|by which|whereby|adopted|as)\b",
    )
});
/// `S/RES/2334 (2016)` written with its year after a space.
static SC_YEAR: LazyLock<Regex> = LazyLock::new(|| static_regex(r"^\s?\((\d{4})\)"));

/// Longest description skipped between two numbers of a list, in bytes.
const MAX_TAIL: usize = 400;

/// The body that adopted what a list cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Organ {
    Assembly,
    SecurityCouncil,
    EconomicAndSocialCouncil,
    HumanRightsCouncil,
}

impl Organ {
    /// The body whose document `symbol` is: its own resolutions are "its".
    fn of(symbol: Option<&str>) -> Organ {
        match symbol {
            Some(s) if s.starts_with("S/") => Organ::SecurityCouncil,
            Some(s) if s.starts_with("E/") => Organ::EconomicAndSocialCouncil,
            Some(s) if s.starts_with("A/HRC/") => Organ::HumanRightsCouncil,
            _ => Organ::Assembly,
        }
    }
}

/// Which body the words before "resolution" name; `None` for one whose
/// symbols undex does not know ("Conference resolution 2/4").
fn organ_before(before: &str, own: Organ) -> Option<Organ> {
    let words: Vec<&str> = before.split_whitespace().rev().take(5).collect();
    let lead = words
        .iter()
        .rev()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    if lead.ends_with("security council") {
        return Some(Organ::SecurityCouncil);
    }
    if lead.ends_with("economic and social council") {
        return Some(Organ::EconomicAndSocialCouncil);
    }
    if lead.ends_with("human rights council") {
        return Some(Organ::HumanRightsCouncil);
    }
    if lead.ends_with("assembly") {
        return Some(Organ::Assembly);
    }
    const OTHER: [&str; 10] = [
        "Council",
        "Conference",
        "Commission",
        "Committee",
        "Board",
        "Organization",
        "Union",
        "Meeting",
        "Parties",
        "Summit",
    ];
    let other = words
        .iter()
        .take(3)
        .any(|w| OTHER.iter().any(|o| w.starts_with(o)));
    let draft = words
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("draft"));
    (!other && !draft).then_some(own)
}

/// The symbol of one number of a list, as the UN writes it without spaces:
/// A/RES/53/70, A/RES/43/78H (part H of resolution 43/78), A/DEC/72/512,
/// S/RES/2334(2016), E/RES/2019/19, A/HRC/RES/20/8, A/RES/2625(XXV).
fn item_symbol(organ: Organ, decision: bool, c: &regex::Captures<'_>) -> Option<String> {
    let kind = if decision { "DEC" } else { "RES" };
    if let (Some(session), Some(n)) = (c.get(1), c.get(2)) {
        let (session, n) = (session.as_str(), n.as_str());
        let letter = c.get(3).map_or("", |m| m.as_str());
        return match organ {
            // The Assembly numbers by session (73/27), the Economic and
            // Social Council by year (2019/19).
            Organ::Assembly
                if session.len() == 4 && session.bytes().all(|b| b.is_ascii_digit()) =>
            {
                Some(format!("E/{kind}/{session}/{n}"))
            }
            Organ::Assembly => Some(format!("A/{kind}/{session}/{n}{letter}")),
            Organ::HumanRightsCouncil => Some(format!("A/HRC/{kind}/{session}/{n}")),
            Organ::EconomicAndSocialCouncil => Some(format!("E/{kind}/{session}/{n}")),
            Organ::SecurityCouncil => None,
        };
    }
    let (n, paren) = (c.get(4)?.as_str(), c.get(5)?.as_str());
    let year = paren.bytes().all(|b| b.is_ascii_digit());
    match (organ, year, decision) {
        // Only the Security Council numbers its resolutions with the year.
        (_, true, false) => Some(format!("S/RES/{n}({paren})")),
        (Organ::Assembly, false, false) => Some(format!("A/RES/{n}({paren})")),
        (Organ::EconomicAndSocialCouncil, false, false) => Some(format!("E/RES/{n}({paren})")),
        _ => None,
    }
}

/// The number a list holds at the start of `rest`, with its length.
fn list_item<'t>(rest: &'t str) -> Option<regex::Captures<'t>> {
    let c = ITEM.captures(rest)?;
    // A capital after the number is a part only when no word or symbol
    // goes on from it ("71/28 A/RES/…" is a number then a symbol).
    if let Some(letter) = c.get(3)
        && rest[letter.end()..]
            .chars()
            .next()
            .is_some_and(|ch| ch.is_alphanumeric() || ch == '/' || ch == '-')
    {
        return ITEM_PLAIN.captures(rest);
    }
    Some(c)
}

/// Where the next number of a list starts after `at`: after a separator, or
/// after a description and a separator ("58/199 … on the creation of …,
/// and 64/211"); `None` when the list has ended.
fn next_item(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let starts_item = |i: usize| text.get(i..).and_then(list_item).is_some();
    if let Some(sep) = ITEM_SEPARATOR.find(rest)
        && starts_item(at + sep.end())
    {
        return Some(at + sep.end());
    }
    ITEM_TAIL.find(rest)?;
    let mut end = rest.len().min(MAX_TAIL);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let window = rest.get(..end)?;
    // The description ends with its clause: at a semicolon, at the end of a
    // sentence, or where another list begins.
    let stop = [
        window.find(';'),
        window.find(". "),
        CITED.find(window).map(|m| m.start()),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(window.len());
    let window = window.get(..stop)?;
    for (i, _) in window.match_indices([',', ' ']) {
        if let Some(sep) = ITEM_SEPARATOR.find(&rest[i..])
            && starts_item(at + i + sep.end())
        {
            return Some(at + i + sep.end());
        }
    }
    None
}

/// Resolutions and decisions cited the way UN texts cite them: "its
/// resolutions 36/103 of 9 December 1981, 43/78 H of 7 December 1988 … and
/// 71/28", "its decision 72/512", "Security Council resolution 2334 (2016)",
/// "Economic and Social Council resolution 2019/19". `own` is the symbol of
/// the citing document, whose body "its" means.
fn cited_resolutions(text: &str, own: Option<&str>) -> Vec<Mention> {
    let mut out = Vec::new();
    let own = Organ::of(own);
    // Where the last list ended: a list that goes on with the same body's
    // other kind ("resolution 2019/19 and decision 2019/209") has read it.
    let mut read_to = 0;
    for kw in CITED.captures_iter(text) {
        let (Some(whole), Some(word)) = (kw.get(0), kw.get(1)) else {
            continue;
        };
        if whole.start() < read_to {
            continue;
        }
        let mut decision = word.as_str().eq_ignore_ascii_case("decision");
        let Some(organ) = organ_before(text.get(..whole.start()).unwrap_or(""), own) else {
            continue;
        };
        let mut at = whole.end();
        while let Some(rest) = text.get(at..) {
            let start = at + (rest.len() - rest.trim_start().len());
            let Some(c) = text.get(start..).and_then(list_item) else {
                break;
            };
            let end = start + c.get(0).map_or(0, |m| m.end());
            if let Some(symbol) = item_symbol(organ, decision, &c) {
                out.push(Mention {
                    at: start,
                    end,
                    symbol,
                });
            }
            at = end;
            if let Some(date) = text.get(at..).and_then(|r| ITEM_DATE.find(r)) {
                at += date.end();
            }
            match next_item(text, at) {
                Some(next) => at = next,
                None => match same_body_goes_on(text, at) {
                    Some((next, kind)) => {
                        at = next;
                        decision = kind;
                    }
                    None => break,
                },
            }
        }
        read_to = at;
    }
    out
}

/// "… and decision 2019/209" (or "and its resolutions …") right after a
/// list: the same body's list goes on with the other kind. The position of
/// its first number, and whether it is a decision.
fn same_body_goes_on(text: &str, at: usize) -> Option<(usize, bool)> {
    let rest = text.get(at..)?;
    let sep = ITEM_SEPARATOR.find(rest)?;
    // After a bare comma a new citation may be another body's.
    if !sep.as_str().contains(char::is_alphabetic) {
        return None;
    }
    let after = rest.get(sep.end()..)?;
    let after_its = after.strip_prefix("its ").unwrap_or(after);
    let kw = CITED.captures(after_its)?;
    let whole = kw.get(0)?;
    if whole.start() != 0 {
        return None;
    }
    let decision = kw.get(1)?.as_str().eq_ignore_ascii_case("decision");
    let first = at + sep.end() + (after.len() - after_its.len()) + whole.end();
    let tail = text.get(first..)?;
    let first = first + (tail.len() - tail.trim_start().len());
    text.get(first..).and_then(list_item)?;
    Some((first, decision))
}

/// The symbols a reference makes a passage cite: the document's, and for
/// part of a lettered resolution (A/RES/43/78H) the resolution's as well
/// (A/RES/43/78), so that a search for either finds the passage.
pub fn cited_symbols(reference: &str) -> Vec<&str> {
    let symbol = super::id::symbol_of(reference);
    let mut out = vec![symbol];
    if let Some(number) = symbol.strip_prefix("A/RES/")
        && let Some(last) = number.chars().last()
        && last.is_ascii_uppercase()
        && number.contains('/')
        && number[..number.len() - 1].ends_with(|c: char| c.is_ascii_digit())
    {
        out.push(&symbol[..symbol.len() - 1]);
    }
    out
}

/// The first document a heading or a column header names, if any.
pub fn document_named(text: &str, aliases: &BTreeMap<String, String>) -> Option<String> {
    mentions(text, None, aliases)
        .into_iter()
        .next()
        .map(|m| m.symbol)
}

/// `citation` with its document symbol (its first word, up to a comma or a
/// space, when it holds a `/`) in capitals, as the UN prints symbols and as
/// [`extract`] recognizes them: `a/res/73/27, para. 5` reads as
/// `A/RES/73/27, para. 5`. Only the symbol: a sub-paragraph's letter stays
/// as written (`a/res/73/266 para. 1(a)` is not `1(A)`).
pub fn symbol_in_capitals(citation: &str) -> String {
    let end = citation
        .find(|c: char| c == ',' || c.is_whitespace())
        .unwrap_or(citation.len());
    let (head, rest) = citation.split_at(end);
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
    let docs = mentions(text, context, aliases);
    let mut used = vec![false; docs.len()];
    let mut out = Vec::new();
    let articles = article_refs(text, context, &docs, &mut used);
    let taken: Vec<(usize, usize)> = articles.iter().map(|(span, _)| *span).collect();
    out.extend(articles.into_iter().map(|(_, r)| r));
    // Most passages cite no paragraph: a quick look for the word spares
    // them the full pattern, whose optional lead words defeat its own
    // literal search.
    let paras = PARA_HINT.is_match(text).then(|| PARA.captures_iter(text));
    for c in paras.into_iter().flatten() {
        let Some(whole) = c.get(0) else { continue };
        if taken
            .iter()
            .any(|(start, end)| (*start..*end).contains(&whole.start()))
        {
            continue;
        }
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
        // `preambular para. 3`, and as citations print it inside an annex,
        // `annex, preambular para. 3`; a report's `unnumbered para. 2`.
        let kind = c
            .get(1)
            .or_else(|| c.get(4))
            .map(|m| m.as_str().to_lowercase());
        let preambular = kind.as_deref() == Some("preambular");
        let unnumbered = kind.as_deref() == Some("unnumbered");
        let annex = c.get(2).map(|_| {
            c.get(3)
                .map_or(String::new(), |m| m.as_str().to_uppercase())
        });
        for number in expand_list(&c[5]) {
            out.push(RawRef {
                symbol: symbol.clone(),
                para: Some(ParaRef {
                    preambular,
                    unnumbered,
                    annex: annex.clone(),
                    number,
                    article: None,
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

/// The articles of treaties annexed that `text` cites, with the span of
/// each citation: `A/RES/79/243, annex, art. 12, para. 4(a)`, or `A/RES/79/243,
/// art. 7` (a symbol right before it), or `annex, art. 7` of the document
/// named last or of `context`. A bare `article 51` (of the Charter, of a
/// convention the text names in words) is none.
fn article_refs(
    text: &str,
    context: Option<&str>,
    docs: &[Mention],
    used: &mut [bool],
) -> Vec<((usize, usize), RawRef)> {
    let mut out = Vec::new();
    let found = ARTICLE_HINT
        .is_match(text)
        .then(|| ARTICLE.captures_iter(text));
    for c in found.into_iter().flatten() {
        let Some(whole) = c.get(0) else { continue };
        let annex_word = c.get(1).is_some();
        let right_before = docs.iter().rposition(|m| {
            m.end <= whole.start()
                && text
                    .get(m.end..whole.start())
                    .is_some_and(|gap| gap.trim_matches([',', ' ']).is_empty())
        });
        let named = right_before.or_else(|| {
            annex_word
                .then(|| docs.iter().rposition(|m| m.end <= whole.start()))
                .flatten()
        });
        let symbol = match named {
            Some(i) => {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
                docs.get(i).map(|m| m.symbol.clone())
            }
            None if annex_word => context.map(str::to_owned),
            None => None,
        };
        let Some(symbol) = symbol else { continue };
        let annex = c
            .get(2)
            .map_or(String::new(), |m| m.as_str().to_uppercase());
        let article: String = c[3].chars().filter(|ch| !ch.is_whitespace()).collect();
        let numbers = c
            .get(4)
            .map_or_else(|| vec![String::new()], |m| expand_list(m.as_str()));
        for number in numbers {
            out.push((
                (whole.start(), whole.end()),
                RawRef {
                    symbol: symbol.clone(),
                    para: Some(ParaRef {
                        preambular: false,
                        unnumbered: false,
                        annex: Some(annex.clone()),
                        number,
                        article: Some(article.clone()),
                    }),
                },
            ));
        }
    }
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

pub use super::process::processes_named;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_symbol_of_a_citation_is_put_in_capitals() {
        assert_eq!(
            symbol_in_capitals("a/res/73/27, para. 5"),
            "A/RES/73/27, para. 5"
        );
        assert_eq!(
            symbol_in_capitals("a/res/73/266 para. 1(a)"),
            "A/RES/73/266 para. 1(a)"
        );
        assert_eq!(
            symbol_in_capitals("Chung 2019, para. 2"),
            "Chung 2019, para. 2"
        );
    }

    fn aliases() -> BTreeMap<String, String> {
        BTreeMap::from([
            ("Russian Resolution".to_owned(), "A/RES/73/27".to_owned()),
            ("US Resolution".to_owned(), "A/RES/73/266".to_owned()),
        ])
    }

    fn ids(text: &str, context: Option<&str>) -> Vec<String> {
        let mut v: Vec<String> = extract(text, context, &aliases())
            .iter()
            .map(|r| r.id(Layout::Resolution))
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
        // Citations as undex prints them, inside an annex too.
        assert_eq!(
            ids("annex, preambular para. 2", Some("X/1")),
            ["X/1#ANNEX.PP2"]
        );
        assert_eq!(
            ids(
                "A/70/174, unnumbered para. 2 and annex, unnumbered para. 3",
                None
            ),
            ["A/70/174#ANNEX.U3", "A/70/174#U2"]
        );
        assert_eq!(
            ids("A/RES/79/243, annex, art. 12, para. 4(a)", None),
            ["A/RES/79/243#ANNEX.ART12.P4(a)"]
        );
        assert_eq!(
            ids(
                "A/RES/79/243, annex, art. 1 (a) and A/RES/79/243, art. 7, paras. 1 and 2",
                None
            ),
            [
                "A/RES/79/243#ANNEX.ART1(a)",
                "A/RES/79/243#ANNEX.ART7.P1",
                "A/RES/79/243#ANNEX.ART7.P2"
            ]
        );
        assert_eq!(ids("annex, article 10", Some("X/1")), ["X/1#ANNEX.ART10"]);
        assert_eq!(
            ids("under article 51 of the Charter, para. 2", Some("X/1")),
            ["X/1#OP2"],
            "a bare article is no article of the annex"
        );
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
                "A/HRC/RES/20/8",
                "A/RES/53/70",
                "A/RES/54/49",
                "A/RES/71/28",
                "A/RES/73/27#OP1"
            ]
        );
        // A body whose symbols undex does not know is left alone.
        assert_eq!(
            ids(
                "Recalling Conference resolution 2/4 and its resolution 70/237,",
                Some("A/RES/99/1")
            ),
            ["A/RES/70/237"]
        );
        // A paragraph named before its resolution belongs to the document itself.
        assert_eq!(
            ids("as listed in paragraph 1 above", Some("A/RES/99/1")),
            ["A/RES/99/1#OP1"]
        );
    }

    /// A/RES/73/27's first preambular paragraph, as the UN prints it.
    const RECALLING: &str = "Recalling its resolutions 36/103 of 9 December 1981, 43/78 H of 7 December 1988, 53/70 of 4 December 1998, 54/49 of 1 December 1999, 55/28 of 20 November 2000, 56/19 of 29 November 2001, 57/53 of 22 November 2002, 58/32 of 8 December 2003, 59/61 of 3 December 2004, 60/45 of 8 December 2005, 61/54 of 6 December 2006, 62/17 of 5 December 2007, 63/37 of 2 December 2008, 64/25 of 2 December 2009, 65/41 of 8 December 2010, 66/24 of 2 December 2011, 67/27 of 3 December 2012, 68/243 of 27 December 2013, 69/28 of 2 December 2014, 70/237 of 23 December 2015 and 71/28 of 5 December 2016,";

    #[test]
    fn a_recall_list_is_read_to_its_end() {
        let got = ids(RECALLING, Some("A/RES/73/27"));
        assert_eq!(got.len(), 21, "{got:?}");
        for want in [
            "A/RES/36/103",
            "A/RES/43/78H",
            "A/RES/53/70",
            "A/RES/68/243",
            "A/RES/70/237",
            "A/RES/71/28",
        ] {
            assert!(got.iter().any(|g| g == want), "{want} missing from {got:?}");
        }
        // Part H of 43/78 is cited as part of 43/78 too.
        assert_eq!(
            cited_symbols("A/RES/43/78H"),
            ["A/RES/43/78H", "A/RES/43/78"]
        );
        assert_eq!(cited_symbols("A/RES/73/27#OP5"), ["A/RES/73/27"]);
        assert_eq!(cited_symbols("S/RES/2334(2016)"), ["S/RES/2334(2016)"]);
        assert_eq!(cited_symbols("A/70/174"), ["A/70/174"]);
    }

    #[test]
    fn decisions_councils_and_reports_in_a_list() {
        let text = "Recalling its resolutions 58/199 of 23 December 2003 on the creation of a global culture of cybersecurity and the protection of critical information infrastructures, and 64/211 of 21 December 2009, as well as its decision 72/512 of 4 December 2017, Security Council resolutions 1373 (2001) and 2341 (2017), Economic and Social Council resolution 2019/19 and decision 2019/209, resolution 2625 (XXV) and the report of the Group (A/70/174),";
        assert_eq!(
            ids(text, Some("A/RES/73/266")),
            [
                "A/70/174",
                "A/DEC/72/512",
                "A/RES/2625(XXV)",
                "A/RES/58/199",
                "A/RES/64/211",
                "E/DEC/2019/209",
                "E/RES/2019/19",
                "S/RES/1373(2001)",
                "S/RES/2341(2017)",
            ]
        );
        assert_eq!(
            ids("See S/RES/2334 (2016) and S/RES/1540(2004).", None),
            ["S/RES/1540(2004)", "S/RES/2334(2016)"]
        );
        // "its resolution" in a Council's own text is the Council's.
        assert_eq!(
            ids(
                "Recalling its resolution 2341 (2017),",
                Some("S/RES/2699(2023)")
            ),
            ["S/RES/2341(2017)"]
        );
        // Special and emergency special sessions number their own.
        assert_eq!(
            ids(
                "Recalling its resolutions ES-10/2 and S-26/2,",
                Some("A/RES/99/1")
            ),
            ["A/RES/ES-10/2", "A/RES/S-26/2"]
        );
        // A letter is a part only when nothing follows it.
        assert_eq!(
            ids("resolution 71/28 A/RES/73/27 and resolution 43/78 A.", None),
            ["A/RES/43/78A", "A/RES/71/28", "A/RES/73/27"]
        );
        // A number in a description that follows no separator is not cited.
        assert_eq!(
            ids(
                "its resolution 75/282, in which it decided on a 24/7 network",
                Some("A/RES/99/1")
            ),
            ["A/RES/75/282"]
        );
    }

    /// Recall lists as General Assembly resolutions write them: numbers with
    /// or without a part letter or a date, joined by commas, "and" or "as
    /// well as", sometimes with a description between two of them.
    fn recall_list(rng: &mut Rng) -> (String, Vec<String>) {
        const MONTHS: [&str; 4] = ["January", "May", "November", "December"];
        const TAILS: [&str; 4] = [
            " on the creation of a global culture of cybersecurity, and of trust",
            ", by which it established the Human Rights Council and its procedures",
            " entitled \u{201c}Developments in the field of information and telecommunications\u{201d}",
            " on the right to privacy in the digital age",
        ];
        let lead = [
            "Recalling its",
            "Reaffirming its",
            "Recalling also General Assembly",
        ][rng.below(3)];
        let decision = rng.below(4) == 0;
        let word = if decision { "decision" } else { "resolution" };
        let n = 1 + rng.below(25);
        let mut text = format!("{lead} {word}{} ", if n > 1 { "s" } else { "" });
        let mut want = Vec::new();
        for i in 0..n {
            let session = 1 + rng.below(80);
            let number = 1 + rng.below(600);
            let letter =
                (!decision && rng.below(5) == 0).then(|| char::from(b'A' + rng.below(8) as u8));
            text.push_str(&format!("{session}/{number}"));
            if let Some(l) = letter {
                text.push_str(&format!(" {l}"));
            }
            want.push(format!(
                "A/{}/{session}/{number}{}",
                if decision { "DEC" } else { "RES" },
                letter.map(String::from).unwrap_or_default()
            ));
            if rng.below(4) != 0 {
                text.push_str(&format!(
                    " of {} {} {}",
                    1 + rng.below(28),
                    MONTHS[rng.below(4)],
                    1946 + rng.below(80)
                ));
            }
            if rng.below(6) == 0 {
                text.push_str(TAILS[rng.below(TAILS.len())]);
            }
            if i + 2 < n {
                text.push_str(", ");
            } else if i + 1 < n {
                text.push_str([" and ", ", and ", " as well as ", ", "][rng.below(4)]);
            }
        }
        text.push(',');
        (text, want)
    }

    /// A deterministic generator (xorshift), so that a failure can be replayed.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            (x % n as u64) as usize
        }
    }

    #[test]
    fn every_number_of_a_generated_recall_list_is_a_reference() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for case in 0..3000 {
            let (text, want) = recall_list(&mut rng);
            let got: Vec<String> = extract(&text, Some("A/RES/99/1"), &BTreeMap::new())
                .iter()
                .map(|r| r.id(Layout::Resolution))
                .collect();
            for w in &want {
                assert!(got.contains(w), "case {case}: {w} missing\n{text}\n{got:?}");
            }
            for g in &got {
                assert!(
                    want.contains(g),
                    "case {case}: {g} is not in the list\n{text}"
                );
            }
        }
    }

    #[test]
    fn report_targets_and_documents_named() {
        let r = extract("A/70/174, para. 13(a)", None, &BTreeMap::new());
        assert_eq!(r[0].id(Layout::Report), "A/70/174#P13(a)");
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
