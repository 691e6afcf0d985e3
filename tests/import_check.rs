//! `undex import --check` end to end: what an import would write, printed for a person (a golden file) or as records, its refusals and exit codes, and nothing ever written.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::golden::golden;
use common::{Dir, fixture};

/// Every file and folder under `root` with its bytes (folders as `None`).
fn tree(root: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    let mut seen = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let p = entry.expect("entry").path();
            let rel = p.strip_prefix(root).unwrap().display().to_string();
            if p.is_dir() {
                seen.insert(rel, None);
                stack.push(p);
            } else {
                seen.insert(rel, Some(std::fs::read(&p).expect("read")));
            }
        }
    }
    seen
}

#[test]
fn the_human_listing_of_a_raw_resolution() {
    let d = Dir::new();
    d.write("raw.txt", fixture("raw-resolution.txt"));
    let r = d.undex(&["import", "--check", "raw.txt", "--out", "corpus"]);
    r.expect_code(0);
    assert!(!r.stdout().contains('\x1b'), "no colour when piped");
    golden("check-import.txt", &r.stdout());
}

#[test]
fn a_check_writes_nothing_anywhere() {
    let d = Dir::new();
    d.write("raw/a.txt", fixture("raw-resolution.txt"));
    d.write("raw/b.txt", fixture("report.txt"));
    d.write("raw/c.txt", fixture("decision.txt"));
    let before = tree(d.path());
    // Into the default corpus folder, which does not exist: it is not made.
    let r = d.undex(&["import", "--check", "raw"]);
    r.expect_code(0);
    assert!(
        r.stdout().contains("would create the folder"),
        "{}",
        r.stdout()
    );
    d.undex(&["import", "--check", "--json", "raw", "--out", "out"])
        .expect_code(0);
    d.undex(&["import", "--check", "--force", "raw/a.txt", "--out", "raw"])
        .expect_code(0);
    assert_eq!(tree(d.path()), before, "no file or folder was written");

    // Into a corpus folder with a different file of the same name: refused, untouched.
    d.undex(&["import", "raw/a.txt", "--out", "corpus"])
        .expect_code(0);
    d.write("corpus/A-RES-99-12.txt", "edited by hand\n");
    let before = tree(d.path());
    let r = d.undex(&["import", "--check", "raw/a.txt", "--out", "corpus"]);
    r.expect_code(2);
    assert!(
        r.stdout()
            .contains("raw/a.txt: would be refused (1 problem; nothing written)"),
        "{}",
        r.stdout()
    );
    assert!(
        r.stdout().contains("corpus/A-RES-99-12.txt: a different file for A/RES/99/12 already exists; use --force to replace it"),
        "{}",
        r.stdout()
    );
    d.undex(&[
        "import",
        "--check",
        "--force",
        "raw/a.txt",
        "--out",
        "corpus",
    ])
    .expect_code(0);
    assert_eq!(tree(d.path()), before, "a check never writes, even forced");
}

#[test]
fn each_input_has_its_block_and_one_refused_means_exit_2() {
    let d = Dir::new();
    d.write("raw/a.txt", fixture("raw-resolution.txt"));
    d.write("raw/b.txt", fixture("report.txt"));
    d.write("raw/junk.txt", "Only some words, and no symbol anywhere.\n");
    let r = d.undex(&["import", "--check", "raw", "--out", "corpus"]);
    r.expect_code(2);
    let out = r.stdout();
    let headers: Vec<&str> = out.lines().filter(|l| l.starts_with("raw/")).collect();
    assert_eq!(
        headers,
        [
            "raw/a.txt: would write corpus/A-RES-99-12.txt (24 passages, 1 line to check; nothing written)",
            "raw/b.txt: would write corpus/A-99-300.txt (8 passages, 1 line to check; nothing written)",
            "raw/junk.txt: would be refused (1 problem; nothing written)",
        ],
        "{out}"
    );
    assert!(
        out.contains("  raw/junk.txt: no document symbol"),
        "the problem names its file: {out}"
    );
    assert!(
        out.contains("  P3(b)    A/99/300, para. 3(b)                 some keepers lack training."),
        "anchors and citations aligned, the first words beside them: {out}"
    );
    assert!(
        r.stderr()
            .contains("undex: 1 of 3 inputs would be refused (above); nothing written"),
        "{}",
        r.stderr()
    );
    assert!(!d.join("corpus").exists());

    // A folder that is not there is refused too, and the rest still checked.
    let r = d.undex(&["import", "--check", "raw/a.txt", "missing"]);
    r.expect_code(2);
    assert!(
        r.stdout()
            .contains("missing: would be refused (1 problem; nothing written)\n  missing: "),
        "{}",
        r.stdout()
    );
    assert!(r.stdout().contains("raw/a.txt: would write"));
}

#[test]
fn json_gives_a_checked_or_refused_record_per_input() {
    let d = Dir::new();
    d.write("raw/a.txt", fixture("raw-resolution.txt"));
    d.write("raw/junk.txt", "Only some words, and no symbol anywhere.\n");
    let r = d.undex(&["import", "--check", "--json", "raw", "--out", "corpus"]);
    r.expect_code(2);
    let checked = r.records("checked");
    assert_eq!(checked.len(), 1, "{}", r.stdout());
    let c = &checked[0];
    assert_eq!(c["input"], "raw/a.txt");
    assert_eq!(c["path"], "corpus/A-RES-99-12.txt");
    assert_eq!(c["unchanged"], false);
    assert_eq!(c["meta"]["symbol"], "A/RES/99/12");
    assert_eq!(c["meta"]["kind"], "resolution");
    assert_eq!(c["meta"]["adopted"], "2017-01-20");
    let passages = c["passages"].as_array().unwrap();
    assert_eq!(passages.len(), 24);
    assert_eq!(passages[0]["anchor"], "PP1");
    assert_eq!(passages[0]["citation"], "A/RES/99/12, preambular para. 1");
    assert!(
        passages.iter().any(|p| p["anchor"] == "OP1(b)(ii)"
            && p["citation"] == "A/RES/99/12, para. 1(b)(ii)"
            && p["text"] == "The second keepers;"),
        "{passages:?}"
    );
    assert!(
        passages
            .iter()
            .any(|p| p["notes"].as_array().is_some_and(|n| !n.is_empty())),
        "the footnotes are kept with their passages"
    );
    let warnings = c["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0]["file"], "raw/a.txt");
    assert!(
        warnings[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("no process is known for A/RES/99/12")
    );

    let refused = r.records("refused");
    assert_eq!(refused.len(), 1, "{}", r.stdout());
    assert_eq!(refused[0]["input"], "raw/junk.txt");
    assert_eq!(refused[0]["problems"][0]["file"], "raw/junk.txt");
    assert_eq!(refused[0]["problems"][0]["line"], 0);
    assert!(r.records("imported").is_empty());
    assert!(!d.join("corpus").exists());
}

#[test]
fn standard_input_can_be_checked() {
    let d = Dir::new();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_undex"))
        .args(["import", "--check", "--stdin", "--process", "OEWG"])
        .current_dir(d.path())
        .stdin(
            std::fs::File::open(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/decision.txt"),
            )
            .unwrap(),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("<stdin>: would write corpus/"),
        "{stdout}"
    );
    assert!(stdout.contains("  process      OEWG\n"), "{stdout}");
    assert!(!d.join("corpus").exists());
}
