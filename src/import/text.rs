//! Small text helpers the importer shares: line joins, dates and ordinals.

use std::fmt;

/// Appends one extracted line to a paragraph being rebuilt.
///
/// The UN does not hyphenate words at line ends, so a line-final hyphen is
/// part of a compound (`Secretary-` + `General`) and is kept with no space.
/// A soft hyphen (U+00AD) is a hyphenation point and disappears.
pub(crate) fn push_line(buf: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if buf.is_empty() {
        buf.push_str(line);
        return;
    }
    if buf.ends_with('\u{ad}') {
        buf.pop();
        buf.push_str(line);
        return;
    }
    let mut tail = buf.chars().rev();
    let last = tail.next();
    let before = tail.next();
    let compound = matches!(last, Some('-') | Some('‐'))
        && before.is_some_and(char::is_alphanumeric)
        && line.chars().next().is_some_and(char::is_alphanumeric);
    if !compound {
        buf.push(' ');
    }
    buf.push_str(line);
}

/// Lines joined as one paragraph (see [`push_line`]).
pub(crate) fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut buf = String::new();
    for line in lines {
        push_line(&mut buf, line);
    }
    buf
}

/// Every run of whitespace as one space, and no space at either end.
pub(crate) fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A calendar date, written as a TOML local date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Date {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month number of an English month name.
pub(crate) fn month(word: &str) -> Option<u32> {
    let word = word.to_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == word)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A date as the UN writes it: `5 December 2018`.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let [day, name, year] = words.as_slice() else {
        return None;
    };
    let day: u32 = day.parse().ok()?;
    let month = month(name)?;
    let year: u32 = year.trim_end_matches(['.', ',']).parse().ok()?;
    let days = match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    ((1..=days).contains(&day) && (1900..=2999).contains(&year)).then_some(Date {
        year,
        month,
        day,
    })
}

/// True for a four-digit year as met in UN texts.
pub(crate) fn is_year(s: &str) -> bool {
    s.len() == 4
        && (s.starts_with("19") || s.starts_with("20"))
        && s.bytes().all(|b| b.is_ascii_digit())
}

/// The number an English ordinal names: `Seventy-third` is 73.
pub(crate) fn ordinal_word(s: &str) -> Option<u32> {
    const UNITS: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [(&str, &str, u32); 8] = [
        ("twenty", "twentieth", 20),
        ("thirty", "thirtieth", 30),
        ("forty", "fortieth", 40),
        ("fifty", "fiftieth", 50),
        ("sixty", "sixtieth", 60),
        ("seventy", "seventieth", 70),
        ("eighty", "eightieth", 80),
        ("ninety", "ninetieth", 90),
    ];
    let s = s.trim().to_lowercase();
    let unit = |w: &str| {
        UNITS
            .iter()
            .position(|u| *u == w)
            .and_then(|i| u32::try_from(i + 1).ok())
    };
    if let Some(n) = unit(&s) {
        return Some(n);
    }
    if let Some((tens, rest)) = s.split_once('-') {
        let (_, _, t) = TENS.iter().find(|(w, _, _)| *w == tens)?;
        let u = unit(rest).filter(|u| *u < 10)?;
        return Some(t + u);
    }
    TENS.iter().find(|(_, w, _)| *w == s).map(|(_, _, t)| *t)
}

/// The words of a line in lower case, without punctuation, for comparing a
/// running header with the title.
pub(crate) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_hyphen_is_kept_and_joined() {
        assert_eq!(
            join_lines(["the Secretary-", "General,"]),
            "the Secretary-General,"
        );
        assert_eq!(join_lines(["a -", "b"]), "a - b");
        assert_eq!(join_lines(["develop\u{ad}", "ment"]), "development");
        assert_eq!(join_lines(["one ", " two  "]), "one two");
    }

    #[test]
    fn dates_and_ordinals() {
        assert_eq!(
            parse_date("5 December 2018").map(|d| d.to_string()),
            Some("2018-12-05".into())
        );
        assert_eq!(parse_date("31 February 2018"), None);
        assert_eq!(parse_date("45th plenary meeting"), None);
        assert_eq!(ordinal_word("Seventy-third"), Some(73));
        assert_eq!(ordinal_word("seventieth"), Some(70));
        assert_eq!(ordinal_word("Eleventh"), Some(11));
        assert_eq!(ordinal_word("Seventy-tenth"), None);
    }
}
