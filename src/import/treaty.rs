//! A treaty in an annex as printed: its title over several blocks, `Chapter I` and `Article 1` lines each with a heading line under it, the preamble's formula, the article's own text and the final clauses, read into the headings and anchors of docs/corpus-format.md.

use super::body::Element;
use super::labels::{Label, Numbering, parse_label};
use crate::corpus::anchor::Anchor;
use crate::corpus::treaty::{self as rule, Mark, article_heading, is_chapter};

/// Whether a block is a line of the treaty's structure (`Article 7`,
/// `Article 13.`, `Chapter II`), which is never joined to its neighbours.
pub(crate) fn is_structure_line(text: &str) -> bool {
    article_line(text).is_some() || chapter_line(text)
}

/// `Article 7`, `Article 13.`, `Article 7 Illegal access`: the article's
/// number and the title on its line, if any; a sentence that begins with
/// `Article 7 of …` is none.
fn article_line(text: &str) -> Option<(u64, String)> {
    let (n, title) = article_heading(text)?;
    let title = title.trim_end_matches('.').trim();
    (title.is_empty() || title_like(title)).then(|| (n, title.to_owned()))
}

fn chapter_line(text: &str) -> bool {
    is_chapter(text) && text.split_whitespace().count() <= 12 && !ends_clause(text)
}

fn ends_clause(text: &str) -> bool {
    text.trim_end().ends_with(['.', ',', ';', ':'])
}

/// A heading line under `Chapter I` or `Article 1`: a short text, capital
/// first, that ends no clause and has no label.
fn title_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=20).contains(&words)
        && text.chars().next().is_some_and(char::is_uppercase)
        && !ends_clause(text)
        && parse_label(text).is_none()
        && !is_structure_line_strict(text)
}

fn is_structure_line_strict(text: &str) -> bool {
    article_heading(text).is_some_and(|(_, t)| t.is_empty()) || is_chapter(text)
}

/// Whether the annex whose blocks are `texts` (up to the next annex) is a
/// treaty, by the corpus rule ([`rule::is_treaty`]).
pub(crate) fn is_treaty_annex<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let marks: Vec<Mark> = texts
        .into_iter()
        .filter_map(|t| match (article_line(t), parse_label(t)) {
            (Some((n, _)), _) => Some(Mark::Article(n)),
            (None, Some((Label::Number(n), _, _))) => Some(Mark::Numbered(n.into())),
            _ => None,
        })
        .collect();
    rule::is_treaty(&marks)
}

/// The title of a treaty's annex, printed in one or more blocks after the
/// `Annex` line (`Convention on Quiet Lamps;`, then its subtitle): the
/// blocks up to its preamble, its first chapter or article, or a clause.
/// Returns the title and how many blocks it took.
pub(crate) fn annex_title<'a>(after: impl IntoIterator<Item = &'a str>) -> Option<(String, usize)> {
    let mut parts: Vec<&str> = Vec::new();
    for text in after.into_iter().take(4) {
        let stop = parse_label(text).is_some()
            || is_structure_line(text)
            || rule::is_formula(text)
            || text.trim().eq_ignore_ascii_case("preamble")
            || text.trim_end().ends_with(['.', ',', ':'])
            || text.split_whitespace().count() > 40;
        if stop {
            break;
        }
        parts.push(text.trim());
    }
    (!parts.is_empty()).then(|| (parts.join(" "), parts.len()))
}

/// An annex opened where a treaty is concerned: a treaty's annex, or the
/// annex of the treaty before it.
pub(crate) struct Opened {
    /// The annex of the anchors (`""`, `".ANNEX"`).
    pub annex: String,
    /// Its heading, with the title printed under the `Annex` line.
    pub element: Element,
    /// The first block after the title.
    pub skip_to: usize,
    /// How deep the annex is (1, or 2 for the treaty's own).
    pub depth: usize,
    /// The reader of a treaty's annex, and its annex number.
    pub reader: Option<(Reader, String)>,
}

/// Opens the annex `name` (numbered `number`) whose line is block `k` of
/// `texts` (`annexes` tells which blocks are `Annex` lines), `open` being
/// the treaty annex open before it: after a treaty's final clauses (or as a
/// second lone `Annex`) it is the treaty's own annex; else, when its blocks
/// make it a treaty, a treaty's annex; `None` for any other annex.
pub(crate) fn open_annex(
    name: &str,
    number: &str,
    k: usize,
    texts: &[String],
    annexes: &[bool],
    open: Option<(Reader, String)>,
) -> Option<Opened> {
    let outer = open
        .filter(|(r, outer)| r.finals || number == outer)
        .map(|(_, outer)| outer);
    let own: Vec<&str> = texts
        .iter()
        .zip(annexes)
        .skip(k + 1)
        .take_while(|(_, a)| !**a)
        .map(|(t, _)| t.as_str())
        .collect();
    if outer.is_none() && !is_treaty_annex(own.iter().copied()) {
        return None;
    }
    let title = annex_title(own.iter().copied());
    let skip_to = k + 1 + title.as_ref().map_or(0, |(_, n)| *n);
    let title = title.map(|(t, _)| t);
    Some(match outer {
        Some(outer) => Opened {
            annex: Anchor::inner_annex(&outer, number),
            element: Element::Heading {
                level: 3,
                text: match title {
                    Some(t) => format!("{name} — {t}"),
                    None => name.to_owned(),
                },
            },
            skip_to,
            depth: 2,
            reader: None,
        },
        None => Opened {
            annex: number.to_owned(),
            element: Element::Annex {
                name: name.to_owned(),
                title,
            },
            skip_to,
            depth: 1,
            reader: Some((Reader::default(), number.to_owned())),
        },
    })
}

/// What a block of a treaty annex is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// Taken already (the heading line under a chapter or article).
    Skip,
    /// A chapter or article heading, `level` deep below the annex's; an
    /// article's opens it.
    Heading {
        depth: usize,
        text: String,
        article: Option<u64>,
    },
    /// The preamble's formula: written, no passage.
    Formula,
    /// The unnumbered text that opens the article.
    ArticleText,
    /// A final clause.
    Final,
    /// Anything else: read by its label as anywhere.
    Labels,
}

impl Step {
    /// Whether the block is a text the treaty numbers itself (formula,
    /// article text, final clause), never a heading.
    pub fn is_text(&self) -> bool {
        matches!(self, Step::Formula | Step::ArticleText | Step::Final)
    }

    /// Gives a text the treaty numbers its anchor (none for the formula).
    pub fn number(&self, numbering: &mut Numbering, line: usize) {
        match self {
            Step::ArticleText => numbering.article_text(line),
            Step::Final => numbering.final_clause(line),
            _ => {}
        }
    }
}

/// Where the reader stands in a treaty annex.
#[derive(Debug, Default)]
pub(crate) struct Reader {
    skip_to: usize,
    article: Option<u64>,
    article_due: bool,
    /// Whether the final clauses have begun: an `Annex` after them is the treaty's own.
    pub finals: bool,
}

impl Reader {
    /// What block `k` of `texts` (the body's blocks) is.
    pub fn step(&mut self, k: usize, texts: &[String]) -> Step {
        if k < self.skip_to {
            return Step::Skip;
        }
        let Some(text) = texts.get(k).map(String::as_str) else {
            return Step::Labels;
        };
        let labelled = parse_label(text).is_some();
        if self.finals || (!labelled && rule::is_final_clause(text)) {
            self.finals = true;
            return Step::Final;
        }
        // The heading line under `Article 1` or `Chapter I`.
        let title_below = |line_title: String| -> (String, bool) {
            if !line_title.is_empty() {
                return (line_title, false);
            }
            match texts.get(k + 1) {
                Some(next) if title_like(next) && !rule::is_formula(next) => {
                    (next.trim().to_owned(), true)
                }
                _ => (String::new(), false),
            }
        };
        if let Some((n, on_line)) = article_line(text) {
            let (title, took) = title_below(on_line);
            self.skip_to = k + 1 + usize::from(took);
            self.article = Some(n);
            self.article_due = true;
            return Step::Heading {
                depth: 2,
                text: heading(&format!("Article {n}"), &title),
                article: Some(n),
            };
        }
        if chapter_line(text) {
            let (title, took) = title_below(String::new());
            self.skip_to = k + 1 + usize::from(took);
            return Step::Heading {
                depth: 1,
                text: heading(text.trim(), &title),
                article: None,
            };
        }
        if self.article.is_none() && rule::is_formula(text) {
            return Step::Formula;
        }
        let due = std::mem::replace(&mut self.article_due, false);
        if due && !labelled {
            Step::ArticleText
        } else {
            Step::Labels
        }
    }
}

/// `Article 7. Illegal access`, or `Article 7` without a title.
fn heading(line: &str, title: &str) -> String {
    if title.is_empty() {
        line.to_owned()
    } else {
        format!("{line}. {title}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn structure_lines() {
        assert!(is_structure_line("Article 13."));
        assert!(is_structure_line("Article 7"));
        assert!(is_structure_line("Chapter IV"));
        assert!(!is_structure_line("Article 7 of the Convention applies."));
        assert!(!is_structure_line(
            "Articles 23 and 35, with regard to the term"
        ));
    }

    #[test]
    fn treaty_or_notes() {
        assert!(is_treaty_annex([
            "Article 1",
            "1. a.",
            "2. b.",
            "Article 2",
            "1. c."
        ]));
        assert!(!is_treaty_annex([
            "Article 2",
            "1. a.",
            "2. b.",
            "Article 17",
            "3. c.",
            "Article 35",
            "4. d."
        ]));
    }

    #[test]
    fn titles_in_blocks() {
        assert_eq!(
            annex_title([
                "Convention on Quiet Lamps;",
                "Keeping Lamps Dim",
                "Preamble",
                "x"
            ]),
            Some(("Convention on Quiet Lamps; Keeping Lamps Dim".to_owned(), 2))
        );
        assert_eq!(
            annex_title(["The States Parties to this Convention,"]),
            None
        );
    }

    #[test]
    fn articles_chapters_and_final_clauses() {
        let t = texts(&[
            "The States Parties to this Convention,",
            "Chapter I",
            "General provisions",
            "Article 1",
            "Purpose",
            "The purpose is quiet.",
            "Article 2.",
            "1. One.",
            "IN WITNESS WHEREOF, signed.",
            "DONE at Quorum City.",
        ]);
        let mut r = Reader::default();
        let steps: Vec<Step> = (0..t.len()).map(|k| r.step(k, &t)).collect();
        assert_eq!(
            steps,
            [
                Step::Formula,
                Step::Heading {
                    depth: 1,
                    text: "Chapter I. General provisions".into(),
                    article: None
                },
                Step::Skip,
                Step::Heading {
                    depth: 2,
                    text: "Article 1. Purpose".into(),
                    article: Some(1)
                },
                Step::Skip,
                Step::ArticleText,
                Step::Heading {
                    depth: 2,
                    text: "Article 2".into(),
                    article: Some(2)
                },
                Step::Labels,
                Step::Final,
                Step::Final,
            ]
        );
        assert!(r.finals);
    }
}
