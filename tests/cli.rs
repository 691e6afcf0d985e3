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
    // The parts offered are the library's own (`Part::ALL`).
    let refused = d.undex(&["search", "--part", "annexe", "quorum"]);
    refused.expect_code(2);
    assert!(
        refused
            .stderr()
            .contains("[possible values: preambular, operative, report, commentary]"),
        "{}",
        refused.stderr()
    );
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

/// Runs undex in `d` with a pipe as standard output whose reader reads
/// `lines` lines (none: it is closed before undex writes), then goes away.
fn with_reader_gone(d: &Dir, args: &[&str], lines: usize) -> std::process::Output {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_undex"))
        .args(args)
        .current_dir(d.path())
        .env_remove("NO_COLOR")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
    for _ in 0..lines {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
    }
    drop(reader);
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_is_not_an_error_for_any_command() {
    let d = Dir::new();
    let body: String = (1..=400)
        .map(|i| format!("{i}. Decides on quorum matters number {i} at length;\n\n"))
        .collect();
    d.write("corpus/big.txt", resolution("A/RES/97/1", "OEWG", &body));
    d.write(
        "raw.txt",
        "United Nations A/RES/97/2\n\nGeneral Assembly\n\nResolution adopted by the General Assembly\n\n97/2. Quorum\n\nThe General Assembly,\n\n1. Decides on quorum;\n",
    );
    d.undex(&["index"]).expect_code(0);
    let commands: &[&[&str]] = &[
        &["index", "--rebuild"],
        &["search", "--full", "--limit", "400", "quorum"],
        &["search", "--json", "--limit", "400", "quorum"],
        &["show", "A/RES/97/1"],
        &["show", "--json", "A/RES/97/1"],
        &["compare", "quorum", "matters"],
        &["compare", "--json", "quorum"],
        &["compare", "--csv", "quorum"],
        &["compare", "--distinctive", "--by", "part"],
        &["kwic", "quorum"],
        &["kwic", "--json", "quorum"],
        &["kwic", "--csv", "quorum"],
        &["align", "A/RES/97/1#OP1", "A/RES/97/1#OP2"],
        &["align", "--json", "A/RES/97/1#OP1", "A/RES/97/1#OP2"],
        &["export", "--format", "jsonl"],
        &["export", "--format", "es-bulk"],
        &["export", "--format", "csv"],
        &["export", "--quickwit-config"],
        &["stats"],
        &["stats", "--json"],
        &["schema"],
        &["completions", "bash"],
        &["man"],
        &[
            "import",
            "raw.txt",
            "--out",
            "imported",
            "--force",
            "--process",
            "OEWG",
        ],
        &["--help"],
        &["--version"],
    ];
    for args in commands {
        // Closed before the first write, and `… | head -1`.
        for lines in [0, 1] {
            let out = with_reader_gone(&d, args, lines);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{args:?} ({lines} read): {err}");
            assert!(err.is_empty(), "{args:?} ({lines} read): {err}");
        }
    }
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

#[test]
fn a_mistyped_index_or_corpus_is_an_error_naming_it_and_nothing_is_created() {
    let d = Dir::new();
    small_corpus(&d);
    // Not the default place, and it does not exist: never created.
    let r = d.undex(&["search", "--index", "missing/idx", "quorum"]);
    r.expect_code(2);
    assert!(
        r.stderr().contains("there is no index in missing/idx"),
        "{}",
        r.stderr()
    );
    assert!(!d.join("missing").exists());
    let r = d.undex(&["search", "--index", "idx", "quorum"]);
    r.expect_code(2);
    assert!(!d.join("idx").exists());
    for cmd in ["show", "stats", "export"] {
        let mut args = vec![cmd, "--index", "nowhere"];
        if cmd == "show" {
            args.push("A/RES/99/1");
        }
        d.undex(&args).expect_code(2);
        assert!(!d.join("nowhere").exists(), "{cmd}");
    }
    // An empty folder that exists, or the default place: built on first use.
    std::fs::create_dir_all(d.join("idx")).unwrap();
    let r = d.undex(&["search", "--json", "--index", "idx", "quorum"]);
    r.expect_code(0);
    assert!(!r.hit_ids().is_empty());
    d.undex(&["search", "quorum"]).expect_code(0);
    assert!(d.join("index/meta.json").is_file());
    // A corpus the user named that does not exist: an error, as --help says.
    let r = d.undex(&["search", "--corpus", "nonexistent", "quorum"]);
    r.expect_code(2);
    assert_eq!(
        r.stderr().trim_end(),
        "undex: the corpus nonexistent does not exist"
    );
    assert!(
        d.undex(&["search", "--help"])
            .stdout()
            .contains("a --corpus or --index that does not exist")
    );
    // The default corpus gone beside a built index: searched as it is, with a notice.
    std::fs::rename(d.join("corpus"), d.join("moved")).unwrap();
    let r = d.undex(&["search", "quorum"]);
    r.expect_code(0);
    assert!(r.stderr().contains("cannot be read"), "{}", r.stderr());
}

#[test]
fn an_unknown_doc_or_process_is_named_with_the_closest_the_index_has() {
    let d = Dir::new();
    small_corpus(&d);
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["search", "--doc", "A/RES/99/9", "quorum"]);
    r.expect_code(2);
    assert_eq!(r.stdout(), "");
    assert_eq!(
        r.stderr().trim_end(),
        "undex: no document A/RES/99/9 in the index (it has: A/RES/99/1, A/RES/99/2, Doe2020)"
    );
    let r = d.undex(&["search", "--process", "XYZ", "--process", "gge", "quorum"]);
    r.expect_code(2);
    assert_eq!(
        r.stderr().trim_end(),
        "undex: no process XYZ in the index (it has: GGE, OEWG)"
    );
    // Known values, in any case, still filter.
    let r = d.undex(&[
        "search",
        "--json",
        "--doc",
        "a/res/99/2",
        "--process",
        "gge",
        "quorum",
    ]);
    r.expect_code(0);
    assert_eq!(r.hit_ids(), ["A/RES/99/2#OP1"]);
}

#[test]
fn a_citation_is_found_in_any_case() {
    let d = Dir::new();
    small_corpus(&d);
    d.undex(&["index"]).expect_code(0);
    let want = &d.undex(&["show", "--json", "A/RES/99/1, para. 2(a)"]);
    want.expect_code(0);
    let ids = |r: &common::Run| -> Vec<String> {
        r.records("passage")
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(want), ["A/RES/99/1#OP2(a)"]);
    for spelled in [
        "a/res/99/1, para. 2(a)",
        "A/res/99/1, PARA. 2(a)",
        "a/res/99/1#op2(a)",
    ] {
        let r = d.undex(&["show", "--json", spelled]);
        r.expect_code(0);
        assert_eq!(ids(&r), ids(want), "{spelled}");
    }
}

#[test]
fn limit_and_offset_take_counts_and_limit_0_counts_only() {
    let d = Dir::new();
    small_corpus(&d);
    d.undex(&["index"]).expect_code(0);
    for (flag, value) in [("--limit", "-1"), ("--offset", "-3"), ("--limit", "ten")] {
        let r = d.undex(&["search", flag, value, "quorum"]);
        r.expect_code(2);
        assert!(
            r.stderr().contains("it must be a positive number (or 0)"),
            "{flag} {value}: {}",
            r.stderr()
        );
        assert!(
            !r.stderr().contains("-- "),
            "no dead-end tip: {}",
            r.stderr()
        );
    }
    let r = d.undex(&["search", "--limit", "0", "quorum"]);
    r.expect_code(0);
    assert_eq!(r.stdout(), "4 matching passages\n");
    let r = d.undex(&["search", "--json", "--limit", "0", "quorum"]);
    r.expect_code(0);
    assert!(r.records("hit").is_empty());
    assert_eq!(r.records("summary")[0]["matched"], 4);
    d.undex(&["search", "--limit", "0", "zebracorn"])
        .expect_code(1);
    // Past the last page: said so.
    let r = d.undex(&["search", "--offset", "10", "quorum"]);
    r.expect_code(0);
    assert!(r.stdout().contains("none on this page"), "{}", r.stdout());
}

#[test]
fn the_readme_paging_example_prints_a_page() {
    let d = Dir::new();
    let corpus = common::builtin_corpus();
    let corpus = corpus.to_str().unwrap();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.starts_with("undex search --full --limit"))
        .expect("the paging example");
    let words: Vec<&str> = line.split('#').next().unwrap().split_whitespace().collect();
    let mut args: Vec<&str> = words[1..].iter().map(|w| w.trim_matches('"')).collect();
    args.extend(["--json", "--corpus", corpus]);
    let r = d.undex(&args);
    r.expect_code(0);
    let hits = r.records("hit");
    assert_eq!(hits.len(), 5, "{line}");
    assert_eq!(hits[0]["rank"], 6);
}
