//! `undex import`: turns the text of a UN document as extracted from its PDF (or already clean) into a corpus file.
//!
//! The steps, each in its own file: extract a PDF's text (`pdf`,
//! `pdf_layout`), split the input into lines
//! (`lines`), take away page furniture (`furniture`) and footnote areas
//! (`footnotes`), read the masthead (`masthead`, or `draft` for a draft and
//! its sponsors, `sponsors`), regroup the body into
//! paragraphs and read their labels (`body`, `labels`), put the
//! footnote markers back as `[^n]` (`markers`), and write the corpus file
//! (`render`, `write`); `run` is one import of many inputs into a folder.
//! The corpus format is docs/corpus-format.md.

mod accept;
mod adopted;
mod body;
mod draft;
mod footnotes;
mod furniture;
mod labels;
mod lines;
mod markers;
mod masthead;
mod pdf;
mod pdf_layout;
mod processes;
mod render;
mod report;
mod run;
mod sponsors;
mod text;
mod treaty;
mod write;

use std::collections::BTreeMap;
use std::path::Path;

use crate::corpus::Layout;
use crate::corpus::anchor::Anchor;
use crate::{Diagnostic, Error, Result};

pub use processes::{
    builtin_processes_table, layered_processes_table, load_processes_table, parse_processes_table,
};
pub use run::{Checked, Import, Target, Written, find_processes_table};
pub use write::{Batch, write_imported};

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The process(es) the document belongs to (`--process`); when empty,
    /// `processes_table` is asked.
    pub process: Vec<String>,
    /// Symbol → process(es), as read by [`load_processes_table`].
    pub processes_table: Option<BTreeMap<String, Vec<String>>>,
    /// The front matter's `source`; when `None`, the input's file name.
    pub source: Option<String>,
}

/// One imported document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The input it was imported from, as named to the import (`raw/a.txt`,
    /// `<stdin>`): what a message about it names.
    pub input: std::path::PathBuf,
    /// The symbol read from the masthead (`A/RES/73/27`).
    pub symbol: String,
    /// The corpus file's name (`A-RES-73-27.txt`).
    pub file_name: String,
    /// The whole corpus file.
    pub text: String,
    /// What the user should look at: lines that could not be placed (kept in
    /// the file), notes no marker was found for, numbering that skips.
    pub warnings: Vec<Diagnostic>,
    /// How many passages (paragraphs and sub-paragraphs) the file has.
    pub passages: usize,
    /// The passages' anchors in order (`PP1`, `OP4(a)`, `ANNEX.OP2`, `P13`),
    /// as the corpus parser reads them in [`Imported::text`].
    pub anchors: Vec<Anchor>,
    /// How the document numbers its paragraphs (from its kind and symbol).
    pub layout: Layout,
    /// The processes written into the front matter (empty when none is known).
    pub process: Vec<String>,
}

/// The corpus file name for a symbol: `A/RES/73/27` → `A-RES-73-27.txt`.
pub fn file_name_for(symbol: &str) -> String {
    let stem: String = symbol
        .chars()
        .map(|c| match c {
            '/' | ' ' => '-',
            c if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '(' | ')') => c,
            _ => '_',
        })
        .collect();
    format!("{}.txt", stem.trim_start_matches('.'))
}

/// Whether `bytes` are a PDF file: its `%PDF-` header opens the file, or a
/// line within its first 1,024 bytes (where PDF readers look for it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = bytes.get(..1024).unwrap_or(bytes);
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    head.starts_with(b"%PDF-")
        || head
            .windows(6)
            .any(|w| matches!(w[0], b'\n' | b'\r') && &w[1..] == b"%PDF-")
}

/// The refusal of a PDF given as text (its text is extracted from the
/// file's bytes, by [`import_bytes`]).
fn pdf_refused(input_name: &Path) -> Error {
    Error::input(
        input_name,
        0,
        "this is a PDF read as text: import the PDF file itself, whose text is extracted by pdftotext",
    )
}

/// Imports one document from the bytes of its file: a PDF's text is
/// extracted by poppler's `pdftotext` (its warnings and problems then name
/// pages of the PDF), anything else is decoded as text (UTF-8 checked,
/// binary refused, line endings made LF); either is imported by
/// [`import_text`].
pub fn import_bytes(bytes: &[u8], input_name: &Path, options: &ImportOptions) -> Result<Imported> {
    if is_pdf(bytes) {
        return pdf::import(bytes, input_name, options);
    }
    let text = crate::corpus::text::decode(input_name, bytes).map_err(|d| Error::Input(vec![d]))?;
    import_text(&text, input_name, options)
}

/// The files `undex import` reads for one argument: the argument itself when
/// it is a file; for a folder, its `.txt` and `.pdf` files (not those of its
/// subfolders), by name, but hidden files and a PDF whose text is beside it
/// (`X.pdf` and `X.txt`: the `.txt` is imported).
pub fn input_files(path: &Path) -> Result<Vec<std::path::PathBuf>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let extension = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| Error::io(path, e))? {
        let entry = entry.map_err(|e| Error::io(path, e))?;
        let p = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let wanted = matches!(extension(&p).as_deref(), Some("txt" | "pdf"));
        // Followed, as the user named the folder: a link to a file is a file.
        if !hidden && wanted && std::fs::metadata(&p).is_ok_and(|m| m.is_file()) {
            files.push(p);
        }
    }
    let texts: std::collections::HashSet<std::path::PathBuf> = files
        .iter()
        .filter(|p| extension(p).as_deref() == Some("txt"))
        .map(|p| p.with_extension(""))
        .collect();
    files.retain(|p| {
        extension(p).as_deref() != Some("pdf") || !texts.contains(&p.with_extension(""))
    });
    files.sort();
    if files.is_empty() {
        return Err(Error::input(
            path,
            0,
            "no .txt (or .pdf) file in this folder to import",
        ));
    }
    Ok(files)
}

/// Imports the raw text of one document. `input_name` names the input in
/// diagnostics (and is the default `source`); the symbol always comes from
/// the text.
///
/// Fails when the input is a PDF, empty or binary, or has no document symbol in its
/// masthead, and when `undex index` would refuse the file and import cannot
/// mend it (naming the input line and the problem). Everything else that
/// looks wrong is kept in the output and reported in [`Imported::warnings`]
/// with its input line; the file returned is one `index` accepts, and
/// [`Imported::anchors`] are its passages' anchors as `index` reads them.
pub fn import_text(raw: &str, input_name: &Path, options: &ImportOptions) -> Result<Imported> {
    if is_pdf(raw.as_bytes()) {
        return Err(pdf_refused(input_name));
    }
    if raw.contains('\0') {
        return Err(Error::input(
            input_name,
            0,
            "binary input (NUL bytes): expected text",
        ));
    }
    let mut lines = lines::split_lines(raw);
    if lines.iter().all(|l| l.shape != lines::Shape::Text) {
        return Err(Error::input(input_name, 0, "the input is empty"));
    }
    let Some((_, symbol)) = furniture::find_symbol(&lines) else {
        return Err(Error::input(
            input_name,
            0,
            "no document symbol (such as A/RES/73/27) at the top of the text; import reads it from the masthead",
        ));
    };
    furniture::mark_hard(&mut lines, &symbol);
    let guessed_title = masthead::prescan_title(&lines).unwrap_or_default();
    furniture::mark_running_titles(&mut lines, &guessed_title, &symbol);
    furniture::mark_contents(&mut lines);
    report::mark_contents(&mut lines);
    let found = footnotes::extract(&mut lines);
    let (mut head, draft) = match draft::read(&lines, &symbol) {
        Some((head, draft)) => (head, Some(draft)),
        None => (masthead::parse(&lines, &symbol), None),
    };
    let draft = draft.unwrap_or_default();
    let mut kind_line = None;
    if head.kind == crate::corpus::Kind::Report {
        head.title = head.title.as_deref().map(report::clean_title);
        if let Some(kind) = head.title.clone()
            && let Some((title, start)) = report::title_after_kind(&kind, &lines, head.body_start)
        {
            head.title = Some(title);
            head.body_start = start;
            kind_line = Some(kind);
        }
    }

    let mut warnings: Vec<Diagnostic> = Vec::new();
    let warn = |warnings: &mut Vec<Diagnostic>, line: usize, message: String| {
        warnings.push(Diagnostic::new(input_name, line, message));
    };
    for (line, message) in &found.warnings {
        warn(&mut warnings, *line, message.clone());
    }
    let mut comments = Vec::new();
    for (line, message) in &draft.warnings {
        warn(&mut warnings, *line, message.clone());
    }
    for (line, text) in &head.unplaced {
        if *line == 0 {
            warn(&mut warnings, 0, text.clone());
        } else {
            warn(
                &mut warnings,
                *line,
                format!(
                    "masthead line not understood, kept as a comment in the front matter: {text}"
                ),
            );
            comments.push(format!("line {line} (not understood): {text}"));
        }
    }

    let mut numbered: BTreeMap<u32, usize> = BTreeMap::new();
    let mut definitions: Vec<(u32, String, usize, usize)> = Vec::new();
    for note in &found.notes {
        match note.number {
            Some(n) if numbered.contains_key(&n) => warn(
                &mut warnings,
                note.line,
                format!("footnote {n} is printed twice; the second is kept as a comment"),
            ),
            Some(n) => {
                numbered.insert(n, note.area);
                definitions.push((n, note.text.clone(), note.line, note.area));
            }
            None => comments.push(format!("note {}: {}", note.marker, note.text)),
        }
    }
    let mut markers = markers::Markers::new(numbered);
    let layout = Layout::of(head.kind, &symbol);
    let mut body = body::read(&lines, head.body_start, layout, &mut markers);
    if let Some(organ) = &head.organ {
        body.elements.insert(0, body::Element::Organ(organ.clone()));
    }
    if let Some(kind) = kind_line {
        let heading = body::Element::Heading {
            level: 2,
            text: kind,
        };
        body.elements.insert(0, heading);
    }
    let uncited: Vec<accept::Uncited> = definitions
        .iter()
        .filter(|(n, ..)| !markers.cited.contains_key(n))
        .map(|&(number, _, line, area)| accept::Uncited {
            number,
            line,
            rule: found.rules.get(area).copied().unwrap_or(usize::MAX),
        })
        .collect();
    let in_masthead = accept::place_uncited(&mut body.elements, &uncited, &mut body.warnings);
    let mut notes: Vec<accept::Definition> = Vec::new();
    for (number, text, line, _) in definitions {
        if in_masthead.contains(&number) {
            comments.push(format!("note {number}: {text}"));
        } else {
            notes.push(accept::Definition { number, text, line });
        }
    }

    let process: Vec<String> = if options.process.is_empty() {
        options
            .processes_table
            .as_ref()
            .and_then(|t| t.get(&symbol))
            .cloned()
            .unwrap_or_default()
    } else {
        options.process.clone()
    }
    .into_iter()
    .map(|p| crate::corpus::process::canonical(&p))
    .collect();
    if process.is_empty() {
        warn(
            &mut warnings,
            0,
            format!(
                "no process is known for {symbol}: give --process, or add it to processes.toml, so that --process filters find it"
            ),
        );
    }
    let source = options.source.clone().or_else(|| {
        input_name
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| n != "-")
    });
    let mut front = render::FrontMatter {
        symbol: symbol.clone(),
        title: head.title.clone(),
        kind: head.kind.as_str(),
        process: process.clone(),
        session: head.session.clone(),
        agenda_item: head.agenda_item.clone(),
        adopted: head.adopted.or(body.closing_date),
        report: head.report.clone(),
        meeting: body.meeting.clone(),
        committee: draft.committee,
        sponsor: draft.sponsors,
        adopted_as: adopted::adopted_as(&symbol),
        source,
        comments,
    };
    let file_name = file_name_for(&symbol);
    let settled = accept::settle(
        input_name,
        &file_name,
        &mut front,
        &mut body.elements,
        &mut notes,
        &mut body.warnings,
    )?;
    for (line, message) in body.warnings {
        warn(&mut warnings, line, message);
    }
    warnings.sort_by_key(|d| d.line);
    Ok(Imported {
        input: input_name.to_path_buf(),
        file_name,
        symbol,
        text: settled.text,
        warnings,
        passages: settled.anchors.len(),
        anchors: settled.anchors,
        layout,
        process,
    })
}

#[cfg(test)]
mod tests;
