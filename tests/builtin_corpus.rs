//! The built-in corpus: the answers the README promises, every passage findable by its own words, and golden output that must not drift.
//!
//! Golden files are rewritten with `UNDEX_BLESS=1 cargo test`; review the diff before committing.

mod common;

use common::golden::golden;
use common::{Dir, builtin_corpus};
use undex::analysis;
use undex::corpus::Corpus;
use undex::index::Index;
use undex::search::SearchOptions;

fn first_id(index: &Index, query: &str) -> String {
    let r = index
        .search(&SearchOptions {
            query: query.into(),
            ..SearchOptions::default()
        })
        .expect("search");
    r.hits
        .first()
        .map(|h| h.passage.id.clone())
        .unwrap_or_default()
}

#[test]
fn the_answers_the_readme_promises() {
    let corpus = Corpus::load(&builtin_corpus()).expect("the built-in corpus loads");
    let index = Index::build_in_ram(&corpus).expect("index");
    assert_eq!(
        first_id(
            &index,
            "open-ended working group acting on a consensus basis"
        ),
        "A/RES/73/27#OP5"
    );
    assert_eq!(
        first_id(&index, "regional organizations consultations"),
        "A/RES/73/266#OP4"
    );
    assert!(first_id(&index, "lex specialis").starts_with("Chung2019#"));
    let shown = index.show("A/RES/73/27#OP5").expect("show");
    assert_eq!(shown.passages[0].citation, "A/RES/73/27, para. 5");
    assert!(
        !shown.cited_by.is_empty(),
        "the commentary refers to para. 5"
    );
}

#[test]
fn the_commentary_cites_and_concerns_what_it_compares() {
    let corpus = Corpus::load(&builtin_corpus()).expect("load");
    let chung = corpus
        .documents
        .iter()
        .find(|d| d.meta.symbol == "Chung2019")
        .expect("Chung2019");
    let row = chung
        .passages
        .iter()
        .find(|p| p.text.starts_with("Regional consultations"))
        .expect("the regional consultations row");
    assert!(
        row.refs.contains(&"A/RES/73/266#OP4".to_owned()),
        "{:?}",
        row.refs
    );
    assert!(
        row.refs.contains(&"A/RES/73/27#OP5".to_owned()),
        "{:?}",
        row.refs
    );
    assert_eq!(row.process, ["OEWG", "GGE"]);
    let citations: std::collections::HashSet<&str> =
        chung.passages.iter().map(|p| p.citation.as_str()).collect();
    assert_eq!(
        citations.len(),
        chung.passages.len(),
        "every citation is unique"
    );
    assert!(citations.contains("Chung 2019, \"OEWG v. GGE: Way Forward\", para. 2"));
}

#[test]
fn every_passage_is_found_by_a_phrase_of_its_own_words() {
    let corpus = Corpus::load(&builtin_corpus()).expect("load");
    let index = Index::build_in_ram(&corpus).expect("index");
    let mut exact = analysis::exact();
    for p in corpus.passages() {
        let words: Vec<String> = analysis::terms(&mut exact, &p.text)
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        let take = words.len().min(10);
        let start = (words.len() - take) / 2;
        let phrase = words[start..start + take].join(" ");
        let r = index
            .search(&SearchOptions {
                query: format!("\"{phrase}\""),
                limit: 1,
                ..SearchOptions::default()
            })
            .expect("search");
        let top = r
            .hits
            .first()
            .unwrap_or_else(|| panic!("{}: nothing found for \"{phrase}\"", p.id));
        if top.passage.id != p.id {
            let other: Vec<String> = analysis::terms(&mut exact, &top.passage.text)
                .into_iter()
                .map(|(_, w)| w)
                .collect();
            assert!(
                other.join(" ").contains(&phrase),
                "{}: \"{phrase}\" found {} first, which does not hold those words",
                p.id,
                top.passage.id
            );
        }
    }
}

#[test]
fn ranked_results_do_not_drift() {
    let d = Dir::new();
    let corpus = builtin_corpus();
    let corpus = corpus.to_str().expect("utf-8 path");
    d.undex(&["index", "--corpus", corpus, "--index", "idx"])
        .expect_code(0);
    let mut all = String::new();
    for q in [
        "open-ended working group acting on a consensus basis",
        "regional organizations consultations",
        "lex specialis",
        "international law",
        "\"group of governmental experts\"",
        "A/RES/73/266",
        "consensus -OEWG",
    ] {
        let r = d.undex(&[
            "search", "--corpus", corpus, "--index", "idx", "--limit", "5", q,
        ]);
        all.push_str(&format!(
            "$ undex search --limit 5 '{q}'  # exit {}\n{}\n",
            r.code(),
            r.stdout()
        ));
    }
    golden("search-builtin.txt", &all);
}
