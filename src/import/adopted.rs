//! The built-in table of drafts and the resolutions they became (`drafts-builtin.toml`, each entry with its source): fills a draft's `adopted_as` on import.

use std::collections::BTreeMap;

/// The table's text, embedded so that an import run anywhere knows it.
const BUILTIN: &str = include_str!("drafts-builtin.toml");

/// Draft symbol → the symbol of what it became. A table that does not
/// read is empty (a unit test keeps it readable).
fn table() -> BTreeMap<String, String> {
    toml::from_str(BUILTIN).unwrap_or_default()
}

/// The resolution or decision the draft `symbol` became, when a source
/// says so.
pub(crate) fn adopted_as(symbol: &str) -> Option<String> {
    table().remove(symbol)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::furniture::as_symbol;

    #[test]
    fn every_entry_links_two_symbols_and_names_its_source() {
        let parsed: Result<BTreeMap<String, String>, _> = toml::from_str(BUILTIN);
        let table = parsed.unwrap_or_else(|e| panic!("drafts-builtin.toml: {e}"));
        assert!(!table.is_empty());
        for (draft, became) in &table {
            assert_eq!(as_symbol(draft).as_deref(), Some(draft.as_str()));
            assert_eq!(as_symbol(became).as_deref(), Some(became.as_str()));
            assert_eq!(
                crate::corpus::Layout::guess(draft),
                crate::corpus::Layout::Draft,
                "{draft} is a draft's symbol"
            );
            let line = BUILTIN
                .lines()
                .find(|l| l.starts_with(&format!("\"{draft}\"")))
                .unwrap_or_default();
            let source = line.split_once('#').map_or("", |(_, s)| s.trim());
            assert!(!source.is_empty(), "{draft} names no source");
        }
        assert_eq!(adopted_as("A/C.1/80/L.46").as_deref(), Some("A/RES/80/58"));
        assert_eq!(adopted_as("A/C.1/80/L.47"), None);
    }
}
