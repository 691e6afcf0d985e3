//! The TOML front matter between `+++` lines: parsed strictly, so that a typo is an error and not silently ignored.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::model::{Kind, Layout, Meta, Vote};
use crate::error::Diagnostic;

/// Front matter larger than this is surely not front matter (a missing fence).
pub const MAX_FRONT_MATTER: usize = 64 * 1024;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    symbol: Option<String>,
    title: Option<String>,
    kind: Option<String>,
    process: Option<OneOrMany>,
    sponsor: Option<OneOrMany>,
    committee: Option<String>,
    adopted_as: Option<String>,
    adopted: Option<toml::value::Datetime>,
    vote: Option<Vote>,
    session: Option<StrOrInt>,
    agenda_item: Option<StrOrInt>,
    report: Option<String>,
    meeting: Option<String>,
    author: Option<OneOrMany>,
    date: Option<DateOrStr>,
    source: Option<String>,
    excerpt: Option<bool>,
    aliases: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
        .into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StrOrInt {
    Str(String),
    Int(i64),
}

impl StrOrInt {
    fn into_string(self) -> String {
        match self {
            StrOrInt::Str(s) => s,
            StrOrInt::Int(i) => i.to_string(),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum DateOrStr {
    Date(toml::value::Datetime),
    Str(String),
}

/// A file split into its metadata and its body.
#[derive(Debug)]
pub struct Split<'a> {
    /// The metadata.
    pub meta: Meta,
    /// The body, after the closing `+++`.
    pub body: &'a str,
    /// The 1-based line number of the body's first line.
    pub body_line: usize,
}

/// Splits `text` into front matter and body and reads the front matter.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, Vec<Diagnostic>> {
    let err = |line: usize, msg: String| vec![Diagnostic::new(path, line, msg)];
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim() != "+++" {
        return Err(err(
            1,
            "the file must start with front matter: a line `+++`, TOML metadata (symbol = \"…\"), and another `+++`".into(),
        ));
    }
    let fm_start = first.len();
    let mut offset = fm_start;
    let mut line_no = 1;
    let mut close = None;
    for line in lines {
        line_no += 1;
        if line.trim() == "+++" {
            close = Some((offset, offset + line.len(), line_no));
            break;
        }
        offset += line.len();
        if offset - fm_start > MAX_FRONT_MATTER {
            return Err(err(
                1,
                format!(
                    "the front matter opened on line 1 runs past {} KiB without its closing `+++`",
                    MAX_FRONT_MATTER / 1024
                ),
            ));
        }
    }
    let Some((fm_end, body_start, close_line)) = close else {
        return Err(err(
            1,
            "the front matter opened with `+++` on line 1 is never closed by another `+++` line"
                .into(),
        ));
    };
    let toml_text = text.get(fm_start..fm_end).unwrap_or_default();
    let raw: RawMeta = match toml::from_str(toml_text) {
        Ok(raw) => raw,
        Err(e) => {
            let line = e
                .span()
                .map(|s| 2 + toml_text.get(..s.start).unwrap_or("").matches('\n').count())
                .unwrap_or(1);
            return Err(err(
                line,
                format!("bad front matter: {}", e.message().trim_end_matches('\n')),
            ));
        }
    };
    let key_line = |key: &str| {
        toml_text
            .lines()
            .position(|l| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map_or(1, |i| i + 2)
    };
    let mut problems = Vec::new();
    let symbol = match raw.symbol.map(|s| s.trim().to_owned()) {
        None => {
            problems.push(Diagnostic::new(
                path,
                1,
                "the front matter has no `symbol` (for example symbol = \"A/RES/73/27\")",
            ));
            String::new()
        }
        Some(s) => {
            if let Err(why) = check_symbol(&s) {
                problems.push(Diagnostic::new(path, key_line("symbol"), why));
            }
            s
        }
    };
    let kind = match raw.kind.as_deref().map(str::trim) {
        None => Kind::Resolution,
        Some(k) => match Kind::ALL.into_iter().find(|x| x.as_str() == k) {
            Some(kind) => kind,
            None => {
                problems.push(Diagnostic::new(
                    path,
                    key_line("kind"),
                    format!(
                        "unknown kind \"{k}\"; expected one of {}",
                        Kind::ALL.map(Kind::as_str).join(", ")
                    ),
                ));
                Kind::Resolution
            }
        },
    };
    let adopted = match raw.adopted {
        None => None,
        Some(dt) => match (dt.date, dt.time) {
            (Some(d), None) => Some(d.to_string()),
            _ => {
                problems.push(Diagnostic::new(
                    path,
                    key_line("adopted"),
                    "`adopted` must be a date such as 2018-12-05 (no time)",
                ));
                None
            }
        },
    };
    let date = raw.date.map(|d| match d {
        DateOrStr::Date(dt) => dt.to_string(),
        DateOrStr::Str(s) => s.trim().to_owned(),
    });
    let adopted_as = raw.adopted_as.map(|s| s.trim().to_owned());
    if let Some(Err(why)) = adopted_as.as_deref().map(check_symbol) {
        problems.push(Diagnostic::new(
            path,
            key_line("adopted_as"),
            format!("`adopted_as`: {why}"),
        ));
    }
    if let Some(aliases) = &raw.aliases {
        for (name, target) in aliases {
            if let Err(why) = check_symbol(target.trim()) {
                problems.push(Diagnostic::new(
                    path,
                    key_line("aliases"),
                    format!("alias \"{name}\": {why}"),
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let meta = Meta {
        layout: Layout::of(kind, &symbol),
        symbol,
        title: raw
            .title
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty()),
        kind,
        process: raw.process.map(OneOrMany::into_vec).unwrap_or_default(),
        sponsor: raw.sponsor.map(OneOrMany::into_vec).unwrap_or_default(),
        committee: raw
            .committee
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty()),
        adopted_as,
        adopted,
        vote: raw.vote,
        session: raw.session.map(StrOrInt::into_string),
        agenda_item: raw.agenda_item.map(StrOrInt::into_string),
        report: raw.report,
        meeting: raw.meeting,
        author: raw.author.map(OneOrMany::into_vec).unwrap_or_default(),
        date,
        source: raw.source,
        excerpt: raw.excerpt.unwrap_or(false),
        aliases: raw
            .aliases
            .unwrap_or_default()
            .into_iter()
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .collect(),
    };
    Ok(Split {
        meta,
        body: text.get(body_start..).unwrap_or_default(),
        body_line: close_line + 1,
    })
}

/// Checks that a symbol is written as the UN prints one (or as a plain id).
pub fn check_symbol(symbol: &str) -> Result<(), String> {
    if symbol.is_empty() {
        return Err("the symbol is empty".into());
    }
    if symbol.chars().count() > 100 {
        return Err("the symbol is over 100 characters long".into());
    }
    if let Some(bad) = symbol
        .chars()
        .find(|c| !(c.is_alphanumeric() || "/.-_()*".contains(*c)))
    {
        let what = if bad.is_whitespace() {
            "a space".to_owned()
        } else {
            format!("the character {bad:?}")
        };
        return Err(format!(
            "symbol \"{symbol}\" has {what}; write symbols as the UN prints them, e.g. A/RES/73/27"
        ));
    }
    if symbol.starts_with('/') || symbol.ends_with('/') || symbol.contains("//") {
        return Err(format!(
            "symbol \"{symbol}\" has a slash out of place; write symbols as the UN prints them, e.g. A/RES/73/27"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Split<'_>, Vec<Diagnostic>> {
        split(Path::new("doc.txt"), text)
    }

    #[test]
    fn reads_every_key() {
        let s = parse(
            "+++\nsymbol = \"A/RES/73/27\"\ntitle = \"T\"\nkind = \"resolution\"\nprocess = [\"OEWG\"]\nsponsor = \"Russian Federation\"\nadopted = 2018-12-05\nvote = { yes = 119, no = 46, abstain = 14 }\nsession = 73\nagenda_item = \"96\"\nreport = \"A/73/505\"\nmeeting = \"45th plenary meeting\"\nexcerpt = true\n+++\nbody\n",
        )
        .unwrap();
        assert_eq!(s.meta.symbol, "A/RES/73/27");
        assert_eq!(s.meta.adopted.as_deref(), Some("2018-12-05"));
        assert_eq!(s.meta.vote.unwrap().yes, 119);
        assert_eq!(s.meta.session.as_deref(), Some("73"));
        assert!(s.meta.excerpt);
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 15);
    }

    #[test]
    fn reads_a_drafts_keys() {
        let s = parse(
            "+++\nsymbol = \"A/C.1/99/L.7\"\nkind = \"draft\"\nsponsor = [\n  \"Bosnia and Herzegovina\",\n  \"Netherlands (Kingdom of the)\",\n]\ncommittee = \"First Committee\"\nagenda_item = \"99 (mm)\"\nadopted_as = \"A/RES/99/58\"\n+++\nbody\n",
        )
        .unwrap();
        assert_eq!(s.meta.kind, Kind::Draft);
        assert_eq!(s.meta.layout, Layout::Draft);
        assert_eq!(
            s.meta.sponsor,
            ["Bosnia and Herzegovina", "Netherlands (Kingdom of the)"]
        );
        assert_eq!(s.meta.committee.as_deref(), Some("First Committee"));
        assert_eq!(s.meta.agenda_item.as_deref(), Some("99 (mm)"));
        assert_eq!(s.meta.adopted_as.as_deref(), Some("A/RES/99/58"));
        let e = parse("+++\nsymbol = \"A/C.1/99/L.7\"\nadopted_as = \"A/RES 99/58\"\n+++\n")
            .unwrap_err();
        assert_eq!(e[0].line, 3);
        assert!(e[0].message.contains("adopted_as"), "{}", e[0].message);
    }

    #[test]
    fn refuses_what_is_wrong_with_the_line() {
        let e = parse("no fence\n").unwrap_err();
        assert_eq!(e[0].line, 1);
        let e = parse("+++\nsymbol = \"A/1\"\n\n1. text\n").unwrap_err();
        assert!(e[0].message.contains("never closed"));
        let e = parse("+++\nsymbol = \"A/1\"\ncolour = \"blue\"\n+++\n").unwrap_err();
        assert_eq!(e[0].line, 3);
        assert!(e[0].message.contains("colour"), "{}", e[0].message);
        let e = parse("+++\ntitle = \"x\"\n+++\n").unwrap_err();
        assert!(e[0].message.contains("no `symbol`"));
        let e = parse("+++\nsymbol = \"A RES/1\"\n+++\n").unwrap_err();
        assert!(e[0].message.contains("a space"));
        assert_eq!(e[0].line, 2);
        let e = parse("+++\nsymbol = \"A/1\"\nkind = \"memo\"\n+++\n").unwrap_err();
        assert_eq!(e[0].line, 3);
        let e = parse("+++\nsymbol = \"A/1\n+++\n").unwrap_err();
        assert!(e[0].message.starts_with("bad front matter"));
    }
}
