//! Comparing and reading on corpora of our own: what `compare --by process` counts, the UN order of symbols everywhere, tables of large corpora, concordance messages and spacing, phrase snippets and readable score explanations.

mod common;

use common::{Dir, resolution};

/// Two resolutions, one per process, and a commentary about both that uses
/// a word only one of the resolutions uses.
fn processes_and_commentary(d: &Dir) {
    d.write(
        "corpus/oewg.txt",
        resolution(
            "A/RES/90/1",
            "OEWG",
            "1. Decides to convene a working group acting on a consensus basis;",
        ),
    );
    d.write(
        "corpus/gge.txt",
        resolution(
            "A/RES/90/2",
            "GGE",
            "1. Requests the Secretary-General to establish a group of experts;",
        ),
    );
    d.write(
        "corpus/lecture.txt",
        "+++\nsymbol = \"Lee2020\"\ntitle = \"Two processes\"\nkind = \"commentary\"\nauthor = \"Ana Lee\"\ndate = \"2020-01\"\nprocess = [\"OEWG\", \"GGE\"]\n+++\n\n## Compared\n\nThe OEWG works by consensus; the GGE too seeks consensus among its experts.\n",
    );
}

fn count_of(r: &common::Run, group: &str) -> u64 {
    r.records("count")
        .iter()
        .find(|c| c["group"] == group)
        .and_then(|c| c["count"].as_u64())
        .unwrap_or_else(|| panic!("no count for {group}: {}", r.stdout()))
}

#[test]
fn by_process_counts_the_processes_own_texts_unless_commentary_is_asked_for() {
    let d = Dir::new();
    processes_and_commentary(&d);
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["compare", "--by", "process", "--json", "consensus"]);
    r.expect_code(0);
    assert_eq!(count_of(&r, "OEWG"), 1);
    // The GGE resolution never uses the word: the lecture does not lend it hers.
    assert_eq!(count_of(&r, "GGE"), 0);
    let r = d.undex(&["compare", "--by", "process", "consensus"]);
    r.expect_code(0);
    let first = r.stdout().lines().next().unwrap_or_default().to_owned();
    assert!(
        first.starts_with("Counted: passages of resolutions, decisions and reports")
            && first.contains("--kind commentary"),
        "{}",
        r.stdout()
    );
    // Asked for, the commentary counts, in both of the processes it is about.
    let r = d.undex(&[
        "compare",
        "--by",
        "process",
        "--kind",
        "commentary",
        "--json",
        "consensus",
    ]);
    r.expect_code(0);
    assert_eq!((count_of(&r, "OEWG"), count_of(&r, "GGE")), (2, 2));
    let selection = &r.records("selection")[0];
    assert_eq!(selection["by"], "process");
    assert!(
        selection["counted"]
            .as_str()
            .is_some_and(|c| c.starts_with("Counted: passages of kind commentary")),
        "{selection}"
    );
    // By document, everything is counted, each passage once.
    let r = d.undex(&["compare", "--json", "consensus"]);
    assert_eq!(count_of(&r, "Lee2020"), 2);
    // The same filters as search: --part, --kind, --doc, --process.
    let r = d.undex(&["compare", "--json", "--kind", "resolution", "consensus"]);
    let groups: Vec<String> = r
        .records("group")
        .iter()
        .map(|g| g["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(groups, ["A/RES/90/1", "A/RES/90/2"]);
    let r = d.undex(&["kwic", "--json", "--kind", "commentary", "consensus"]);
    r.expect_code(0);
    assert_eq!(r.records("kwic").len(), 2);
    let r = d.undex(&["kwic", "--json", "--part", "operative", "consensus"]);
    assert_eq!(r.records("kwic").len(), 1);
    let r = d.undex(&["search", "--json", "--kind", "commentary", "consensus"]);
    assert_eq!(r.hit_ids(), ["Lee2020#S1.1"]);
    d.undex(&["compare", "--kind", "memo", "consensus"])
        .expect_code(2);
}

/// Four resolutions whose byte order is not their UN order, all with the
/// same paragraph (so that search scores tie), the last three citing the first.
fn unordered(d: &Dir) {
    for symbol in ["A/RES/73/266", "A/RES/90/10", "A/RES/90/2"] {
        d.write(
            &format!("corpus/{}.txt", symbol.replace('/', "-")),
            resolution(
                symbol,
                "OEWG",
                "Recalling its resolution 73/27,\n\n1. Decides to study the quorum question;",
            ),
        );
    }
    d.write(
        "corpus/a-res-73-27.txt",
        resolution(
            "A/RES/73/27",
            "OEWG",
            "Recalling the Charter,\n\n1. Decides to study the quorum question;",
        ),
    );
}

const UN_ORDER: [&str; 4] = ["A/RES/73/27", "A/RES/73/266", "A/RES/90/2", "A/RES/90/10"];

#[test]
fn documents_are_listed_in_the_un_order_of_their_symbols() {
    let d = Dir::new();
    unordered(&d);
    d.undex(&["index"]).expect_code(0);
    let symbols = |records: Vec<serde_json::Value>, key: &str| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in records {
            let s = r[key].as_str().unwrap_or_default().to_owned();
            if out.last() != Some(&s) {
                out.push(s);
            }
        }
        out
    };
    let r = d.undex(&["compare", "--json", "quorum"]);
    assert_eq!(symbols(r.records("group"), "name"), UN_ORDER);
    let r = d.undex(&["kwic", "--json", "quorum"]);
    assert_eq!(symbols(r.records("kwic"), "symbol"), UN_ORDER);
    let r = d.undex(&["search", "--json", "quorum"]);
    assert_eq!(symbols(r.records("hit"), "symbol"), UN_ORDER);
    let r = d.undex(&["export", "--format", "jsonl"]);
    let rows: Vec<serde_json::Value> = r
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(symbols(rows, "symbol"), UN_ORDER);
    let r = d.undex(&["stats", "--json"]);
    let stats = r.records("stats");
    let docs = stats[0]["per_document"].as_array().expect("per_document");
    let listed: Vec<&str> = docs.iter().filter_map(|d| d["symbol"].as_str()).collect();
    assert_eq!(listed, UN_ORDER);
    let r = d.undex(&["stats"]);
    let at = |s: &str| r.stdout().find(&format!("| {s} ")).expect(s);
    assert!(at("A/RES/73/27") < at("A/RES/73/266") && at("A/RES/90/2") < at("A/RES/90/10"));
    let r = d.undex(&["show", "--json", "A/RES/73/27"]);
    assert_eq!(
        symbols(r.records("cited_by"), "symbol"),
        ["A/RES/73/266", "A/RES/90/2", "A/RES/90/10"]
    );
}

#[test]
fn large_corpora_print_the_top_groups_and_say_what_is_left_out() {
    let d = Dir::new();
    common::generate::corpus(&d.join("corpus"), 120, 7);
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["compare", "consensus", "sovereignty"]);
    r.expect_code(0);
    let out = r.stdout();
    // Two terms, 20 documents each, not 240 rows.
    let rows = out
        .lines()
        .filter(|l| l.starts_with("| consensus "))
        .count();
    assert_eq!(rows, 20 + 20, "{out}");
    assert!(
        out.contains("\"consensus\": 100 more documents left out")
            && out.contains("--all shows every one"),
        "{out}"
    );
    let all = d.undex(&["compare", "--all", "consensus"]);
    let rows = all
        .stdout()
        .lines()
        .filter(|l| l.starts_with("| consensus "))
        .count();
    assert_eq!(rows, 120 + 120, "counts and keyness against the rest");
    // The top documents are those where the term occurs most.
    let json = d.undex(&["compare", "--json", "--top", "3", "consensus"]);
    let counts = json.records("count");
    assert_eq!(counts.len(), 3);
    let full = d.undex(&["compare", "--json", "consensus"]);
    let mut best: Vec<u64> = full
        .records("count")
        .iter()
        .filter_map(|c| c["count"].as_u64())
        .collect();
    assert_eq!(best.len(), 120, "--json gives every group by default");
    best.sort_unstable_by(|a, b| b.cmp(a));
    let top: Vec<u64> = counts.iter().filter_map(|c| c["count"].as_u64()).collect();
    assert_eq!(top, best[..3]);
    let left = json.records("left_out");
    assert_eq!(left[0]["groups"], 117);
    let summary = d.undex(&["compare", "--summary", "consensus"]);
    summary.expect_code(0);
    let total: u64 = best.iter().sum();
    assert!(
        summary
            .stdout()
            .lines()
            .any(|l| l.starts_with("| consensus ")
                && l.contains(&format!(" {total} "))
                && l.contains("of 120")),
        "{}",
        summary.stdout()
    );
    let stats = d.undex(&["stats"]);
    let out = stats.stdout();
    let rows = out.lines().filter(|l| l.starts_with("| A/RES/")).count();
    assert_eq!(rows, 20, "{out}");
    assert!(
        out.contains("The 20 largest of 120 documents") && out.contains("--all lists every one"),
        "{out}"
    );
    let all = d.undex(&["stats", "--all"]).stdout();
    assert_eq!(
        all.lines().filter(|l| l.starts_with("| A/RES/")).count(),
        120
    );
    let top = d.undex(&["stats", "--top", "5"]).stdout();
    assert_eq!(top.lines().filter(|l| l.starts_with("| A/RES/")).count(), 5);
    let summary = d.undex(&["stats", "--summary"]).stdout();
    assert!(
        !summary.contains("| A/RES/") && summary.contains("| OEWG "),
        "{summary}"
    );
}

#[test]
fn kwic_says_when_nothing_occurs_takes_a_phrase_unquoted_and_keeps_the_punctuation() {
    let d = Dir::new();
    d.write(
        "corpus/a.txt",
        resolution(
            "A/RES/90/1",
            "OEWG",
            "1. Affirms that international law, and in particular the Charter, applies;\n\n2. Notes international\nlaw (customary) too;",
        ),
    );
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["kwic", "zebracorn"]);
    r.expect_code(1);
    assert!(
        r.stdout().contains("no occurrence of \"zebracorn\""),
        "{}",
        r.stdout()
    );
    let r = d.undex(&["kwic", "international", "law"]);
    r.expect_code(0);
    let out = r.stdout();
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.contains("Affirms that international law, and in"),
        "{out}"
    );
    assert!(out.contains("Notes international law (customary)"), "{out}");
    // Aligned: the term starts in the same column on every line.
    let cols: Vec<usize> = out
        .lines()
        .map(|l| l.find("international").expect("term"))
        .collect();
    assert_eq!(cols[0], cols[1], "{out}");
    let quoted = d.undex(&["kwic", "\"international law\""]).stdout();
    assert_eq!(quoted, out);
}

#[test]
fn a_phrase_snippet_shows_the_phrase_and_a_short_passage_is_shown_whole() {
    let d = Dir::new();
    let long = "1. Encourages Member States to cooperate with organizations, such as the African Union, the Organization of American States, the Organization for Security and Co-operation in Europe and others, on the matters the Secretary-General has reported on over many sessions of the Assembly, and further encourages regional organizations to hold consultations among their members on norms of responsible State behaviour;";
    let short = "2. Takes note of the report of the Group of Governmental Experts transmitted by the Secretary-General, and of the views of Member States on the matters it considers;";
    d.write(
        "corpus/a.txt",
        resolution("A/RES/90/1", "OEWG", &format!("{long}\n\n{short}")),
    );
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["search", "--json", "\"regional organizations\""]);
    r.expect_code(0);
    let hit = &r.records("hit")[0];
    let snippet = hit["snippet"].as_str().expect("snippet");
    let marked: Vec<&str> = hit["highlights"]
        .as_array()
        .expect("highlights")
        .iter()
        .map(|h| &snippet[h[0].as_u64().unwrap() as usize..h[1].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(marked, ["regional organizations"], "{snippet}");
    assert!(snippet.len() > 150, "room used: {snippet}");
    let r = d.undex(&["search", "--json", "transmitted"]);
    let hit = &r.records("hit")[0];
    assert_eq!(
        hit["snippet"].as_str().expect("snippet"),
        hit["text"].as_str().expect("text"),
        "a passage that fits is shown whole"
    );
}

#[test]
fn explain_takes_the_score_apart_readably_and_keeps_the_raw_tree() {
    let d = Dir::new();
    processes_and_commentary(&d);
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["search", "--explain", "\"consensus basis\" convene"]);
    r.expect_code(0);
    let out = r.stdout();
    assert!(
        out.contains("phrase \"consensus basis\" in the text (stemmed): BM25 (idf")
            && out.contains("phrase \"consensus basis\" in the text as written")
            && out.contains("boost ×0.5")
            && out.contains("word convene in the text (stemmed)"),
        "{out}"
    );
    assert!(!out.contains("field=") && out.lines().count() < 15, "{out}");
    let raw = d.undex(&["search", "--explain=raw", "convene"]).stdout();
    assert!(raw.contains("\"description\": \"BooleanClause"), "{raw}");
    let r = d.undex(&[
        "search",
        "--json",
        "--explain",
        "--process",
        "OEWG",
        "\"consensus basis\" convene",
    ]);
    let hit = &r.records("hit")[0];
    assert!(hit["explanation"].is_object());
    let b = &hit["score_breakdown"];
    let parts = b["parts"].as_array().expect("parts");
    assert_eq!(parts.len(), 4, "{b}");
    let sum: f64 = parts.iter().filter_map(|p| p["score"].as_f64()).sum();
    let score = hit["score"].as_f64().expect("score");
    assert!((sum - score).abs() < 1e-3, "{sum} vs {score}");
    assert_eq!(b["filters"][0], "--process OEWG");
}
