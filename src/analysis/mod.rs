//! The one analyzer of undex: UAX #29 words, lower-cased, stemmed for English (or not, for exact matching), used by indexing, search and counting alike.
//!
//! Every index opens with [`register`]: tantivy stores only the analyzers'
//! names in the schema, never their definitions.

use tantivy::tokenizer::{
    Language, LowerCaser, RawTokenizer, RemoveLongFilter, Stemmer, TextAnalyzer, Token,
    TokenStream, Tokenizer, TokenizerManager,
};
use unicode_segmentation::{UnicodeSegmentation, UnicodeWordIndices};

/// Name of the stemmed analyzer of the `text` field.
pub const STEMMED: &str = "undex_stem";
/// Name of the unstemmed analyzer of the `text_exact` field.
pub const EXACT: &str = "undex_exact";
/// Name of the analyzer of key fields (symbol, process, …): the whole value, lower-cased.
pub const KEY: &str = "undex_key";
/// Words longer than this many bytes are not indexed (no real word is; a
/// run of characters this long is a broken extraction).
pub const MAX_WORD_BYTES: usize = 100;

/// Splits text into words by the Unicode word-boundary rules (UAX #29).
///
/// "A/RES/73/27" gives `A`, `RES`, `73`, `27`; "open-ended" gives `open`,
/// `ended`; "group’s" gives `group's` (the typographic apostrophe is read
/// as `'`, so that both spellings match); "1.1" stays one word; each Han
/// character is a word of its own, so Chinese is searchable too.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

/// The token stream of [`WordTokenizer`].
pub struct WordStream<'a> {
    words: UnicodeWordIndices<'a>,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            words: text.unicode_word_indices(),
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((offset, word)) = self.words.next() else {
            return false;
        };
        self.token.text.clear();
        if word.contains('\u{2019}') {
            self.token.text.push_str(&word.replace('\u{2019}', "'"));
        } else {
            self.token.text.push_str(word);
        }
        self.token.offset_from = offset;
        self.token.offset_to = offset + word.len();
        self.token.position = self.token.position.wrapping_add(1);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The stemmed analyzer: words, lower-cased, English Snowball stems.
pub fn stemmed() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES + 1))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The exact analyzer: words, lower-cased, not stemmed.
pub fn exact() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES + 1))
        .filter(LowerCaser)
        .build()
}

/// The key analyzer: the whole value as one token, lower-cased.
pub fn key() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build()
}

/// Registers undex's analyzers by name; call it on every index opened or created.
pub fn register(manager: &TokenizerManager) {
    manager.register(STEMMED, stemmed());
    manager.register(EXACT, exact());
    manager.register(KEY, key());
}

/// The terms `analyzer` makes of `text`, with their positions.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        out.push((t.position, t.text.clone()));
    }
    out
}

/// The tokens `analyzer` makes of `text`: position, byte range in `text`, term.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, usize, usize, String)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        out.push((t.position, t.offset_from, t.offset_to, t.text.clone()));
    }
    out
}

/// The number of words in `text`, as the analyzers count them (words too
/// long to index are not counted).
pub fn word_count(text: &str) -> u64 {
    text.unicode_words()
        .filter(|w| w.len() <= MAX_WORD_BYTES)
        .count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(a: &mut TextAnalyzer, text: &str) -> Vec<String> {
        terms(a, text).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn words_as_un_texts_need_them() {
        let mut s = stemmed();
        assert_eq!(words(&mut s, "A/RES/73/27"), ["a", "res", "73", "27"]);
        assert_eq!(
            words(&mut s, "open-ended Working Groups"),
            ["open", "end", "work", "group"]
        );
        assert_eq!(
            words(&mut s, "the group’s mandate"),
            ["the", "group", "mandat"]
        );
        assert_eq!(
            words(&mut s, "2334 (2016), para. 1.1:"),
            ["2334", "2016", "para", "1.1"]
        );
        assert_eq!(words(&mut s, "国家主权"), ["国", "家", "主", "权"]);
        let mut e = exact();
        assert_eq!(
            words(&mut e, "Consultations, consultation"),
            ["consultations", "consultation"]
        );
        let long = "x".repeat(MAX_WORD_BYTES + 1);
        assert!(words(&mut e, &long).is_empty());
        assert_eq!(words(&mut key(), "A/RES/73/27"), ["a/res/73/27"]);
        assert_eq!(word_count("Decides to convene, beginning in 2019,"), 6);
        assert_eq!(word_count(&format!("a {long} b")), 2);
    }

    #[test]
    fn positions_count_words() {
        let mut e = exact();
        let t = terms(&mut e, "one, two — three");
        assert_eq!(t.iter().map(|(p, _)| *p).collect::<Vec<_>>(), [0, 1, 2]);
    }
}
