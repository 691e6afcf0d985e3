//! The table of processes built into the binary: `import` run outside any project knows the field's documents, a corpus's `processes.toml` overrides it, and `--process AHC` selects the cybercrime track in `search` and `compare`.

mod common;

use common::{Dir, resolution};

/// A raw text in the masthead layout of a General Assembly resolution,
/// written for this test (only the symbol is A/RES/73/27's).
const RAW_73_27: &str = "United Nations \nA/RES/73/27\n \n \nGeneral Assembly \nDistr.: General \n11 December 2018 \n \n18-00001 (E)    111218 \n*1800001* \n \n \nSeventy-third session \nAgenda item 96 \n \n \n Resolution adopted by the General Assembly \non 5 December 2018 \n \n \n[on the report of the First Committee (A/73/505)] \n \n \n 73/27. A test title about working groups \n \nThe General Assembly,  \n \nNoting that test texts are short, \n \n1. \nDecides to keep this text brief; \n \n2. \nRequests a short report. \n \n \n45th plenary meeting \n5 December 2018 \n";

/// The `process` line of a corpus file.
fn process_line(text: &str) -> Option<&str> {
    text.lines().find(|l| l.starts_with("process ="))
}

#[test]
fn import_outside_any_project_knows_the_process_of_a_res_73_27() {
    let d = Dir::new();
    d.write("download/document.txt", RAW_73_27);
    let r = d.undex(&["import", "download/document.txt"]);
    r.expect_code(0);
    assert!(
        !r.stderr().contains("no process is known"),
        "{}",
        r.stderr()
    );
    let written = std::fs::read_to_string(d.join("corpus/A-RES-73-27.txt")).expect("written");
    assert_eq!(
        process_line(&written),
        Some("process = \"OEWG\""),
        "{written}"
    );
}

#[test]
fn import_outside_any_project_knows_each_line_of_the_later_sessions() {
    let d = Dir::new();
    // The same invented text under the symbols of later sessions: the
    // process comes from the built-in table, by symbol alone.
    let cases = [
        ("A/RES/80/16", "80/16", "process = \"OEWG\""),
        ("A/RES/77/37", "77/37", "process = \"GGE\""),
        ("A/RES/76/19", "76/19", "process = [\"OEWG\", \"GGE\"]"),
        ("A/RES/75/282", "75/282", "process = \"AHC\""),
    ];
    for (symbol, number, _) in cases {
        d.write(
            &format!("download/{}.txt", number.replace('/', "-")),
            RAW_73_27
                .replace("A/RES/73/27", symbol)
                .replace("73/27.", &format!("{number}.")),
        );
    }
    let r = d.undex(&["import", "--out", "out", "download"]);
    r.expect_code(0);
    assert!(
        !r.stderr().contains("no process is known"),
        "{}",
        r.stderr()
    );
    for (symbol, _, want) in cases {
        let file = format!("out/{}.txt", symbol.replace('/', "-"));
        let written = std::fs::read_to_string(d.join(&file)).expect("written");
        assert_eq!(process_line(&written), Some(want), "{symbol}: {written}");
    }
}

#[test]
fn a_corpus_table_overrides_the_builtin_one_and_adds_to_it() {
    let d = Dir::new();
    d.write(
        "corpus/processes.toml",
        "\"A/RES/73/27\" = [\"OEWG\", \"GGE\"]\n",
    );
    d.write("download/document.txt", RAW_73_27);
    d.write(
        "download/other.txt",
        RAW_73_27
            .replace("A/RES/73/27", "A/RES/98/7")
            .replace("73/27.", "98/7."),
    );
    let r = d.undex(&["import", "download"]);
    r.expect_code(0);
    let written = std::fs::read_to_string(d.join("corpus/A-RES-73-27.txt")).expect("written");
    assert_eq!(
        process_line(&written),
        Some("process = [\"OEWG\", \"GGE\"]"),
        "{written}"
    );
    assert!(
        r.stderr().contains("no process is known for A/RES/98/7"),
        "a symbol neither table knows is still reported: {}",
        r.stderr()
    );
    d.write(
        "corpus/processes.toml",
        "\"A/RES/73/27\" = [\"OEWG\", \"GGE\"]\n\"A/RES/98/7\" = \"ahc\"\n",
    );
    d.undex(&["import", "--force", "download"]).expect_code(0);
    let other = std::fs::read_to_string(d.join("corpus/A-RES-98-7.txt")).expect("written");
    assert_eq!(process_line(&other), Some("process = \"AHC\""), "{other}");
}

#[test]
fn process_ahc_selects_the_cybercrime_track_in_search_and_compare() {
    let d = Dir::new();
    d.write(
        "corpus/a.txt",
        resolution("A/RES/98/1", "AHC", "1. Decides that evidence matters;"),
    );
    d.write(
        "corpus/b.txt",
        resolution(
            "A/RES/98/2",
            "OEWG",
            "1. Decides that evidence and norms matter;",
        ),
    );
    d.undex(&["index"]).expect_code(0);
    for name in ["AHC", "ahc"] {
        let r = d.undex(&["search", "--json", "--process", name, "evidence"]);
        r.expect_code(0);
        let hits = r.records("hit");
        assert_eq!(r.hit_ids(), ["A/RES/98/1#OP1"], "--process {name}");
        assert_eq!(hits[0]["process"], serde_json::json!(["AHC"]));
    }
    let r = d.undex(&["search", "--json", "--process", "GGE", "evidence"]);
    r.expect_code(2);
    assert!(
        r.stderr().contains("it has: AHC, OEWG") || r.stderr().contains("OEWG, AHC"),
        "{}",
        r.stderr()
    );
    let r = d.undex(&["compare", "--json", "--by", "process", "evidence"]);
    r.expect_code(0);
    let out = r.stdout();
    let ahc = out.find("\"AHC\"").expect("an AHC group");
    let oewg = out.find("\"OEWG\"").expect("an OEWG group");
    assert!(oewg < ahc, "the OEWG is listed before the AHC: {out}");
    let r = d.undex(&[
        "compare",
        "--json",
        "--process",
        "AHC",
        "--by",
        "doc",
        "evidence",
    ]);
    r.expect_code(0);
    assert!(
        r.stdout().contains("A/RES/98/1") && !r.stdout().contains("A/RES/98/2"),
        "{}",
        r.stdout()
    );
}
