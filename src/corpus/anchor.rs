//! Anchors (`PP3`, `OP4(a)(i)`, `OP1.1`, `P13`, `ANNEX.OP2`, `ANNEX.ART12.P4(a)`, `S7.2`) and the citations they read as.

use std::fmt;

use super::model::Layout;

/// One level below a numbered paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sub {
    /// `(a)`.
    Letter(String),
    /// `(i)` under a letter.
    Roman(String),
    /// `.1` in `1.1`.
    Decimal(u64),
}

/// Where a passage stands in its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The n-th unnumbered paragraph before the first numbered one.
    Preambular(u32),
    /// A numbered paragraph of a resolution or decision, and its sub-paragraph path.
    Operative(u64, Vec<Sub>),
    /// A numbered paragraph of a report.
    Report(u64, Vec<Sub>),
    /// The n-th unnumbered paragraph of a report.
    Unnumbered(u32),
    /// The one operative paragraph of a text with no numbered paragraph (a
    /// decision, a one-paragraph resolution): anchor `OP`, cited by the symbol.
    Sole,
    /// A paragraph of an article of a treaty annexed (`ART12.P4(a)`): `para`
    /// is `None` for the article's own unnumbered text (`ART1`, `ART1(a)`).
    Article {
        /// The article's number.
        article: u64,
        /// Its numbered paragraph, if any.
        para: Option<u64>,
        /// The sub-paragraph path below it.
        subs: Vec<Sub>,
    },
    /// The n-th final clause of a treaty annexed (`IN WITNESS WHEREOF …`,
    /// `DONE at …`): `FC1`.
    FinalClause(u32),
    /// Passage `n` of section `section` of a commentary.
    Commentary {
        /// Section number (0 before the first heading).
        section: u32,
        /// Passage number within the section, from 1.
        n: u32,
    },
}

/// A passage's anchor: its place, inside an annex or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// `Some("")` for a lone annex, `Some("II")` for annex II; the annex of
    /// a treaty annexed is written after its own as `.ANNEX…` (see
    /// [`Anchor::inner_annex`]): `Some(".ANNEX")` is `ANNEX.ANNEX.`.
    pub annex: Option<String>,
    /// Its place.
    pub place: Place,
}

fn write_number(f: &mut fmt::Formatter<'_>, n: u64, subs: &[Sub]) -> fmt::Result {
    write!(f, "{n}")?;
    write_subs(f, subs)
}

fn write_subs(f: &mut fmt::Formatter<'_>, subs: &[Sub]) -> fmt::Result {
    for s in subs {
        match s {
            Sub::Letter(l) | Sub::Roman(l) => write!(f, "({l})")?,
            Sub::Decimal(d) => write!(f, ".{d}")?,
        }
    }
    Ok(())
}

struct Number<'a>(u64, &'a [Sub]);

impl fmt::Display for Number<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_number(f, self.0, self.1)
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(annex) = &self.annex {
            write!(f, "ANNEX{annex}.")?;
        }
        match &self.place {
            Place::Preambular(n) => write!(f, "PP{n}"),
            Place::Operative(n, subs) => {
                f.write_str("OP")?;
                write_number(f, *n, subs)
            }
            Place::Report(n, subs) => {
                f.write_str("P")?;
                write_number(f, *n, subs)
            }
            Place::Unnumbered(n) => write!(f, "U{n}"),
            Place::Article {
                article,
                para,
                subs,
            } => {
                write!(f, "ART{article}")?;
                match para {
                    Some(p) => {
                        f.write_str(".P")?;
                        write_number(f, *p, subs)
                    }
                    None => write_subs(f, subs),
                }
            }
            Place::FinalClause(n) => write!(f, "FC{n}"),
            Place::Sole => f.write_str("OP"),
            Place::Commentary { section, n } => write!(f, "S{section}.{n}"),
        }
    }
}

/// An anchor is the text it is written as: `OP4(a)` in an id, a test, a listing.
impl PartialEq<&str> for Anchor {
    fn eq(&self, other: &&str) -> bool {
        self.to_string().as_str() == *other
    }
}

impl PartialEq<String> for Anchor {
    fn eq(&self, other: &String) -> bool {
        self.to_string().as_str() == other.as_str()
    }
}

impl Anchor {
    /// The citation of a resolution, decision or report passage:
    /// `A/RES/73/27, para. 4(a)`, `A/RES/73/27, preambular para. 3`,
    /// `A/RES/…, annex II, para. 3`. Commentary citations are made by the
    /// commentary parser, which knows the author, year and heading.
    pub fn citation(&self, symbol: &str) -> String {
        let annex: String = self
            .annex
            .iter()
            .flat_map(|path| path.split(".ANNEX"))
            .map(|n| match n {
                "" => "annex, ".to_owned(),
                n => format!("annex {n}, "),
            })
            .collect();
        let pin = match &self.place {
            Place::Preambular(n) => format!("preambular para. {n}"),
            Place::Operative(n, subs) | Place::Report(n, subs) => {
                format!("para. {}", Number(*n, subs))
            }
            Place::Unnumbered(n) => format!("unnumbered para. {n}"),
            Place::Article {
                article,
                para: Some(p),
                subs,
            } => format!("art. {article}, para. {}", Number(*p, subs)),
            Place::Article {
                article,
                para: None,
                subs,
            } => format!("art. {}", Number(*article, subs)),
            Place::FinalClause(n) => format!("final clause {n}"),
            Place::Sole if annex.is_empty() => return symbol.to_owned(),
            Place::Sole => return format!("{symbol}, {}", annex.trim_end_matches(", ")),
            Place::Commentary { section, n } => format!("section {section}, para. {n}"),
        };
        format!("{symbol}, {annex}{pin}")
    }
}

impl Anchor {
    /// The annex of the treaty in annex `outer` (`""`, `"II"`), itself
    /// numbered `inner`: `ANNEX.ANNEX.`, cited `annex, annex, …`.
    pub fn inner_annex(outer: &str, inner: &str) -> String {
        format!("{outer}.ANNEX{inner}")
    }
}

impl Place {
    /// Paragraph `n` (0 for the article's own text) of article `article`
    /// of a treaty, with its sub-paragraph path.
    pub fn article(article: u64, n: u64, subs: Vec<Sub>) -> Place {
        Place::Article {
            article,
            para: (n > 0).then_some(n),
            subs,
        }
    }

    /// Numbered paragraph `n`, with its sub-paragraph path, in a document of
    /// `layout`: `OP13` in a resolution, `P13` in a report.
    pub fn numbered(layout: Layout, n: u64, subs: Vec<Sub>) -> Place {
        if layout.is_report() {
            Place::Report(n, subs)
        } else {
            Place::Operative(n, subs)
        }
    }

    /// The `n`-th paragraph without a number: a resolution's preambular
    /// `PP3`, a report's `U3`.
    pub fn unnumbered(layout: Layout, n: u32) -> Place {
        if layout.is_report() {
            Place::Unnumbered(n)
        } else {
            Place::Preambular(n)
        }
    }
}

/// Whether a document of `layout` whose passages have `anchors` numbers
/// nothing (a decision, a one-paragraph resolution), so that its last
/// paragraph is its one operative paragraph, [`Place::Sole`]: every anchor
/// preambular and none in an annex. A report never is.
pub fn numbers_nothing<'a>(layout: Layout, anchors: impl IntoIterator<Item = &'a Anchor>) -> bool {
    let mut anchors = anchors.into_iter().peekable();
    !layout.is_report()
        && layout != Layout::Commentary
        && anchors.peek().is_some()
        && anchors.all(|a| a.annex.is_none() && matches!(a.place, Place::Preambular(_)))
}

/// The value of a lower-case roman numeral of up to eight letters (`iv` is
/// 4), if it is one: only the canonical spelling counts, so that `(vv)` or
/// `(il)` are not numerals.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (to_roman(total) == s).then_some(total)
}

/// A number as a lower-case roman numeral.
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The letter after `l` (`a` → `b`), for a one-letter label.
fn next_letter(l: &str) -> Option<String> {
    let mut chars = l.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c < 'z' => char::from_u32(c as u32 + 1).map(String::from),
        _ => None,
    }
}

/// Whether a `(…)` label is a roman numeral where it stands, the one rule
/// of the parser and the importer. `letter` is the lettered sub-paragraph
/// it would stand under, `roman` the last numeral of the roman list it
/// would continue. Under a letter `(i)` starts a roman list, except after
/// `(h)`, where it is the letter i; inside a roman list the next numeral
/// continues it (`(v)` after `(u)(iv)`) and the next letter of the list
/// above ends it (`(b)` after `(a)(ii)`). No list of sub-paragraphs runs to
/// forty: `(l)` and `(c)` are letters.
pub fn is_roman(label: &str, letter: Option<&str>, roman: Option<&str>) -> bool {
    let Some(value) = roman_value(label).filter(|v| *v < 40) else {
        return false;
    };
    if let Some(r) = roman {
        let ends_list = letter.and_then(next_letter).as_deref() == Some(label)
            && roman_value(r).is_none_or(|r| value != r + 1);
        return !ends_list;
    }
    match letter {
        None => false,
        Some(l) => label == "i" && next_letter(l).as_deref() != Some("i"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(place: Place) -> Anchor {
        Anchor { annex: None, place }
    }

    #[test]
    fn anchors_and_citations() {
        let op = a(Place::Operative(
            4,
            vec![Sub::Letter("a".into()), Sub::Roman("ii".into())],
        ));
        assert_eq!(op.to_string(), "OP4(a)(ii)");
        assert_eq!(op.citation("A/RES/1/2"), "A/RES/1/2, para. 4(a)(ii)");
        let dec = a(Place::Operative(1, vec![Sub::Decimal(1)]));
        assert_eq!(dec.to_string(), "OP1.1");
        assert_eq!(dec.citation("X"), "X, para. 1.1");
        let pp = a(Place::Preambular(3));
        assert_eq!(
            pp.citation("A/RES/73/27"),
            "A/RES/73/27, preambular para. 3"
        );
        let annex = Anchor {
            annex: Some("II".into()),
            place: Place::Operative(3, vec![]),
        };
        assert_eq!(annex.to_string(), "ANNEXII.OP3");
        assert_eq!(annex.citation("A/RES/1/2"), "A/RES/1/2, annex II, para. 3");
        let rep = a(Place::Report(13, vec![Sub::Letter("a".into())]));
        assert_eq!(rep.to_string(), "P13(a)");
        assert_eq!(rep.citation("A/70/174"), "A/70/174, para. 13(a)");
        assert_eq!(
            a(Place::Commentary { section: 7, n: 2 }).to_string(),
            "S7.2"
        );
    }

    #[test]
    fn treaty_anchors_and_citations() {
        let annexed = |place| Anchor {
            annex: Some(String::new()),
            place,
        };
        let p = annexed(Place::article(12, 4, vec![Sub::Letter("a".into())]));
        assert_eq!(p.to_string(), "ANNEX.ART12.P4(a)");
        assert_eq!(
            p.citation("A/RES/79/243"),
            "A/RES/79/243, annex, art. 12, para. 4(a)"
        );
        let own = annexed(Place::article(1, 0, vec![Sub::Letter("a".into())]));
        assert_eq!(own.to_string(), "ANNEX.ART1(a)");
        assert_eq!(
            own.citation("A/RES/79/243"),
            "A/RES/79/243, annex, art. 1(a)"
        );
        let whole = annexed(Place::article(10, 0, vec![]));
        assert_eq!(whole.to_string(), "ANNEX.ART10");
        assert_eq!(whole.citation("X/1"), "X/1, annex, art. 10");
        let fc = annexed(Place::FinalClause(2));
        assert_eq!(fc.to_string(), "ANNEX.FC2");
        assert_eq!(fc.citation("X/1"), "X/1, annex, final clause 2");
        let notes = Anchor {
            annex: Some(Anchor::inner_annex("", "")),
            place: Place::Operative(3, vec![]),
        };
        assert_eq!(notes.to_string(), "ANNEX.ANNEX.OP3");
        assert_eq!(notes.citation("X/1"), "X/1, annex, annex, para. 3");
        let second = Anchor {
            annex: Some(Anchor::inner_annex("II", "I")),
            place: Place::Preambular(1),
        };
        assert_eq!(second.to_string(), "ANNEXII.ANNEXI.PP1");
        assert_eq!(
            second.citation("X/1"),
            "X/1, annex II, annex I, preambular para. 1"
        );
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_value("i"), Some(1));
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("xxxix"), Some(39));
        assert_eq!(roman_value("a"), None);
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value(""), None);
        assert_eq!(roman_value("xl"), Some(40));
        assert_eq!(roman_value("vv"), None);
        assert_eq!(roman_value("IV"), None, "labels are lower case");
        assert_eq!(to_roman(9), "ix");
    }

    #[test]
    fn letter_i_or_roman_i() {
        assert!(!is_roman("i", None, None), "(i) under a number is a letter");
        assert!(is_roman("i", Some("a"), None));
        assert!(
            !is_roman("i", Some("h"), None),
            "(i) after (h) is the letter i"
        );
        assert!(is_roman("ii", Some("a"), Some("i")));
        assert!(!is_roman("b", Some("a"), Some("ii")));
        assert!(is_roman("v", Some("u"), Some("iv")), "(v) continues (iv)");
        assert!(
            !is_roman("v", Some("u"), Some("ii")),
            "(v) after (u)(ii) is the letter v"
        );
        assert!(!is_roman("b", Some("a"), None));
        assert!(!is_roman("c", Some("a"), Some("ii")), "(c) is a letter");
    }

    #[test]
    fn places_follow_the_layout() {
        assert_eq!(
            a(Place::numbered(Layout::Report, 3, vec![])).to_string(),
            "P3"
        );
        assert_eq!(
            a(Place::numbered(Layout::Draft, 3, vec![])).to_string(),
            "OP3"
        );
        assert_eq!(a(Place::unnumbered(Layout::Report, 2)).to_string(), "U2");
        assert_eq!(
            a(Place::unnumbered(Layout::Resolution, 2)).to_string(),
            "PP2"
        );
        let pp = [a(Place::Preambular(1)), a(Place::Preambular(2))];
        assert!(numbers_nothing(Layout::Resolution, &pp));
        assert!(!numbers_nothing(Layout::Report, &pp));
        assert!(!numbers_nothing(Layout::Resolution, &[]));
        let annexed = Anchor {
            annex: Some(String::new()),
            place: Place::Preambular(1),
        };
        assert!(!numbers_nothing(Layout::Resolution, [&pp[0], &annexed]));
    }
}
