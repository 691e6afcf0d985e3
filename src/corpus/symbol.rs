//! The order of document symbols as the UN numbers them: A/RES/73/27 before A/RES/73/266, A/RES/90/2 before A/RES/90/10.
//!
//! A symbol is compared piece by piece: runs of digits by their value, any
//! other run without regard to case. A plain byte comparison puts 266 before
//! 27 and 10 before 2, which no reader of a list of resolutions expects.
//! The comparison is total and consistent with equality: two symbols that
//! differ only in case or leading zeros are ordered by their bytes last.

use std::cmp::Ordering;

/// One run of a symbol: digits, or anything else.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Number(&'a str),
    Text(&'a str),
}

fn pieces(s: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let digits = first.is_ascii_digit();
        let end = rest
            .char_indices()
            .find(|(_, c)| c.is_ascii_digit() != digits)
            .map_or(rest.len(), |(i, _)| i);
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(if digits {
            Piece::Number(piece)
        } else {
            Piece::Text(piece)
        })
    })
}

fn cmp_numbers(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

fn cmp_text(a: &str, b: &str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

/// Compares two symbols (or any names holding numbers) the way the UN
/// numbers documents: numbers by value, text without regard to case, a
/// symbol before its own continuations (A/C.1/73/L.27 before
/// A/C.1/73/L.27/Rev.1), a number before text in the same place.
pub fn cmp_symbols(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (pieces(a), pieces(b));
    loop {
        let o = match (x.next(), y.next()) {
            (None, None) => break,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(Piece::Number(p)), Some(Piece::Number(q))) => cmp_numbers(p, q),
            (Some(Piece::Text(p)), Some(Piece::Text(q))) => cmp_text(p, q),
            (Some(Piece::Number(_)), Some(Piece::Text(_))) => Ordering::Less,
            (Some(Piece::Text(_)), Some(Piece::Number(_))) => Ordering::Greater,
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    a.cmp(b)
}

/// Sorts symbols (or anything that has one) in the UN order of [`cmp_symbols`].
pub fn sort_by_symbol<T>(items: &mut [T], symbol: impl Fn(&T) -> &str) {
    items.sort_by(|a, b| cmp_symbols(symbol(a), symbol(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(list: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        sort_by_symbol(&mut v, |s| s);
        v
    }

    #[test]
    fn resolutions_sort_by_their_numbers() {
        assert_eq!(cmp_symbols("A/RES/73/27", "A/RES/73/266"), Ordering::Less);
        assert_eq!(cmp_symbols("A/RES/90/2", "A/RES/90/10"), Ordering::Less);
        assert_eq!(cmp_symbols("A/RES/72/300", "A/RES/73/1"), Ordering::Less);
        assert_eq!(
            sorted(&["A/RES/73/266", "A/RES/90/10", "A/RES/73/27", "A/RES/90/2"]),
            ["A/RES/73/27", "A/RES/73/266", "A/RES/90/2", "A/RES/90/10"]
        );
    }

    #[test]
    fn drafts_revisions_and_council_resolutions() {
        assert_eq!(
            sorted(&[
                "A/C.1/73/L.27/Rev.1",
                "A/C.1/73/L.37",
                "A/C.1/73/L.27",
                "A/C.1/73/L.3",
            ]),
            [
                "A/C.1/73/L.3",
                "A/C.1/73/L.27",
                "A/C.1/73/L.27/Rev.1",
                "A/C.1/73/L.37"
            ]
        );
        assert_eq!(
            sorted(&["S/RES/2341(2017)", "S/RES/999(1995)", "S/RES/2334(2016)"]),
            ["S/RES/999(1995)", "S/RES/2334(2016)", "S/RES/2341(2017)"]
        );
        // Reports, resolutions and commentary keep one consistent order.
        assert_eq!(
            sorted(&["A/RES/73/27", "Chung 2019", "A/70/174", "A/68/98"]),
            ["A/68/98", "A/70/174", "A/RES/73/27", "Chung 2019"]
        );
    }

    #[test]
    fn the_order_is_total_and_ignores_case_only_last() {
        assert_eq!(cmp_symbols("a/res/73/27", "A/RES/73/27"), Ordering::Greater);
        assert_eq!(cmp_symbols("A/RES/73/27", "A/RES/73/27"), Ordering::Equal);
        assert_eq!(
            cmp_symbols("a/res/73/266", "A/RES/73/27"),
            Ordering::Greater
        );
        assert_eq!(cmp_symbols("A/RES/73/027", "A/RES/73/27"), Ordering::Less);
        assert_eq!(cmp_symbols("", "A"), Ordering::Less);
        assert_eq!(cmp_symbols("Añ 10", "Añ 9"), Ordering::Greater);
        // Antisymmetric over a mixed list.
        let list = [
            "A/RES/73/27",
            "A/RES/73/266",
            "A/RES/73/27/Add.1",
            "a/res/73/27",
            "A/70/174",
            "S/RES/2334(2016)",
            "Chung 2019",
            "10",
            "9",
        ];
        for a in list {
            for b in list {
                assert_eq!(cmp_symbols(a, b), cmp_symbols(b, a).reverse(), "{a} {b}");
            }
        }
    }
}
