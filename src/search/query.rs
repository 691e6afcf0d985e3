//! The query language users type: words (all must match), "quoted phrases"~slop, -excluded, OR, and field:value filters — pasted UN text is always searchable.

/// Fields a user may name as `field:value`.
pub const QUERY_FIELDS: [&str; 11] = [
    "process", "doc", "symbol", "part", "kind", "section", "id", "anchor", "refs", "cites", "date",
];

/// One searchable item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A word as typed (the analyzer may split it: `A/RES/73/27`).
    Word(String),
    /// A quoted phrase and its slop.
    Phrase(String, u32),
    /// `field:value`.
    Field(String, String),
}

/// Alternatives joined by OR, possibly excluded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Excluded (`-word`, `NOT word`).
    pub negated: bool,
    /// Any of these matches the clause.
    pub any: Vec<Term>,
}

enum Item {
    Clause(Clause),
    Or,
}

/// Parses a query. Never fails: text that is not syntax is searched as words.
pub fn parse(input: &str) -> Vec<Clause> {
    let chars: Vec<char> = input.chars().collect();
    let mut i = 0;
    let mut items: Vec<Item> = Vec::new();
    let mut pending_not = false;
    while i < chars.len() {
        let c = chars.get(i).copied().unwrap_or(' ');
        if c.is_whitespace() || c.is_control() {
            i += 1;
            continue;
        }
        let mut negated = std::mem::take(&mut pending_not);
        if (c == '-' || c == '+') && chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) {
            negated |= c == '-';
            i += 1;
        }
        let term;
        if chars.get(i) == Some(&'"') {
            let (phrase, next) = read_quoted(&chars, i + 1);
            let (slop, next) = read_slop(&chars, next);
            i = next;
            term = Term::Phrase(phrase, slop);
        } else {
            let start = i;
            while i < chars.len() && !chars.get(i).is_some_and(|c| c.is_whitespace()) {
                // A quote inside a word (field:"a b") runs to its closing quote.
                if chars.get(i) == Some(&'"') {
                    let (_, next) = read_quoted(&chars, i + 1);
                    i = next;
                    continue;
                }
                i += 1;
            }
            let word: String = chars.get(start..i).unwrap_or_default().iter().collect();
            match word.as_str() {
                "OR" => {
                    items.push(Item::Or);
                    continue;
                }
                "AND" => continue,
                "NOT" => {
                    pending_not = true;
                    continue;
                }
                _ => {}
            }
            term = field_or_word(&word);
        }
        items.push(Item::Clause(Clause {
            negated,
            any: vec![term],
        }));
    }
    fold_or(items)
}

fn read_quoted(chars: &[char], from: usize) -> (String, usize) {
    let mut i = from;
    let mut s = String::new();
    while let Some(&c) = chars.get(i) {
        i += 1;
        if c == '"' {
            return (s, i);
        }
        s.push(c);
    }
    (s, i)
}

fn read_slop(chars: &[char], from: usize) -> (u32, usize) {
    if chars.get(from) != Some(&'~') {
        return (0, from);
    }
    let mut i = from + 1;
    let mut n: u32 = 0;
    while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
        n = n.saturating_mul(10).saturating_add(d).min(100);
        i += 1;
    }
    (n, i)
}

fn field_or_word(word: &str) -> Term {
    if let Some((name, value)) = word.split_once(':') {
        let name_l = name.to_ascii_lowercase();
        let value = value.trim_matches('"');
        if QUERY_FIELDS.contains(&name_l.as_str()) && !value.is_empty() {
            return Term::Field(name_l, value.to_owned());
        }
    }
    Term::Word(word.to_owned())
}

/// `a OR b OR c` becomes one clause with three alternatives; an OR with
/// nothing on one side is the word "or".
fn fold_or(items: Vec<Item>) -> Vec<Clause> {
    let mut out: Vec<Clause> = Vec::new();
    let mut join_next = false;
    let n = items.len();
    for (idx, item) in items.into_iter().enumerate() {
        match item {
            Item::Or => {
                let has_left = out.last().is_some_and(|c| !c.negated) && !join_next;
                let has_right = idx + 1 < n;
                if has_left && has_right {
                    join_next = true;
                } else {
                    out.push(Clause {
                        negated: false,
                        any: vec![Term::Word("or".into())],
                    });
                }
            }
            Item::Clause(c) => {
                if join_next
                    && !c.negated
                    && let Some(last) = out.last_mut()
                {
                    last.any.extend(c.any);
                } else {
                    out.push(c);
                }
                join_next = false;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Term {
        Term::Word(s.into())
    }

    #[test]
    fn words_phrases_exclusions_or_and_fields() {
        let q = parse(r#"consensus "working group"~2 -veto lex OR law process:GGE"#);
        assert_eq!(
            q,
            vec![
                Clause {
                    negated: false,
                    any: vec![w("consensus")]
                },
                Clause {
                    negated: false,
                    any: vec![Term::Phrase("working group".into(), 2)]
                },
                Clause {
                    negated: true,
                    any: vec![w("veto")]
                },
                Clause {
                    negated: false,
                    any: vec![w("lex"), w("law")]
                },
                Clause {
                    negated: false,
                    any: vec![Term::Field("process".into(), "GGE".into())]
                },
            ]
        );
    }

    #[test]
    fn pasted_text_is_words() {
        assert_eq!(
            parse("2334 (2016)"),
            vec![
                Clause {
                    negated: false,
                    any: vec![w("2334")]
                },
                Clause {
                    negated: false,
                    any: vec![w("(2016)")]
                },
            ]
        );
        assert_eq!(parse("a:b")[0].any, vec![w("a:b")]);
        assert_eq!(parse("para. 5:").len(), 2);
        assert_eq!(
            parse("\"unbalanced")[0].any,
            vec![Term::Phrase("unbalanced".into(), 0)]
        );
        assert_eq!(parse("-")[0].any, vec![w("-")]);
        assert_eq!(parse("OR")[0].any, vec![w("or")]);
        assert!(parse("AND AND").is_empty());
        assert!(parse("NOT veto")[0].negated);
        assert_eq!(
            parse(r#"doc:"A/RES/73/27""#)[0].any,
            vec![Term::Field("doc".into(), "A/RES/73/27".into())]
        );
    }
}
