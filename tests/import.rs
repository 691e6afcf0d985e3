//! Imports the invented documents of tests/fixtures/import and checks the corpus files, anchors and warnings they give.
//!
//! `UNDEX_BLESS=1 cargo test --test import` rewrites the `.expected.txt`
//! files; read the diff before committing it.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use undex::import::{ImportOptions, Imported, import_text, write_imported};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn import(name: &str, options: &ImportOptions) -> Imported {
    let path = fixture(name);
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    import_text(&raw, Path::new(name), options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Compares with (or, with UNDEX_BLESS, writes) `<stem>.expected.txt`.
fn assert_expected(name: &str, imported: &Imported) {
    common::golden::expected_import(name, &imported.text);
}

fn warnings(imported: &Imported) -> Vec<(usize, String)> {
    imported
        .warnings
        .iter()
        .map(|d| (d.line, d.message.clone()))
        .collect()
}

fn table() -> BTreeMap<String, Vec<String>> {
    [("A/RES/99/12".to_string(), vec!["OEWG".to_string()])].into()
}

const RESOLUTION_ANCHORS: [&str; 24] = [
    "PP1",
    "PP2",
    "PP3",
    "PP4",
    "OP1",
    "OP1(a)",
    "OP1(b)",
    "OP1(b)(i)",
    "OP1(b)(ii)",
    "OP1(c)",
    "OP1(d)",
    "OP1(e)",
    "OP1(f)",
    "OP1(g)",
    "OP1(h)",
    "OP1(i)",
    "OP1(j)",
    "OP2",
    "OP2.1",
    "OP2.2",
    "OP3",
    "OP4",
    "ANNEX.OP1",
    "ANNEX.OP2",
];

#[test]
fn raw_pdf_text_of_a_resolution() {
    let options = ImportOptions {
        processes_table: Some(table()),
        ..ImportOptions::default()
    };
    let imported = import("raw-resolution.txt", &options);
    assert_eq!(
        imported.symbol, "A/RES/99/12",
        "the reissue asterisk is not part of the symbol"
    );
    assert_eq!(imported.file_name, "A-RES-99-12.txt");
    assert_eq!(imported.anchors, RESOLUTION_ANCHORS);
    assert_eq!(imported.passages, RESOLUTION_ANCHORS.len());
    assert_eq!(warnings(&imported), []);
    assert_expected("raw-resolution.txt", &imported);
    let text = &imported.text;
    // Page furniture is gone, wherever it stood.
    for furniture in [
        "17-01234",
        "*1701234*",
        "2/4",
        "4/4",
        "Distr.",
        "3 February 2017",
    ] {
        assert!(!text.contains(furniture), "{furniture} left in the output");
    }
    // Markers: glued to a year or a comma, standing apart, after a double space,
    // cited again on a later page; ordinary numbers untouched.
    for marked in [
        "keeping,[^1]",
        "2015,[^2] 2016[^3] and 2017[^4] surveys",
        "voluntary basis[^5] and",
        "guided by the 2016[^3] and 2017[^4] surveys:",
        "tide tables;[^6]",
        "Beacons[^7] and",
        "paragraph 1 above",
        "on 5 July 2016",
        "found 12 lamps",
    ] {
        assert!(text.contains(marked), "missing {marked:?}");
    }
    // A note continued on the next page, and one continued after the closing formula.
    assert!(text.contains("[^4]: A/99/9, annex, prepared by the Group on Lamps and Beacons and transmitted to the General Assembly\n"));
    assert!(text.contains(
        "[^7]: Established by resolution 15/6, para. 2, with members from all regions.\n"
    ));
    // A paragraph split by footnotes and a page break is one paragraph.
    assert!(
        text.contains(
            "in Lima, with the participation of the International Maritime Organization,\n"
        )
    );
    assert!(text.contains("the Secretary-General on lighthouse keeping"));
    assert!(text.contains("\nprocess = \"OEWG\"\n"));
}

#[test]
fn clean_text_gives_the_same_file() {
    let options = ImportOptions {
        processes_table: Some(table()),
        source: Some("the same".into()),
        ..ImportOptions::default()
    };
    let raw = import("raw-resolution.txt", &options);
    let clean = import("clean-resolution.txt", &options);
    assert_eq!(clean.anchors, RESOLUTION_ANCHORS);
    assert_eq!(warnings(&clean), []);
    assert_eq!(clean.text, raw.text);
}

#[test]
fn a_report_with_sections_contents_and_an_annex() {
    let options = ImportOptions {
        process: vec!["GGE".into()],
        ..ImportOptions::default()
    };
    let imported = import("report.txt", &options);
    assert_eq!(imported.symbol, "A/99/300");
    assert_eq!(
        imported.anchors,
        ["U1", "P1", "P2", "P3", "P3(a)", "P3(b)", "P4", "ANNEX.U1"]
    );
    assert_eq!(warnings(&imported), []);
    assert_expected("report.txt", &imported);
    assert!(
        !imported.text.contains(". . . ."),
        "the table of contents is dropped"
    );
}

#[test]
fn a_decision() {
    let imported = import("decision.txt", &ImportOptions::default());
    assert_eq!(imported.anchors, ["OP"]);
    // No process is known for an invented decision: the user is told how to give one.
    assert_eq!(
        warnings(&imported),
        [(0, "no process is known for A/DEC/99/512: give --process, or add it to processes.toml, so that --process filters find it".to_string())]
    );
    assert_expected("decision.txt", &imported);
}

#[test]
fn a_one_paragraph_resolution_adopted_by_silence_procedure_with_a_stray_line() {
    let imported = import("one-paragraph-resolution.txt", &ImportOptions::default());
    assert_expected("one-paragraph-resolution.txt", &imported);
    // The stray line is kept (so the user can fix it) and reported with its line.
    assert_eq!(
        warnings(&imported),
        [
            (0, "no process is known for A/RES/99/250: give --process, or add it to processes.toml, so that --process filters find it".to_string()),
            (
                34,
                "text after the closing formula is not part of any paragraph; kept as a paragraph of its own".to_string()
            )
        ]
    );
    assert!(
        imported
            .text
            .contains("\nCorrected by the keeper on duty\n")
    );
    assert!(imported.text.contains("\nadopted = 2020-03-27\n"));
    assert!(!imported.text.contains("meeting ="));
}

#[test]
fn the_symbol_comes_from_the_text_and_writing_is_safe() {
    let raw = std::fs::read_to_string(fixture("decision.txt")).unwrap_or_default();
    let imported = import_text(&raw, Path::new("A-RES-1-1.txt"), &ImportOptions::default());
    let Ok(imported) = imported else {
        panic!("import failed")
    };
    assert_eq!(imported.file_name, "A-DEC-99-512.txt");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = write_imported(dir.path(), &imported, false).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        std::fs::read_to_string(&path).ok(),
        Some(imported.text.clone())
    );
    let mut changed = imported.clone();
    changed.text.push_str("\nmore\n");
    assert!(write_imported(dir.path(), &changed, false).is_err());
    assert!(write_imported(dir.path(), &changed, true).is_ok());
}

#[test]
fn a_pdf_is_known_by_its_header_whatever_its_name() {
    // (What becomes of one is tests/import_pdf.rs's.)
    // The text of a PDF as extracted, or a text that mentions one, is not a PDF.
    assert!(!undex::import::is_pdf(
        b"A/RES/99/12\nSee the file %PDF-1.7 ...\n"
    ));
    assert!(undex::import::is_pdf(b"\xef\xbb\xbf%PDF-1.4\n"));
    let raw = std::fs::read(fixture("raw-resolution.txt")).unwrap();
    assert!(
        undex::import::import_bytes(&raw, Path::new("raw.txt"), &ImportOptions::default()).is_ok()
    );
}

/// The passages of an imported file as the corpus parser reads them back:
/// anchor, citation, section and text.
fn read_back(imported: &Imported) -> Vec<undex::corpus::Passage> {
    let (document, _) = undex::corpus::parse_bytes(Path::new("out.txt"), imported.text.as_bytes())
        .unwrap_or_else(|d| panic!("the imported file does not parse: {d:?}"));
    let read: Vec<String> = document.passages.iter().map(|p| p.anchor.clone()).collect();
    let reported: Vec<String> = imported.anchors.iter().map(ToString::to_string).collect();
    assert_eq!(read, reported, "import and index read the same passages");
    document.passages
}

fn passage<'a>(passages: &'a [undex::corpus::Passage], anchor: &str) -> &'a undex::corpus::Passage {
    passages
        .iter()
        .find(|p| p.anchor == anchor)
        .unwrap_or_else(|| panic!("no passage {anchor}"))
}

#[test]
fn a_report_of_a_group_of_experts_as_published() {
    let options = ImportOptions {
        process: vec!["GGE".into()],
        ..ImportOptions::default()
    };
    let imported = import("gge-report.txt", &options);
    assert_eq!(warnings(&imported), []);
    assert_expected("gge-report.txt", &imported);
    let anchors: Vec<String> = imported.anchors.iter().map(ToString::to_string).collect();
    // The note, the foreword and the letter: unnumbered paragraphs; the
    // table of contents (whose `Annex` line starts no annex): none.
    assert_eq!(anchors[..7], ["U1", "U2", "U3", "U4", "U5", "U6", "P1"]);
    let norms: Vec<&str> = anchors
        .iter()
        .map(String::as_str)
        .filter(|a| a.starts_with("P13"))
        .collect();
    assert_eq!(
        norms,
        [
            "P13", "P13(a)", "P13(b)", "P13(c)", "P13(d)", "P13(e)", "P13(f)", "P13(g)", "P13(h)",
            "P13(i)", "P13(j)", "P13(k)"
        ]
    );
    assert_eq!(
        anchors[anchors.len() - 5..],
        ["P19", "ANNEX.U1", "ANNEX.U2", "ANNEX.U3", "ANNEX.U4"]
    );
    let passages = read_back(&imported);
    let norm = passage(&passages, "P13(a)");
    assert_eq!(norm.citation, "A/99/174, para. 13(a)");
    assert!(norm.text.starts_with("Consistent with the purposes"));
    assert_eq!(
        norm.section.as_deref(),
        Some(
            "III. Norms, rules and principles for the responsible keeping of signal stations by States"
        )
    );
    // A sub-paragraph split by a page break is one passage.
    assert!(
        passage(&passages, "P13(e)")
            .text
            .ends_with("consistent with their national law;")
    );
    // Paragraph 12 goes on after the page break.
    assert!(
        passage(&passages, "P12")
            .text
            .ends_with("submitted to the Secretary-General.")
    );
    let letter = passage(&passages, "U4");
    assert_eq!(letter.citation, "A/99/174, unnumbered para. 4");
    assert_eq!(letter.section.as_deref(), Some("Letter of transmittal"));
    assert!(letter.text.starts_with("I have the honour to submit"));
    assert_eq!(
        passage(&passages, "U2").section.as_deref(),
        Some("Foreword")
    );
    // One passage a row of the list of members, the State first.
    let row = passage(&passages, "ANNEX.U3");
    assert_eq!(row.citation, "A/99/174, annex, unnumbered para. 3");
    assert_eq!(
        row.text,
        "China | Ms. Li Wenhua (first and second sessions), Deputy Director-General, Department of Treaty and Law; Mr. Zhao Ming (third and fourth sessions), Counsellor, Department of Treaty and Law"
    );
    assert!(passage(&passages, "ANNEX.U4").text.starts_with(
        "United Kingdom of Great Britain and Northern Ireland | Ms. Harriet Oakes, Head of Signals Policy"
    ));
    // Signatures, the letter's date and the contents are in no passage.
    for p in &passages {
        for gone in [
            "(Signed)",
            "Okonkwo-Lind",
            "26 June 2015",
            ". . .",
            "Contents",
        ] {
            assert!(!p.text.contains(gone), "{gone} in {}: {}", p.anchor, p.text);
        }
    }
    assert!(
        imported
            .text
            .contains("\n(Signed) Rui Barbosa Lima\nChair of the Group\n")
    );
    assert!(imported.text.contains("\n## Report of the Group of Governmental Experts on Developments in the Field of Coastal Signals in the Context of Maritime Safety\n\n## Foreword\n"));
}

#[test]
fn an_annual_progress_report_of_an_open_ended_working_group() {
    let options = ImportOptions {
        process: vec!["OEWG".into()],
        ..ImportOptions::default()
    };
    let imported = import("oewg-report.txt", &options);
    assert_eq!(warnings(&imported), []);
    assert_expected("oewg-report.txt", &imported);
    assert!(
        imported.text.contains("\ntitle = \"Report of the open-ended working group on the security of coastal signals 2021–2025\"\n"),
        "the title without the asterisk that calls its note"
    );
    let passages = read_back(&imported);
    let anchors: Vec<&str> = passages.iter().map(|p| p.anchor.as_str()).collect();
    assert_eq!(anchors[..6], ["U1", "P1", "P2", "P3", "P4", "P5"]);
    // Each annex numbers its paragraphs anew.
    let first = passage(&passages, "ANNEXI.P1");
    assert_eq!(first.citation, "A/99/265, annex I, para. 1");
    assert_eq!(first.section.as_deref(), Some("A. Overview"));
    assert_eq!(
        passage(&passages, "ANNEXI.P7(b)(i)").citation,
        "A/99/265, annex I, para. 7(b)(i)"
    );
    assert_eq!(
        passage(&passages, "ANNEXI.P5").section.as_deref(),
        Some("Recommended next steps")
    );
    assert_eq!(
        passage(&passages, "ANNEXII.P2").citation,
        "A/99/265, annex II, para. 2"
    );
    // A heading run into the paragraph under it (no blank line between) is
    // still a heading.
    assert_eq!(
        passage(&passages, "P3").section.as_deref(),
        Some("A. Opening and duration of the session")
    );
    assert_eq!(
        passage(&passages, "ANNEXI.P6").notes[0].text,
        "A/97/201 and A/98/98."
    );
}

#[test]
fn a_report_laid_out_in_columns_gives_the_same_file() {
    // `pdftotext -layout`: masthead and list of members in columns, labels
    // inline, headers and footers in columns, form feeds between pages.
    let options = ImportOptions {
        process: vec!["GGE".into()],
        source: Some("the same".into()),
        ..ImportOptions::default()
    };
    let published = import("gge-report.txt", &options);
    let laid_out = import("gge-report-layout.txt", &options);
    assert_eq!(warnings(&laid_out), []);
    assert_eq!(laid_out.text, published.text);
}

#[test]
fn a_report_whose_masthead_prints_its_kind_above_its_title() {
    let options = ImportOptions {
        process: vec!["GGE".into()],
        ..ImportOptions::default()
    };
    let published = import("gge-report.txt", &options);
    let raw = std::fs::read_to_string(fixture("gge-report.txt")).unwrap();
    let title = "Group of Governmental Experts on Developments in the \nField of Coastal Signals in the Context of Maritime \nSafety \n";
    let kind = "Note by the Secretary-General \n";
    let swapped = raw.replacen(
        &format!("{title} \n{kind}"),
        &format!("{kind} \n{title}"),
        1,
    );
    assert_ne!(swapped, raw);
    let imported = import_text(&swapped, Path::new("gge-report.txt"), &options).unwrap();
    assert_eq!(warnings(&imported), []);
    assert_eq!(imported.text, published.text);
}

#[test]
fn a_letter_of_transmittal_headed_by_its_date_and_addressee() {
    let options = ImportOptions {
        process: vec!["GGE".into()],
        ..ImportOptions::default()
    };
    let raw = std::fs::read_to_string(fixture("gge-report.txt")).unwrap();
    let heading = "Letter dated 26 June 2015 from the Chair of the Group of Governmental \nExperts addressed to the Secretary-General \n";
    let dated = raw.replacen("Letter of transmittal \n \n26 June 2015 \n", heading, 1);
    assert_ne!(dated, raw);
    let imported = import_text(&dated, Path::new("gge-report.txt"), &options).unwrap();
    assert_eq!(warnings(&imported), []);
    let passages = read_back(&imported);
    assert_eq!(
        passage(&passages, "U4").section.as_deref(),
        Some(
            "Letter dated 26 June 2015 from the Chair of the Group of Governmental Experts addressed to the Secretary-General"
        )
    );
    assert_eq!(passages.len(), import("gge-report.txt", &options).passages);
}

#[test]
fn raw_pdf_text_of_a_resolution_adopting_a_treaty() {
    let options = ImportOptions {
        process: vec!["AHC".into()],
        ..ImportOptions::default()
    };
    let imported = import("treaty.txt", &options);
    assert_eq!(imported.symbol, "A/RES/99/31");
    assert_eq!(
        imported.anchors,
        [
            "PP1",
            "OP1",
            "OP2",
            "OP3",
            "ANNEX.PP1",
            "ANNEX.PP2",
            "ANNEX.ART1",
            "ANNEX.ART1(a)",
            "ANNEX.ART1(b)",
            "ANNEX.ART2.P1",
            "ANNEX.ART2.P1(a)",
            "ANNEX.ART2.P1(a)(i)",
            "ANNEX.ART2.P1(a)(ii)",
            "ANNEX.ART2.P1(b)",
            "ANNEX.ART2.P2",
            "ANNEX.ART3.P1",
            "ANNEX.ART3.P2",
            "ANNEX.ART4",
            "ANNEX.FC1",
            "ANNEX.FC2",
            "ANNEX.ANNEX.OP1",
            "ANNEX.ANNEX.OP2",
            "ANNEX.ANNEX.OP3",
        ]
    );
    assert_eq!(warnings(&imported), []);
    assert_expected("treaty.txt", &imported);
    let text = &imported.text;
    for furniture in ["19-04321", "*1904321*", "2/4", "3/4", "Distr."] {
        assert!(!text.contains(furniture), "{furniture} left in the output");
    }
    // The running title, printed over two lines on every page, is gone.
    assert_eq!(
        text.matches("and at Sea").count(),
        3,
        "title, OP1 and the annex title only"
    );
    // The paragraph the page break and the footnote cut is whole, its marker in place.
    assert!(text.contains("as the Quorum Protocol[^1] provides.\n"));
    assert!(text.ends_with("\n[^1]: A/99/50.\n"));
}
