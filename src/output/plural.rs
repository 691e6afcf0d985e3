//! Counts in messages: `1 passage`, `2 passages`, `0 lines` — one rule for every message that prints a number.

/// `n` and the noun, in the plural unless `n` is one: `plural(1, "passage")`
/// is `1 passage`, `plural(3, "match")` is `3 matches`. Only the last word of
/// a noun phrase changes (`plural(2, "distinct term")` is `2 distinct terms`).
pub fn plural<N>(n: N, noun: &str) -> String
where
    N: Copy + std::fmt::Display + TryInto<u64>,
{
    if n.try_into().is_ok_and(|n: u64| n == 1) {
        format!("{n} {noun}")
    } else {
        format!("{n} {}", plural_noun(noun))
    }
}

/// The plural of an English noun (phrase), by the regular rules: what the
/// messages of undex need, not a dictionary.
pub fn plural_noun(noun: &str) -> String {
    let consonant_y = noun.ends_with('y')
        && noun
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiou".contains(c));
    if consonant_y {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| noun.ends_with(e))
    {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1usize, "passage"), "1 passage");
        assert_eq!(plural(2usize, "passage"), "2 passages");
        assert_eq!(plural(0u64, "line"), "0 lines");
        assert_eq!(plural(1u64, "line"), "1 line");
        assert_eq!(plural(3u32, "match"), "3 matches");
        assert_eq!(plural(2usize, "entry"), "2 entries");
        assert_eq!(plural(2usize, "day"), "2 days");
        assert_eq!(plural(2usize, "distinct term"), "2 distinct terms");
        assert_eq!(plural(1usize, "problem"), "1 problem");
    }
}
