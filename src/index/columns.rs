//! Reading string fast fields passage by passage: each column's dictionary is read once, in order, so that a value costs an index into a table, not a block decompression.

use tantivy::DocId;
use tantivy::columnar::StrColumn;
use tantivy::fastfield::FastFieldReaders;

use crate::error::Result;

/// The values of one string column of one segment, by term ordinal.
///
/// Looking a value up by ordinal (`StrColumn::ord_to_str`) decompresses a
/// block of the dictionary each time: over half a million passages that is
/// seconds. Streaming the dictionary once costs one pass over its blocks.
pub(crate) struct StrValues {
    col: Option<StrColumn>,
    names: Vec<String>,
}

impl StrValues {
    /// The column `field` of a segment (empty when the segment has none).
    pub(crate) fn open(fast_fields: &FastFieldReaders, field: &str) -> Result<StrValues> {
        let col = fast_fields.str(field)?;
        let mut names = Vec::new();
        if let Some(c) = &col {
            let dictionary = c.dictionary();
            names.reserve(dictionary.num_terms());
            let mut terms = dictionary.stream().map_err(tantivy::TantivyError::from)?;
            while terms.advance() {
                // Ordinals are dense and streamed in order; a gap would be a
                // corrupt column, and is filled rather than misnumbered.
                let ord = usize::try_from(terms.term_ord()).unwrap_or(usize::MAX);
                while names.len() < ord {
                    names.push(String::new());
                }
                names.push(String::from_utf8_lossy(terms.key()).into_owned());
            }
        }
        Ok(StrValues { col, names })
    }

    /// Every value of `doc`, in ordinal order.
    pub(crate) fn all(&self, doc: DocId) -> impl Iterator<Item = &str> {
        self.col
            .iter()
            .flat_map(move |c| c.term_ords(doc))
            .filter_map(|o| usize::try_from(o).ok().and_then(|o| self.names.get(o)))
            .map(String::as_str)
    }

    /// The first value of `doc`, if any.
    pub(crate) fn first(&self, doc: DocId) -> Option<&str> {
        self.all(doc).next()
    }

    /// The ordinal of the first value of `doc`: equal ordinals, equal values.
    pub(crate) fn first_ord(&self, doc: DocId) -> Option<u64> {
        self.col.as_ref().and_then(|c| c.term_ords(doc).next())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{FAST, STRING, Schema};
    use tantivy::{Index, IndexWriter, TantivyDocument, doc};

    #[test]
    fn values_read_from_the_dictionary_match_the_documents() {
        let mut b = Schema::builder();
        let f = b.add_text_field("symbol", STRING | FAST);
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter<TantivyDocument> =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        // Enough distinct values to fill several dictionary blocks.
        let values: Vec<String> = (0..5000)
            .map(|i| format!("A/RES/{}/{}", i % 97, i))
            .collect();
        for v in &values {
            w.add_document(doc!(f => v.as_str())).unwrap();
        }
        w.add_document(doc!()).unwrap();
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let seg = &searcher.segment_readers()[0];
        let col = StrValues::open(seg.fast_fields(), "symbol").unwrap();
        for (doc, v) in values.iter().enumerate() {
            assert_eq!(col.first(doc as DocId), Some(v.as_str()));
        }
        assert_eq!(col.first(values.len() as DocId), None);
        let none = StrValues::open(seg.fast_fields(), "absent").unwrap();
        assert_eq!(none.first(0), None);
    }
}
