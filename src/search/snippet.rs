//! Snippets: the best fragment of a passage with its matched words marked, never empty.

use tantivy::snippet::SnippetGenerator;

/// A fragment of a passage and the byte ranges in it to highlight.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// The fragment, with `…` where it cuts the text.
    pub text: String,
    /// Byte ranges of `text` that matched.
    pub highlights: Vec<(usize, usize)>,
}

/// The snippet of `text`: the generator's best fragment, or, when no word of
/// the query is in the text (a passage found by its symbol or a filter), its
/// opening words.
pub fn make(generator: Option<&SnippetGenerator>, text: &str, max_chars: usize) -> Snippet {
    if let Some(g) = generator {
        let s = g.snippet(text);
        if !s.is_empty() && !s.fragment().trim().is_empty() {
            let range = s.fragment_range();
            // Mark a cut only where words were left out; a closing bracket or
            // stop beyond the fragment is given back instead.
            let words_in =
                |s: Option<&str>| s.is_some_and(|s| s.chars().any(char::is_alphanumeric));
            let cut_before = words_in(text.get(..range.start));
            let cut_after = words_in(text.get(range.end..));
            let start = if cut_before { range.start } else { 0 };
            let end = if cut_after { range.end } else { text.len() };
            let body = text.get(start..end).unwrap_or(s.fragment());
            let prefix = if cut_before { "…" } else { "" };
            let suffix = if cut_after { "…" } else { "" };
            let shift = prefix.len() + (range.start - start);
            return Snippet {
                text: format!("{prefix}{body}{suffix}"),
                highlights: s
                    .highlighted()
                    .iter()
                    .map(|r| (r.start + shift, r.end + shift))
                    .collect(),
            };
        }
    }
    opening(text, max_chars)
}

/// The first `max_chars` bytes of `text`, cut at a word boundary.
pub fn opening(text: &str, max_chars: usize) -> Snippet {
    if text.len() <= max_chars {
        return Snippet {
            text: text.to_owned(),
            highlights: Vec::new(),
        };
    }
    let mut cut = max_chars;
    while cut > 0 && !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text.get(..cut).unwrap_or(text);
    let head = match head.rfind(char::is_whitespace) {
        Some(sp) if sp > max_chars / 2 => head.get(..sp).unwrap_or(head),
        _ => head,
    };
    Snippet {
        text: format!("{}…", head.trim_end()),
        highlights: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_is_cut_at_a_word() {
        let s = opening("alpha beta gamma delta", 13);
        assert_eq!(s.text, "alpha beta…");
        assert_eq!(opening("short", 100).text, "short");
        assert_eq!(opening("ééééé", 3).text, "é…");
    }
}
