//! The words of a PDF with their places (pdftotext's `-tsv` output) laid out as the raw text the importer reads: lines rebuilt by baseline, footnote markers told by their smaller raised type and written as superscript digits, page furniture at the page edges left out, a drawn footnote rule written as text, blank lines between paragraphs, a form feed between pages.
//!
//! pdftotext's plain text glues a raised marker to the word before it
//! (`20132` is 2013 and note 2) and mixes running headers into the text;
//! its `-tsv` output gives every word's box, from which both are certain.
//! The text written here keeps the layout the importer reads already (see
//! `lines`), so that a PDF and its extracted text import alike: markers
//! become `²` (which the marker reader takes as a marker whatever stands
//! before it), and what the page edges hold is only left to the text path
//! when it cannot be told apart by its place.

use std::collections::BTreeSet;

use super::furniture::{as_symbol, is_hard_furniture};
use super::text::words;

/// One word and its box, in points from the page's top left corner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    pub text: String,
}

impl Word {
    fn right(&self) -> f64 {
        self.left + self.width
    }

    fn bottom(&self) -> f64 {
        self.top + self.height
    }
}

/// One page: its size and its words, in pdftotext's reading order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Page {
    pub width: f64,
    pub height: f64,
    pub words: Vec<Word>,
}

/// Reads pdftotext's `-tsv` output: a header line, then one row per page
/// (level 1), flow, block, line (levels 2–4) and word (level 5), each with
/// its box. Only pages and words are kept.
pub(crate) fn parse_tsv(tsv: &str) -> Result<Vec<Page>, String> {
    let mut pages: Vec<Page> = Vec::new();
    for (i, row) in tsv.lines().enumerate() {
        if i == 0 && row.starts_with("level") {
            continue;
        }
        if row.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = row.splitn(12, '\t').collect();
        let [level, _, _, _, _, _, left, top, width, height, _, text] = cols.as_slice() else {
            return Err(format!(
                "pdftotext's row {} has {} columns, not 12",
                i + 1,
                cols.len()
            ));
        };
        let number = |s: &str| {
            s.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| format!("pdftotext's row {} has `{s}` for a number", i + 1))
        };
        match level.trim() {
            "1" => pages.push(Page {
                width: number(width)?,
                height: number(height)?,
                words: Vec::new(),
            }),
            "5" => {
                let word = Word {
                    left: number(left)?,
                    top: number(top)?,
                    width: number(width)?,
                    height: number(height)?,
                    text: text.trim().to_string(),
                };
                if word.text.is_empty() {
                    continue;
                }
                match pages.last_mut() {
                    Some(page) => page.words.push(word),
                    None => {
                        return Err(format!(
                            "pdftotext's row {} is a word before any page",
                            i + 1
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(pages)
}

/// The text laid out, and where each of its lines is on the pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Laid {
    /// The text, pages separated by a form feed at the start of a page's
    /// first line.
    pub text: String,
    /// For each line of `text` (counted from 1 at index 0): its page and the
    /// row of that page it comes from (both from 1; row 0 for a page break
    /// of a page with no text left).
    pub places: Vec<(usize, usize)>,
    /// Pages (from 1) without a single word.
    pub empty_pages: Vec<usize>,
}

/// A line of words sharing a baseline, as printed.
#[derive(Debug, Clone)]
struct Row {
    words: Vec<Word>,
    /// Its 1-based place on the page, counted from the top.
    number: usize,
}

impl Row {
    /// The height of its text: its tallest word's.
    fn height(&self) -> f64 {
        self.words.iter().map(|w| w.height).fold(0.0, f64::max)
    }

    /// The bottom of its full-size words (a raised marker's is higher).
    fn bottom(&self) -> f64 {
        let h = self.height();
        self.words
            .iter()
            .filter(|w| w.height >= SMALL * h)
            .map(Word::bottom)
            .fold(f64::MIN, f64::max)
    }

    fn top(&self) -> f64 {
        self.words.iter().map(|w| w.top).fold(f64::MAX, f64::min)
    }

    fn bottom_all(&self) -> f64 {
        self.words.iter().map(Word::bottom).fold(f64::MIN, f64::max)
    }
}

/// A word this much smaller than the row's tallest is in smaller type.
const SMALL: f64 = 0.85;
/// A marker's bottom stands at least this part of the row's height above
/// the row's bottom.
const RAISED: f64 = 0.15;
/// Words further apart than this many row heights are in different
/// columns (the masthead's two sides, a number and its paragraph, a
/// table's cells), written as lines of their own.
const COLUMN_GAP: f64 = 2.0;
/// Words closer than this part of the row's height were printed with no
/// space between them (a change of type inside a word).
const GLUED: f64 = 0.12;
/// The page edges where running headers (top) and footers (bottom) stand.
const TOP_EDGE: f64 = 0.15;
const BOTTOM_EDGE: f64 = 0.12;

/// Punctuation that may follow a marker in its smaller type (`2,`).
const AFTER_MARKER: [char; 4] = [',', ';', ':', '.'];

/// A short number: what a footnote marker is.
fn is_marker_text(text: &str) -> bool {
    let digits = text.trim_end_matches(AFTER_MARKER);
    (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The page's words in rows, top to bottom, each row's words left to right;
/// a row of nothing but small raised numbers (markers a baseline apart from
/// their text) joins the row of text it stands against.
fn rows(page: &Page) -> Vec<Row> {
    let mut words = page.words.clone();
    words.sort_by(|a, b| a.bottom().total_cmp(&b.bottom()));
    let mut rows: Vec<Vec<Word>> = Vec::new();
    let mut base = f64::MIN;
    for w in words {
        match rows.last_mut() {
            Some(row) if w.bottom() - base <= 0.3 * w.height.max(row_height(row)) => row.push(w),
            _ => {
                base = w.bottom();
                rows.push(vec![w]);
            }
        }
    }
    let is_markers = |row: &[Word]| row.iter().all(|w| is_marker_text(&w.text));
    let mut merged: Vec<Vec<Word>> = Vec::new();
    let mut pending: Vec<Vec<Word>> = Vec::new();
    for row in rows {
        if is_markers(&row) {
            pending.push(row);
        } else {
            merged.push(row);
        }
    }
    for markers in pending {
        let (top, bottom) = extent(&markers);
        let height = row_height(&markers);
        let host = merged
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                let h = row_height(row);
                height <= SMALL * h && bottom < row_bottom(row) - RAISED * h
            })
            .map(|(i, row)| {
                let (t, b) = extent(row);
                (i, bottom.min(b) - top.max(t))
            })
            .filter(|(_, overlap)| *overlap > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
        match host.and_then(|i| merged.get_mut(i)) {
            Some(row) => row.extend(markers),
            None => merged.push(markers),
        }
    }
    merged.sort_by(|a, b| row_bottom(a).total_cmp(&row_bottom(b)));
    merged
        .into_iter()
        .enumerate()
        .map(|(i, mut words)| {
            words.sort_by(|a, b| a.left.total_cmp(&b.left));
            Row {
                words,
                number: i + 1,
            }
        })
        .collect()
}

fn row_height(words: &[Word]) -> f64 {
    words.iter().map(|w| w.height).fold(0.0, f64::max)
}

fn row_bottom(words: &[Word]) -> f64 {
    let h = row_height(words);
    words
        .iter()
        .filter(|w| w.height >= SMALL * h)
        .map(Word::bottom)
        .fold(f64::MIN, f64::max)
}

fn extent(words: &[Word]) -> (f64, f64) {
    let top = words.iter().map(|w| w.top).fold(f64::MAX, f64::min);
    let bottom = words.iter().map(Word::bottom).fold(f64::MIN, f64::max);
    (top, bottom)
}

/// A word of `row` that is a footnote marker: a number in smaller type,
/// raised above the row's baseline.
fn is_marker(word: &Word, row: &Row) -> bool {
    let h = row.height();
    is_marker_text(&word.text)
        && word.height <= SMALL * h
        && word.bottom() <= row.bottom() - RAISED * h
}

/// A marker's digits as superscript characters (what follows them kept).
fn superscript(marker: &str) -> String {
    const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    marker
        .chars()
        .map(|c| {
            c.to_digit(10)
                .and_then(|d| SUPERSCRIPTS.get(d as usize).copied())
                .unwrap_or(c)
        })
        .collect()
}

/// The row's text, one string per column: words joined by a space, or
/// glued where no space was printed; a marker glued to the word before it
/// (or, opening a column as in a footnote area, followed by a space).
fn columns(row: &Row) -> Vec<String> {
    let h = row.height();
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut last_right: Option<f64> = None;
    let mut after_marker = false;
    for w in &row.words {
        let gap = last_right.map(|r| w.left - r);
        if gap.is_some_and(|g| g > COLUMN_GAP * h) && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        let marker = is_marker(w, row);
        if marker {
            if current.is_empty() {
                current.push_str(&superscript(&w.text));
                after_marker = true;
            } else {
                current.push_str(&superscript(&w.text));
            }
        } else {
            let glued = gap.is_some_and(|g| g < GLUED * h) && !after_marker;
            if !current.is_empty() && !glued {
                current.push(' ');
            }
            current.push_str(&w.text);
            after_marker = false;
        }
        last_right = Some(w.right());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// True when a column is page furniture by what it says: the symbol, a job
/// number, a page marker (`2/5`), a barcode, or a bare page number.
fn is_furniture_column(text: &str, symbol: &str) -> bool {
    let t = text.trim();
    is_hard_furniture(t, symbol)
        || ((1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()))
}

/// The document's symbol: the first symbol on the first page.
fn symbol_of(pages: &[Page]) -> String {
    pages
        .first()
        .into_iter()
        .flat_map(|p| rows(p).into_iter())
        .take(20)
        .flat_map(|r| r.words.into_iter())
        .find_map(|w| as_symbol(&w.text))
        .unwrap_or_default()
}

/// How far apart, in row heights, the baselines of two lines of one
/// paragraph stand: the lower quartile of the pitches between consecutive
/// rows of like height (paragraph gaps are wider, so few enough to miss it).
fn line_pitch(pages: &[Vec<Row>]) -> f64 {
    let mut pitches: Vec<f64> = Vec::new();
    for rows in pages {
        for pair in rows.windows(2) {
            let [a, b] = pair else { continue };
            let (ha, hb) = (a.height(), b.height());
            if ha <= 0.0 || (ha - hb).abs() > 0.15 * ha {
                continue;
            }
            let pitch = (b.bottom() - a.bottom()) / ha;
            if (0.8..4.0).contains(&pitch) {
                pitches.push(pitch);
            }
        }
    }
    pitches.sort_by(f64::total_cmp);
    pitches.get(pitches.len() / 4).copied().unwrap_or(1.2)
}

/// True when a blank line stands between rows `a` and `b` (a paragraph
/// gap, or the space that sets off a header or footer).
fn gap_between(a: &Row, b: &Row, pitch: f64) -> bool {
    let h = a.height().max(b.height());
    b.bottom() - a.bottom() > 1.25 * pitch * h
}

/// The rows of the page that are page furniture.
///
/// At the top (but on the first page, where the masthead stands): the
/// rows up to the first blank gap, when they stand within the page's top
/// edge, one says it is furniture (the symbol, a job number, a page
/// marker) and the others are a running title (words all printed on the
/// first page); failing that, the rows from the top that are nothing but
/// furniture. At the bottom: the rows within the bottom edge, from the
/// last up, as long as each holds some furniture (`2/5  18-21207`).
fn furniture_rows(
    rows: &[Row],
    page: &Page,
    first: bool,
    pitch: f64,
    symbol: &str,
    title_words: &BTreeSet<String>,
) -> Vec<bool> {
    let mut out = vec![false; rows.len()];
    let only = |r: &Row| {
        let cols = columns(r);
        !cols.is_empty() && cols.iter().all(|c| is_furniture_column(c, symbol))
    };
    // A bare number says so only alone: beside text it may be a table's.
    let said = |r: &Row| only(r) || columns(r).iter().any(|c| is_hard_furniture(c, symbol));
    let titled = |r: &Row| {
        columns(r)
            .iter()
            .filter(|c| !is_furniture_column(c, symbol))
            .flat_map(|c| words(c))
            .all(|w| title_words.contains(&w))
    };
    if !first {
        let end = (1..rows.len())
            .find(|&i| {
                matches!((rows.get(i - 1), rows.get(i)), (Some(a), Some(b)) if gap_between(a, b, pitch))
            })
            .unwrap_or(rows.len());
        let group = rows.get(..end).unwrap_or_default();
        let within = group
            .last()
            .is_some_and(|r| r.bottom_all() <= TOP_EDGE * page.height);
        if end < rows.len() && within && group.iter().any(said) && group.iter().all(titled) {
            out.iter_mut().take(end).for_each(|f| *f = true);
        } else {
            for (r, f) in rows.iter().zip(out.iter_mut()) {
                if r.bottom_all() > TOP_EDGE * page.height || !only(r) {
                    break;
                }
                *f = true;
            }
        }
    }
    for (r, f) in rows.iter().zip(out.iter_mut()).rev() {
        if r.top() < (1.0 - BOTTOM_EDGE) * page.height || !said(r) {
            break;
        }
        *f = true;
    }
    out
}

/// What a footnote area's rule is written as when the PDF draws it (a line,
/// which pdftotext does not give as text): the underscores UN PDFs print.
const DRAWN_RULE: &str = "__________________";
/// Rows in type this much smaller than the body's may be footnotes.
const NOTE_TYPE: f64 = 0.9;

/// The height of the body's type: the median height of the rows kept.
fn body_height(pages: &[Vec<&Row>]) -> f64 {
    let mut heights: Vec<f64> = pages
        .iter()
        .flatten()
        .map(|r| r.height())
        .filter(|h| *h > 0.0)
        .collect();
    heights.sort_by(f64::total_cmp);
    heights.get(heights.len() / 2).copied().unwrap_or(0.0)
}

/// Where a footnote area starts on a page whose rule is drawn, not printed
/// as text (PDFs made by word processors): the rows at the foot of the
/// page, below the body's text, all in smaller type, one of them opening
/// with a note's number. `None` when the page prints its rule as text,
/// has no such rows, or is nothing but small type.
fn drawn_rule_at(rows: &[&Row], body: f64) -> Option<usize> {
    let is_rule = |r: &Row| {
        r.words
            .iter()
            .all(|w| w.text.len() >= 5 && w.text.chars().all(|c| c == '_'))
    };
    if body <= 0.0 || rows.iter().any(|r| is_rule(r)) {
        return None;
    }
    let start = rows.len()
        - rows
            .iter()
            .rev()
            .take_while(|r| r.height() <= NOTE_TYPE * body)
            .count();
    let area = rows.get(start..).unwrap_or_default();
    let opens_a_note = |r: &&Row| {
        r.words.first().is_some_and(|w| {
            is_marker_text(&w.text)
                || w.text
                    .chars()
                    .next()
                    .is_some_and(|c| super::footnotes::superscript_digit(c).is_some())
        })
    };
    (start > 0 && area.iter().any(opens_a_note)).then_some(start)
}

/// Lays the pages out as text (see the module's documentation).
pub(crate) fn lay_out(pages: &[Page]) -> Laid {
    let symbol = symbol_of(pages);
    let all_rows: Vec<Vec<Row>> = pages.iter().map(rows).collect();
    // A running title repeats the title, printed on the first page.
    let title_words: BTreeSet<String> = pages
        .first()
        .into_iter()
        .flat_map(|p| p.words.iter())
        .flat_map(|w| words(&w.text))
        .collect();
    let pitch = line_pitch(&all_rows);
    let kept: Vec<Vec<&Row>> = pages
        .iter()
        .zip(&all_rows)
        .enumerate()
        .map(|(index, (page, rows))| {
            let furniture = furniture_rows(rows, page, index == 0, pitch, &symbol, &title_words);
            rows.iter()
                .zip(furniture)
                .filter(|(_, furniture)| !furniture)
                .map(|(row, _)| row)
                .collect()
        })
        .collect();
    let body = body_height(&kept);
    let mut laid = Laid::default();
    let mut lines: Vec<String> = Vec::new();
    for (index, (page, rows)) in pages.iter().zip(&kept).enumerate() {
        let number = index + 1;
        if page.words.is_empty() {
            laid.empty_pages.push(number);
        }
        let notes_from = drawn_rule_at(rows, body);
        let mut page_lines: Vec<(String, usize)> = Vec::new();
        let mut previous: Option<&Row> = None;
        for (k, row) in rows.iter().enumerate() {
            if let Some(p) = previous
                && gap_between(p, row, pitch)
            {
                page_lines.push((String::new(), row.number));
            }
            if notes_from == Some(k) {
                page_lines.push((DRAWN_RULE.to_string(), row.number));
            }
            for column in columns(row) {
                page_lines.push((column, row.number));
            }
            previous = Some(row);
        }
        if index > 0 {
            match page_lines.first_mut() {
                Some((first, _)) => first.insert(0, '\u{c}'),
                None => page_lines.push(("\u{c}".to_string(), 0)),
            }
        }
        for (text, row) in page_lines {
            lines.push(text);
            laid.places.push((number, row));
        }
    }
    laid.text = lines.join("\n");
    if !laid.text.is_empty() {
        laid.text.push('\n');
    }
    laid
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `-tsv` row of a word.
    fn word(page: usize, left: f64, top: f64, width: f64, height: f64, text: &str) -> String {
        format!(
            "5\t{page}\t0\t0\t0\t0\t{left:.2}\t{top:.2}\t{width:.2}\t{height:.2}\t100\t{text}\n"
        )
    }

    fn page(n: usize) -> String {
        format!("1\t{n}\t0\t0\t0\t0\t0.000000\t0.000000\t595.000000\t842.000000\t-1\t###PAGE###\n")
    }

    const HEADER: &str = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    /// Words of a line of 10-point text at `top`, each 5 points a letter
    /// and a space apart.
    fn line(page: usize, left: f64, top: f64, text: &str) -> String {
        let mut out = String::new();
        let mut x = left;
        for w in text.split(' ') {
            let width = 5.0 * w.chars().count() as f64;
            out.push_str(&word(page, x, top, width, 9.25, w));
            x += width + 2.78;
        }
        out
    }

    fn laid(tsv: &str) -> Laid {
        lay_out(&parse_tsv(tsv).unwrap_or_else(|e| panic!("{e}")))
    }

    #[test]
    fn the_rows_of_a_tsv_are_read_as_pages_and_words() {
        let tsv = format!(
            "{HEADER}{}3\t1\t0\t0\t0\t0\t72.0\t39.9\t91.8\t12.9\t-1\t###FLOW###\n{}{}",
            page(1),
            word(1, 72.0, 39.95, 40.46, 12.95, "United"),
            page(2)
        );
        let pages = parse_tsv(&tsv).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].words.len(), 1);
        assert_eq!(pages[0].words[0].text, "United");
        assert_eq!((pages[1].width, pages[1].height), (595.0, 842.0));
        assert!(parse_tsv("5\t1\t0\n").is_err());
        assert!(
            parse_tsv(&word(1, 1.0, 1.0, 1.0, 1.0, "x")).is_err(),
            "a word before a page"
        );
    }

    #[test]
    fn a_small_raised_number_is_a_marker_glued_to_its_word() {
        // `2013` then a 6.5-point `2` raised, then `and the 2015,` `3` `rest`;
        // a full-size `1` and `2` are numbers.
        let mut tsv = format!("{HEADER}{}", page(1));
        tsv.push_str(&word(1, 72.0, 192.82, 22.24, 9.25, "2013"));
        tsv.push_str(&word(1, 94.24, 191.83, 3.61, 6.01, "2"));
        tsv.push_str(&word(1, 100.63, 192.82, 16.68, 9.25, "and"));
        tsv.push_str(&word(1, 120.09, 192.82, 25.02, 9.25, "2015,"));
        tsv.push_str(&word(1, 145.11, 191.83, 3.61, 6.01, "3"));
        tsv.push_str(&word(1, 151.5, 192.82, 16.67, 9.25, "rest"));
        tsv.push_str(&word(1, 170.95, 192.82, 16.67, 9.25, "here"));
        tsv.push_str(&word(1, 187.62, 191.83, 5.0, 6.01, "4,"));
        tsv.push_str(&line(1, 72.0, 206.82, "of 1 December and 2 more"));
        assert_eq!(
            laid(&tsv).text,
            "2013² and 2015,³ rest here⁴,\nof 1 December and 2 more\n"
        );
    }

    #[test]
    fn a_marker_on_a_baseline_of_its_own_joins_its_row() {
        // A footnote entry: a 6.5-point `12` raised beside 8-point text,
        // listed first and apart, as pdftotext's flows do.
        let mut tsv = format!("{HEADER}{}", page(1));
        tsv.push_str(&word(1, 72.0, 703.83, 7.23, 6.01, "12"));
        tsv.push_str(&word(1, 81.0, 706.26, 29.8, 7.4, "A/68/98."));
        tsv.push_str(&word(1, 72.0, 692.82, 100.08, 9.25, "__________________"));
        assert_eq!(laid(&tsv).text, "__________________\n¹² A/68/98.\n");
    }

    #[test]
    fn headers_and_footers_at_the_page_edges_are_left_out_but_the_masthead_stays() {
        let mut tsv = format!("{HEADER}{}", page(1));
        tsv.push_str(&word(1, 72.0, 40.0, 60.0, 12.95, "United"));
        tsv.push_str(&word(1, 450.0, 40.0, 73.0, 12.95, "A/RES/98/4"));
        tsv.push_str(&line(1, 72.0, 150.0, "98/4. Quorum matters of assemblies"));
        tsv.push_str(&line(1, 72.0, 200.0, "Recalling its resolutions,"));
        tsv.push_str(&line(1, 72.0, 224.0, "Noting the reports,"));
        tsv.push_str(&word(1, 72.0, 794.26, 33.8, 7.4, "18-22650"));
        tsv.push_str(&word(1, 108.02, 794.26, 10.66, 7.4, "(E)"));
        tsv.push_str(&word(1, 450.0, 794.26, 37.36, 7.4, "*1822650*"));
        tsv.push_str(&page(2));
        // A running header of a symbol and a title of two lines.
        tsv.push_str(&word(2, 72.0, 34.26, 41.8, 7.4, "A/RES/98/4"));
        tsv.push_str(&line(2, 300.0, 34.26, "Quorum matters"));
        tsv.push_str(&line(2, 300.0, 44.26, "of assemblies"));
        tsv.push_str(&line(2, 72.0, 90.0, "Stressing the quorum,"));
        tsv.push_str(&line(2, 72.0, 780.0, "last line of the page"));
        tsv.push_str(&word(2, 72.0, 805.0, 11.12, 7.4, "2/3"));
        tsv.push_str(&word(2, 450.0, 805.0, 33.8, 7.4, "18-22650"));
        let got = laid(&tsv);
        assert_eq!(
            got.text,
            "United\nA/RES/98/4\n\n98/4. Quorum matters of assemblies\n\nRecalling its resolutions,\n\nNoting the reports,\n\u{c}Stressing the quorum,\n\nlast line of the page\n"
        );
        assert_eq!(got.places[8], (2, 3), "page 2, row 3 (counting the header)");
        // A row at the top that is not the title is not a header.
        let other: String = tsv
            .lines()
            .map(|l| match l.strip_suffix("\tof") {
                Some(head) if l.starts_with("5\t2\t") => format!("{head}\ton\n"),
                _ => format!("{l}\n"),
            })
            .collect();
        assert!(
            laid(&other)
                .text
                .contains("\u{c}A/RES/98/4\nQuorum matters\non assemblies\n"),
            "{}",
            laid(&other).text
        );
    }

    #[test]
    fn a_page_without_a_header_keeps_its_first_rows() {
        let mut tsv = format!("{HEADER}{}", page(1));
        tsv.push_str(&word(1, 72.0, 40.0, 73.0, 12.95, "A/RES/98/4"));
        tsv.push_str(&line(1, 72.0, 200.0, "Recalling 12 resolutions,"));
        tsv.push_str(&page(2));
        tsv.push_str(&line(2, 72.0, 40.0, "2. Decides to meet;"));
        tsv.push_str(&line(2, 72.0, 90.0, "3. Decides to stay."));
        tsv.push_str(&page(3));
        let got = laid(&tsv);
        assert_eq!(
            got.text,
            "A/RES/98/4\n\nRecalling 12 resolutions,\n\u{c}2. Decides to meet;\n\n3. Decides to stay.\n\u{c}\n"
        );
        assert_eq!(got.empty_pages, [3]);
    }

    #[test]
    fn furniture_set_close_to_the_text_goes_alone() {
        // No gap sets the header or the footer off: only rows that are
        // nothing but furniture go, and text at the edge stays.
        let mut tsv = format!("{HEADER}{}", page(1));
        tsv.push_str(&word(1, 72.0, 40.0, 73.0, 12.95, "A/RES/98/4"));
        tsv.push_str(&page(2));
        tsv.push_str(&word(2, 72.0, 40.0, 41.8, 9.25, "A/RES/98/4"));
        tsv.push_str(&line(2, 300.0, 40.0, "Quorum matters"));
        tsv.push_str(&word(2, 72.0, 52.0, 41.8, 9.25, "A/RES/98/4"));
        tsv.push_str(&line(2, 72.0, 64.0, "Stressing the quorum,"));
        tsv.push_str(&line(2, 72.0, 776.0, "noting the 2 quorums"));
        tsv.push_str(&line(2, 72.0, 788.0, "of 12"));
        tsv.push_str(&word(2, 72.0, 800.0, 11.12, 9.25, "2/3"));
        tsv.push_str(&word(2, 450.0, 800.0, 33.8, 9.25, "19-01234"));
        let got = laid(&tsv);
        assert_eq!(
            got.text,
            "A/RES/98/4\n\u{c}A/RES/98/4\nQuorum matters\nA/RES/98/4\nStressing the quorum,\n\nnoting the 2 quorums\nof 12\n",
            "the first row is not furniture alone: nothing at the top goes"
        );
        let tsv = tsv.replace("Quorum", "").replace("matters", "");
        assert!(
            laid(&tsv).text.contains("\u{c}Stressing the quorum,\n"),
            "{}",
            laid(&tsv).text
        );
    }

    #[test]
    fn a_bare_number_beside_text_at_the_foot_is_no_page_number() {
        let mut tsv = format!("{HEADER}{}", page(1));
        tsv.push_str(&word(1, 72.0, 40.0, 73.0, 12.95, "A/RES/98/4"));
        tsv.push_str(&line(1, 72.0, 200.0, "Members present:"));
        tsv.push_str(&line(1, 72.0, 776.0, "Total"));
        tsv.push_str(&line(1, 300.0, 776.0, "193"));
        tsv.push_str(&word(1, 72.0, 790.0, 5.0, 9.25, "1"));
        let got = laid(&tsv);
        assert_eq!(got.text, "A/RES/98/4\n\nMembers present:\n\nTotal\n193\n");
    }

    #[test]
    fn columns_far_apart_are_lines_of_their_own() {
        let mut tsv = format!("{HEADER}{}", page(1));
        tsv.push_str(&line(1, 72.0, 200.0, "1."));
        tsv.push_str(&line(1, 110.0, 200.0, "Decides to meet;"));
        tsv.push_str(&line(1, 72.0, 212.0, "Andorra"));
        tsv.push_str(&line(1, 300.0, 212.0, "0.005"));
        assert_eq!(laid(&tsv).text, "1.\nDecides to meet;\nAndorra\n0.005\n");
    }

    /// Words of a line of 8-point text (a footnote's) at `top`.
    fn small_line(page: usize, left: f64, top: f64, text: &str) -> String {
        let mut out = String::new();
        let mut x = left;
        for w in text.split(' ') {
            let width = 4.0 * w.chars().count() as f64;
            out.push_str(&word(page, x, top, width, 7.4, w));
            x += width + 2.2;
        }
        out
    }

    #[test]
    fn a_footnote_area_under_a_drawn_rule_gets_the_rule_as_text() {
        let body = format!(
            "{}{}{}",
            line(1, 72.0, 100.0, "The General Assembly,"),
            line(1, 72.0, 114.0, "1. Welcomes the report of the Group;"),
            line(1, 72.0, 128.0, "2. Decides to remain seized of the matter."),
        );
        let notes = format!(
            "{}{}",
            small_line(1, 72.0, 700.0, "1 A/76/135."),
            small_line(1, 72.0, 710.0, "2 A/76/135, para. 71."),
        );
        let text = laid(&format!("{HEADER}{}{body}{notes}", page(1))).text;
        assert!(
            text.contains("matter.\n\n__________________\n1 A/76/135.\n2 A/76/135, para. 71.\n"),
            "{text}"
        );
        // Printed as text already: no second rule.
        let printed = format!(
            "{HEADER}{}{body}{}{notes}",
            page(1),
            small_line(1, 72.0, 690.0, "__________________")
        );
        let text = laid(&printed).text;
        let rules = text.lines().filter(|l| l.starts_with("_____")).count();
        assert_eq!(rules, 1, "{text}");
        // Small type at the foot that opens no note is text.
        let plain = format!(
            "{HEADER}{}{body}{}",
            page(1),
            small_line(1, 72.0, 700.0, "Please recycle this paper")
        );
        assert!(!laid(&plain).text.contains("_____"));
    }

    #[test]
    fn no_words_no_text() {
        let got = laid(&format!("{HEADER}{}", page(1)));
        assert_eq!(got.text, "");
        assert_eq!(got.empty_pages, [1]);
    }
}
