//! Term comparison on real indexes: counts agree with search, groups partition, zero counts stay defined, every output format parses.

mod common;

use common::{Dir, builtin_corpus, resolution};
use undex::compare::{CompareOptions, GroupBy, KwicOptions, KwicSort};
use undex::corpus::Corpus;
use undex::index::Index;
use undex::search::{SearchOptions, Selection};

fn builtin() -> Index {
    Index::build_in_ram(&Corpus::load(&builtin_corpus()).expect("load")).expect("index")
}

fn compare(index: &Index, terms: &[&str], by: GroupBy) -> undex::compare::Comparison {
    index
        .compare(&CompareOptions {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            by,
            ..CompareOptions::default()
        })
        .expect("compare")
}

#[test]
fn counts_on_the_built_in_corpus_agree_with_search() {
    let index = builtin();
    for term in [
        "consensus",
        "States",
        "international law",
        "consultations",
        "report",
    ] {
        let c = compare(&index, &[term], GroupBy::Doc);
        let passages: u64 = c.counts.iter().map(|x| x.passages).sum();
        let query = if term.contains(' ') {
            format!("\"{term}\"")
        } else {
            term.to_owned()
        };
        let found = index
            .search(&SearchOptions {
                query,
                limit: 1000,
                ..SearchOptions::default()
            })
            .expect("search");
        assert_eq!(
            passages as usize, found.summary.matched,
            "{term}: passages counted vs found"
        );
        let mut ids: Vec<String> = c.counts.iter().flat_map(|x| x.ids.clone()).collect();
        let mut hits: Vec<String> = found.hits.iter().map(|h| h.passage.id.clone()).collect();
        ids.sort();
        hits.sort();
        assert_eq!(ids, hits, "{term}: the same passages");
        let kwic = index
            .kwic(&KwicOptions {
                term: term.to_owned(),
                width: 20,
                filters: Default::default(),
                exact: false,
                sort: KwicSort::Doc,
                limit: 10_000,
            })
            .expect("kwic");
        let total: u64 = c.counts.iter().map(|x| x.count).sum();
        assert_eq!(
            kwic.total as u64, total,
            "{term}: one concordance line per occurrence"
        );
    }
}

#[test]
fn documents_and_parts_partition_the_words() {
    let index = builtin();
    let by_doc = compare(&index, &["consensus"], GroupBy::Doc);
    let by_part = compare(&index, &["consensus"], GroupBy::Part);
    let words = |c: &undex::compare::Comparison| c.groups.iter().map(|g| g.words).sum::<u64>();
    assert_eq!(words(&by_doc), by_doc.total_words);
    assert_eq!(words(&by_part), by_part.total_words);
    let count = |c: &undex::compare::Comparison| c.counts.iter().map(|x| x.count).sum::<u64>();
    assert_eq!(count(&by_doc), count(&by_part));
    // By process, the resolutions count (each of one process) and the
    // commentary, which is about both, does not.
    let by_process = compare(&index, &["consensus"], GroupBy::Process);
    assert_eq!(words(&by_process), by_process.total_words);
    let names: Vec<&str> = by_process.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["OEWG", "GGE"]);
    assert!(by_process.counted.contains("commentary is left out"));
    // Asked for, a commentary passage on both processes counts in both.
    let commentary = index
        .compare(&CompareOptions {
            terms: vec!["consensus".into()],
            by: GroupBy::Process,
            filters: Selection {
                kinds: vec!["commentary".into()],
                ..Selection::default()
            },
            ..CompareOptions::default()
        })
        .expect("compare");
    assert!(words(&commentary) > commentary.total_words);
}

#[test]
fn stemmed_counts_and_exact_counts() {
    let d = Dir::new();
    d.write(
        "corpus/a.txt",
        resolution(
            "A/RES/90/1",
            "OEWG",
            "1. Consultation and consultations;\n\n2. More consultations.",
        ),
    );
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["compare", "--json", "consultation"]);
    r.expect_code(0);
    assert_eq!(r.records("count")[0]["count"], 3);
    let r = d.undex(&["compare", "--json", "--exact", "consultation"]);
    assert_eq!(r.records("count")[0]["count"], 1);
    assert_eq!(r.records("count")[0]["words"], 5);
}

#[test]
fn a_zero_count_is_defined_everywhere() {
    let d = Dir::new();
    d.write(
        "corpus/a.txt",
        resolution("A/RES/90/1", "OEWG", "1. Quorum matters and quorum rules."),
    );
    d.write(
        "corpus/b.txt",
        resolution("A/RES/90/2", "GGE", "1. Other matters entirely."),
    );
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["compare", "--json", "--by", "process", "quorum"]);
    r.expect_code(0);
    assert!(
        !r.stdout().contains("NaN") && !r.stdout().contains("inf"),
        "{}",
        r.stdout()
    );
    let k = r.records("keyness");
    let oewg = k.iter().find(|x| x["target"] == "OEWG").expect("OEWG row");
    assert_eq!(oewg["b"], 0);
    assert_eq!(
        oewg["pct_diff"],
        serde_json::Value::Null,
        "unbounded %DIFF is null"
    );
    assert_eq!(oewg["log_ratio_smoothed"], true);
    assert!(oewg["log_ratio"].as_f64().unwrap() > 0.0);
    let gge = k.iter().find(|x| x["target"] == "GGE").expect("GGE row");
    assert_eq!(gge["direction"], "-");
    let counts = r.records("count");
    let gge_count = counts.iter().find(|x| x["group"] == "GGE").unwrap();
    assert_eq!(gge_count["count"], 0);
    assert_eq!(gge_count["dp"], serde_json::Value::Null);
    // CSV: one header, then one row per count and keyness record.
    let r = d.undex(&["compare", "--csv", "--by", "process", "quorum"]);
    r.expect_code(0);
    assert_eq!(r.stdout().lines().count(), 1 + 2 + 2);
    d.undex(&["compare", "zebracorn"]).expect_code(1);
    // A document the index lacks is an error that names it, as in search.
    let r = d.undex(&["compare", "--doc", "A/RES/1/1", "quorum"]);
    r.expect_code(2);
    assert!(
        r.stderr().contains("no document A/RES/1/1 in the index"),
        "{}",
        r.stderr()
    );
    let r = d.undex(&["kwic", "--process", "XYZ", "quorum"]);
    r.expect_code(2);
    assert!(r.stderr().contains("no process XYZ"), "{}", r.stderr());
}

#[test]
fn distinctive_terms_and_concordances_from_the_cli() {
    let d = Dir::new();
    d.write(
        "corpus/a.txt",
        resolution(
            "A/RES/90/1",
            "OEWG",
            "1. Quorum quorum quorum and the rules;\n\n2. Quorum again, with the rules.",
        ),
    );
    d.write(
        "corpus/b.txt",
        resolution(
            "A/RES/90/2",
            "GGE",
            "1. Experts experts experts and the rules;\n\n2. Experts again.",
        ),
    );
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&[
        "compare",
        "--distinctive",
        "--by",
        "process",
        "--json",
        "--top",
        "1",
    ]);
    r.expect_code(0);
    let rows = r.records("distinctive");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["group"], "OEWG");
    assert_eq!(rows[0]["form"], "quorum");
    assert_eq!(rows[1]["form"], "experts");
    let r = d.undex(&["kwic", "--json", "--sort", "right", "quorum"]);
    r.expect_code(0);
    let lines = r.records("kwic");
    assert_eq!(lines.len(), 4);
    // Spaced as written: the term, then a space, then the rest.
    assert_eq!(lines[0]["right"], " again, with the rules.");
    assert_eq!(lines[0]["citation"], "A/RES/90/1, para. 2");
    let r = d.undex(&["kwic", "the rules"]);
    r.expect_code(0);
    assert_eq!(r.stdout().lines().count(), 3, "{}", r.stdout());
}

#[test]
fn align_marks_what_two_paragraphs_share() {
    let d = Dir::new();
    d.write(
        "corpus/a.txt",
        resolution("A/RES/90/1", "OEWG", "1. Decides to study how international law applies to the use of ICTs by States, with regular dialogue;"),
    );
    d.write(
        "corpus/b.txt",
        resolution("A/RES/90/2", "GGE", "1. Requests experts to report, and to study how international law applies to the use of ICTs by States."),
    );
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["align", "--json", "A/RES/90/1#OP1", "A/RES/90/2#OP1"]);
    r.expect_code(0);
    let shared = r.records("shared");
    assert_eq!(shared.len(), 1);
    assert_eq!(
        shared[0]["text"],
        "to study how international law applies to the use of ICTs by States"
    );
    let only: Vec<String> = r
        .records("only")
        .iter()
        .map(|o| o["text"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        only,
        [
            "Decides",
            "with regular dialogue",
            "Requests experts to report, and"
        ]
    );
    let r = d.undex(&["align", "A/RES/90/1#OP1", "A/RES/90/2#OP1"]);
    r.expect_code(0);
    assert!(
        r.stdout().contains("«to study how international law"),
        "{}",
        r.stdout()
    );
    d.undex(&["align", "A/RES/90/1#OP1", "A/RES/90/2#OP9"])
        .expect_code(1);
    d.undex(&["align", "A/RES/90/1", "A/RES/90/2#OP1"])
        .expect_code(2);
}

#[test]
fn a_phrase_whose_words_stand_apart_in_many_passages() {
    // The postings of the three words run ahead of one another: the
    // intersection must never seek a list backwards.
    let d = Dir::new();
    d.write(
        "corpus/a.txt",
        resolution(
            "A/RES/90/1",
            "OEWG",
            "1. alpha;\n\n2. alpha beta;\n\n3. gamma;\n\n4. alpha beta gamma;",
        ),
    );
    d.undex(&["index", "--threads", "1"]).expect_code(0);
    let r = d.undex(&["compare", "--json", "alpha beta gamma"]);
    r.expect_code(0);
    assert_eq!(r.records("count")[0]["count"], 1);
    assert_eq!(r.records("count")[0]["ids"][0], "A/RES/90/1#OP4");
}
