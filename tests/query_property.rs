//! The query front end under 100,000 random and adversarial strings, in process on an in-RAM index: every answer is results or a query error, never a panic.

mod common;

use common::rng::Rng;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use undex::Error;
use undex::corpus::{Corpus, parse_bytes};
use undex::index::Index;
use undex::search::{SearchOptions, query::QUERY_FIELDS};

const DOCS: [&str; 3] = [
    "+++\nsymbol = \"A/RES/73/27\"\ntitle = \"Developments\"\nkind = \"resolution\"\nprocess = \"OEWG\"\nadopted = 2018-12-05\n+++\n\nThe General Assembly,\n\nRecalling its resolution 53/70 on consensus,\n\n1. Decides to convene an open-ended working group acting on a consensus basis;\n\n2. Requests the Secretary-General to study norms[^1]:\n\n(a) International law and the Charter;\n\n(i) State sovereignty;\n\n[^1]: A/70/174.\n",
    "+++\nsymbol = \"A/70/174\"\nkind = \"report\"\nprocess = \"GGE\"\n+++\n\n## I. Introduction\n\n1. The Group of Governmental Experts met four times.\n\n## Annex\n\nExperts.\n",
    "+++\nsymbol = \"Chung2019\"\nkind = \"commentary\"\nauthor = \"Myung-Hyun Chung\"\ndate = \"2019-05\"\n+++\n\n## OEWG v. GGE\n\nThe group of governmental experts; see A/RES/73/27, para. 2(a). Безопасность 安全 أمن.\n\n- Consensus matters.\n",
];

/// Pieces that mean something to the query parser, the analyzer or tantivy.
const SYNTAX: [&str; 34] = [
    "\"",
    "\"\"",
    "(",
    ")",
    "((",
    "[",
    "]",
    "{",
    "}",
    "-",
    "--",
    "+",
    "~",
    "~2",
    "~99999999999",
    "*",
    "?",
    "^",
    "^2",
    ":",
    "::",
    "\\",
    "\\\"",
    "OR",
    "NOT",
    "AND",
    "or",
    "|",
    "&&",
    "!",
    "A/RES/73/27",
    "para. 5",
    "2334 (2016)",
    "#OP1",
];
const WORDS: [&str; 12] = [
    "consensus",
    "group",
    "experts",
    "sovereignty",
    "law",
    "States",
    "the",
    "a",
    "norms",
    "working",
    "OEWG",
    "GGE",
];
/// Ranges of code points from many scripts, marks and specials.
const RANGES: [(u32, u32); 22] = [
    (0x20, 0x7E),
    (0x00, 0x1F),
    (0x7F, 0x9F),
    (0xA0, 0x24F),
    (0x300, 0x36F),
    (0x370, 0x3FF),
    (0x400, 0x4FF),
    (0x590, 0x5FF),
    (0x600, 0x6FF),
    (0x900, 0x97F),
    (0xE00, 0xE7F),
    (0x1100, 0x11FF),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x3000, 0x30FF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7A3),
    (0xE000, 0xE0FF),
    (0xFE00, 0xFE0F),
    (0xFFF0, 0xFFFF),
    (0x1F300, 0x1FAFF),
    (0x10FF00, 0x10FFFF),
];

fn random_char(rng: &mut Rng) -> char {
    let (lo, hi) = RANGES[rng.below(RANGES.len())];
    char::from_u32(lo + rng.below((hi - lo + 1) as usize) as u32).unwrap_or('\u{FFFD}')
}

fn piece(rng: &mut Rng, out: &mut String) {
    match rng.below(10) {
        0..=2 => out.push_str(WORDS[rng.below(WORDS.len())]),
        3..=4 => out.push_str(SYNTAX[rng.below(SYNTAX.len())]),
        5 => {
            out.push_str(QUERY_FIELDS[rng.below(QUERY_FIELDS.len())]);
            out.push(':');
        }
        _ => {
            for _ in 0..1 + rng.below(6) {
                out.push(random_char(rng));
            }
        }
    }
    if rng.below(3) > 0 {
        out.push(if rng.below(20) == 0 { '\t' } else { ' ' });
    }
}

/// The `i`-th query: mostly short mixtures, every 500th about 10,000 characters,
/// every 5,000th over the 64 KiB limit.
fn query(i: usize, rng: &mut Rng) -> String {
    let mut q = String::new();
    let target = if i % 5000 == 4999 {
        70_000
    } else if i % 500 == 499 {
        10_000
    } else {
        0
    };
    if target > 0 {
        while q.len() < target {
            piece(rng, &mut q);
        }
        return q;
    }
    for _ in 0..rng.below(12) {
        piece(rng, &mut q);
    }
    q
}

fn index() -> Index {
    let documents = DOCS
        .iter()
        .map(|d| parse_bytes(Path::new("doc.txt"), d.as_bytes()).unwrap().0)
        .collect();
    Index::build_in_ram(&Corpus {
        documents,
        ..Corpus::default()
    })
    .unwrap()
}

#[test]
fn a_hundred_thousand_hostile_queries_give_results_or_a_query_error() {
    let index = index();
    const N: usize = 100_000;
    const THREADS: usize = 2;
    let outcomes: Vec<(usize, usize)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let index = &index;
                s.spawn(move || {
                    let mut rng = Rng(0x5eed_0000 + t as u64);
                    let (mut results, mut errors) = (0, 0);
                    for i in (t..N).step_by(THREADS) {
                        let q = query(i, &mut rng);
                        let options = SearchOptions {
                            query: q.clone(),
                            limit: 3,
                            exact: i % 7 == 0,
                            ..SearchOptions::default()
                        };
                        match catch_unwind(AssertUnwindSafe(|| index.search(&options))) {
                            Ok(Ok(r)) => {
                                assert!(r.hits.len() <= 3);
                                results += 1;
                            }
                            Ok(Err(Error::Query(msg))) => {
                                assert!(!msg.is_empty());
                                errors += 1;
                            }
                            Ok(Err(e)) => panic!("query #{i} {q:?}: not a query error: {e}"),
                            Err(_) => panic!("query #{i} {q:?}: panicked"),
                        }
                    }
                    (results, errors)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let results: usize = outcomes.iter().map(|o| o.0).sum();
    let errors: usize = outcomes.iter().map(|o| o.1).sum();
    assert_eq!(results + errors, N);
    // Both outcomes occur, or the generator is not doing its job.
    assert!(
        results > N / 2 && errors > 100,
        "{results} results, {errors} query errors"
    );
}

#[test]
fn the_named_adversarial_queries() {
    let index = index();
    let long = "consensus ".repeat(1000);
    for q in [
        "",
        " ",
        "\"",
        "\"\"",
        "((",
        "*",
        "-",
        "- -",
        "NOT",
        "OR",
        "a OR",
        "OR OR OR",
        "\"a\"~",
        "\"a b\"~4294967296",
        "process:",
        "doc:\"",
        "id:#",
        ":",
        "\u{0}",
        "\u{1b}[31m",
        "\u{202e}",
        "\u{feff}",
        "x\u{0301}\u{0301}\u{0301}",
        "🏳️‍🌈",
        "ᄀᄀᄀ",
        &long,
    ] {
        match index.search(&SearchOptions {
            query: q.to_owned(),
            ..SearchOptions::default()
        }) {
            Ok(_) | Err(Error::Query(_)) => {}
            Err(e) => panic!("{q:?}: {e}"),
        }
    }
    let found = index
        .search(&SearchOptions {
            query: long,
            ..SearchOptions::default()
        })
        .unwrap();
    assert_eq!(found.hits.len(), 3, "a 10,000-character query still finds");
}

/// Found by `scripts/fuzz` (target `query`): an excluded word that the analyzer splits
/// into a phrase (`-\0\0ons\0\0ons`) made tantivy's phrase scorer assert in debug builds.
#[test]
fn fuzz_regression_an_excluded_phrase_inside_a_word() {
    let index = index();
    for q in [
        "-c -\0\0ons\0\0ons -region\0ons -regionongionso",
        "consensus -\"group experts\"",
        "group -law\u{1}and",
    ] {
        match index.search(&SearchOptions {
            query: q.to_owned(),
            ..SearchOptions::default()
        }) {
            Ok(_) | Err(Error::Query(_)) => {}
            Err(e) => panic!("{q:?}: {e}"),
        }
    }
}
