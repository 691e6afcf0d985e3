//! Cutting a body into blocks (paragraphs separated by blank lines), headings and footnote definitions.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::static_regex::static_regex;

use super::model::Note;

/// A paragraph longer than this is surely a broken extraction.
pub const MAX_PARAGRAPH: usize = 1024 * 1024;

/// A run of non-blank lines, or a heading line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Lines joined with single spaces, and the line the block starts on.
    Text(String, usize),
    /// A `#` heading: its level, its text and its line.
    Heading(usize, String, usize),
    /// Footnote definitions `[^m]: text`, in order, and the line of the first.
    Notes(Vec<(String, String, usize)>),
}

/// A Markdown-style heading line: its `#`s and its text.
pub(crate) static HEADING: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^(#{1,6})\s+(.+?)\s*#*\s*$"));
static NOTE_DEF: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^\[\^([^\]\s]{1,20})\]:\s*(.*)$"));
static NOTE_REF: LazyLock<Regex> = LazyLock::new(|| static_regex(r"\[\^([^\]\s]{1,20})\]"));

/// Splits `body` (whose first line is `first_line`) into blocks. A block
/// over [`MAX_PARAGRAPH`] bytes is returned as an error with its line.
pub fn split(body: &str, first_line: usize) -> Result<Vec<Block>, (usize, usize)> {
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut start = first_line;
    let mut bytes = 0usize;
    let flush = |current: &mut Vec<&str>, start: usize, blocks: &mut Vec<Block>| {
        if current.is_empty() {
            return;
        }
        if current
            .first()
            .map(|l| l.trim_start())
            .is_some_and(|l| l.starts_with("[^") && NOTE_DEF.is_match(l))
        {
            let mut notes: Vec<(String, String, usize)> = Vec::new();
            for (i, line) in current.iter().enumerate() {
                let l = line.trim();
                if let Some(c) = NOTE_DEF.captures(l) {
                    notes.push((c[1].to_owned(), c[2].trim().to_owned(), start + i));
                } else if let Some(last) = notes.last_mut() {
                    last.1 = join_words(&[&last.1, l]);
                }
            }
            blocks.push(Block::Notes(notes));
        } else {
            blocks.push(Block::Text(join_words(current), start));
        }
        current.clear();
    };
    for (i, line) in body.split('\n').enumerate() {
        let line_no = first_line + i;
        if line.trim().is_empty() {
            flush(&mut current, start, &mut blocks);
            bytes = 0;
            continue;
        }
        // Most lines are text: a look at the first character spares them the regex.
        let trimmed = line.trim();
        if let Some(c) = trimmed
            .starts_with('#')
            .then(|| HEADING.captures(trimmed))
            .flatten()
        {
            flush(&mut current, start, &mut blocks);
            bytes = 0;
            blocks.push(Block::Heading(c[1].len(), c[2].to_owned(), line_no));
            continue;
        }
        if current.is_empty() {
            start = line_no;
        }
        bytes += line.len();
        if bytes > MAX_PARAGRAPH {
            return Err((start, bytes));
        }
        current.push(line);
    }
    flush(&mut current, start, &mut blocks);
    Ok(blocks)
}

/// Joins wrapped lines with single spaces and folds runs of white space.
pub fn join_words<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.as_ref().len() + 1).sum());
    let mut push = |word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    };
    for line in lines.iter().map(AsRef::as_ref) {
        // In ASCII, Unicode's white space is the ASCII one plus the vertical
        // tab: without it, splitting on bytes is the same cut, without
        // decoding characters.
        if line.bytes().all(|b| b.is_ascii() && b != 0x0B) {
            line.split_ascii_whitespace().for_each(&mut push);
        } else {
            line.split_whitespace().for_each(&mut push);
        }
    }
    out
}

/// Removes footnote markers `[^m]` from `text`, returning the clean text and
/// the markers in order of appearance (each once).
pub fn take_note_markers(text: &str) -> (String, Vec<String>) {
    if !text.contains("[^") {
        return (text.to_owned(), Vec::new());
    }
    let mut markers: Vec<String> = Vec::new();
    for c in NOTE_REF.captures_iter(text) {
        if !markers.iter().any(|m| m == &c[1]) {
            markers.push(c[1].to_owned());
        }
    }
    let clean = NOTE_REF.replace_all(text, "");
    (join_words(&[clean.as_ref()]), markers)
}

/// Footnote definitions of a document, by marker, with the line they are on.
#[derive(Debug, Default)]
pub struct NoteTable {
    defs: BTreeMap<String, (String, usize)>,
    used: std::collections::BTreeSet<String>,
}

impl NoteTable {
    /// Gathers the definitions from every `Notes` block; a marker defined
    /// twice is returned as `(marker, line)`.
    pub fn from_blocks(blocks: &[Block]) -> (NoteTable, Vec<(String, usize)>) {
        let mut table = NoteTable::default();
        let mut dups = Vec::new();
        for b in blocks {
            if let Block::Notes(notes) = b {
                for (m, t, line) in notes {
                    if table.defs.contains_key(m) {
                        dups.push((m.clone(), *line));
                    } else {
                        table.defs.insert(m.clone(), (t.clone(), *line));
                    }
                }
            }
        }
        (table, dups)
    }

    /// The notes for `markers`; a marker with no definition is returned in the error list.
    pub fn resolve(&mut self, markers: &[String]) -> (Vec<Note>, Vec<String>) {
        let mut notes = Vec::new();
        let mut missing = Vec::new();
        for m in markers {
            match self.defs.get(m) {
                Some((text, _)) => {
                    self.used.insert(m.clone());
                    notes.push(Note {
                        marker: m.clone(),
                        text: text.clone(),
                    });
                }
                None => missing.push(m.clone()),
            }
        }
        (notes, missing)
    }

    /// Definitions that no passage cited, with their lines.
    pub fn unused(&self) -> Vec<(String, usize)> {
        self.defs
            .iter()
            .filter(|(m, _)| !self.used.contains(*m))
            .map(|(m, (_, line))| (m.clone(), *line))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_headings_and_notes() {
        let body = "\nThe General Assembly,\n\nRecalling  its\n  work,\n## Annex\n1. Text[^1] here;\n\n[^1]: A/68/98.\n[^2]: Second\n  note.\n";
        let blocks = split(body, 10).unwrap();
        assert_eq!(
            blocks,
            vec![
                Block::Text("The General Assembly,".into(), 11),
                Block::Text("Recalling its work,".into(), 13),
                Block::Heading(2, "Annex".into(), 15),
                Block::Text("1. Text[^1] here;".into(), 16),
                Block::Notes(vec![
                    ("1".into(), "A/68/98.".into(), 18),
                    ("2".into(), "Second note.".into(), 19)
                ]),
            ]
        );
        let (text, markers) = take_note_markers("by the 2010,[^1] 2013[^2] and 2015[^1] reports");
        assert_eq!(text, "by the 2010, 2013 and 2015 reports");
        assert_eq!(markers, vec!["1", "2"]);
    }

    #[test]
    fn joining_cuts_at_the_same_white_space_in_ascii_and_beyond() {
        // The ASCII fast path must agree with Unicode white space, the
        // vertical tab included; a no-break space is white space too.
        for lines in [
            vec!["a\tb\x0bc\x0cd\re  f"],
            vec!["a\u{a0}b\u{2003}c", " d\x0be "],
            vec!["", "  ", "x"],
        ] {
            let by_chars: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
            assert_eq!(join_words(&lines), by_chars.join(" "), "{lines:?}");
        }
        assert_eq!(join_words(&["a\x0bb"]), "a b");
    }

    #[test]
    fn an_oversized_paragraph_is_refused_with_its_line() {
        let body = format!("\n1. {}\n", "quorum ".repeat(200_000));
        assert_eq!(split(&body, 7).unwrap_err().0, 8);
    }
}
