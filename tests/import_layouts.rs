//! The layouts of resolutions as their PDFs print them, each in an invented document of tests/fixtures/import: running headers, page breaks, footnote markers and areas, labels and label runs, separators, tables, reissues and non-breaking hyphens.
//!
//! `UNDEX_BLESS=1 cargo test --test import_layouts` rewrites the
//! `.expected.txt` files; read the diff before committing it.

mod common;

use std::path::{Path, PathBuf};

use common::Dir;
use undex::corpus::parse_bytes;
use undex::import::{ImportOptions, Imported, import_text};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn read(name: &str) -> String {
    let path = fixture(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import(name: &str, raw: &str) -> Imported {
    let options = ImportOptions {
        process: vec!["OEWG".into()],
        ..ImportOptions::default()
    };
    import_text(raw, Path::new(name), &options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Compares with (or, with UNDEX_BLESS, writes) `<stem>.expected.txt`.
fn assert_expected(name: &str, imported: &Imported) {
    common::golden::expected_import(name, &imported.text);
}

/// A passage's text as `index` reads the file, by anchor.
fn passage(imported: &Imported, anchor: &str) -> String {
    let (doc, _) = parse_bytes(Path::new("out.txt"), imported.text.as_bytes())
        .unwrap_or_else(|d| panic!("index refuses the file: {d:?}"));
    doc.passages
        .iter()
        .find(|p| p.anchor == anchor)
        .map(|p| p.text.clone())
        .unwrap_or_else(|| panic!("no passage {anchor}"))
}

const NAME: &str = "layouts-resolution.txt";

const ANCHORS: [&str; 38] = [
    "PP1",
    "PP2",
    "PP3",
    "PP4",
    "PP5",
    "OP1",
    "OP2",
    "OP3",
    "OP3(a)",
    "OP3(b)",
    "OP3(c)",
    "OP3(c)(i)",
    "OP3(c)(ii)",
    "OP3(d)",
    "OP3(e)",
    "OP3(f)",
    "OP3(g)",
    "OP3(h)",
    "OP3(i)",
    "OP3(j)",
    "OP4",
    "OP4(a)",
    "OP4(a)(i)",
    "OP4(a)(ii)",
    "OP4(b)",
    "OP5",
    "OP6",
    "OP7",
    "OP8",
    "OP9",
    "OP10",
    "OP11",
    "OP12",
    "OP12(a)",
    "OP12(b)",
    "OP13",
    "ANNEX.PP1",
    "ANNEX.PP2",
];

#[test]
fn every_layout_of_the_invented_resolution_imports_paragraph_exact() {
    let imported = import(NAME, &read(NAME));
    assert_eq!(
        imported.symbol, "A/RES/96/7",
        "the reissue asterisk is dropped"
    );
    let anchors: Vec<String> = imported.anchors.iter().map(ToString::to_string).collect();
    assert_eq!(anchors, ANCHORS);
    assert_expected(NAME, &imported);
    let text = &imported.text;
    // Running headers of three lines with trailing spaces, of two without,
    // in either order, and a page with none: nothing of them is left.
    for furniture in [
        "22-04411",
        "2/5",
        "3/5",
        "4/5",
        "context of the revitalization ",
        "Reissued",
    ] {
        let body = text.split("\n+++\n").nth(1).unwrap_or_default();
        assert!(!body.contains(furniture), "{furniture:?} left in the body");
    }
    // The reissue note is kept, as a comment of the front matter.
    assert!(text.contains("\n# note *: Reissued for technical reasons on 21 March 2022.\n"));
    // A paragraph that begins after a page break and its header is its own.
    assert_eq!(
        passage(&imported, "PP4"),
        "Stressing that a meeting that lacks a quorum may hear statements but take no decision,"
    );
    // One that runs over the break is whole.
    assert_eq!(
        passage(&imported, "OP3(i)"),
        "To hold their meetings in the rooms assigned to them;"
    );
    // Markers after a word, a year, a span of years, at a line's end; a
    // number a word numbers is no marker.
    for marked in [
        "meetings,[^1]\n",
        "for 2021–2025,[^2] in which",
        "the 2019[^3] survey",
        "voluntary basis[^4] and",
        "lists of speakers[^5] in every session",
        "“Quorum matters”.[^6]\n",
        "paragraph 1 above",
    ] {
        assert!(text.contains(marked), "missing {marked:?}");
    }
    // A note continued on the next page, one printed after the closing lines.
    assert!(text.contains("\n[^5]: The lists are kept by the Secretariat under rule 68 of the rules of procedure and published in the Journal.\n"));
    assert!(text.contains("\n[^6]: The item was first included at the ninetieth session.\n"));
    // Labels alone or inline, after one space or two; runs `(a) (i)` and `12. (a)`.
    assert_eq!(passage(&imported, "OP3(b)"), "To publish their calendars;");
    assert_eq!(passage(&imported, "OP3(c)(ii)"), "Of observers;");
    assert_eq!(
        passage(&imported, "OP8"),
        "Encourages the bodies to meet in the mornings;"
    );
    assert_eq!(
        passage(&imported, "OP4(a)(i)"),
        "The chair shall open the meeting once a quorum is present;"
    );
    assert_eq!(
        passage(&imported, "OP12(a)"),
        "Invites the bodies to report on the rules;"
    );
    // A table printed as alternating lines stays in its paragraph, whole.
    assert_eq!(
        passage(&imported, "OP5"),
        "Adopts the scale of attendance fees for the biennium 2022-2023 as follows: Member State Fee Andorra 0.005 Bolivia (Plurinational State of) 0.019 Netherlands (Kingdom of the) 1.377 Tuvalu 0.001"
    );
    // Non-breaking hyphens are hyphens; `*  *  *` separates, and is no passage.
    assert!(!text.contains('\u{2011}') && text.contains("non-governmental"));
    assert!(!text.contains("* *"));
    // The one note whose marker was lost goes with the paragraph before its
    // footnote area, and the user is told where it was printed.
    assert_eq!(
        imported
            .warnings
            .iter()
            .map(|d| (d.line, d.message.as_str()))
            .collect::<Vec<_>>(),
        [(
            200,
            "no marker found for footnote 7; kept with the paragraph of line 196, the last before its footnote area: move [^7] to where it is cited"
        )]
    );
    assert!(text.contains("to.[^7]\n"));
}

#[test]
fn the_layouts_read_the_same_from_pdftotext_page_breaks_and_without_trailing_spaces() {
    let raw = read(NAME);
    let want = import(NAME, &raw);
    // pdftotext ends a page with a form feed; copy and paste drops trailing spaces.
    let form_feeds = raw.replace("\n\n", "\n\u{c}");
    assert_eq!(import(NAME, &form_feeds).text, want.text);
    let bare: String = raw
        .lines()
        .map(|l| if l.trim().is_empty() { l } else { l.trim_end() })
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(import(NAME, &bare).anchors, want.anchors);
    // A table whose cells stand apart, between blank lines, is as whole.
    let apart = raw
        .replace("Fee \n", "Fee \n \n")
        .replace("0.005 \n", "0.005 \n \n");
    let imported = import(NAME, &apart);
    assert_eq!(imported.anchors, want.anchors);
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    assert_eq!(passage(&imported, "OP5"), passage(&want, "OP5"));
}

#[test]
fn numbering_index_would_refuse_is_mended_or_refused_with_its_line() {
    let head = "United Nations\nA/RES/96/8\n\n96/8. Quorum rules\n\nThe General Assembly,\n\n";
    // A repeated number with a paragraph before it: kept as its text, with a warning.
    let raw = format!("{head}1. Decides.\n\n2. Requests.\n\n2. Again.\n\n3. Ends.\n");
    let imported = import("in.txt", &raw);
    assert_eq!(imported.anchors, ["OP1", "OP2", "OP3"]);
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    assert_eq!(imported.warnings[0].line, 12);
    assert!(imported.text.contains("\n2. Requests. 2. Again.\n"));
    // Numbering that restarts after a heading cannot be mended: refused.
    let raw = format!(
        "{head}1. Decides.\n\nAnnex\n\nRules\n\nI. Scope\n\n1. Lamps.\n\n2. Keepers.\n\nII. Order\n\n1. Tides.\n"
    );
    let e = import_text(&raw, Path::new("in.txt"), &ImportOptions::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        e.contains("in.txt:22: paragraph 1 comes after paragraph 2: numbers never go backwards"),
        "{e}"
    );
}

#[test]
fn import_then_index_in_the_binary_one_input_refused_with_its_line_the_others_written() {
    let d = Dir::new();
    d.write("raw/layouts.txt", read(NAME));
    d.write(
        "raw/restarts.txt",
        "United Nations\nA/RES/96/9\n\n96/9. Quorum rules\n\nThe General Assembly,\n\n1. Decides.\n\nAnnex\n\nRules\n\nI. Scope\n\n1. Lamps.\n\n2. Keepers.\n\nII. Order\n\n1. Tides.\n",
    );
    let r = d.undex(&["import", "raw", "--out", "corpus", "--process", "OEWG"]);
    r.expect_code(2);
    assert!(
        r.stderr().contains(
            "raw/restarts.txt:22: paragraph 1 comes after paragraph 2: numbers never go backwards"
        ),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr()
            .contains("raw/layouts.txt:200: no marker found for footnote 7"),
        "{}",
        r.stderr()
    );
    assert!(d.join("corpus/A-RES-96-7.txt").is_file());
    assert!(
        !d.join("corpus/A-RES-96-9.txt").exists(),
        "nothing is written for a refused input"
    );
    // What import wrote, index accepts.
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["show", "--json", "A/RES/96/7, para. 12(a)"]);
    r.expect_code(0);
    assert_eq!(r.records("passage")[0]["anchor"], "OP12(a)");
}
