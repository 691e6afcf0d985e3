//! Stop words: the function words that `compare --distinctive` leaves out and that alone make no stretch of an alignment worth listing, built in or read from a list.

/// The built-in stop words: English function words, which say little about
/// what a text is about (replace them with `--stopwords FILE`).
pub const STOP_WORDS: &str = "a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up upon very was we were what when where which while who whom whose why will with within without would you your yours yourself yourselves shall may might must";

/// Which words to leave out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StopWords {
    /// The built-in English list, [`STOP_WORDS`].
    #[default]
    BuiltIn,
    /// None: every word counts.
    None,
    /// These words instead of the built-in ones.
    List(Vec<String>),
}

impl StopWords {
    /// A list read from a file's text: one word a line, blank lines and
    /// lines that start with `#` skipped, spaces around a word ignored.
    pub fn from_text(text: &str) -> StopWords {
        StopWords::List(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_owned)
                .collect(),
        )
    }

    /// The words, as given (not yet analysed).
    pub fn words(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        match self {
            StopWords::BuiltIn => Box::new(STOP_WORDS.split_whitespace()),
            StopWords::None => Box::new(std::iter::empty()),
            StopWords::List(words) => Box::new(words.iter().map(String::as_str)),
        }
    }
}

/// True when `term` (lower-cased) is one of the built-in stop words.
pub fn is_function_word(term: &str) -> bool {
    STOP_WORDS.split_whitespace().any(|s| s == term)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_skips_blank_lines_and_comments() {
        let list = StopWords::from_text("# mine\n the \n\nof\n#not\n");
        assert_eq!(list.words().collect::<Vec<_>>(), ["the", "of"]);
        assert_eq!(StopWords::None.words().count(), 0);
        assert!(StopWords::BuiltIn.words().any(|w| w == "shall"));
        assert!(is_function_word("and"));
        assert!(!is_function_word("lamps"));
    }
}
