//! `undex import` end to end: raw PDF text in, a corpus file out, indexed and shown with its footnotes; a full text replaces the excerpt.

mod common;

use common::{Dir, fixture};

#[test]
fn import_index_show_in_three_commands() {
    let d = Dir::new();
    d.write("download/any-name.txt", fixture("raw-resolution.txt"));
    let r = d.undex(&["import", "download/any-name.txt", "--out", "corpus"]);
    r.expect_code(0);
    assert!(
        d.join("corpus/A-RES-99-12.txt").is_file(),
        "named after the masthead's symbol: {}",
        r.stdout()
    );
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["show", "--json", "A/RES/99/12"]);
    r.expect_code(0);
    let passages = r.records("passage");
    assert!(passages.len() > 5);
    assert!(passages.iter().all(|p| p["symbol"] == "A/RES/99/12"));
    assert!(
        passages
            .iter()
            .any(|p| !p["notes"].as_array().unwrap().is_empty()),
        "footnotes are kept with their passages"
    );
    // Importing again the same text is fine; a different file of that name is not overwritten.
    d.undex(&["import", "download/any-name.txt", "--out", "corpus"])
        .expect_code(0);
    d.write(
        "corpus/A-RES-99-12.txt",
        "+++\nsymbol = \"A/RES/99/12\"\n+++\n\n1. Edited by hand.\n",
    );
    let r = d.undex(&["import", "download/any-name.txt", "--out", "corpus"]);
    r.expect_code(2);
    assert_eq!(
        std::fs::read_to_string(d.join("corpus/A-RES-99-12.txt")).unwrap(),
        "+++\nsymbol = \"A/RES/99/12\"\n+++\n\n1. Edited by hand.\n"
    );
    d.undex(&[
        "import",
        "--force",
        "download/any-name.txt",
        "--out",
        "corpus",
    ])
    .expect_code(0);
}

#[test]
fn a_full_text_replaces_the_excerpt_and_two_full_texts_are_an_error() {
    let d = Dir::new();
    d.write(
        "corpus/resolutions/excerpt.txt",
        "+++\nsymbol = \"A/RES/99/12\"\nexcerpt = true\n+++\n\n3. An excerpt of paragraph three;\n",
    );
    d.write("raw.txt", fixture("raw-resolution.txt"));
    d.undex(&["import", "raw.txt"]).expect_code(0);
    let r = d.undex(&["index"]);
    r.expect_code(0);
    let err = r.stderr();
    let notice: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("replaces the excerpt"))
        .collect();
    assert_eq!(notice.len(), 1, "{}", r.stderr());
    let r = d.undex(&["show", "--json", "A/RES/99/12"]);
    assert!(r.records("passage").len() > 5, "the full text is indexed");
    d.write(
        "corpus/second.txt",
        std::fs::read(d.join("corpus/A-RES-99-12.txt")).unwrap(),
    );
    let r = d.undex(&["index"]);
    r.expect_code(2);
    assert!(
        r.stderr().contains("duplicate symbol A/RES/99/12"),
        "{}",
        r.stderr()
    );
}

/// An uncompressed PDF, as small as a PDF gets and damaged (no xref table,
/// its root no catalog): its content stream holds the symbol on a line of
/// its own, which is what once made it "importable".
const TINY_PDF: &str = "%PDF-1.4\n1 0 obj\n<< /Length 88 >>\nstream\nA/RES/99/12\nBT (Decides to convene a working group acting on a consensus basis) Tj ET\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

#[test]
fn a_damaged_pdf_is_refused_by_its_header_whatever_its_name() {
    common::pdf::require_pdftotext();
    let d = Dir::new();
    d.write("download/resolution.pdf", TINY_PDF);
    // Known by its header, not its name.
    d.write("download/renamed.txt", TINY_PDF);
    for input in ["download/resolution.pdf", "download/renamed.txt"] {
        let r = d.undex(&["import", input]);
        r.expect_code(2);
        let err = r.stderr();
        assert!(
            err.contains(&format!("undex: {input}: this PDF is damaged")),
            "{err}"
        );
        assert!(
            !d.join("corpus").exists(),
            "nothing is written: {}",
            r.stdout()
        );
    }
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_undex"))
        .args(["import", "--stdin"])
        .current_dir(d.path())
        .stdin(std::fs::File::open(d.join("download/resolution.pdf")).unwrap())
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&piped.stderr).contains("undex: <stdin>: this PDF is damaged"),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
}

#[test]
fn a_folder_imports_every_text_file_in_it() {
    let d = Dir::new();
    d.write("raw/one.txt", fixture("raw-resolution.txt"));
    d.write("raw/two.TXT", fixture("decision.txt"));
    d.write("raw/three.txt", fixture("report.txt"));
    // Its text is beside it: the .txt is what is imported.
    d.write("raw/one.pdf", TINY_PDF);
    // Not documents to import: hidden, another kind, in a subfolder.
    d.write("raw/.draft.txt", "not read");
    d.write("raw/notes.md", "not read");
    d.write("raw/old/four.txt", "not read");
    let r = d.undex(&["import", "raw", "--out", "corpus"]);
    r.expect_code(0);
    let mut written: Vec<String> = std::fs::read_dir(d.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written.len(), 3, "{written:?}\n{}", r.stderr());
    assert!(
        written.contains(&"A-RES-99-12.txt".to_owned()),
        "{written:?}"
    );
    assert_eq!(r.stdout().lines().count(), 3, "{}", r.stdout());
    for input in ["raw/one.txt", "raw/three.txt", "raw/two.TXT"] {
        assert!(
            r.stdout().contains(&format!("{input}: wrote corpus/")),
            "{input}: {}",
            r.stdout()
        );
    }
    d.undex(&["index"]).expect_code(0);
    // A damaged PDF is refused; the rest of the folder still imports.
    common::pdf::require_pdftotext();
    d.write("raw/five.pdf", TINY_PDF);
    let r = d.undex(&["import", "raw", "--out", "corpus"]);
    r.expect_code(2);
    assert!(
        r.stderr()
            .contains("undex: raw/five.pdf: this PDF is damaged"),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr()
            .contains("undex: refused (above): raw/five.pdf\n"),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr()
            .contains("undex: 4 inputs: 3 imported (3 with lines to check), 1 refused"),
        "{}",
        r.stderr()
    );
    // With --json the refusal is a record too, after the imported ones.
    let r = d.undex(&["import", "--json", "--force", "raw", "--out", "corpus"]);
    r.expect_code(2);
    assert_eq!(r.records("imported").len(), 3, "{}", r.stdout());
    let refused = r.records("refused");
    assert_eq!(refused.len(), 1, "{}", r.stdout());
    assert_eq!(refused[0]["input"], "raw/five.pdf");
    let last = r.stdout().lines().last().unwrap_or_default().to_owned();
    assert!(last.contains("\"refused\""), "{last}");
    // --out naming a file is refused before anything is read, the file kept.
    d.write("notes.txt", "a file of the user's");
    let r = d.undex(&["import", "raw", "--out", "notes.txt"]);
    r.expect_code(2);
    assert!(
        r.stderr().starts_with(
            "undex: notes.txt: this is a file, not a folder: import writes its corpus files into a folder (--out DIR)\n"
        ),
        "{}",
        r.stderr()
    );
    assert_eq!(
        std::fs::read_to_string(d.join("notes.txt")).unwrap(),
        "a file of the user's"
    );
    let r = d.undex(&["import", "raw/old/empty-folder-is-not-here"]);
    r.expect_code(2);
    std::fs::create_dir_all(d.join("empty")).unwrap();
    let r = d.undex(&["import", "empty"]);
    r.expect_code(2);
    assert!(
        r.stderr().contains("undex: empty: no .txt"),
        "{}",
        r.stderr()
    );
}

/// Raw text of a resolution of one paragraph.
const ONE_PARAGRAPH: &str = "United Nations\nA/RES/99/7\n\nGeneral Assembly\nDistr.: General\n2 April 2020\n\nNinety-ninth session\nAgenda item 7\n\nResolution adopted by the General Assembly on 27 March 2020\n\n99/7. Lamps in times of storms\n\nThe General Assembly,\n\nDecides to light the lamps.\n\n27 March 2020\n";

#[test]
fn counts_are_singular_for_one_and_every_message_names_undex() {
    let d = Dir::new();
    d.write("raw/one.txt", ONE_PARAGRAPH);
    d.write("raw/many.txt", fixture("raw-resolution.txt"));
    // Outside a project: no corpus folder here, and import says where it writes.
    let r = d.undex(&["import", "raw/one.txt"]);
    r.expect_code(0);
    assert_eq!(
        r.stdout(),
        "raw/one.txt: wrote corpus/A-RES-99-7.txt (1 passage, 1 line to check)\n"
    );
    let err = r.stderr();
    let corpus = d.path().canonicalize().unwrap().join("corpus");
    assert!(
        err.contains(&format!(
            "undex: no corpus folder here: creating {} for the corpus files",
            corpus.display()
        )),
        "{err}"
    );
    for l in err.lines() {
        assert!(l.starts_with("undex: "), "{l:?} in\n{err}");
    }
    let r = d.undex(&["import", "--process", "OEWG", "raw/many.txt"]);
    r.expect_code(0);
    assert!(r.stdout().contains("(24 passages)"), "{}", r.stdout());
    assert!(
        !r.stderr().contains("creating"),
        "said once: {}",
        r.stderr()
    );
    let r = d.undex(&["import", "raw/missing.txt"]);
    r.expect_code(2);
    assert!(!r.stderr().is_empty());
    for l in r.stderr().lines() {
        assert!(l.starts_with("undex: "), "{l:?}");
    }
    std::fs::remove_file(d.join("corpus/A-RES-99-12.txt")).unwrap();
    let r = d.undex(&["index"]);
    r.expect_code(0);
    assert!(
        r.stdout().contains("1 document, 1 passage"),
        "{}",
        r.stdout()
    );
}

#[test]
fn an_excerpt_is_not_replaced_by_a_text_with_fewer_of_its_paragraphs() {
    let d = Dir::new();
    let excerpt = "+++\nsymbol = \"A/RES/99/12\"\nexcerpt = true\n+++\n\n3. Requests the lighthouse keepers to meet on a consensus basis;\n\n5. Decides to remain seized of the matter.\n";
    d.write("corpus/resolutions/excerpt.txt", excerpt);
    // What an uncompressed PDF once imported as: one passage, none of the excerpt's.
    d.write(
        "corpus/A-RES-99-12.txt",
        "+++\nsymbol = \"A/RES/99/12\"\nkind = \"resolution\"\n+++\n\n%PDF-1.4 1 0 obj << /Length 60 >> stream BT (Decides) Tj ET endstream\n",
    );
    let r = d.undex(&["index"]);
    r.expect_code(0);
    let err = r.stderr();
    let notice: Vec<&str> = err.lines().filter(|l| l.contains("A/RES/99/12")).collect();
    assert_eq!(notice.len(), 1, "{}", r.stderr());
    assert!(
        notice[0].starts_with("undex: A/RES/99/12: the excerpt in corpus/resolutions/excerpt.txt is kept, not the text in corpus/A-RES-99-12.txt: that text lacks 2 of the excerpt's 2 paragraphs (OP3, OP5)"),
        "{}",
        notice[0]
    );
    assert!(
        r.stdout().contains("1 document, 2 passages"),
        "{}",
        r.stdout()
    );
    let r = d.undex(&["search", "--json", "consensus basis"]);
    r.expect_code(0);
    assert_eq!(r.hit_ids(), ["A/RES/99/12#OP3"]);
    let r = d.undex(&["show", "--json", "A/RES/99/12"]);
    let ids: Vec<String> = r
        .records("passage")
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["A/RES/99/12#OP3", "A/RES/99/12#OP5"]);
    // The library's loader applies the same rule.
    let corpus = undex::corpus::Corpus::load(&d.join("corpus")).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    assert!(corpus.documents[0].meta.excerpt);
    assert!(
        corpus
            .warnings
            .iter()
            .any(|w| w.contains("is kept, not the text")),
        "{:?}",
        corpus.warnings
    );
    // Once the full text has every paragraph the excerpt quotes, it replaces it.
    d.write(
        "corpus/A-RES-99-12.txt",
        "+++\nsymbol = \"A/RES/99/12\"\nkind = \"resolution\"\n+++\n\n1. Welcomes the lamps;\n\n2. Notes the storms;\n\n3. Requests the lighthouse keepers to meet on a consensus basis;\n\n4. Thanks them;\n\n5. Decides to remain seized of the matter.\n",
    );
    let r = d.undex(&["index"]);
    r.expect_code(0);
    assert!(
        r.stderr().contains("undex: A/RES/99/12: the full text in corpus/A-RES-99-12.txt replaces the excerpt in corpus/resolutions/excerpt.txt"),
        "{}",
        r.stderr()
    );
    let r = d.undex(&["show", "--json", "A/RES/99/12"]);
    assert_eq!(r.records("passage").len(), 5);
    let corpus = undex::corpus::Corpus::load(&d.join("corpus")).unwrap();
    assert!(!corpus.documents[0].meta.excerpt);
    assert_eq!(corpus.documents[0].passages.len(), 5);
}
