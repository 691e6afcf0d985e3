//! The one selection of passages that search, compare and kwic take (documents, processes, parts, kinds of document), the values it accepts, and the one way its key values are compared.

use crate::corpus::{Kind, Part};
use crate::error::{Error, Result};

/// Which passages to search, count or list. Values within one filter are
/// alternatives; an empty filter selects every passage; values are matched
/// whole and in any case (see [`key`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Document symbols (`A/RES/73/27`).
    pub docs: Vec<String>,
    /// Processes (`OEWG`).
    pub processes: Vec<String>,
    /// Parts of documents, of [`Part::ALL`] (`operative`).
    pub parts: Vec<String>,
    /// Kinds of document, of [`Kind::ALL`] (`resolution`).
    pub kinds: Vec<String>,
}

impl Selection {
    /// Whether the selection leaves every passage in.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
            && self.processes.is_empty()
            && self.parts.is_empty()
            && self.kinds.is_empty()
    }

    /// Checks every part and kind named is one there is: a value that is
    /// none would select nothing, which is never what was meant.
    /// [`Error::InvalidValue`] names the first that is not, with the
    /// values there are. Documents and processes depend on the index: see
    /// [`Index::check_filters`](crate::index::Index::check_filters).
    pub fn check_values(&self) -> Result<()> {
        check(&self.parts, "part", &Part::ALL.map(Part::as_str))?;
        check(&self.kinds, "kind", &Kind::ALL.map(Kind::as_str))
    }

    /// Whether the filter of `values` (one of this selection's lists, in
    /// [`key`] form) lets `value` in.
    pub(crate) fn wants(values: &[String], value: &str) -> bool {
        values.is_empty() || values.contains(&key(value))
    }

    /// The same selection with every value in [`key`] form, for comparing
    /// with values read from the index.
    pub(crate) fn keys(&self) -> Selection {
        let keys = |values: &[String]| values.iter().map(|v| key(v)).collect();
        Selection {
            docs: keys(&self.docs),
            processes: keys(&self.processes),
            parts: keys(&self.parts),
            kinds: keys(&self.kinds),
        }
    }
}

fn check(values: &[String], filter: &'static str, possible: &[&'static str]) -> Result<()> {
    match values
        .iter()
        .find(|v| !possible.iter().any(|p| *p == key(v)))
    {
        None => Ok(()),
        Some(value) => Err(Error::InvalidValue {
            filter,
            value: value.clone(),
            possible: possible.to_vec(),
        }),
    }
}

/// A key value (symbol, process, part, kind, passage id) as the index
/// holds it: trimmed and lower-cased, as the key analyzer
/// ([`analysis::key`](crate::analysis::key)) indexes it. Every filter,
/// lookup and count compares keys in this form.
pub fn key(value: &str) -> String {
    value.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis;

    #[test]
    fn keys_are_compared_as_the_key_analyzer_indexes_them() {
        for value in [
            "A/RES/73/27",
            "OEWG",
            "Chung2019",
            "Operative",
            "ÉTATS/1",
            "a/res/73/27",
        ] {
            let indexed = analysis::terms(&mut analysis::key(), value);
            assert_eq!(vec![(0, key(value))], indexed, "{value}");
        }
        assert_eq!(key("  OEWG \n"), "oewg");
    }

    #[test]
    fn a_part_or_kind_that_is_none_is_refused_with_the_values_there_are() {
        let bad_part = Selection {
            parts: vec!["Operative".into(), "operatve".into()],
            ..Selection::default()
        };
        let e = bad_part.check_values().unwrap_err();
        assert!(
            matches!(&e, Error::InvalidValue { filter: "part", value, .. } if value == "operatve"),
            "{e:?}"
        );
        assert_eq!(
            e.to_string(),
            "invalid value 'operatve' for part [possible values: preambular, operative, report, commentary]"
        );
        let bad_kind = Selection {
            kinds: vec!["treaty".into()],
            ..Selection::default()
        };
        assert_eq!(
            bad_kind.check_values().unwrap_err().to_string(),
            "invalid value 'treaty' for kind [possible values: resolution, decision, draft, report, commentary]"
        );
        let good = Selection {
            parts: vec![" PREAMBULAR".into(), "report".into()],
            kinds: vec!["Commentary".into()],
            // Documents and processes are the index's business, not this check's.
            docs: vec!["no such symbol".into()],
            processes: vec!["XYZ".into()],
        };
        assert!(good.check_values().is_ok());
        assert!(Selection::default().check_values().is_ok());
    }

    #[test]
    fn an_empty_filter_wants_everything_and_a_value_any_case() {
        let s = Selection {
            processes: vec!["OEWG ".into()],
            ..Selection::default()
        }
        .keys();
        assert_eq!(s.processes, ["oewg"]);
        assert!(Selection::wants(&s.processes, "OEWG"));
        assert!(!Selection::wants(&s.processes, "GGE"));
        assert!(Selection::wants(&s.docs, "A/RES/73/27"));
        assert!(Selection::default().is_empty());
        assert!(!s.is_empty());
    }
}
