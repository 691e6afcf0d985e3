//! `undex import` end to end: raw PDF text in, a corpus file out, indexed and shown with its footnotes; a full text replaces the excerpt.

mod common;

use std::path::Path;

use common::Dir;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name),
    )
    .expect("fixture")
}

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
