//! `undex import` of PDFs end to end: PDFs the tests write in the UN layout, extracted by pdftotext, import as their text does, with markers as `[^n]` and no furniture; damaged, encrypted and scanned PDFs are refused by name while the rest import, in parallel, with a summary.

mod common;

use std::path::Path;

use common::Dir;
use common::pdf::{
    Page, Piece, Resolution, quorum_resolution, quorum_resolution_numbered, require_pdftotext,
    scanned, write_encrypted,
};
use undex::import::{ImportOptions, import_bytes};

/// The corpus file without its `source` line (the input's name).
fn without_source(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with("source = "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn oewg() -> ImportOptions {
    ImportOptions {
        process: vec!["OEWG".into()],
        ..ImportOptions::default()
    }
}

#[test]
fn a_pdf_imports_as_its_extracted_text_does() {
    require_pdftotext();
    let doc = quorum_resolution();
    let from_text = import_bytes(doc.raw_text().as_bytes(), Path::new("quorum.txt"), &oewg())
        .unwrap_or_else(|e| panic!("{e}"));
    let from_pdf = import_bytes(&doc.pdf(), Path::new("quorum.pdf"), &oewg())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        without_source(&from_pdf.text),
        without_source(&from_text.text)
    );
    assert!(from_pdf.text.contains("source = \"quorum.pdf\""));
    assert!(
        from_pdf.warnings.is_empty(),
        "nothing to check: {:?}",
        from_pdf.warnings
    );
    let anchors: Vec<String> = from_pdf.anchors.iter().map(ToString::to_string).collect();
    assert_eq!(
        anchors,
        ["PP1", "PP2", "PP3", "OP1", "OP2", "OP3", "OP4"],
        "{}",
        from_pdf.text
    );
    // Every marker in smaller raised type is a note, set where it stands;
    // a note continued on the next page is whole.
    for cited in [
        "the Secretary-General,[^1]\n",
        "2015 and 2016[^2] surveys",
        "the 2017 guidelines[^3] of the Group",
        "meet in 2020[^4] and",
        "at that session.[^5]\n",
        "\n[^4]: See A/98/10, para. 12, and the annex to the report of the Group on Quorums (A/98/11).\n",
        "\n[^2]: A/97/7, annex, prepared by the Group on Quorums and transmitted to the General Assembly.\n",
    ] {
        assert!(
            from_pdf.text.contains(cited),
            "{cited:?} in:\n{}",
            from_pdf.text
        );
    }
    // The page furniture is gone: running title, job number, barcode, page markers.
    for furniture in [
        "19-01234",
        "1901234",
        "2/3",
        "3/3",
        "(E)",
        "in assemblies\n",
    ] {
        assert!(
            !from_pdf.text.contains(furniture),
            "{furniture:?} in:\n{}",
            from_pdf.text
        );
    }
}

/// A resolution of one page whose markers stand where flattened text
/// cannot tell them from the text: after a number, after a closing quote.
fn resolution_of_doubtful_markers() -> Resolution {
    use Piece::{Marker as M, Text as T};
    Resolution {
        symbol: "A/RES/98/9",
        number: "98/9",
        title: ["Counting votes", "in assemblies"],
        job: "19-04321",
        pages: vec![Page {
            header: false,
            paragraphs: vec![
                vec![vec![
                    T("Recalling paragraph 12"),
                    M(1),
                    T(" of its resolution 90/12,"),
                ]],
                vec![vec![
                    T("1. Decides to include the item entitled \"Counting votes\"."),
                    M(2),
                ]],
            ],
            notes: vec![(1, vec!["A/98/12."]), (2, vec!["See A/98/13."])],
        }],
    }
}

#[test]
fn markers_in_smaller_raised_type_are_certain() {
    require_pdftotext();
    let doc = resolution_of_doubtful_markers();
    let from_pdf =
        import_bytes(&doc.pdf(), Path::new("votes.pdf"), &oewg()).unwrap_or_else(|e| panic!("{e}"));
    for cited in [
        "Recalling paragraph 12[^1] of its resolution 90/12,",
        "entitled \"Counting votes\".[^2]",
    ] {
        assert!(
            from_pdf.text.contains(cited),
            "{cited:?} in:\n{}",
            from_pdf.text
        );
    }
    assert!(from_pdf.warnings.is_empty(), "{:?}", from_pdf.warnings);
}

#[test]
fn a_folder_of_pdfs_imports_in_parallel_with_a_summary_and_the_bad_ones_are_refused_by_name() {
    require_pdftotext();
    let d = Dir::new();
    for (name, symbol, number) in [
        ("a", "A/RES/98/4", "98/4"),
        ("b", "A/RES/98/5", "98/5"),
        ("c", "A/RES/98/6", "98/6"),
    ] {
        d.write(
            &format!("raw/{name}.pdf"),
            quorum_resolution_numbered(symbol, number).pdf(),
        );
    }
    let r = d.undex(&["import", "raw", "--process", "OEWG"]);
    r.expect_code(0);
    for (input, file) in [
        ("raw/a.pdf", "A-RES-98-4.txt"),
        ("raw/b.pdf", "A-RES-98-5.txt"),
        ("raw/c.pdf", "A-RES-98-6.txt"),
    ] {
        assert!(
            r.stdout()
                .contains(&format!("{input}: wrote corpus/{file} (7 passages)\n")),
            "{}",
            r.stdout()
        );
    }
    assert_eq!(
        r.stderr(),
        "undex: no corpus folder here: creating ".to_string()
            + &d.join("corpus").display().to_string()
            + " for the corpus files (--out DIR writes them elsewhere)\n"
            + "undex: imported: raw/a.pdf, raw/b.pdf, raw/c.pdf\n"
            + "undex: 3 inputs: 3 imported, 0 refused\n",
        "no progress bar on a pipe, and a summary"
    );
    d.undex(&["index"]).expect_code(0);
    let shown = d.undex(&["show", "A/RES/98/5, para. 3"]);
    shown.expect_code(0);
    assert!(
        shown.stdout().contains(
            "See A/98/10, para. 12, and the annex to the report of the Group on Quorums (A/98/11)."
        ),
        "{}",
        shown.stdout()
    );

    // Damaged, encrypted and scanned PDFs are refused, each named; the
    // good one beside them is imported.
    let more = Dir::new();
    more.write(
        "raw/good.pdf",
        quorum_resolution_numbered("A/RES/98/7", "98/7").pdf(),
    );
    more.write("raw/damaged.pdf", b"%PDF-1.4\nnot a PDF after all\n");
    more.write(
        "raw/encrypted.pdf",
        write_encrypted(&quorum_resolution_numbered("A/RES/98/8", "98/8").pages()),
    );
    more.write("raw/scanned.pdf", scanned());
    let r = more.undex(&["import", "raw", "--out", "corpus", "--process", "OEWG"]);
    r.expect_code(2);
    let err = r.stderr();
    for said in [
        "undex: raw/damaged.pdf: this PDF is damaged: it cannot be read (pdftotext: ",
        "undex: raw/encrypted.pdf: this PDF is encrypted: it cannot be read without its password",
        "undex: raw/scanned.pdf: this PDF has no text layer (1 page, no word): a scan? Run OCR on it first",
        "undex: imported: raw/good.pdf\n",
        "undex: refused (above): raw/damaged.pdf, raw/encrypted.pdf, raw/scanned.pdf\n",
        "undex: 4 inputs: 1 imported, 3 refused\n",
    ] {
        assert!(err.contains(said), "{said:?} in:\n{err}");
    }
    let written: Vec<String> = std::fs::read_dir(more.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written, ["A-RES-98-7.txt"], "only the good one, whole");
}

#[test]
fn a_check_of_a_pdf_lists_its_passages_and_writes_nothing() {
    require_pdftotext();
    let d = Dir::new();
    d.write("in/quorum.pdf", quorum_resolution().pdf());
    let r = d.undex(&["import", "--check", "in/quorum.pdf", "--process", "OEWG"]);
    r.expect_code(0);
    let out = r.stdout();
    for said in [
        "in/quorum.pdf: would write corpus/A-RES-98-4.txt (7 passages; nothing written)",
        "  OP3 A/RES/98/4, para. 3 ",
        "  Invites the Group to meet in 2020 and …\n",
        "[^4] in OP3  See A/98/10, para. 12, and the annex to the report of the …",
    ] {
        assert!(out.contains(said), "{said:?} in:\n{out}");
    }
    assert!(!d.join("corpus").exists());
    // A bad PDF would be refused, named.
    d.write("in/damaged.pdf", b"%PDF-1.7\n%%EOF\n");
    let r = d.undex(&["import", "--check", "--json", "in/damaged.pdf"]);
    r.expect_code(2);
    let refused = r.records("refused");
    assert_eq!(refused.len(), 1, "{}", r.stdout());
    assert_eq!(refused[0]["input"], "in/damaged.pdf");
    assert!(
        refused[0]["problems"][0]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("this PDF is damaged")),
        "{}",
        r.stdout()
    );
}

#[test]
fn without_pdftotext_one_line_says_how_to_install_it() {
    // (Needs no pdftotext: the search path is emptied.)
    let d = Dir::new();
    d.write("a.pdf", b"%PDF-1.4\n%%EOF\n");
    d.write("empty-path/.keep", "");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_undex"))
        .args(["import", "a.pdf"])
        .current_dir(d.path())
        .env("PATH", d.join("empty-path"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err,
        "undex: a.pdf: reading a PDF needs pdftotext, which is not installed: install poppler-utils (`apt-get install poppler-utils`; Fedora: `dnf install poppler-utils`; macOS: `brew install poppler`)\n"
    );
    assert!(!d.join("corpus").exists());
}
