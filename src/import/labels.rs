//! Paragraph labels (`5.`, `1.1.`, `(a)`, `(i)`) and the anchors they give, with the rule that tells a letter `(i)` from a roman one.

use super::text::{roman_value, to_roman};

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

/// Gives anchors to the passages of one document part (the body, or one
/// annex), in the order of the format: `PP3`, `OP5`, `OP4(a)`, `OP4(a)(i)`,
/// `OP1.1`; a report's `P13`, `U2`; an annex's prefix `ANNEX.`.
#[derive(Debug)]
pub(crate) struct Numbering {
    prefix: String,
    report: bool,
    pp: u32,
    unnumbered: u32,
    number: Option<u32>,
    decimal: Option<u32>,
    letter: Option<char>,
    roman: Option<u32>,
    /// Anchors given so far, with the input line of each.
    pub anchors: Vec<(String, usize)>,
    pub warnings: Vec<(usize, String)>,
}

impl Numbering {
    /// Numbering for a part whose anchors start with `prefix` (`""`, `ANNEX.`).
    pub fn new(prefix: &str, report: bool) -> Self {
        Numbering {
            prefix: prefix.to_string(),
            report,
            pp: 0,
            unnumbered: 0,
            number: None,
            decimal: None,
            letter: None,
            roman: None,
            anchors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn para(&self) -> String {
        let kind = if self.report { "P" } else { "OP" };
        match (self.number, self.decimal) {
            (Some(n), Some(m)) => format!("{}{kind}{n}.{m}", self.prefix),
            (Some(n), None) => format!("{}{kind}{n}", self.prefix),
            _ => format!("{}{kind}", self.prefix),
        }
    }

    fn push(&mut self, anchor: String, line: usize) -> Option<String> {
        if self.anchors.iter().any(|(a, _)| *a == anchor) {
            self.warnings.push((line, format!("{anchor} occurs twice")));
        }
        self.anchors.push((anchor.clone(), line));
        Some(anchor)
    }

    /// The anchor of a paragraph with `label` (none for a block that
    /// continues the paragraph before it).
    pub fn next(&mut self, label: Option<&Label>, line: usize) -> Option<String> {
        match label {
            None if self.report => {
                self.unnumbered += 1;
                let anchor = format!("{}U{}", self.prefix, self.unnumbered);
                self.push(anchor, line)
            }
            None if self.number.is_none() => {
                self.pp += 1;
                let anchor = format!("{}PP{}", self.prefix, self.pp);
                self.push(anchor, line)
            }
            None => None,
            Some(Label::Number(n)) => {
                let last = self.number.unwrap_or(0);
                if *n <= last {
                    self.warnings
                        .push((line, format!("paragraph {n} comes after paragraph {last}")));
                } else if *n != last + 1 {
                    self.warnings.push((
                        line,
                        format!("paragraph {n} follows paragraph {last}: a number is missing"),
                    ));
                }
                self.number = Some(*n);
                self.decimal = None;
                self.letter = None;
                self.roman = None;
                let anchor = self.para();
                self.push(anchor, line)
            }
            Some(Label::Decimal(n, m)) => {
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
                let anchor = self.para();
                self.push(anchor, line)
            }
            Some(Label::Paren(s)) => {
                if self.number.is_none() {
                    self.warnings.push((
                        line,
                        format!("sub-paragraph ({s}) comes before any numbered paragraph"),
                    ));
                }
                let next_letter = self
                    .letter
                    .and_then(|c| char::from_u32(u32::from(c) + 1))
                    .unwrap_or('a');
                let as_letter = s.len() == 1 && s.starts_with(next_letter);
                let next_roman = self.roman.map_or(1, |r| r + 1);
                let as_roman = self.letter.is_some()
                    && roman_value(s).is_some_and(|v| {
                        v == next_roman || (self.roman.is_some() && v > next_roman)
                    });
                let letter = if self.roman.is_some() && roman_value(s) == Some(next_roman) {
                    // Inside a roman list the next numeral wins over a letter.
                    false
                } else if as_letter {
                    true
                } else if as_roman || (s.as_str() == "i" && self.letter.is_some()) {
                    false
                } else {
                    s.len() == 1
                };
                let anchor = if letter {
                    let c = s.chars().next().unwrap_or('a');
                    if self.letter.is_some_and(|l| c <= l) {
                        self.warnings.push((
                            line,
                            format!("sub-paragraph ({s}) does not follow its predecessor"),
                        ));
                    }
                    self.letter = Some(c);
                    self.roman = None;
                    format!("{}({s})", self.para())
                } else {
                    let v = roman_value(s).unwrap_or(0);
                    self.roman = Some(v);
                    match self.letter {
                        Some(l) => format!("{}({l})({})", self.para(), to_roman(v)),
                        None => format!("{}({})", self.para(), to_roman(v)),
                    }
                };
                self.push(anchor, line)
            }
        }
    }

    /// Ends the part. A resolution or decision with no numbered paragraph
    /// (a decision, a one-paragraph resolution) has its last unnumbered
    /// paragraph as its operative paragraph, anchored `OP`.
    pub fn finish(mut self) -> Self {
        if !self.report
            && self.number.is_none()
            && let Some((anchor, _)) = self
                .anchors
                .iter_mut()
                .rev()
                .find(|(a, _)| a.contains("PP"))
        {
            *anchor = format!("{}OP", self.prefix);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors(labels: &[Option<&str>], report: bool) -> Vec<String> {
        let mut n = Numbering::new("", report);
        for (i, l) in labels.iter().enumerate() {
            let label = l.and_then(|l| parse_label(l).map(|(label, _, _)| label));
            n.next(label.as_ref(), i + 1);
        }
        n.finish().anchors.into_iter().map(|(a, _)| a).collect()
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
        let got = anchors(&labels, false);
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
        let got = anchors(&labels, false);
        assert_eq!(got.last().map(String::as_str), Some("OP1(u)(v)"));
    }

    #[test]
    fn reports_and_one_paragraph_resolutions() {
        assert_eq!(
            anchors(&[None, Some("1. x"), Some("(a) x"), None], true),
            ["U1", "P1", "P1(a)", "U2"]
        );
        assert_eq!(anchors(&[None, None], false), ["PP1", "OP"]);
    }
}
