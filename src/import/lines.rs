//! The input split into numbered lines, each knowing whether it is text, a blank line or a page break, and what the importer made of it.

/// What a line is, before anything is understood about its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A line with text (trimmed).
    Text,
    /// A blank line inside a page.
    Blank,
    /// The boundary between two pages.
    PageBreak,
}

/// What the importer decided a text line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Not yet claimed: the masthead or the body.
    Body,
    /// Page furniture: running header, job number, barcode, page marker.
    Furniture,
    /// Part of a footnote area (its rule or its entries).
    Footnote,
    /// A table of contents line of a report.
    Contents,
}

/// One line of the input.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// 1-based line number in the input.
    pub no: usize,
    /// The text, trimmed, with Unicode spaces as plain spaces (interior runs
    /// kept) and non-breaking hyphens as hyphens.
    pub text: String,
    pub shape: Shape,
    pub role: Role,
    /// How many footnote areas start before this line: text in segment `k`
    /// is on the page whose footnotes are area `k`.
    pub segment: usize,
}

impl Line {
    /// True for a text line nobody has claimed yet.
    pub fn is_body_text(&self) -> bool {
        self.shape == Shape::Text && self.role == Role::Body
    }
}

/// Splits the input into lines.
///
/// PyMuPDF writes a blank line inside a page as a single space and a page
/// break as an empty line; pdftotext writes a form feed. When most blank
/// lines are spaces, the empty ones are therefore page breaks; otherwise
/// (clean text, copy and paste) every empty line is just blank.
pub(crate) fn split_lines(raw: &str) -> Vec<Line> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut pieces: Vec<(usize, &str, bool)> = Vec::new();
    let mut numbered: Vec<&str> = raw.split('\n').collect();
    if numbered.last().is_some_and(|l| l.is_empty()) {
        numbered.pop();
    }
    for (i, line) in numbered.iter().enumerate() {
        let no = i + 1;
        let mut parts = line.split('\u{c}');
        if let Some(first) = parts.next()
            && !(line.contains('\u{c}') && first.trim().is_empty())
        {
            pieces.push((no, first, false));
        }
        for part in parts {
            pieces.push((no, part, true));
        }
    }
    let spaced = pieces
        .iter()
        .filter(|(_, l, _)| !l.is_empty() && l.trim().is_empty())
        .count();
    let empty = pieces.iter().filter(|(_, l, _)| l.is_empty()).count();
    let empty_is_break = spaced > empty;

    let mut out = Vec::with_capacity(pieces.len());
    for (no, line, after_form_feed) in pieces {
        if after_form_feed {
            out.push(Line {
                no,
                text: String::new(),
                shape: Shape::PageBreak,
                role: Role::Body,
                segment: 0,
            });
            if line.trim().is_empty() {
                continue;
            }
        }
        // A non-breaking hyphen (U+2011) is a hyphen the PDF kept on its line.
        let text: String = line
            .chars()
            .map(|c| match c {
                c if c.is_whitespace() => ' ',
                '\u{2011}' => '-',
                c => c,
            })
            .collect::<String>()
            .trim()
            .to_string();
        let shape = if !text.is_empty() {
            Shape::Text
        } else if line.is_empty() && empty_is_break {
            Shape::PageBreak
        } else {
            Shape::Blank
        };
        out.push(Line {
            no,
            text,
            shape,
            role: Role::Body,
            segment: 0,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_lines_are_page_breaks_only_when_blanks_are_spaces() {
        let pdf = split_lines("a \n \nb\n\nc\n \n");
        let shapes: Vec<Shape> = pdf.iter().map(|l| l.shape).collect();
        assert_eq!(
            shapes,
            [
                Shape::Text,
                Shape::Blank,
                Shape::Text,
                Shape::PageBreak,
                Shape::Text,
                Shape::Blank
            ]
        );
        let clean = split_lines("a\n\nb\n\nc\n");
        assert!(clean.iter().all(|l| l.shape != Shape::PageBreak));
    }

    #[test]
    fn non_breaking_hyphens_are_hyphens() {
        let lines = split_lines("non\u{2011}State actors\u{a0}and pre\u{2011}\n");
        assert_eq!(lines[0].text, "non-State actors and pre-");
    }

    #[test]
    fn form_feed_crlf_and_bom() {
        let lines = split_lines("\u{feff}a\r\n\u{c}b\rc");
        let got: Vec<(usize, &str, Shape)> = lines
            .iter()
            .map(|l| (l.no, l.text.as_str(), l.shape))
            .collect();
        assert_eq!(
            got,
            [
                (1, "a", Shape::Text),
                (2, "", Shape::PageBreak),
                (2, "b", Shape::Text),
                (3, "c", Shape::Text)
            ]
        );
    }
}
