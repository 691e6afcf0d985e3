//! Passage ids: a document's symbol and a passage's anchor, written `A/RES/73/27#OP5`, read back, and written in a form safe in a URL path.

use std::fmt;

use serde::{Serialize, Serializer};

/// A passage's id: its document's symbol and its anchor, `symbol#anchor`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PassageId {
    symbol: String,
    anchor: String,
}

impl PassageId {
    /// The id of passage `anchor` of document `symbol`.
    pub fn new(symbol: impl Into<String>, anchor: impl Into<String>) -> PassageId {
        PassageId {
            symbol: symbol.into(),
            anchor: anchor.into(),
        }
    }

    /// Reads `symbol#anchor`; `None` unless both sides are there (a bare
    /// symbol names a document, not a passage).
    pub fn parse(text: &str) -> Option<PassageId> {
        let (symbol, anchor) = text.split_once('#')?;
        (!symbol.is_empty() && !anchor.is_empty()).then(|| PassageId::new(symbol, anchor))
    }

    /// The document's symbol, `A/RES/73/27`.
    pub fn symbol(&self) -> &str {
        &self.symbol
    }

    /// The passage's anchor, `OP5`.
    pub fn anchor(&self) -> &str {
        &self.anchor
    }

    /// The id as one URL path segment: every byte but letters, digits and
    /// `-._~` percent-encoded (`A%2FRES%2F73%2F27%23OP4%28a%29`).
    pub fn url_safe(&self) -> String {
        let mut out = String::new();
        for b in self.to_string().bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }

    /// Reads the form [`PassageId::url_safe`] writes (any percent-encoding
    /// of the id); `None` when it is not one.
    pub fn from_url_safe(text: &str) -> Option<PassageId> {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b == b'%' {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            } else {
                out.push(b);
                i += 1;
            }
        }
        PassageId::parse(&String::from_utf8(out).ok()?)
    }
}

impl fmt::Display for PassageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.symbol, self.anchor)
    }
}

impl Serialize for PassageId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// True when `text` is written as a passage id (it holds `#`), even one
/// that names no passage (`A/RES/73/27#`): what a user gives is then never
/// read as a citation or a symbol.
pub fn is_written_as_id(text: &str) -> bool {
    text.contains('#')
}

/// The document symbol of a passage id, or the text itself when it is a
/// bare symbol: `A/RES/73/27` for `A/RES/73/27#OP5` and for `A/RES/73/27`.
pub fn symbol_of(id_or_symbol: &str) -> &str {
    id_or_symbol
        .split_once('#')
        .map_or(id_or_symbol, |(symbol, _)| symbol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_read_back_as_written() {
        let id = PassageId::parse("A/RES/73/27#OP4(a)").unwrap();
        assert_eq!(id.symbol(), "A/RES/73/27");
        assert_eq!(id.anchor(), "OP4(a)");
        assert_eq!(id.to_string(), "A/RES/73/27#OP4(a)");
        assert_eq!(PassageId::parse("A/RES/73/27"), None);
        assert_eq!(PassageId::parse("#OP5"), None);
        assert_eq!(PassageId::parse("A/RES/73/27#"), None);
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            "\"A/RES/73/27#OP4(a)\""
        );
    }

    #[test]
    fn the_url_safe_form_is_one_path_segment_and_reads_back() {
        let id = PassageId::new("A/RES/73/27", "OP4(a)");
        let safe = id.url_safe();
        assert_eq!(safe, "A%2FRES%2F73%2F27%23OP4%28a%29");
        assert_eq!(PassageId::from_url_safe(&safe), Some(id));
        let report = PassageId::new("A/70/174", "ANNEX.P2");
        assert_eq!(PassageId::from_url_safe(&report.url_safe()), Some(report));
        assert_eq!(PassageId::from_url_safe("A%2FRES%2"), None);
        assert_eq!(PassageId::from_url_safe("A%2FRES"), None);
        assert_eq!(PassageId::from_url_safe("%ZZ%23OP1"), None);
    }

    #[test]
    fn the_symbol_of_an_id_or_a_symbol() {
        assert_eq!(symbol_of("A/RES/73/27#OP5"), "A/RES/73/27");
        assert_eq!(symbol_of("A/RES/73/27"), "A/RES/73/27");
        assert!(is_written_as_id("A/RES/73/27#"));
        assert!(!is_written_as_id("A/RES/73/27, para. 5"));
    }
}
