//! What `import` writes, `index` accepts: random UN-layout texts (wraps, page breaks, running headers, footnotes, labels and markers in odd places) and mutations of the import fixtures, imported in process and read back with the corpus parser.
//!
//! The generator is seeded, and the number of cases bounded, so that the test
//! is fast and a failure can be replayed: the message names the case's seed.

mod common;

use common::rng::Rng;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use undex::Error;
use undex::corpus::parse_bytes;
use undex::import::{ImportOptions, Imported, import_text};

const WORDS: [&str; 24] = [
    "lamps",
    "keepers",
    "beacons",
    "harbours",
    "quorum",
    "tides",
    "charts",
    "the",
    "of",
    "and",
    "for",
    "States",
    "cooperation",
    "towers",
    "signals",
    "in",
    "its",
    "Member",
    "coastal",
    "with",
    "Secretary-General",
    "non\u{2011}State",
    "2021–2025,",
    "1,000",
];
const FUNCTION: [&str; 7] = ["the", "of", "and", "for", "in", "its", "with"];
const OPENINGS: [&str; 6] = [
    "Recalling",
    "Noting",
    "Bearing in mind",
    "Deeply concerned",
    "Welcoming",
    "Stressing",
];
const VERBS: [&str; 5] = ["Decides", "Requests", "Calls upon", "Encourages", "Invites"];
const TITLE: &str = "Lighthouse keeping and the quiet safety of coastal navigation in the context of international cooperation";

/// One paragraph of the invented document, and its anchor.
struct Para {
    anchor: String,
    label: Option<String>,
    words: Vec<String>,
    /// No words of its own: its first sub-paragraph's label follows its
    /// own on the line (`12. (a) …`, `(a) (i) …`).
    run: bool,
    /// Lines of a table printed after its words, a cell a line.
    rows: Vec<String>,
}

fn words(rng: &mut Rng, least: usize, more: usize) -> Vec<String> {
    let n = least + rng.below(more);
    (0..n).map(|_| rng.pick(&WORDS).to_string()).collect()
}

fn letters(n: usize) -> Vec<String> {
    ('a'..='z').take(n).map(|c| c.to_string()).collect()
}

/// The document: its paragraphs in order, with their anchors.
fn document(rng: &mut Rng) -> Vec<Para> {
    let mut out = Vec::new();
    for k in 1..=1 + rng.below(5) {
        let mut w = vec![rng.pick(&OPENINGS).to_string()];
        w.extend(words(rng, 6, 40));
        w.push("lamps,".into());
        out.push(Para {
            anchor: format!("PP{k}"),
            label: None,
            words: w,
            run: false,
            rows: Vec::new(),
        });
    }
    for n in 1..=1 + rng.below(12) {
        let mut w = vec![rng.pick(&VERBS).to_string()];
        w.extend(words(rng, 5, 50));
        let subs = if rng.chance(30) { 1 + rng.below(11) } else { 0 };
        w.push(if subs > 0 { "lamps:" } else { "lamps;" }.into());
        let run = subs > 0 && rng.chance(15);
        let rows = if subs == 0 && rng.chance(10) {
            [
                "Andorra",
                "0.005",
                "Bolivia (Plurinational State of)",
                "0.019",
                "Tuvalu",
                "1.377",
            ]
            .iter()
            .take(2 + 2 * rng.below(3))
            .map(ToString::to_string)
            .collect()
        } else {
            Vec::new()
        };
        out.push(Para {
            anchor: format!("OP{n}"),
            label: Some(format!("{n}.")),
            words: if run { Vec::new() } else { w },
            run,
            rows,
        });
        for l in letters(subs) {
            let mut w = words(rng, 3, 25);
            // A roman (i) right after (h) would be read as the letter (i), as
            // the format says: the UN does not number that way.
            let romans = if rng.chance(20) && !matches!(l.as_str(), "h" | "i") {
                1 + rng.below(4)
            } else {
                0
            };
            w.push(if romans > 0 { "lamps:" } else { "lamps;" }.into());
            let run = romans > 0 && rng.chance(20);
            out.push(Para {
                anchor: format!("OP{n}({l})"),
                label: Some(format!("({l})")),
                words: if run { Vec::new() } else { w },
                run,
                rows: Vec::new(),
            });
            for r in ["i", "ii", "iii", "iv"].iter().take(romans) {
                let mut w = words(rng, 3, 15);
                w.push("lamps;".into());
                out.push(Para {
                    anchor: format!("OP{n}({l})({r})"),
                    label: Some(format!("({r})")),
                    words: w,
                    run: false,
                    rows: Vec::new(),
                });
            }
        }
    }
    out
}

/// The document's text as a PDF extraction prints it: masthead, wrapped
/// lines with trailing spaces, labels alone or inline, footnote markers in
/// the flattened forms, footnote areas and running headers at page breaks.
fn raw(rng: &mut Rng, paras: &[Para]) -> (String, Vec<(u32, String)>, Vec<String>) {
    let symbol = "A/RES/97/31";
    let mut lines: Vec<String> = [
        "United Nations ",
        if rng.chance(20) {
            "A/RES/97/31*"
        } else {
            symbol
        },
        " ",
        "General Assembly ",
        "Distr.: General ",
        "3 February 2023 ",
        " ",
        "23-01234 (E)    030223 ",
        "*2301234* ",
        " ",
        "Ninety-seventh session ",
        "Agenda item 42 ",
        " ",
        " Resolution adopted by the General Assembly ",
        "on 20 January 2023 ",
        " ",
        "[on the report of the Fourth Committee (A/97/500)] ",
        " ",
        " 97/31. Lighthouse keeping and the quiet safety of coastal ",
        "navigation in the context of international cooperation ",
        " ",
        "The General Assembly, ",
        " ",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    let title_lines: Vec<Vec<&str>> = vec![
        vec![TITLE],
        vec![
            "Lighthouse keeping and the quiet safety of coastal navigation",
            "in the context of international cooperation",
        ],
        vec![
            "Lighthouse keeping and the quiet safety",
            "of coastal navigation in the context of",
            "international cooperation",
        ],
    ];
    let odd_title = rng.below(3);
    let even_title = rng.below(3);
    let mut page = 1;
    let mut on_page = 0usize;
    let page_len = 25 + rng.below(30);
    let mut notes: Vec<(u32, String)> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    let mut pending: Option<(u32, String, String)> = None;
    let mut page_notes: Vec<(u32, String)> = Vec::new();
    let mut carry: Option<String> = None;
    let break_page = |rng: &mut Rng,
                      lines: &mut Vec<String>,
                      page: &mut usize,
                      page_notes: &mut Vec<(u32, String)>,
                      carry: &mut Option<String>| {
        foot(rng, lines, page_notes, carry);
        lines.push(String::new());
        *page += 1;
        if rng.chance(15) {
            return; // a page without a header
        }
        let title = if page.is_multiple_of(2) {
            &title_lines[even_title]
        } else {
            &title_lines[odd_title]
        };
        let trail = if rng.chance(50) { " " } else { "" };
        let mut header: Vec<String> = vec![format!("A/RES/97/31{trail}")];
        header.extend(title.iter().map(|t| format!("{t}{trail}")));
        header.push(" ".into());
        let marker = format!("{page}/9{trail}");
        if page.is_multiple_of(2) {
            header.push("23-01234".into());
            header.push(marker);
        } else {
            header.rotate_left(1);
            header.push(marker);
            header.push("23-01234 ".into());
        }
        lines.extend(header);
        lines.push(" ".into());
        lines.push(" ".into());
    };
    let mut prefix: Option<String> = None;
    for (i, p) in paras.iter().enumerate() {
        if p.run {
            // Its text is the label of its first sub-paragraph, printed after its own.
            texts.push(
                paras
                    .get(i + 1)
                    .and_then(|q| q.label.clone())
                    .unwrap_or_default(),
            );
            let own = p.label.clone().unwrap_or_default();
            prefix = Some(match prefix.take() {
                Some(outer) => format!("{outer} {own}"),
                None => own,
            });
            continue;
        }
        let label = match (prefix.take(), &p.label) {
            (Some(outer), Some(own)) => Some(format!("{outer} {own}")),
            (outer, own) => outer.or_else(|| own.clone()),
        };
        let mut words: Vec<String> = p.words.clone();
        let mut clean = words.clone();
        // A footnote marker after a word, a year or a number.
        if rng.chance(25) && words.len() > 3 {
            let n = u32::try_from(notes.len() + 1).unwrap_or(1);
            let mut at = 1 + rng.below(words.len() - 2);
            // A note is cited after a content word, never after `and`.
            while at > 1 && FUNCTION.contains(&words[at].as_str()) {
                at -= 1;
            }
            let form = rng.below(4);
            let word = &mut words[at];
            match form {
                0 if word.ends_with(',') => word.push_str(&n.to_string()),
                1 | 2 => {
                    clean[at] = "2019".into();
                    *word = if form == 1 {
                        format!("2019\u{1}{n}\u{1}")
                    } else {
                        format!("2019{n}")
                    };
                }
                _ if word.chars().all(char::is_alphabetic)
                    && !FUNCTION.contains(&word.as_str()) =>
                {
                    *word = format!("{word}\u{1}{n}\u{1}");
                }
                _ if word.ends_with(',') => word.push_str(&n.to_string()),
                _ => {
                    clean[at].push(',');
                    word.push_str(&format!(",{n}"));
                }
            }
            let text = if rng.chance(50) {
                format!("A/97/{}.", 100 + n)
            } else {
                format!(
                    "See the report of the Group of Keepers (A/97/{}), prepared with the keepers of the coastal lamps.",
                    100 + n
                )
            };
            notes.push((n, text.clone()));
            // Printed at the foot of the page its marker is on.
            pending = Some((n, text, words[at].clone()));
        }
        let text = words.join(" ");
        clean.extend(p.rows.iter().cloned());
        texts.push(clean.join(" ").replace('\u{2011}', "-"));
        let mut first = true;
        let width = 40 + rng.below(50);
        let mut rest = text.as_str();
        if label.is_none() && rng.chance(5) {
            // A justified line exploded into one word a line.
            let (line, left) = cut(rest, width);
            cite(&mut pending, line, &mut page_notes);
            for word in line.split(' ') {
                lines.push(format!("{} ", word.replace('\u{1}', " ")));
            }
            rest = left;
            first = false;
            on_page += 1;
        }
        if let Some(label) = &label {
            match rng.below(3) {
                0 => {
                    lines.push(format!("{label} "));
                    on_page += 1;
                }
                k => {
                    let gap = if k == 1 { " " } else { "  " };
                    let (line, left) = cut(rest, width);
                    cite(&mut pending, line, &mut page_notes);
                    lines.push(format!("{label}{gap}{}", line.replace('\u{1}', " ")));
                    rest = left;
                    first = false;
                    on_page += 1;
                }
            }
        }
        while !rest.trim().is_empty() || first {
            let (line, left) = cut(rest, width);
            cite(&mut pending, line, &mut page_notes);
            lines.push(format!("{line} ").replace('\u{1}', " "));
            rest = left;
            first = false;
            on_page += 1;
            if on_page >= page_len {
                break_page(rng, &mut lines, &mut page, &mut page_notes, &mut carry);
                on_page = 0;
            }
        }
        for row in &p.rows {
            lines.push(format!("{row} "));
        }
        lines.push(" ".into());
        if label.is_none() && rng.chance(10) {
            lines.push("*  *  * ".into());
            lines.push(" ".into());
        }
    }
    lines.push("12th plenary meeting ".into());
    lines.push("20 January 2023 ".into());
    lines.push(" ".into());
    // The last notes stand after the closing lines.
    foot(rng, &mut lines, &mut page_notes, &mut carry);
    if let Some(rest) = carry {
        lines.push(String::new());
        lines.push("__________________ ".into());
        lines.push(" ".into());
        lines.push(format!("{rest} "));
    }
    (lines.join("\n") + "\n", notes, texts)
}

/// The footnote area at the foot of a page: the end of a note begun on
/// the page before, then the page's notes, the last of which may go on
/// over the page (`carry`).
fn foot(
    rng: &mut Rng,
    lines: &mut Vec<String>,
    page_notes: &mut Vec<(u32, String)>,
    carry: &mut Option<String>,
) {
    if page_notes.is_empty() && carry.is_none() {
        return;
    }
    lines.push("__________________ ".into());
    lines.push(" ".into());
    if let Some(rest) = carry.take() {
        lines.push(format!("{rest} "));
        lines.push(" ".into());
    }
    let count = page_notes.len();
    for (k, (n, text)) in page_notes.drain(..).enumerate() {
        let gap = if rng.chance(50) { "  " } else { " " };
        let at = text
            .find(" the keepers")
            .filter(|_| k + 1 == count && rng.chance(40));
        match at {
            Some(at) => {
                lines.push(format!("{n}{gap}{} ", &text[..at]));
                *carry = Some(text[at + 1..].to_string());
            }
            None => lines.push(format!("{n}{gap}{text} ")),
        }
        lines.push(" ".into());
    }
}

/// Moves the note whose marked word `line` holds to the page's notes.
fn cite(pending: &mut Option<(u32, String, String)>, line: &str, page: &mut Vec<(u32, String)>) {
    if let Some((n, text, word)) = pending.take() {
        if line.split(' ').any(|w| w == word) {
            page.push((n, text));
        } else {
            *pending = Some((n, text, word));
        }
    }
}

/// The first `width` bytes of `text` cut at a space, and the rest.
fn cut(text: &str, width: usize) -> (&str, &str) {
    let text = text.trim_start();
    if text.len() <= width {
        return (text, "");
    }
    let at = text
        .char_indices()
        .filter(|(i, c)| *c == ' ' && *i <= width)
        .map(|(i, _)| i)
        .next_back()
        .or_else(|| text.find(' '))
        .unwrap_or(text.len());
    (&text[..at], &text[at..])
}

/// Imports `raw` in process; a panic is a failure, an error must name lines.
fn import(raw: &str, case: &str) -> Option<Imported> {
    let options = ImportOptions {
        process: vec!["OEWG".into()],
        ..ImportOptions::default()
    };
    let got = catch_unwind(AssertUnwindSafe(|| {
        import_text(raw, Path::new("in.txt"), &options)
    }));
    match got {
        Err(_) => panic!("{case}: import panicked on\n{raw}"),
        Ok(Ok(imported)) => Some(imported),
        Ok(Err(Error::Input(diags))) => {
            assert!(!diags.is_empty(), "{case}: a refusal names its problems");
            None
        }
        Ok(Err(e)) => panic!("{case}: import failed with {e:?}"),
    }
}

/// The property: what import wrote, the corpus parser accepts, with the
/// anchors import reported.
fn accepted(imported: &Imported, case: &str, raw: &str) -> Vec<String> {
    match parse_bytes(Path::new(&imported.file_name), imported.text.as_bytes()) {
        Ok((doc, _)) => {
            let anchors: Vec<String> = doc.passages.iter().map(|p| p.anchor.clone()).collect();
            let reported: Vec<String> = imported.anchors.iter().map(ToString::to_string).collect();
            assert_eq!(anchors, reported, "{case}: anchors differ");
            anchors
        }
        Err(d) => panic!(
            "{case}: index refuses what import wrote: {d:?}\n--- raw\n{raw}\n--- written\n{}",
            imported.text
        ),
    }
}

#[test]
fn generated_un_layout_texts_import_paragraph_exact_and_index_accepts_them() {
    let mut seen = [0usize; 5];
    for seed in 1..=150u64 {
        let case = format!("generated case {seed}");
        let mut rng = Rng::new(seed);
        let paras = document(&mut rng);
        let (raw, notes, texts) = raw(&mut rng, &paras);
        for (k, shape) in [
            ". (a) ",
            ") (i) ",
            "Andorra \n0.005",
            "*  *  *",
            "__________________ \n \nthe keepers",
        ]
        .iter()
        .enumerate()
        {
            seen[k] += usize::from(raw.contains(shape));
        }
        let Some(imported) = import(&raw, &case) else {
            panic!("{case}: a well-formed document is refused\n{raw}");
        };
        let anchors = accepted(&imported, &case, &raw);
        let doc = parse_bytes(Path::new("out.txt"), imported.text.as_bytes())
            .map(|(d, _)| d)
            .unwrap_or_else(|d| panic!("{case}: {d:?}"));
        for (p, want) in doc.passages.iter().zip(&texts) {
            assert_eq!(
                &p.text, want,
                "{case}: the text of {}\n{raw}\n---\n{}",
                p.anchor, imported.text
            );
        }
        let want: Vec<&str> = paras.iter().map(|p| p.anchor.as_str()).collect();
        assert_eq!(anchors, want, "{case}\n{raw}\n---\n{}", imported.text);
        for (n, text) in &notes {
            assert!(
                imported.text.contains(&format!("[^{n}]: {text}\n")),
                "{case}: note {n}"
            );
        }
        assert!(
            !imported.text.contains('\u{2011}'),
            "{case}: a non-breaking hyphen is a hyphen"
        );
    }
    // Every shape was met: label runs, tables, separators, continued notes.
    assert!(seen.iter().all(|n| *n >= 3), "{seen:?}");
}

/// The import fixtures, as inputs to mutate.
fn fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt")
                && !p.to_string_lossy().ends_with(".expected.txt")
        })
        .map(|p| std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect();
    out.sort();
    out
}

const INSERTS: [&str; 16] = [
    "3. ",
    "(b) ",
    "(ii) ",
    "(a) (i) ",
    "12. (a) ",
    "__________________ ",
    "7  A/97/7. ",
    "",
    " ",
    "*  *  * ",
    "2/9 ",
    "1. Decides. ",
    "(A) ",
    "Annex ",
    "# heading ",
    "2016. In",
];

/// One random change to a text's lines.
fn mutate(rng: &mut Rng, lines: &mut Vec<String>) {
    if lines.is_empty() {
        return;
    }
    let at = rng.below(lines.len());
    match rng.below(8) {
        0 => {
            lines.remove(at);
        }
        1 => {
            let line = lines[at].clone();
            lines.insert(at, line);
        }
        2 => {
            let other = rng.below(lines.len());
            lines.swap(at, other);
        }
        3 => {
            let piece = rng.pick(&INSERTS).to_string();
            lines.insert(at, piece);
        }
        4 => {
            let piece = rng.pick(&INSERTS);
            lines[at] = format!("{piece}{}", lines[at]);
        }
        5 => {
            let line = &mut lines[at];
            *line = line
                .chars()
                .map(|c| if c.is_ascii_digit() { '7' } else { c })
                .collect();
        }
        6 if at + 1 < lines.len() => {
            let next = lines.remove(at + 1);
            lines[at].push_str(&next);
        }
        _ => {
            let line = &mut lines[at];
            let cut = line
                .char_indices()
                .map(|(i, _)| i)
                .nth(rng.below(line.chars().count() + 1))
                .unwrap_or(line.len());
            let tail = line.split_off(cut);
            lines.insert(at + 1, tail);
        }
    }
}

#[test]
fn mutated_fixtures_are_imported_as_index_reads_them_or_refused_with_lines() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 5);
    let (mut imported, mut refused) = (0, 0);
    for seed in 1..=400u64 {
        let mut rng = Rng::new(seed);
        let base = &fixtures[rng.below(fixtures.len())];
        let mut lines: Vec<String> = base.lines().map(ToString::to_string).collect();
        for _ in 0..1 + rng.below(6) {
            mutate(&mut rng, &mut lines);
        }
        let raw = lines.join("\n") + "\n";
        let case = format!("mutation case {seed}");
        match import(&raw, &case) {
            Some(i) => {
                accepted(&i, &case, &raw);
                imported += 1;
            }
            None => refused += 1,
        }
    }
    // Most mutations leave a document that imports.
    assert!(
        imported > 4 * refused,
        "{imported} imported, {refused} refused"
    );
}

#[test]
fn generated_texts_mutated_are_imported_as_index_reads_them_or_refused_with_lines() {
    for seed in 1..=200u64 {
        let mut rng = Rng::new(seed + 10_000);
        let paras = document(&mut rng);
        let (raw, _, _) = raw(&mut rng, &paras);
        let mut lines: Vec<String> = raw.lines().map(ToString::to_string).collect();
        for _ in 0..1 + rng.below(8) {
            mutate(&mut rng, &mut lines);
        }
        let raw = lines.join("\n") + "\n";
        let case = format!("mutated generated case {seed}");
        if let Some(i) = import(&raw, &case) {
            accepted(&i, &case, &raw);
        }
    }
}
