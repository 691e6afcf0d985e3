//! The two ways into a build agree: `Corpus::load` (then `index::build` or an index in memory) and `index::build_from` (streaming, incremental) decide duplicates, excerpts and links alike.

use std::path::{Path, PathBuf};

use undex::corpus::Corpus;
use undex::index::{self, BuildMode, BuildOptions, BuildReport, Index};

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write");
}

/// A corpus folder of `files` (name, text) in a temporary folder.
fn corpus_of(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tmp");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    for (name, text) in files {
        write(&corpus, name, text);
    }
    (tmp, corpus)
}

fn build_from(corpus: &Path, dir: &Path) -> undex::Result<BuildReport> {
    index::build_from(corpus, dir, &BuildOptions::default(), &mut |_, _| {})
}

fn messages(e: &undex::Error) -> Vec<String> {
    match e {
        undex::Error::Input(d) => d.iter().map(ToString::to_string).collect(),
        other => panic!("not an input error: {other}"),
    }
}

const FULL: &str = "+++\nsymbol = \"A/RES/99/1\"\n+++\n\n1. Notes;\n\n2. Decides;\n";
const EXCERPT: &str = "+++\nsymbol = \"A/RES/99/1\"\nexcerpt = true\n+++\n\n2. Decides;\n";
const OTHER: &str = "+++\nsymbol = \"A/RES/99/9\"\n+++\n\n1. Welcomes;\n";

#[test]
fn two_full_texts_and_an_excerpt_are_one_duplicate_through_both_entry_points() {
    let (tmp, corpus) = corpus_of(&[
        ("0-excerpt.txt", EXCERPT),
        ("a.txt", FULL),
        ("b.txt", FULL),
        ("c.txt", OTHER),
    ]);
    let loaded = Corpus::load(&corpus).expect_err("a duplicate");
    let dir = tmp.path().join("index");
    let streamed = build_from(&corpus, &dir).expect_err("a duplicate");
    let expected = [format!(
        "{}:1: duplicate symbol A/RES/99/1: {} has it too (a symbol names one document)",
        corpus.join("b.txt").display(),
        corpus.join("a.txt").display()
    )];
    assert_eq!(messages(&loaded), expected);
    assert_eq!(messages(&streamed), expected);
    // A first build that fails leaves no index behind.
    assert!(Index::open(&dir).is_err());
}

#[test]
fn an_excerpt_gives_way_or_stays_alike_through_both_entry_points() {
    let lacking = "+++\nsymbol = \"A/RES/99/1\"\n+++\n\n1. Notes;\n";
    for (full, excerpt_kept) in [(FULL, false), (lacking, true)] {
        let (tmp, corpus) = corpus_of(&[("e.txt", EXCERPT), ("f.txt", full), ("o.txt", OTHER)]);
        let loaded = Corpus::load(&corpus).expect("loads");
        let in_ram = Index::build_in_ram(&loaded).expect("in memory");
        let dir = tmp.path().join("index");
        let report = build_from(&corpus, &dir).expect("builds");
        assert_eq!(report.warnings, loaded.warnings);
        assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
        let on_disk = Index::open(&dir).expect("opens");
        assert_eq!(on_disk.info.passages, in_ram.info.passages);
        assert_eq!(on_disk.info.documents, 2);
        for index in [&in_ram, &on_disk] {
            let shown = index.show("A/RES/99/1").expect("shown");
            let excerpt = shown.passages.iter().all(|p| p.excerpt);
            assert_eq!(excerpt, excerpt_kept, "{full}");
        }
    }
}

/// A report filed under a draft's symbol: the symbol suggests `OP2`, the kind says `P2`.
const REPORT: &str = "+++\nsymbol = \"A/C.1/99/L.1\"\nkind = \"report\"\n+++\n\n1. Notes.\n\n2. Requests a report.\n";
const CITING: &str =
    "+++\nsymbol = \"A/RES/99/2\"\n+++\n\n1. Recalls paragraph 2 of A/C.1/99/L.1;\n";

fn cited_by(index: &Index, id: &str) -> Vec<String> {
    let shown = index.show(id).expect("shown");
    shown.cited_by.into_iter().map(|p| p.id).collect()
}

#[test]
fn a_resolution_citing_a_reports_paragraph_is_listed_as_referring_to_it() {
    let (tmp, corpus) = corpus_of(&[("report.txt", REPORT), ("citing.txt", CITING)]);
    for i in 3..=6 {
        write(
            &corpus,
            &format!("other-{i}.txt"),
            &format!("+++\nsymbol = \"A/RES/99/{i}\"\n+++\n\n1. Welcomes;\n"),
        );
    }
    let in_ram = Index::build_in_ram(&Corpus::load(&corpus).expect("loads")).expect("index");
    let dir = tmp.path().join("index");
    build_from(&corpus, &dir).expect("builds");
    let on_disk = Index::open(&dir).expect("opens");
    for index in [&in_ram, &on_disk] {
        assert_eq!(cited_by(index, "A/C.1/99/L.1#P2"), ["A/RES/99/2#OP1"]);
    }

    // The citing resolution changed alone: updated incrementally, and linked.
    write(
        &corpus,
        "citing.txt",
        "+++\nsymbol = \"A/RES/99/2\"\n+++\n\n1. Recalls again paragraph 2 of A/C.1/99/L.1;\n",
    );
    let report = build_from(&corpus, &dir).expect("updates");
    assert!(
        matches!(report.mode, BuildMode::Incremental { changed: 1, .. }),
        "{report:?}"
    );
    let index = Index::open(&dir).expect("opens");
    assert_eq!(cited_by(&index, "A/C.1/99/L.1#P2"), ["A/RES/99/2#OP1"]);

    // The report turns out a draft resolution: what cites it is numbered
    // again, in full.
    write(
        &corpus,
        "report.txt",
        "+++\nsymbol = \"A/C.1/99/L.1\"\n+++\n\n1. Decides;\n\n2. Requests a report;\n",
    );
    let report = build_from(&corpus, &dir).expect("rebuilds");
    assert_eq!(report.mode, BuildMode::Full);
    let index = Index::open(&dir).expect("opens");
    assert_eq!(cited_by(&index, "A/C.1/99/L.1#OP2"), ["A/RES/99/2#OP1"]);
}
