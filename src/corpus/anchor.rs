//! Anchors (`PP3`, `OP4(a)(i)`, `OP1.1`, `P13`, `ANNEX.OP2`, `S7.2`) and the citations they read as.

use std::fmt;

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
    /// `Some("")` for a lone annex, `Some("II")` for annex II.
    pub annex: Option<String>,
    /// Its place.
    pub place: Place,
}

fn write_number(f: &mut fmt::Formatter<'_>, n: u64, subs: &[Sub]) -> fmt::Result {
    write!(f, "{n}")?;
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
            Place::Sole => f.write_str("OP"),
            Place::Commentary { section, n } => write!(f, "S{section}.{n}"),
        }
    }
}

impl Anchor {
    /// The citation of a resolution, decision or report passage:
    /// `A/RES/73/27, para. 4(a)`, `A/RES/73/27, preambular para. 3`,
    /// `A/RES/…, annex II, para. 3`. Commentary citations are made by the
    /// commentary parser, which knows the author, year and heading.
    pub fn citation(&self, symbol: &str) -> String {
        let annex = match self.annex.as_deref() {
            None => String::new(),
            Some("") => "annex, ".to_owned(),
            Some(n) => format!("annex {n}, "),
        };
        let pin = match &self.place {
            Place::Preambular(n) => format!("preambular para. {n}"),
            Place::Operative(n, subs) | Place::Report(n, subs) => {
                format!("para. {}", Number(*n, subs))
            }
            Place::Unnumbered(n) => format!("unnumbered para. {n}"),
            Place::Sole if annex.is_empty() => return symbol.to_owned(),
            Place::Sole => return format!("{symbol}, {}", annex.trim_end_matches(", ")),
            Place::Commentary { section, n } => format!("section {section}, para. {n}"),
        };
        format!("{symbol}, {annex}{pin}")
    }
}

/// The value of a lowercase roman numeral up to 39 (`xxxix`), if it is one.
pub fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0;
    let mut rest = s;
    for (sym, val) in [("xxx", 30), ("xx", 20), ("x", 10)] {
        if let Some(r) = rest.strip_prefix(sym) {
            total += val;
            rest = r;
            break;
        }
    }
    let units = [
        ("viii", 8),
        ("vii", 7),
        ("iii", 3),
        ("vi", 6),
        ("iv", 4),
        ("ix", 9),
        ("ii", 2),
        ("v", 5),
        ("i", 1),
    ];
    if !rest.is_empty() {
        let (_, v) = units.iter().find(|(sym, _)| *sym == rest)?;
        total += v;
    }
    (total > 0).then_some(total)
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
    fn roman_numerals() {
        assert_eq!(roman_value("i"), Some(1));
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("xxxix"), Some(39));
        assert_eq!(roman_value("a"), None);
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value(""), None);
    }
}
