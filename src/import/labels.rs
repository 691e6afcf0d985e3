//! Paragraph labels (`5.`, `1.1.`, `(a)`, `(i)`) and the anchors they give, with the rule that tells a letter `(i)` from a roman one.

use crate::corpus::Layout;
use crate::corpus::anchor::{Anchor, Place, Sub, is_roman, numbers_nothing, roman_value};

/// The label a paragraph starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Label {
    /// `5.`: an operative (or a report's) paragraph.
    Number(u32),
    /// `1.1.` or `1.1`: a decimal sub-paragraph.
    Decimal(u32, u32),
    /// `(a)`, `(i)`, `(xii)`: a letter or a roman numeral, told apart by context.
    Paren(String),
}

fn small_number(s: &str) -> Option<u32> {
    let ok =
        (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0');
    ok.then(|| s.parse().ok()).flatten()
}

/// The label at the start of `text`, the label as printed, and the rest.
pub(crate) fn parse_label(text: &str) -> Option<(Label, &str, &str)> {
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    let (head, rest) = text.split_at(end);
    let rest = rest.trim_start();
    if let Some(inner) = head.strip_prefix('(').and_then(|h| h.strip_suffix(')')) {
        let letter = inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase());
        if letter || roman_value(inner).is_some() && inner.bytes().all(|b| b.is_ascii_lowercase()) {
            return Some((Label::Paren(inner.to_string()), head, rest));
        }
        return None;
    }
    let core = head.strip_suffix('.').unwrap_or(head);
    if let Some((a, b)) = core.split_once('.') {
        let (n, m) = (small_number(a)?, small_number(b)?);
        if b.len() > 2 {
            return None;
        }
        return Some((Label::Decimal(n, m), head, rest));
    }
    if head.ends_with('.') {
        return Some((Label::Number(small_number(core)?), head, rest));
    }
    None
}

/// A run of labels (`12. (a) Text`, `(a) (i) Text`): a label followed
/// on its line by the first label of a list under it. Siblings never share
/// a line, so the second label opens the first sub-paragraph of the first.
/// Returns the outer label, the inner one with its printed form, and the
/// text after it.
pub(crate) fn run<'t>(
    outer: Option<&Label>,
    rest: &'t str,
) -> Option<(Label, (Label, String), &'t str)> {
    let outer = outer?;
    let (inner, printed, text) = parse_label(rest)?;
    let nests = match (outer, &inner) {
        (Label::Number(_) | Label::Decimal(..), Label::Paren(s)) => s == "a",
        (Label::Paren(o), Label::Paren(s)) => s == "i" && o.len() == 1 && o != "h",
        _ => false,
    };
    nests.then(|| (outer.clone(), (inner, printed.to_string()), text))
}

/// Gives anchors to the passages of one document part (the body, or one
/// annex) as the corpus parser will read the file import writes
/// (`corpus::numbered`, whose rules of the layout and of a roman `(i)` it
/// shares), warning where the printed numbering looks wrong rather than
/// refusing it.
#[derive(Debug)]
pub(crate) struct Numbering {
    annex: Option<String>,
    layout: Layout,
    unnumbered: u32,
    number: Option<u32>,
    decimal: Option<u32>,
    letter: Option<String>,
    roman: Option<String>,
    /// The article of a treaty open now, whose paragraphs are numbered anew.
    article: Option<u64>,
    /// Final clauses of the treaty so far.
    finals: u32,
    /// Anchors given so far, with the input line of each.
    pub anchors: Vec<(Anchor, usize)>,
    pub warnings: Vec<(usize, String)>,
}

impl Numbering {
    /// Numbering for the body (`annex` `None`) or an annex (`Some("")`,
    /// `Some("II")`) of a document of `layout`.
    pub fn new(annex: Option<String>, layout: Layout) -> Self {
        Numbering {
            annex,
            layout,
            unnumbered: 0,
            number: None,
            decimal: None,
            letter: None,
            roman: None,
            article: None,
            finals: 0,
            anchors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The place of the numbered paragraph (or decimal sub-paragraph) open
    /// now, with `more` below it.
    fn numbered(&self, more: Vec<Sub>) -> Place {
        let mut subs: Vec<Sub> = self
            .decimal
            .map(|d| Sub::Decimal(d.into()))
            .into_iter()
            .collect();
        subs.extend(more);
        let n = self.number.unwrap_or(0).into();
        match self.article {
            Some(a) => Place::article(a, n, subs),
            None => Place::numbered(self.layout, n, subs),
        }
    }

    /// Article `n` of a treaty starts: its paragraphs are numbered anew,
    /// and its own text, if any, is "paragraph 0" (`ART1`, `ART1(a)`).
    pub fn start_article(&mut self, n: u64) {
        self.article = Some(n);
        self.number = Some(0);
        self.decimal = None;
        self.letter = None;
        self.roman = None;
    }

    /// The unnumbered text that opens the article open now.
    pub fn article_text(&mut self, line: usize) {
        let place = self.numbered(Vec::new());
        self.push(place, line);
    }

    /// The next final clause of a treaty (`IN WITNESS WHEREOF`, `DONE at`).
    pub fn final_clause(&mut self, line: usize) {
        self.finals += 1;
        self.push(Place::FinalClause(self.finals), line);
    }

    fn push(&mut self, place: Place, line: usize) -> Option<Anchor> {
        let anchor = Anchor {
            annex: self.annex.clone(),
            place,
        };
        self.anchors.push((anchor.clone(), line));
        Some(anchor)
    }

    /// The next unnumbered paragraph, wherever it stands (a report's
    /// paragraph under a heading after numbered ones).
    pub fn unnumbered(&mut self, line: usize) -> Option<Anchor> {
        self.unnumbered += 1;
        let place = Place::unnumbered(self.layout, self.unnumbered);
        self.push(place, line)
    }

    /// The anchor of a paragraph with `label` (none for a block that
    /// continues the paragraph before it: any unlabelled block after the
    /// first numbered paragraph).
    pub fn next(&mut self, label: Option<&Label>, line: usize) -> Option<Anchor> {
        match label {
            None if self.number.is_none() => self.unnumbered(line),
            None => None,
            Some(Label::Number(n)) => {
                let last = self.number.unwrap_or(0);
                // A number that repeats or goes backwards the parser refuses
                // and leaves the numbering as it was: the import keeps the
                // paragraph as text of the one before, and says so (`accept`).
                if self.number.is_some() && *n <= last {
                    return None;
                }
                if *n > last + 1 {
                    self.warnings.push((
                        line,
                        format!("paragraph {n} follows paragraph {last}: a number is missing"),
                    ));
                }
                self.number = Some(*n);
                self.decimal = None;
                self.letter = None;
                self.roman = None;
                let place = self.numbered(Vec::new());
                self.push(place, line)
            }
            Some(Label::Decimal(n, m)) => {
                let backwards = self.number.is_some_and(|op| *n < op)
                    || (self.number == Some(*n) && self.decimal.is_some_and(|d| *m <= d));
                if backwards {
                    return None;
                }
                if self.number != Some(*n) {
                    self.warnings.push((
                        line,
                        format!("sub-paragraph {n}.{m} is not under paragraph {n}"),
                    ));
                }
                self.number = Some(*n);
                self.decimal = Some(*m);
                self.letter = None;
                self.roman = None;
                let place = self.numbered(Vec::new());
                self.push(place, line)
            }
            Some(Label::Paren(s)) => {
                if self.number.is_none() {
                    self.warnings.push((
                        line,
                        format!("sub-paragraph ({s}) comes before any numbered paragraph"),
                    ));
                    // The parser reads a list in the preamble as preamble.
                    return self.unnumbered(line);
                }
                let rank = |l: &str| (l.len(), l.to_string());
                let place = if is_roman(s, self.letter.as_deref(), self.roman.as_deref()) {
                    if self
                        .roman
                        .as_deref()
                        .is_some_and(|r| roman_value(s) <= roman_value(r))
                    {
                        return None;
                    }
                    self.roman = Some(s.clone());
                    let letter = self.letter.clone().map(Sub::Letter);
                    self.numbered(letter.into_iter().chain([Sub::Roman(s.clone())]).collect())
                } else {
                    if self.letter.as_deref().is_some_and(|l| rank(s) <= rank(l)) {
                        return None;
                    }
                    self.letter = Some(s.clone());
                    self.roman = None;
                    self.numbered(vec![Sub::Letter(s.clone())])
                };
                self.push(place, line)
            }
        }
    }
}

/// The anchors of a whole document, its parts' in order. A resolution that
/// numbers nothing has its last paragraph as its one operative paragraph
/// (`OP`), as the parser reads it.
pub(crate) fn finish(layout: Layout, mut anchors: Vec<(Anchor, usize)>) -> Vec<(Anchor, usize)> {
    if numbers_nothing(layout, anchors.iter().map(|(a, _)| a))
        && let Some((last, _)) = anchors.last_mut()
    {
        last.place = Place::Sole;
    }
    anchors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors(labels: &[Option<&str>], layout: Layout) -> Vec<String> {
        let mut n = Numbering::new(None, layout);
        for (i, l) in labels.iter().enumerate() {
            let label = l.and_then(|l| parse_label(l).map(|(label, _, _)| label));
            n.next(label.as_ref(), i + 1);
        }
        finish(layout, n.anchors)
            .into_iter()
            .map(|(a, _)| a.to_string())
            .collect()
    }

    #[test]
    fn labels() {
        assert_eq!(
            parse_label("1. Calls"),
            Some((Label::Number(1), "1.", "Calls"))
        );
        assert_eq!(parse_label("10."), Some((Label::Number(10), "10.", "")));
        assert_eq!(
            parse_label("1.13. States"),
            Some((Label::Decimal(1, 13), "1.13.", "States"))
        );
        assert_eq!(
            parse_label("2.1 States"),
            Some((Label::Decimal(2, 1), "2.1", "States"))
        );
        assert_eq!(
            parse_label("(ii) The"),
            Some((Label::Paren("ii".into()), "(ii)", "The"))
        );
        assert_eq!(parse_label("(ICTs) are"), None);
        assert_eq!(parse_label("2013 report"), None);
        assert_eq!(parse_label("1,000 people"), None);
    }

    #[test]
    fn letter_i_after_h_and_roman_under_a_letter() {
        let labels = [
            None,
            Some("1. x"),
            Some("(a) x"),
            Some("(i) x"),
            Some("(ii) x"),
            None,
            Some("(b) x"),
            Some("(c) x"),
            Some("(d) x"),
            Some("(e) x"),
            Some("(f) x"),
            Some("(g) x"),
            Some("(h) x"),
            Some("(i) x"),
            Some("(j) x"),
            Some("1.1. x"),
        ];
        let got = anchors(&labels, Layout::Resolution);
        assert_eq!(
            got,
            [
                "PP1",
                "OP1",
                "OP1(a)",
                "OP1(a)(i)",
                "OP1(a)(ii)",
                "OP1(b)",
                "OP1(c)",
                "OP1(d)",
                "OP1(e)",
                "OP1(f)",
                "OP1(g)",
                "OP1(h)",
                "OP1(i)",
                "OP1(j)",
                "OP1.1"
            ]
        );
    }

    #[test]
    fn roman_v_and_x_continue_a_roman_list() {
        let mut labels = vec![Some("1. x"), Some("(u) x")];
        labels.extend(["(i) x", "(ii) x", "(iii) x", "(iv) x", "(v) x"].map(Some));
        let got = anchors(&labels, Layout::Resolution);
        assert_eq!(got.last().map(String::as_str), Some("OP1(u)(v)"));
    }

    #[test]
    fn reports_and_one_paragraph_resolutions() {
        // After the first numbered paragraph an unlabelled block continues
        // the one before, as the parser reads it.
        assert_eq!(
            anchors(&[None, Some("1. x"), Some("(a) x"), None], Layout::Report),
            ["U1", "P1", "P1(a)"]
        );
        assert_eq!(
            anchors(&[Some("(a) x"), Some("1. x")], Layout::Resolution),
            ["PP1", "OP1"]
        );
        assert_eq!(anchors(&[None, None], Layout::Resolution), ["PP1", "OP"]);
    }
}
