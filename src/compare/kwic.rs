//! Keyword in context: every occurrence of a term with the words around it, aligned on the term, each with its citation.

use serde::Serialize;
use tantivy::{DocAddress, TantivyDocument};

use super::GroupBy;
use super::counts::{CompareOptions, Universe, analyze_term, for_each_count};
use crate::analysis;
use crate::corpus::symbol::cmp_symbols;
use crate::error::Result;
use crate::index::Index;
use crate::search::{Selection, read_record};

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KwicSort {
    /// By document, then place in it.
    #[default]
    Doc,
    /// By the words to the left of the term, nearest first.
    Left,
    /// By the words to the right of the term.
    Right,
}

/// What to look up.
#[derive(Debug, Clone)]
pub struct KwicOptions {
    /// A word or phrase.
    pub term: String,
    /// Characters of context on each side.
    pub width: usize,
    /// Which passages (the filters `search` takes).
    pub filters: Selection,
    /// Match surface forms only.
    pub exact: bool,
    /// Line order.
    pub sort: KwicSort,
    /// Most lines to return.
    pub limit: usize,
}

/// One concordance line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KwicLine {
    /// The passage.
    pub id: String,
    /// Its document.
    pub symbol: String,
    /// How to cite it.
    pub citation: String,
    /// Its processes.
    pub process: Vec<String>,
    /// Context before the term (`…` where cut), spaced as written: it ends
    /// with a space when the text has one before the term.
    pub left: String,
    /// The term as written.
    pub keyword: String,
    /// Context after the term, spaced as written: `, and…` when a comma
    /// follows the term, ` and…` when a space does.
    pub right: String,
    /// Place of the passage in its document.
    pub seq: u64,
    /// Byte offset of the term in the passage.
    pub offset: usize,
}

/// Concordance lines and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kwic {
    /// The lines, up to the limit.
    pub lines: Vec<KwicLine>,
    /// All occurrences.
    pub total: usize,
    /// The term as given, without quotes.
    pub term: String,
    /// True when filters narrowed the passages searched.
    pub filtered: bool,
}

/// How many lines a concordance returned of how many (`kwic --json`'s last record).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KwicSummary {
    /// Lines returned.
    pub returned: usize,
    /// Occurrences in all.
    pub total: usize,
}

impl Kwic {
    /// How many lines were returned of how many.
    pub fn summary(&self) -> KwicSummary {
        KwicSummary {
            returned: self.lines.len(),
            total: self.total,
        }
    }
}

/// Runs of white space (line breaks of the source included) as one space,
/// a space at either end kept: the context reads as the text is written.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

fn left_context(text: &str, end: usize, width: usize) -> String {
    let width = width.max(1);
    let before = text.get(..end).unwrap_or("");
    let chars: Vec<char> = before.chars().collect();
    if chars.len() <= width {
        return squash(before).trim_start().to_owned();
    }
    let start = chars.len() - width;
    let tail: String = chars.get(start..).unwrap_or(&[]).iter().collect();
    // Start at a word boundary so that no word is shown cut.
    let in_word = chars.get(start - 1).is_some_and(|c| !c.is_whitespace())
        && chars.get(start).is_some_and(|c| !c.is_whitespace());
    let tail = match tail.find(char::is_whitespace) {
        Some(i) if in_word && i < tail.len() / 2 => tail.get(i..).unwrap_or(&tail).to_owned(),
        _ => tail,
    };
    format!("…{}", squash(&tail).trim_start())
}

fn right_context(text: &str, start: usize, width: usize) -> String {
    let width = width.max(1);
    let after = text.get(start..).unwrap_or("");
    let chars: Vec<char> = after.chars().collect();
    if chars.len() <= width {
        return squash(after).trim_end().to_owned();
    }
    let head: String = chars.get(..width).unwrap_or(&[]).iter().collect();
    let in_word = chars.get(width - 1).is_some_and(|c| !c.is_whitespace())
        && chars.get(width).is_some_and(|c| !c.is_whitespace());
    let head = match head.rfind(char::is_whitespace) {
        Some(i) if in_word && i > head.len() / 2 => head.get(..i).unwrap_or(&head).to_owned(),
        _ => head,
    };
    format!("{}…", squash(&head).trim_end())
}

fn sort_key(words: &str, reverse: bool) -> Vec<String> {
    let mut w: Vec<String> = words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if reverse {
        w.reverse();
    }
    w
}

impl Index {
    /// The concordance of a term: each occurrence with its context and citation.
    pub fn kwic(&self, options: &KwicOptions) -> Result<Kwic> {
        self.check_filters(&options.filters)?;
        let searcher = self.searcher();
        let select = CompareOptions {
            terms: Vec::new(),
            by: GroupBy::Doc,
            filters: options.filters.clone(),
            exact: options.exact,
            vs_rest: false,
        };
        let u = Universe::build(&searcher, &select)?;
        let words = analyze_term(&options.term, options.exact)?;
        let field = if options.exact {
            self.fields.text_exact
        } else {
            self.fields.text
        };
        let mut hits: Vec<DocAddress> = Vec::new();
        for (si, seg) in searcher.segment_readers().iter().enumerate() {
            let docs = u.segments.get(si);
            for_each_count(seg, field, &words, |doc, _| {
                if docs
                    .and_then(|d| d.get(doc as usize))
                    .is_some_and(Option::is_some)
                {
                    hits.push(DocAddress::new(si as u32, doc));
                }
            })?;
        }
        let mut analyzer = if options.exact {
            analysis::exact()
        } else {
            analysis::stemmed()
        };
        let mut lines = Vec::new();
        for addr in hits {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let p = read_record(&self.fields, &doc);
            let toks = analysis::tokens(&mut analyzer, &p.text);
            for (i, first) in toks.iter().enumerate() {
                // The term's words at their relative positions from this token.
                let mut end = first.2;
                let matched = words.iter().all(|(rel, w)| {
                    toks.get(i..)
                        .unwrap_or(&[])
                        .iter()
                        .find(|t| t.0 == first.0 + rel)
                        .is_some_and(|t| {
                            end = end.max(t.2);
                            &t.3 == w
                        })
                });
                if !matched {
                    continue;
                }
                lines.push(KwicLine {
                    id: p.id.clone(),
                    symbol: p.symbol.clone(),
                    citation: p.citation.clone(),
                    process: p.process.clone(),
                    left: left_context(&p.text, first.1, options.width),
                    keyword: p.text.get(first.1..end).unwrap_or("").to_owned(),
                    right: right_context(&p.text, end, options.width),
                    seq: p.seq,
                    offset: first.1,
                });
            }
        }
        // Documents in the UN order of their symbols, then place.
        let by_place = |a: &KwicLine, b: &KwicLine| {
            cmp_symbols(&a.symbol, &b.symbol)
                .then(a.seq.cmp(&b.seq))
                .then(a.offset.cmp(&b.offset))
        };
        match options.sort {
            KwicSort::Doc => lines.sort_by(by_place),
            KwicSort::Left | KwicSort::Right => {
                let left = options.sort == KwicSort::Left;
                let mut keyed: Vec<(Vec<String>, KwicLine)> = lines
                    .into_iter()
                    .map(|l| {
                        let side = if left { &l.left } else { &l.right };
                        (sort_key(side, left), l)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| by_place(&a.1, &b.1)));
                lines = keyed.into_iter().map(|(_, l)| l).collect();
            }
        }
        let total = lines.len();
        lines.truncate(options.limit);
        Ok(Kwic {
            lines,
            total,
            term: options.term.trim().trim_matches('"').to_owned(),
            filtered: !options.filters.is_empty(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_are_cut_at_words() {
        let t = "one two three four five six seven";
        assert_eq!(left_context(t, 24, 100), "one two three four five ");
        assert_eq!(left_context(t, 24, 10), "…four five ");
        assert_eq!(right_context(t, 4, 9), "two three…");
        assert_eq!(right_context(t, 28, 20), "seven");
        assert_eq!(sort_key("the big, red", true), ["red", "big", "the"]);
        assert_eq!(left_context(t, 24, 0), "…");
        assert_eq!(right_context(t, 4, 0), "t…");
    }

    #[test]
    fn contexts_keep_the_spacing_as_written() {
        let t = "the rules of international law, and of\nthe Charter";
        let (start, end) = (13, 30);
        assert_eq!(&t[start..end], "international law");
        assert_eq!(left_context(t, start, 40), "the rules of ");
        assert_eq!(right_context(t, end, 40), ", and of the Charter");
        assert_eq!(right_context(t, end, 8), ", and of…");
        let line = format!(
            "{}{}{}",
            left_context(t, start, 40),
            &t[start..end],
            right_context(t, end, 40)
        );
        assert_eq!(line, "the rules of international law, and of the Charter");
    }
}
