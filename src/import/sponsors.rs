//! A draft's sponsors as printed (`Canada, Germany and Netherlands (Kingdom of the)`) cut into whole State names: commas divide them, and the built-in list of names (`states.txt`) decides which " and " divides two States and which is inside one.

use super::text::collapse_ws;

/// The names of States as UN documents print them, one a line.
const STATES: &str = include_str!("states.txt");

/// `’` for `'`, so that `Côte d'Ivoire` typed plainly is the UN's `Côte d’Ivoire`.
fn normal(name: &str) -> String {
    collapse_ws(&name.replace('\'', "’"))
}

/// Whether `name` is a State's name of the built-in list.
pub(crate) fn is_state(name: &str) -> bool {
    let name = normal(name);
    STATES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|l| l == name)
}

/// Whether `name` reads as a sponsor: a State of the list, or one speaking
/// for others (`Uganda (on behalf of the Group of 77 and China)`).
pub(crate) fn is_known_sponsor(name: &str) -> bool {
    is_state(name)
        || name
            .split_once(" (")
            .is_some_and(|(state, _)| is_state(state))
}

/// The byte offsets of `pattern` in `text` outside brackets.
fn outside_brackets(text: &str, pattern: &str) -> Vec<usize> {
    let mut depth = 0i32;
    let mut found = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth <= 0 && text.get(i..).is_some_and(|t| t.starts_with(pattern)) => {
                found.push(i);
            }
            _ => {}
        }
    }
    found
}

/// The list of sponsors as printed, in order, each name whole.
///
/// UN style writes `A, B, C and D`: commas divide every name but the last
/// two, which " and " divides. A name may hold " and " itself (`Bosnia and
/// Herzegovina`), so the last item is divided at the " and " that leaves
/// names of the list on both sides (else on one side, else the first).
/// Nothing inside brackets divides (`(on behalf of … 77 and China)`).
pub(crate) fn split(printed: &str) -> Vec<String> {
    let text = collapse_ws(printed);
    let mut items: Vec<String> = Vec::new();
    let mut start = 0;
    for at in outside_brackets(&text, ",") {
        items.push(text.get(start..at).unwrap_or_default().trim().to_string());
        start = at + 1;
    }
    items.push(text.get(start..).unwrap_or_default().trim().to_string());
    items.retain(|i| !i.is_empty());
    if let Some(last) = items.pop() {
        items.extend(split_last(&last));
    }
    items
}

/// The last item of a list: one name, or two joined by " and ".
fn split_last(item: &str) -> Vec<String> {
    const AND: &str = " and ";
    let cuts = outside_brackets(item, AND);
    if is_state(item) || cuts.is_empty() {
        return vec![item.to_string()];
    }
    let halves = |at: usize| {
        let left = item.get(..at).unwrap_or_default().trim();
        let right = item.get(at + AND.len()..).unwrap_or_default().trim();
        (left, right)
    };
    let score = |at: usize| {
        let (left, right) = halves(at);
        usize::from(is_known_sponsor(left)) + usize::from(is_known_sponsor(right))
    };
    // The first cut of the best score: `max_by_key` keeps the last of equals.
    let best = cuts
        .iter()
        .copied()
        .rev()
        .max_by_key(|&at| score(at))
        .unwrap_or_default();
    let (left, right) = halves(best);
    [left, right]
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_every_member_state_once() {
        let names: Vec<&str> = STATES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let unique: std::collections::BTreeSet<&str> = names.iter().copied().collect();
        assert_eq!(unique.len(), names.len(), "a name is listed twice");
        for name in [
            "Bosnia and Herzegovina",
            "Netherlands (Kingdom of the)",
            "Bolivia (Plurinational State of)",
            "United Kingdom of Great Britain and Northern Ireland",
            "Türkiye",
            "Côte d'Ivoire",
            "State of Palestine",
        ] {
            assert!(is_state(name), "{name}");
        }
        assert!(!is_state("Ukraine and Canada"));
    }

    #[test]
    fn every_state_stays_whole() {
        assert_eq!(
            split(
                "Albania, Bolivia (Plurinational State of), Bosnia\nand Herzegovina, Ukraine and United Kingdom of Great Britain and Northern Ireland"
            ),
            [
                "Albania",
                "Bolivia (Plurinational State of)",
                "Bosnia and Herzegovina",
                "Ukraine",
                "United Kingdom of Great Britain and Northern Ireland"
            ]
        );
        assert_eq!(
            split("Canada, Germany and Netherlands (Kingdom of the)"),
            ["Canada", "Germany", "Netherlands (Kingdom of the)"]
        );
        assert_eq!(
            split("Trinidad and Tobago and Antigua and Barbuda"),
            ["Trinidad and Tobago", "Antigua and Barbuda"]
        );
        assert_eq!(split("Bosnia and Herzegovina"), ["Bosnia and Herzegovina"]);
        assert_eq!(split("Japan"), ["Japan"]);
    }

    #[test]
    fn a_group_in_brackets_is_one_sponsor() {
        assert_eq!(
            split("Uganda (on behalf of the Group of 77 and China) and Kenya"),
            ["Uganda (on behalf of the Group of 77 and China)", "Kenya"]
        );
        assert!(is_known_sponsor(
            "Uganda (on behalf of the Group of 77 and China)"
        ));
    }

    #[test]
    fn unknown_names_are_cut_at_the_first_and() {
        assert_eq!(split("Ruritania and Freedonia"), ["Ruritania", "Freedonia"]);
        assert_eq!(
            split("Ruritania and Saint Kitts and Nevis"),
            ["Ruritania", "Saint Kitts and Nevis"]
        );
    }
}
