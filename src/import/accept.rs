//! What import writes, index accepts: a note whose marker was not found goes with the passage it most likely belongs to, and the file is read back with the corpus parser before it is returned — a paragraph whose number the parser would refuse is kept as text of the one before, and what cannot be mended refuses the import, naming the input line.

use std::path::Path;

use super::body::Element;
use super::render::{self, FrontMatter};
use crate::corpus::anchor::Anchor;
use crate::{Diagnostic, Error, Result};

/// A footnote definition as the importer keeps it.
#[derive(Debug, Clone)]
pub(crate) struct Definition {
    pub number: u32,
    pub text: String,
    /// Input line of the note.
    pub line: usize,
}

/// A note printed at the foot of a page but cited nowhere the importer found.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Uncited {
    pub number: u32,
    /// Input line of the note.
    pub line: usize,
    /// Input line of the rule of the footnote area it is printed in.
    pub rule: usize,
}

/// Gives each uncited note to the last paragraph that starts before its
/// footnote area: the one being read on that page when the area was
/// printed. Returns the notes no paragraph comes before (cited in the
/// masthead), for the caller to keep as comments; warns for every note.
pub(crate) fn place_uncited(
    elements: &mut [Element],
    uncited: &[Uncited],
    warnings: &mut Vec<(usize, String)>,
) -> Vec<u32> {
    let mut unplaced = Vec::new();
    for note in uncited {
        let n = note.number;
        let target = elements.iter_mut().rev().find_map(|e| match e {
            Element::Para { text, line, .. } if *line < note.rule => Some((text, *line)),
            _ => None,
        });
        match target {
            Some((text, line)) => {
                text.push_str(&format!("[^{n}]"));
                warnings.push((
                    note.line,
                    format!(
                        "no marker found for footnote {n}; kept with the paragraph of line {line}, the last before its footnote area: move [^{n}] to where it is cited"
                    ),
                ));
            }
            None => {
                unplaced.push(n);
                warnings.push((
                    note.line,
                    format!(
                        "no marker found for footnote {n} and no paragraph comes before it; kept as a comment in the front matter"
                    ),
                ));
            }
        }
    }
    unplaced
}

/// The corpus file, read back as `undex index` will read it.
#[derive(Debug)]
pub(crate) struct Settled {
    pub text: String,
    /// The passages' anchors, as the corpus parser gives them.
    pub anchors: Vec<Anchor>,
}

/// Mending a file the parser refuses is one join per problem; a file that
/// needs more rounds than this is not the document the importer thinks.
const MAX_ROUNDS: usize = 64;

/// Renders the corpus file and reads it back with the corpus parser. A
/// paragraph the parser refuses for its number (one that repeats or goes
/// backwards, a label with no text, a fourth level) is kept as text of the
/// paragraph printed before it, with a warning; a note no passage cites
/// becomes a comment. What is left refuses the import: an
/// [`Error::Input`] naming the input line and the parser's problem.
pub(crate) fn settle(
    input: &Path,
    file_name: &str,
    front: &mut FrontMatter,
    elements: &mut Vec<Element>,
    notes: &mut Vec<Definition>,
    warnings: &mut Vec<(usize, String)>,
) -> Result<Settled> {
    let out_name = Path::new(file_name);
    join_label_like_continuations(elements);
    for _ in 0..MAX_ROUNDS {
        let pairs: Vec<(u32, String)> = notes.iter().map(|d| (d.number, d.text.clone())).collect();
        let rendered = render::render(front, elements, &pairs);
        let problems = match read_back(out_name, &rendered.text) {
            Ok(anchors) => {
                return Ok(Settled {
                    text: rendered.text,
                    anchors,
                });
            }
            Err(problems) => problems,
        };
        let place = |line: usize| Place::of(line, &rendered.element_lines, &rendered.note_lines);
        let mut joins: Vec<(usize, String)> = Vec::new();
        let mut uncited: Vec<usize> = Vec::new();
        for d in &problems {
            match place(d.line) {
                Place::Element(k) if is_numbering(&d.message) && joinable(elements, k) => {
                    joins.push((k, d.message.clone()));
                }
                Place::Note(j) if d.message.contains("no paragraph cites it") => uncited.push(j),
                _ => {}
            }
        }
        if joins.is_empty() && uncited.is_empty() {
            return Err(refusal(input, &problems, &rendered, elements, notes));
        }
        // In order, each index moved back by the paragraphs joined before it.
        joins.sort_by_key(|(k, _)| *k);
        joins.dedup_by_key(|(k, _)| *k);
        let mut removed = 0;
        for (k, message) in joins {
            if join_to_previous(elements, k - removed, &message, warnings) {
                removed += 1;
            }
        }
        uncited.sort_unstable();
        for j in uncited.into_iter().rev() {
            if j < notes.len() {
                let d = notes.remove(j);
                warnings.push((
                    d.line,
                    format!(
                        "footnote {} is cited by no paragraph; kept as a comment in the front matter",
                        d.number
                    ),
                ));
                front
                    .comments
                    .push(format!("note {}: {}", d.number, d.text));
            }
        }
    }
    Err(Error::input(
        input,
        0,
        "the paragraphs' numbering could not be made one that `undex index` accepts; check the numbers of the paragraphs",
    ))
}

/// Joins to the paragraph before it a block the importer read as the rest
/// of a numbered paragraph but whose start the parser would read as a label
/// (`0.005` in a table printed a cell a line, `(see …)`), so that the
/// parser reads it as the importer did.
fn join_label_like_continuations(elements: &mut Vec<Element>) {
    let mut numbered = false;
    let mut k = 0;
    while k < elements.len() {
        let continues = match elements.get(k) {
            Some(Element::Annex { .. }) => {
                numbered = false;
                false
            }
            Some(Element::Para { label: Some(_), .. }) => {
                numbered = true;
                false
            }
            Some(Element::Para {
                label: None, text, ..
            }) => numbered && looks_like_a_label(text) && joinable(elements, k),
            _ => false,
        };
        if continues
            && let Element::Para { text, .. } = elements.remove(k)
            && let Some(Element::Para { text: before, .. }) = elements.get_mut(k - 1)
        {
            before.push(' ');
            before.push_str(&text);
            continue;
        }
        k += 1;
    }
}

/// What the corpus parser reads as a label or a heading at a block's start:
/// `12.`, `1.5`, `(ab)`, `# `.
fn looks_like_a_label(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        return text.get(digits..).is_some_and(|rest| rest.starts_with('.'));
    }
    if let Some(inner) = text.strip_prefix('(')
        && let Some((label, rest)) = inner.split_once(')')
    {
        return (1..=5).contains(&label.len())
            && label.bytes().all(|b| b.is_ascii_lowercase())
            && (rest.is_empty() || rest.starts_with(char::is_whitespace));
    }
    text.starts_with('#')
}

/// The file's anchors as the corpus parser reads it, or its problems.
fn read_back(name: &Path, text: &str) -> std::result::Result<Vec<Anchor>, Vec<Diagnostic>> {
    crate::corpus::parse_bytes(name, text.as_bytes())?;
    let split = crate::corpus::frontmatter::split(name, text)?;
    let parsed = crate::corpus::numbered::parse(
        split.body,
        split.body_line,
        split.meta.layout,
        split.meta.excerpt,
    );
    Ok(parsed.passages.into_iter().map(|p| p.anchor).collect())
}

/// Where a line of the rendered file is.
enum Place {
    Element(usize),
    Note(usize),
    Elsewhere,
}

impl Place {
    fn of(line: usize, elements: &[usize], notes: &[usize]) -> Place {
        if let Some(j) = notes.iter().position(|&l| l == line) {
            return Place::Note(j);
        }
        match elements.partition_point(|&l| l <= line).checked_sub(1) {
            Some(k) if notes.first().is_none_or(|&n| line < n) => Place::Element(k),
            _ => Place::Elsewhere,
        }
    }
}

/// The parser's refusals of a paragraph's number or label, which keeping
/// the paragraph as text of the one before mends.
fn is_numbering(message: &str) -> bool {
    message.contains("paragraph")
        && [
            "never",
            "repeats",
            "no text after",
            "too large",
            "nested deeper",
        ]
        .iter()
        .any(|m| message.contains(m))
}

fn joinable(elements: &[Element], k: usize) -> bool {
    let para = |i: usize| matches!(elements.get(i), Some(Element::Para { .. }));
    k > 0 && para(k) && para(k - 1)
}

/// Appends paragraph `k`, its label as printed, to the paragraph before
/// it; false when they are not two paragraphs.
fn join_to_previous(
    elements: &mut Vec<Element>,
    k: usize,
    message: &str,
    warnings: &mut Vec<(usize, String)>,
) -> bool {
    if !joinable(elements, k) {
        return false;
    }
    let Element::Para { label, text, line } = elements.remove(k) else {
        return false;
    };
    let Some(Element::Para {
        text: before,
        line: before_line,
        ..
    }) = elements.get_mut(k - 1)
    else {
        return false;
    };
    let moved = [label.as_deref().unwrap_or_default(), text.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if !before.is_empty() && !moved.is_empty() {
        before.push(' ');
    }
    before.push_str(&moved);
    warnings.push((
        line,
        format!(
            "{message}: kept as text of the paragraph of line {before_line}, as `undex index` would refuse it; fix the numbering if it is wrong"
        ),
    ));
    true
}

/// The import refused: the parser's problems, each at the input line of
/// what it is about.
fn refusal(
    input: &Path,
    problems: &[Diagnostic],
    rendered: &render::Rendered,
    elements: &[Element],
    notes: &[Definition],
) -> Error {
    let input_line =
        |line: usize| match Place::of(line, &rendered.element_lines, &rendered.note_lines) {
            Place::Note(j) => notes.get(j).map_or(0, |d| d.line),
            Place::Element(k) => elements
                .get(..=k)
                .unwrap_or_default()
                .iter()
                .rev()
                .find_map(|e| match e {
                    Element::Para { line, .. } => Some(*line),
                    _ => None,
                })
                .unwrap_or(0),
            Place::Elsewhere => 0,
        };
    Error::Input(
        problems
            .iter()
            .map(|d| {
                Diagnostic::new(
                    input,
                    input_line(d.line),
                    format!(
                        "{} (line {} of the file import would write: `undex index` would refuse it, so nothing is written)",
                        d.message, d.line
                    ),
                )
            })
            .collect(),
    )
}
