//! The command line as users meet it: index, search, show, exit codes, output conventions.

mod common;

use common::{Dir, resolution};

fn small_corpus(d: &Dir) {
    d.write(
        "corpus/a.txt",
        resolution(
            "A/RES/99/1",
            "OEWG",
            "Recalling its work on quorum matters,\n\n1. Decides to keep quorum rules;\n\n2. Requests a quorum report:\n\n(a) on voting;\n\n(b) on consensus.",
        ),
    );
    d.write(
        "corpus/b.txt",
        resolution(
            "A/RES/99/2",
            "GGE",
            "1. Welcomes the consensus of experts on quorum;",
        ),
    );
    d.write(
        "corpus/notes.md",
        "+++\nsymbol = \"Doe2020\"\nkind = \"commentary\"\nauthor = \"Jane Doe\"\ndate = \"2020\"\naliases = { \"the first resolution\" = \"A/RES/99/1\" }\n+++\n\n## Voting\n\nThe first resolution, para. 2(a), asks for a report on voting.\n",
    );
}

#[test]
fn index_then_search_prints_cited_ranked_passages() {
    let d = Dir::new();
    small_corpus(&d);
    let r = d.undex(&["index"]);
    r.expect_code(0);
    assert!(
        r.stdout().contains("3 documents, 7 passages"),
        "{}",
        r.stdout()
    );
    let r = d.undex(&["search", "quorum", "rules"]);
    r.expect_code(0);
    let out = r.stdout();
    assert!(out.contains(" 1. A/RES/99/1, para. 1  [OEWG]"), "{out}");
    assert!(!out.contains('\x1b'), "no colour when piped: {out:?}");
    let r = d.undex(&["search", "--json", "quorum"]);
    r.expect_code(0);
    let hits = r.records("hit");
    assert_eq!(hits.len(), 4);
    assert_eq!(hits[0]["rank"], 1);
    assert!(
        hits.iter()
            .all(|h| !h["snippet"].as_str().unwrap_or("").is_empty())
    );
    let summary = r.records("summary");
    assert_eq!(summary[0]["matched"], 4);
    assert_eq!(summary[0]["returned"], 4);
    d.undex(&["search", "zzqxjv"]).expect_code(1);
}

#[test]
fn search_builds_the_index_on_first_use_and_notices_a_changed_corpus() {
    let d = Dir::new();
    small_corpus(&d);
    d.write("index/README.md", "the schema");
    let r = d.undex(&["search", "voting"]);
    r.expect_code(0);
    assert!(r.stderr().contains("building it"), "{}", r.stderr());
    let r = d.undex(&["search", "voting"]);
    assert!(r.stderr().is_empty(), "{}", r.stderr());
    d.write(
        "corpus/c.txt",
        resolution("A/RES/99/3", "GGE", "1. Notes voting."),
    );
    let r = d.undex(&["search", "--json", "voting"]);
    r.expect_code(0);
    assert!(r.stderr().contains("has changed"), "{}", r.stderr());
    assert!(
        !r.hit_ids().contains(&"A/RES/99/3#OP1".to_owned()),
        "searched the old index"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("index/README.md")).unwrap(),
        "the schema"
    );
}

#[test]
fn filters_keep_what_they_name() {
    let d = Dir::new();
    small_corpus(&d);
    d.undex(&["index"]).expect_code(0);
    let ids = d
        .undex(&["search", "--json", "--process", "GGE", "quorum"])
        .hit_ids();
    assert_eq!(ids, ["A/RES/99/2#OP1"]);
    let ids = d
        .undex(&[
            "search",
            "--json",
            "--doc",
            "a/res/99/1",
            "--part",
            "preambular",
            "quorum",
        ])
        .hit_ids();
    assert_eq!(ids, ["A/RES/99/1#PP1"]);
    let ids = d
        .undex(&[
            "search",
            "--json",
            "--doc",
            "A/RES/99/2",
            "--doc",
            "A/RES/99/1",
            "consensus",
        ])
        .hit_ids();
    assert_eq!(ids.len(), 2);
    let mut ids = d
        .undex(&["search", "--json", "quorum -report process:OEWG"])
        .hit_ids();
    ids.sort();
    assert_eq!(ids, ["A/RES/99/1#OP1", "A/RES/99/1#PP1"]);
    d.undex(&["search", "--part", "annexe", "quorum"])
        .expect_code(2);
}

#[test]
fn phrases_or_and_pasted_symbols() {
    let d = Dir::new();
    small_corpus(&d);
    d.undex(&["index"]).expect_code(0);
    let ids = d
        .undex(&["search", "--json", "\"quorum report\""])
        .hit_ids();
    assert_eq!(ids, ["A/RES/99/1#OP2"]);
    d.undex(&["search", "\"report quorum\""]).expect_code(1);
    let ids = d
        .undex(&["search", "--json", "voting OR experts"])
        .hit_ids();
    assert_eq!(ids.len(), 3, "{ids:?}");
    let ids = d.undex(&["search", "--json", "A/RES/99/1"]).hit_ids();
    assert_eq!(
        ids.first().map(String::as_str),
        Some("Doe2020#S1.1"),
        "{ids:?}"
    );
    for q in [
        "2334 (2016)",
        "a:b",
        "para. 5:",
        "OR",
        "\"unbalanced",
        "国家主权",
        "(quorum",
    ] {
        let r = d.undex(&["search", q]);
        assert!([0, 1].contains(&r.code()), "{q}: {}", r.stderr());
    }
    // Nothing searchable at all: one short line, exit 2.
    for q in ["*", "((", "-", "AND AND"] {
        let r = d.undex(&["search", q]);
        r.expect_code(2);
        assert_eq!(r.stderr().lines().count(), 1, "{q}: {}", r.stderr());
    }
}

#[test]
fn show_a_passage_a_document_and_what_refers_to_it() {
    let d = Dir::new();
    small_corpus(&d);
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["show", "--json", "A/RES/99/1"]);
    r.expect_code(0);
    let anchors: Vec<String> = r
        .records("passage")
        .iter()
        .map(|p| p["anchor"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(anchors, ["PP1", "OP1", "OP2", "OP2(a)", "OP2(b)"]);
    assert_eq!(r.records("cited_by")[0]["id"], "Doe2020#S1.1");
    let r = d.undex(&["show", "A/RES/99/1#OP2(a)"]);
    r.expect_code(0);
    assert!(
        r.stdout().contains("A/RES/99/1, para. 2(a)"),
        "{}",
        r.stdout()
    );
    assert!(
        r.stdout().contains("Doe 2020, \"Voting\", para. 1"),
        "{}",
        r.stdout()
    );
    d.undex(&["show", "A/RES/99/9#OP1"]).expect_code(1);
}

#[test]
fn the_same_ranking_however_files_are_named_or_ordered() {
    let a = Dir::new();
    let b = Dir::new();
    let docs: Vec<String> = (1..=6)
        .map(|i| {
            resolution(
                &format!("A/RES/98/{i}"),
                "OEWG",
                "1. Decides on consensus and quorum;\n\n2. Notes consensus.",
            )
        })
        .collect();
    for (i, doc) in docs.iter().enumerate() {
        a.write(&format!("corpus/doc{i}.txt"), doc);
        b.write(&format!("corpus/{}-renamed.md", 9 - i), doc);
    }
    a.undex(&["index"]).expect_code(0);
    b.undex(&["index", "--threads", "1"]).expect_code(0);
    let ra = a
        .undex(&["search", "--json", "--limit", "20", "consensus"])
        .hit_ids();
    let rb = b
        .undex(&["search", "--json", "--limit", "20", "consensus"])
        .hit_ids();
    assert_eq!(ra.len(), 12);
    assert_eq!(ra, rb);
    assert_eq!(
        ra[0], "A/RES/98/1#OP2",
        "ties go to the smaller symbol, then the earlier passage"
    );
}

#[test]
fn a_folder_that_is_not_an_index_is_never_touched() {
    let d = Dir::new();
    small_corpus(&d);
    d.write("thesis/chapter1.docx", "three years of work");
    let r = d.undex(&["index", "--index", "thesis"]);
    r.expect_code(2);
    assert!(r.stderr().contains("not an undex index"), "{}", r.stderr());
    let names: Vec<_> = std::fs::read_dir(d.join("thesis"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["chapter1.docx"]);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let d = Dir::new();
    let body: String = (1..=400)
        .map(|i| format!("{i}. Decides on quorum matters number {i} at length;\n\n"))
        .collect();
    d.write("corpus/big.txt", resolution("A/RES/97/1", "OEWG", &body));
    d.undex(&["index"]).expect_code(0);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_undex"))
        .args(["search", "--full", "--limit", "400", "quorum"])
        .current_dir(d.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn exports_stats_schema_completions_and_man() {
    let d = Dir::new();
    small_corpus(&d);
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["export", "--format", "jsonl"]);
    r.expect_code(0);
    let rows: Vec<serde_json::Value> = r
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[0]["id"], "A/RES/99/1#PP1");
    let r = d.undex(&["export", "--format", "es-bulk", "--es-index", "un"]);
    let lines: Vec<serde_json::Value> = r
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 14);
    assert_eq!(lines[0]["index"]["_index"], "un");
    assert_eq!(lines[0]["index"]["_id"], lines[1]["id"]);
    let r = d.undex(&["export", "--format", "csv"]);
    assert_eq!(
        r.stdout()
            .lines()
            .next()
            .unwrap_or_default()
            .split(',')
            .next(),
        Some("id")
    );
    let r = d.undex(&["export", "--quickwit-config"]);
    let qw: serde_json::Value = serde_json::from_str(&r.stdout()).unwrap();
    let text = qw["doc_mapping"]["field_mappings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "text")
        .unwrap()
        .clone();
    assert_eq!(text["record"], "position", "phrase queries need positions");
    // The export indexes again as a corpus.
    d.write("export.jsonl", d.undex(&["export"]).stdout());
    d.undex(&["index", "--corpus", "export.jsonl", "--index", "again"])
        .expect_code(0);
    let a = d.undex(&["search", "--json", "quorum"]).hit_ids();
    let b = d
        .undex(&[
            "search",
            "--json",
            "--corpus",
            "export.jsonl",
            "--index",
            "again",
            "quorum",
        ])
        .hit_ids();
    assert_eq!(a, b);
    let r = d.undex(&["stats", "--json"]);
    let s = &r.records("stats")[0];
    assert_eq!(s["documents"], 3);
    assert_eq!(s["passages"], 7);
    assert_eq!(s["passages_by_part"]["operative"], 5);
    let r = d.undex(&["schema"]);
    let schema: serde_json::Value = serde_json::from_str(&r.stdout()).unwrap();
    assert!(
        schema["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["name"] == "citation")
    );
    assert!(d.undex(&["completions", "bash"]).stdout().contains("undex"));
    assert!(d.undex(&["man"]).stdout().contains(".TH undex"));
    d.undex(&["completions", "nosuchshell"]).expect_code(2);
}

#[test]
fn only_what_changed_is_indexed_again() {
    let d = Dir::new();
    for i in 1..=8 {
        d.write(
            &format!("corpus/r{i}.txt"),
            resolution(&format!("A/RES/97/{i}"), "OEWG", "1. Decides on quorum;"),
        );
    }
    d.write(
        "corpus/notes.md",
        "+++\nsymbol = \"Doe2020\"\nkind = \"commentary\"\nauthor = \"Jane Doe\"\ndate = \"2020\"\n+++\n\nA/RES/97/8, para. 1, is about quorum.\n",
    );
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["index"]);
    assert!(r.stdout().contains("up to date"), "{}", r.stdout());
    // One resolution changed, one removed: only those are re-indexed.
    d.write(
        "corpus/r1.txt",
        resolution("A/RES/97/1", "OEWG", "1. Decides on zebracorn matters;"),
    );
    std::fs::remove_file(d.join("corpus/r2.txt")).unwrap();
    let r = d.undex(&["index"]);
    r.expect_code(0);
    assert!(
        r.stdout().contains("1 changed or added, 1 removed"),
        "{}",
        r.stdout()
    );
    assert!(
        r.stdout().contains("8 documents, 8 passages"),
        "{}",
        r.stdout()
    );
    assert_eq!(
        d.undex(&["search", "--json", "zebracorn"]).hit_ids(),
        ["A/RES/97/1#OP1"]
    );
    d.undex(&["show", "A/RES/97/2"]).expect_code(1);
    let incremental = d
        .undex(&["search", "--json", "--limit", "20", "quorum"])
        .hit_ids();
    let r = d.undex(&["index", "--rebuild"]);
    assert!(
        r.stdout().starts_with("indexed 8 documents"),
        "{}",
        r.stdout()
    );
    assert_eq!(
        d.undex(&["search", "--json", "--limit", "20", "quorum"])
            .hit_ids(),
        incremental,
        "the same as a full build"
    );
    // A document the commentary cites changes: everything is linked again.
    d.write(
        "corpus/r8.txt",
        resolution("A/RES/97/8", "GGE", "1. Decides on quorum, again;"),
    );
    let r = d.undex(&["index"]);
    assert!(
        r.stdout().starts_with("indexed 8 documents"),
        "a full build: {}",
        r.stdout()
    );
    let hits = d
        .undex(&["search", "--json", "about quorum"])
        .records("hit");
    assert_eq!(
        hits[0]["process"],
        serde_json::json!(["GGE"]),
        "the commentary follows its resolution's process"
    );
    // A bad file in an incremental run: reported, nothing applied.
    d.write("corpus/r3.txt", "no front matter");
    d.undex(&["index"]).expect_code(2);
    assert_eq!(
        d.undex(&["search", "--json", "--limit", "20", "quorum"])
            .hit_ids()
            .len(),
        7
    );
}
