//! `undex index --skip-bad`, run as a user runs it: a good corpus with bad files of several kinds indexes what passes, lists what it left out (exit 2), and without the flag the corpus is refused whole as before.

mod common;

use common::{Dir, resolution};

/// Three good resolutions and a report, one citing another's paragraph.
fn good(d: &Dir) {
    d.write(
        "corpus/a.txt",
        resolution(
            "A/RES/98/1",
            "OEWG",
            "1. Decides on the quorum;\n\n2. Requests the Secretary-General to report;",
        ),
    );
    d.write(
        "corpus/b.txt",
        resolution(
            "A/RES/98/2",
            "GGE",
            "1. Recalls paragraph 2 of A/98/10;\n\n2. Welcomes the plenum;",
        ),
    );
    d.write(
        "corpus/c.txt",
        "+++\nsymbol = \"A/98/10\"\ntitle = \"A report\"\nkind = \"report\"\nprocess = \"GGE\"\n+++\n\n1. The Group met.\n\n2. The Group found the lighthouse.\n",
    );
}

/// Bad files of several kinds: no front matter, an unknown key, paragraph
/// numbers out of order, not text at all, and a second file of a symbol.
fn bad(d: &Dir) {
    d.write("corpus/bad-frontmatter.txt", "no front matter here\n");
    d.write(
        "corpus/bad-key.txt",
        "+++\nsymbol = \"A/RES/98/7\"\ncolour = \"blue\"\n+++\n\n1. Decides;\n",
    );
    d.write(
        "corpus/bad-order.txt",
        resolution("A/RES/98/8", "OEWG", "2. Decides;\n\n1. Notes;"),
    );
    d.write("corpus/bad-binary.txt", b"\x00\x01\x02\xff\xfe binary\x00");
    d.write(
        "corpus/d-duplicate.txt",
        resolution("A/RES/98/1", "OEWG", "1. Decides otherwise;"),
    );
}

/// The good corpus and a file without front matter.
fn one_bad() -> Dir {
    let d = Dir::new();
    good(&d);
    d.write("corpus/bad-frontmatter.txt", "no front matter here\n");
    d
}

const BAD: [&str; 5] = [
    "corpus/bad-binary.txt",
    "corpus/bad-frontmatter.txt",
    "corpus/bad-key.txt",
    "corpus/bad-order.txt",
    "corpus/d-duplicate.txt",
];

fn index(d: &Dir, extra: &[&str]) -> common::Run {
    let mut args = vec!["index", "--corpus", "corpus", "--index", "idx"];
    args.extend(extra);
    d.undex(&args)
}

fn symbols(d: &Dir, query: &str) -> Vec<String> {
    let r = d.undex(&[
        "search", "--index", "idx", "--corpus", "corpus", "--json", query,
    ]);
    let mut s: Vec<String> = r
        .records("hit")
        .iter()
        .map(|h| h["symbol"].as_str().unwrap_or_default().to_owned())
        .collect();
    s.sort();
    s.dedup();
    s
}

#[test]
fn every_good_file_is_indexed_and_every_bad_one_listed_with_its_lines() {
    let d = Dir::new();
    good(&d);
    bad(&d);
    let r = index(&d, &["--skip-bad"]);
    r.expect_code(2);
    assert_eq!(
        r.stdout(),
        "indexed 3 documents, 6 passages into idx; 5 files left out\n"
    );
    let err = r.stderr();
    for path in BAD {
        assert!(
            err.lines()
                .any(|l| l.starts_with(&format!("undex: {path}:"))),
            "{path} is not named:\n{err}"
        );
    }
    assert!(err.contains(
        "undex: corpus/d-duplicate.txt:1: duplicate symbol A/RES/98/1: corpus/a.txt has it too"
    ));
    assert!(err.contains("undex: corpus/bad-key.txt:3:"), "{err}");
    assert_eq!(
        symbols(&d, "quorum OR plenum OR lighthouse OR otherwise"),
        ["A/98/10", "A/RES/98/1", "A/RES/98/2"]
    );
    // The duplicate left out is not what A/RES/98/1 says.
    assert!(symbols(&d, "otherwise").is_empty());
}

#[test]
fn without_the_flag_the_corpus_is_refused_whole_and_the_index_kept() {
    let d = Dir::new();
    good(&d);
    index(&d, &[]).expect_code(0);
    bad(&d);
    d.write(
        "corpus/e.txt",
        resolution("A/RES/98/3", "OEWG", "1. Decides on the anchor;"),
    );
    let r = index(&d, &[]);
    r.expect_code(2);
    assert!(r.stdout().is_empty(), "{}", r.stdout());
    assert!(
        r.stderr()
            .ends_with("problems in the input; nothing was changed\n"),
        "{}",
        r.stderr()
    );
    assert!(symbols(&d, "anchor").is_empty(), "nothing was added");
    assert_eq!(symbols(&d, "quorum"), ["A/RES/98/1"]);
}

#[test]
fn an_index_that_left_files_out_is_not_up_to_date_for_a_build_without_the_flag() {
    let d = one_bad();
    index(&d, &["--skip-bad"]).expect_code(2);
    // Unchanged corpus: the bad file is still bad, and said so.
    let again = index(&d, &["--skip-bad"]);
    again.expect_code(2);
    assert_eq!(
        again.stdout(),
        "the index in idx is up to date (3 documents, 6 passages; 1 file left out); --rebuild forces a build\n"
    );
    assert!(again.stderr().contains("corpus/bad-frontmatter.txt:1:"));
    let strict = index(&d, &[]);
    strict.expect_code(2);
    assert!(
        strict.stderr().contains("corpus/bad-frontmatter.txt:1:")
            && strict.stderr().contains("nothing was changed"),
        "{}",
        strict.stderr()
    );
    // Once fixed, the file is indexed and a plain build is content.
    d.write(
        "corpus/bad-frontmatter.txt",
        resolution("A/RES/98/4", "OEWG", "1. Decides on the beacon;"),
    );
    let fixed = index(&d, &[]);
    fixed.expect_code(0);
    assert_eq!(symbols(&d, "beacon"), ["A/RES/98/4"]);
    index(&d, &[]).expect_code(0);
}

#[test]
fn an_incremental_update_takes_out_a_file_gone_bad_and_adds_one_fixed() {
    let d = Dir::new();
    good(&d);
    for i in 0..10 {
        d.write(
            &format!("corpus/more{i}.txt"),
            resolution(&format!("A/RES/97/{}", i + 1), "OEWG", "1. Notes the tide;"),
        );
    }
    index(&d, &[]).expect_code(0);
    // a.txt goes bad: its old text leaves the index, and nobody else cites it.
    d.write(
        "corpus/a.txt",
        resolution(
            "A/RES/98/1",
            "OEWG",
            "3. Decides on the quorum;\n\n1. Notes;",
        ),
    );
    let r = index(&d, &["--skip-bad"]);
    r.expect_code(2);
    assert_eq!(
        r.stdout(),
        "updated idx: 0 changed or added, 1 removed; 12 documents, 14 passages; 1 file left out\n"
    );
    assert!(
        r.stderr().contains("undex: corpus/a.txt:"),
        "{}",
        r.stderr()
    );
    assert!(symbols(&d, "quorum").is_empty());
    d.write(
        "corpus/a.txt",
        resolution("A/RES/98/1", "OEWG", "1. Decides on the quorum;"),
    );
    let r = index(&d, &["--skip-bad"]);
    r.expect_code(0);
    assert_eq!(
        r.stdout(),
        "updated idx: 1 changed or added, 0 removed; 13 documents, 15 passages\n"
    );
    assert_eq!(symbols(&d, "quorum"), ["A/RES/98/1"]);
}

#[test]
fn json_prints_a_record_for_each_file_left_out_then_the_index() {
    let d = one_bad();
    d.write(
        "corpus/bad-order.txt",
        resolution("A/RES/98/8", "OEWG", "2. Decides;\n\n1. Notes;"),
    );
    let r = index(&d, &["--skip-bad", "--json"]);
    r.expect_code(2);
    let types: Vec<String> = r
        .stdout()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("a JSON line")["type"].to_string()
        })
        .collect();
    assert_eq!(types, ["\"bad_file\"", "\"bad_file\"", "\"index\""]);
    let bad = r.records("bad_file");
    assert_eq!(bad[0]["path"], "corpus/bad-frontmatter.txt");
    assert_eq!(bad[0]["problems"][0]["line"], 1);
    assert_eq!(bad[1]["path"], "corpus/bad-order.txt");
    assert!(
        bad[1]["problems"][0]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );
    let built = r.records("index");
    assert_eq!(built[0]["documents"], 3);
    assert_eq!(built[0]["written"], true);
}

#[test]
fn a_corpus_of_which_nothing_passes_is_refused_and_a_good_one_exits_0() {
    let d = Dir::new();
    d.write("corpus/x.txt", "no front matter here\n");
    let r = index(&d, &["--skip-bad"]);
    r.expect_code(2);
    assert!(r.stderr().contains("nothing was changed"), "{}", r.stderr());
    let d = Dir::new();
    good(&d);
    let r = index(&d, &["--skip-bad"]);
    r.expect_code(0);
    assert_eq!(r.stdout(), "indexed 3 documents, 6 passages into idx\n");
}

#[test]
fn a_left_out_file_leaves_no_link_behind() {
    let d = Dir::new();
    good(&d);
    // The report's duplicate is a resolution: left out, its numbering
    // must not reach A/RES/98/2's reference to paragraph 2 of the report.
    d.write(
        "corpus/d-report.txt",
        resolution("A/98/10", "GGE", "1. Notes;\n\n2. Decides;"),
    );
    // A file left out cites A/RES/98/1: nothing of it refers to it.
    d.write(
        "corpus/e-citing.txt",
        resolution(
            "A/RES/98/9",
            "OEWG",
            "2. Recalls paragraph 1 of resolution 98/1;\n\n1. Notes;",
        ),
    );
    index(&d, &["--skip-bad"]).expect_code(2);
    assert_eq!(cited_by(&d, "A/98/10, para. 2"), ["A/RES/98/2#OP1"]);
    assert!(cited_by(&d, "A/RES/98/1").is_empty());
}

/// The ids of the passages `show` lists as referring to `what`.
fn cited_by(d: &Dir, what: &str) -> Vec<String> {
    let shown = d.undex(&[
        "show", "--index", "idx", "--corpus", "corpus", "--json", what,
    ]);
    shown.expect_code(0);
    shown
        .records("cited_by")
        .iter()
        .map(|p| p["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}
