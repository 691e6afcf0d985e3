//! Treaties adopted in an annex: which annexes are treaties (the one rule of the parser and the importer), their chapter and article headings, the preamble's formula and the final clauses.

use std::sync::LazyLock;

use regex::Regex;

use crate::static_regex::static_regex;

use super::anchor::{Anchor, Place};

/// `Article 12`, `Article 13.`, `Article 7. Illegal access`,
/// `Article 7 — Illegal access`: the article's number and its title.
static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^Article\s+(\d{1,4})(?:\s*[.:—–-]\s*|\s+|$)(.*)$"));
/// `Chapter II`, `Chapter II. Criminalization`.
static CHAPTER: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^Chapter\s+(?:[IVXLC]+|\d{1,3})\b"));
/// The words that open and close a treaty's preamble, which are no
/// paragraph of it (as `The General Assembly,` is none of a resolution).
static FORMULA: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"^(?:The (?:States )?Parties to (?:the present|this) [A-Z][a-z]+,?|Have agreed as follows\s*:?)$",
    )
});
/// The closing clauses of a treaty: the testimonium and the place and date.
static FINAL: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^(?:IN WITNESS WHEREOF|DONE (?:at|in)\b)"));

/// The number and the title (possibly empty) of an `Article N` heading.
pub fn article_heading(text: &str) -> Option<(u64, &str)> {
    let c = ARTICLE.captures(text.trim())?;
    let n = c.get(1)?.as_str().parse().ok()?;
    Some((n, c.get(2).map_or("", |m| m.as_str().trim())))
}

/// Whether a heading is a chapter's (`Chapter IV`).
pub fn is_chapter(text: &str) -> bool {
    CHAPTER.is_match(text.trim())
}

/// Whether a block is the preamble's opening or closing formula
/// (`The States Parties to the present Convention,`, `Have agreed as follows:`).
pub fn is_formula(text: &str) -> bool {
    FORMULA.is_match(text.trim())
}

/// Whether a block opens the final clauses (`IN WITNESS WHEREOF`, `DONE at`).
pub fn is_final_clause(text: &str) -> bool {
    FINAL.is_match(text.trim())
}

/// The references of a passage of a treaty's article, from those read in
/// its text with its own document as context: there a bare `paragraph 1
/// (a)` (`paragraph 1 (a) of this article`) is a paragraph of the same
/// article, which the reader took for the resolution's own `OP1(a)`. When
/// the text also names paragraphs of other articles (`paragraph 2 of article
/// 7`), which paragraph is whose is not known, and those references are
/// left out. Any other passage's references are kept as they are.
pub fn own_article_refs(
    symbol: &str,
    anchor: &Anchor,
    text: &str,
    refs: Vec<String>,
) -> Vec<String> {
    let Place::Article { article, .. } = anchor.place else {
        return refs;
    };
    let own = format!("{symbol}#OP");
    let other_articles = OF_ARTICLE.is_match(text);
    let annex = anchor
        .annex
        .as_deref()
        .map_or(String::new(), |a| format!("ANNEX{a}."));
    let mut out: Vec<String> = refs
        .into_iter()
        .filter_map(|r| match r.strip_prefix(&own) {
            Some(_) if other_articles => None,
            Some(para) => Some(format!("{symbol}#{annex}ART{article}.P{para}")),
            None => Some(r),
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// `paragraph 2 of article 7`, `article 7, paragraph 2`: a paragraph of another article.
static OF_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"(?i)\bof\s+articles?\s+\d|\barticles?\s+\d+\s*,\s*paragraph"));

/// What an annex holds, in order, as far as the rule needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// An `Article N` heading.
    Article(u64),
    /// A paragraph numbered `N.`.
    Numbered(u64),
}

/// Whether an annex is a treaty: it has `Article N` headings and its
/// paragraphs are numbered anew in its articles. An annex whose numbered
/// paragraphs run on through its article headings (interpretative notes on
/// articles 2 and 17, paragraphs 1 to 5) is an ordinary annex, its article
/// headings sections.
pub fn is_treaty(marks: &[Mark]) -> bool {
    let mut articles = 0usize;
    // Per article with numbered paragraphs: whether its first number
    // continued the last number before it.
    let mut continued: Vec<bool> = Vec::new();
    let mut last: Option<u64> = None;
    let mut first_due = false;
    for mark in marks {
        match *mark {
            Mark::Article(_) => {
                articles += 1;
                first_due = true;
            }
            Mark::Numbered(n) => {
                if first_due {
                    continued.push(last.is_some_and(|l| n == l + 1));
                    first_due = false;
                }
                last = Some(n);
            }
        }
    }
    let runs_on = continued.len() >= 2 && continued.iter().skip(1).all(|c| *c);
    articles > 0 && !runs_on
}

/// Where a parser stands inside a treaty annex: its headings and article.
#[derive(Debug, Default, Clone)]
pub struct Treaty {
    /// The annex heading, the section of the final clauses.
    title: Option<String>,
    /// The article open now.
    pub article: Option<u64>,
    /// Whether the open article has had no passage yet.
    text_due: bool,
    chapter: Option<String>,
    /// A heading that is neither chapter nor article (`Preamble`, a section of a chapter).
    other: Option<String>,
    article_heading: Option<String>,
    finals: u32,
}

/// What a block of a treaty annex is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The preamble's formula: no passage.
    Formula,
    /// The n-th final clause.
    Final(u32),
    /// The unnumbered text that opens article n.
    ArticleText(u64),
    /// Anything else: labels are read as anywhere else, numbered in the article.
    Labels,
}

impl Treaty {
    /// A treaty in the annex headed `title`.
    pub fn new(title: &str) -> Treaty {
        Treaty {
            title: Some(title.trim().to_owned()),
            ..Treaty::default()
        }
    }

    /// Takes a heading: an article's starts it and returns its number, with
    /// a problem when articles go backwards or repeat.
    pub fn heading(&mut self, title: &str) -> Option<(u64, Option<String>)> {
        let title = title.trim();
        if let Some((n, _)) = article_heading(title) {
            let problem = self.article.filter(|last| n <= *last).map(|last| {
                format!(
                    "article {n} comes after article {last}: articles never go backwards or repeat"
                )
            });
            self.article = Some(n);
            self.text_due = true;
            self.article_heading = Some(title.to_owned());
            return Some((n, problem));
        }
        if is_chapter(title) {
            self.chapter = Some(title.to_owned());
            self.other = None;
        } else {
            self.other = Some(title.to_owned());
        }
        self.article_heading = None;
        None
    }

    /// The section of the passages under the headings read so far:
    /// `Chapter II. Criminalization — Article 7. Illegal access`.
    pub fn section(&self) -> Option<String> {
        if self.finals > 0 {
            return self.title.clone();
        }
        let parts: Vec<&str> = [&self.chapter, &self.other, &self.article_heading]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" — "))
    }

    /// What a text block is; `labelled` when it starts with a paragraph label.
    pub fn block(&mut self, text: &str, labelled: bool) -> Step {
        if self.finals > 0 || (!labelled && is_final_clause(text)) {
            self.finals += 1;
            return Step::Final(self.finals);
        }
        if self.article.is_none() && is_formula(text) {
            return Step::Formula;
        }
        let due = std::mem::replace(&mut self.text_due, false);
        match self.article {
            Some(a) if due && !labelled => Step::ArticleText(a),
            _ => Step::Labels,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(
            article_heading("Article 7. Illegal access"),
            Some((7, "Illegal access"))
        );
        assert_eq!(article_heading("Article 13."), Some((13, "")));
        assert_eq!(article_heading("Article 2"), Some((2, "")));
        assert_eq!(
            article_heading("Article 5 — Sovereignty"),
            Some((5, "Sovereignty"))
        );
        assert_eq!(article_heading("Articles 23 and 35, with regard to"), None);
        assert_eq!(article_heading("Article 12bis"), None);
        assert!(is_chapter("Chapter II. Criminalization"));
        assert!(!is_chapter("Chapters"));
        assert!(is_formula("The States Parties to the present Convention,"));
        assert!(is_formula("The Parties to this Protocol,"));
        assert!(is_formula("Have agreed as follows:"));
        assert!(!is_formula("The States Parties shall cooperate."));
        assert!(is_final_clause("IN WITNESS WHEREOF, the undersigned …"));
        assert!(is_final_clause("DONE at Quorum City, this first day …"));
        assert!(!is_final_clause("Done quietly."));
    }

    #[test]
    fn a_treaty_numbers_its_paragraphs_anew_in_each_article() {
        use Mark::{Article as A, Numbered as N};
        assert!(is_treaty(&[A(1), N(1), N(2), A(2), N(1)]));
        assert!(is_treaty(&[A(1), A(2), N(1), N(2)]), "one article numbers");
        assert!(is_treaty(&[A(1), A(2)]), "no article numbers");
        assert!(
            !is_treaty(&[A(2), N(1), N(2), A(17), N(3), N(4), A(35), N(5)]),
            "notes numbered through their article headings"
        );
        assert!(!is_treaty(&[N(1), N(2)]), "no article");
    }

    #[test]
    fn sections_and_steps() {
        let mut t = Treaty::default();
        assert_eq!(t.heading("Preamble"), None);
        assert_eq!(
            t.block("The States Parties to the present Convention,", false),
            Step::Formula
        );
        assert_eq!(t.block("Bearing in mind lamps,", false), Step::Labels);
        assert_eq!(t.section().as_deref(), Some("Preamble"));
        t.heading("Chapter II. Criminalization");
        assert_eq!(t.heading("Article 7. Illegal access"), Some((7, None)));
        assert_eq!(
            t.section().as_deref(),
            Some("Chapter II. Criminalization — Article 7. Illegal access")
        );
        assert_eq!(
            t.block("Each State Party shall", false),
            Step::ArticleText(7)
        );
        assert_eq!(t.block("and more", false), Step::Labels);
        t.heading("Article 8");
        assert_eq!(t.block("1. Each", true), Step::Labels);
        assert!(t.heading("Article 8").is_some_and(|(_, p)| p.is_some()));
        assert_eq!(
            t.block("IN WITNESS WHEREOF, signed.", false),
            Step::Final(1)
        );
        assert_eq!(t.block("DONE at Quorum City.", false), Step::Final(2));
    }

    /// A resolution adopting a convention in its annex, as a corpus file's body.
    const BODY: &str = "The General Assembly,

Recalling its quiet work,

1. Adopts the Convention on Quiet Lamps annexed to the present resolution;

2. Decides to remain seized of the matter.

## Annex — Convention on Quiet Lamps

### Preamble

The States Parties to the present Convention,

Bearing in mind that lamps glow,

Convinced that quiet matters,

Have agreed as follows:

### Chapter I. General provisions

#### Article 1. Purpose

The purposes of this Convention are to:

(a) Dim lamps;

(b) Keep them dim.

#### Article 2. Use of terms

1. For the purposes of this Convention:

(a) \"Lamp\" shall mean a light;

(i) of any kind;

(ii) lit or not;

2. Nothing in this article shall dim the sun.

### Chapter II. Final provisions

#### Article 3. Depositary

The Secretary-General is the depositary.

IN WITNESS WHEREOF, the undersigned have signed this Convention.

DONE at Quorum City on the first day of spring.

### Annex — Interpretative notes

#### Article 1

1. Dim means dim.

2. Quiet means quiet.

#### Article 3

3. The depositary keeps the lamps.
";

    #[test]
    fn a_treaty_in_an_annex_is_read_by_articles() {
        let p = crate::corpus::numbered::parse(BODY, 1, crate::corpus::Layout::Resolution, false);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let got: Vec<String> = p.passages.iter().map(|x| x.anchor.to_string()).collect();
        assert_eq!(
            got,
            [
                "PP1",
                "OP1",
                "OP2",
                "ANNEX.PP1",
                "ANNEX.PP2",
                "ANNEX.ART1",
                "ANNEX.ART1(a)",
                "ANNEX.ART1(b)",
                "ANNEX.ART2.P1",
                "ANNEX.ART2.P1(a)",
                "ANNEX.ART2.P1(a)(i)",
                "ANNEX.ART2.P1(a)(ii)",
                "ANNEX.ART2.P2",
                "ANNEX.ART3",
                "ANNEX.FC1",
                "ANNEX.FC2",
                "ANNEX.ANNEX.OP1",
                "ANNEX.ANNEX.OP2",
                "ANNEX.ANNEX.OP3",
            ]
        );
        let find = |a: &str| p.passages.iter().find(|x| x.anchor == a);
        let sub = find("ANNEX.ART2.P1(a)(i)");
        assert_eq!(
            sub.map(|x| x.anchor.citation("A/RES/99/9")).as_deref(),
            Some("A/RES/99/9, annex, art. 2, para. 1(a)(i)")
        );
        assert_eq!(
            sub.and_then(|x| x.section.as_deref()),
            Some("Chapter I. General provisions — Article 2. Use of terms")
        );
        assert_eq!(
            find("ANNEX.PP1").and_then(|x| x.section.as_deref()),
            Some("Preamble")
        );
        assert_eq!(
            find("ANNEX.FC2").and_then(|x| x.section.as_deref()),
            Some("Annex — Convention on Quiet Lamps")
        );
        assert_eq!(
            find("ANNEX.ART1").map(|x| x.text.as_str()),
            Some("The purposes of this Convention are to:")
        );
        assert_eq!(
            find("ANNEX.ANNEX.OP3").and_then(|x| x.section.as_deref()),
            Some("Article 3")
        );
        assert_eq!(
            find("ANNEX.ANNEX.OP3")
                .map(|x| x.anchor.citation("A/RES/99/9"))
                .as_deref(),
            Some("A/RES/99/9, annex, annex, para. 3")
        );
    }

    #[test]
    fn a_paragraph_named_in_an_article_is_the_articles_own() {
        let anchor = Anchor {
            annex: Some(String::new()),
            place: Place::article(11, 3, Vec::new()),
        };
        let refs = vec!["X/1#OP1(a)(ii)".to_owned(), "A/70/174".to_owned()];
        assert_eq!(
            own_article_refs(
                "X/1",
                &anchor,
                "paragraph 1 (a) (ii) of this article",
                refs.clone()
            ),
            ["A/70/174", "X/1#ANNEX.ART11.P1(a)(ii)"]
        );
        assert_eq!(
            own_article_refs("X/1", &anchor, "paragraph 1 of article 7", refs.clone()),
            ["A/70/174"]
        );
        let resolution = Anchor {
            annex: None,
            place: Place::Operative(2, Vec::new()),
        };
        assert_eq!(
            own_article_refs("X/1", &resolution, "paragraph 1", refs.clone()),
            refs
        );
    }

    #[test]
    fn an_excerpt_of_a_treaty_is_read_by_articles() {
        let body = "## Annex\n\n#### Article 7\n\n1. One.\n\n#### Article 9\n\n2. Two.\n";
        let anchors = |excerpt| {
            crate::corpus::numbered::parse(body, 1, crate::corpus::Layout::Resolution, excerpt)
                .passages
                .iter()
                .map(|p| p.anchor.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(anchors(true), ["ANNEX.ART7.P1", "ANNEX.ART9.P2"]);
        assert_eq!(
            anchors(false),
            ["ANNEX.OP1", "ANNEX.OP2"],
            "numbered through: notes"
        );
    }

    #[test]
    fn articles_that_go_backwards_are_errors() {
        let body =
            "1. Adopts.\n\n## Annex\n\n#### Article 2\n\n1. One.\n\n#### Article 1\n\n1. Two.\n";
        let p = crate::corpus::numbered::parse(body, 1, crate::corpus::Layout::Resolution, false);
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        assert_eq!(p.errors[0].0, 9);
        assert!(p.errors[0].1.contains("article 1 comes after article 2"));
    }
}
