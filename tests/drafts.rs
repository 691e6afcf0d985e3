//! Drafts end to end: the invented drafts of tests/fixtures/import (a First Committee draft resolution, a plenary draft, a revision, a draft decision) imported with their sponsors, committee and own title, indexed as kind `draft`, found with `--kind draft`, and linked by `show` to the resolution they became.
//!
//! `UNDEX_BLESS=1 cargo test --test drafts` rewrites the `.expected.txt`
//! files; read the diff before committing it.

mod common;

use std::path::{Path, PathBuf};

use common::Dir;
use undex::import::{ImportOptions, Imported, import_text};

/// The sponsors of the fixture draft-committee.txt, each State whole, as printed.
const COMMITTEE_SPONSORS: [&str; 12] = [
    "Andorra",
    "Antigua and Barbuda",
    "Bolivia (Plurinational State of)",
    "Bosnia and Herzegovina",
    "Côte d’Ivoire",
    "Iran (Islamic Republic of)",
    "Lao People’s Democratic Republic",
    "Netherlands (Kingdom of the)",
    "Saint Vincent and the Grenadines",
    "Trinidad and Tobago",
    "Türkiye",
    "United Kingdom of Great Britain and Northern Ireland",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn import(name: &str) -> Imported {
    let raw = std::fs::read_to_string(fixture(name)).expect("fixture");
    let options = ImportOptions {
        process: vec!["OEWG".into()],
        ..ImportOptions::default()
    };
    import_text(&raw, Path::new(name), &options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Compares with (or, with UNDEX_BLESS, writes) `<stem>.expected.txt`.
fn assert_expected(name: &str, imported: &Imported) {
    common::golden::expected_import(name, &imported.text);
}

/// The front matter as TOML.
fn front_matter(imported: &Imported) -> toml::Table {
    let inner = imported
        .text
        .strip_prefix("+++\n")
        .and_then(|t| t.split_once("\n+++\n"))
        .map(|(fm, _)| fm)
        .expect("front matter");
    toml::from_str(inner).expect("TOML")
}

fn strings(value: &toml::Value) -> Vec<&str> {
    value
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().expect("a string"))
        .collect()
}

fn messages(imported: &Imported) -> Vec<String> {
    imported
        .warnings
        .iter()
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn a_first_committee_draft_resolution_with_a_wrapped_list_of_sponsors() {
    let imported = import("draft-committee.txt");
    assert_eq!(imported.symbol, "A/C.1/99/L.17");
    assert_eq!(imported.file_name, "A-C.1-99-L.17.txt");
    assert_eq!(
        imported.anchors,
        ["PP1", "PP2", "PP3", "OP1", "OP2", "OP3", "OP4"]
    );
    assert!(messages(&imported).is_empty(), "{:?}", messages(&imported));
    let fm = front_matter(&imported);
    assert_eq!(fm["kind"].as_str(), Some("draft"));
    assert_eq!(fm["committee"].as_str(), Some("First Committee"));
    assert_eq!(fm["session"].as_integer(), Some(99));
    assert_eq!(fm["agenda_item"].as_str(), Some("98 (kk)"));
    assert_eq!(
        fm["title"].as_str(),
        Some("Quorum matters in the lighthouse domain and their implications for maritime peace"),
        "the draft's own title, not the agenda item's"
    );
    assert_eq!(strings(&fm["sponsor"]), COMMITTEE_SPONSORS);
    let body = imported.text.split("\n+++\n").nth(1).unwrap_or_default();
    assert!(
        !body.contains("draft resolution") && !body.contains("Andorra"),
        "the sponsors are no paragraph: {body}"
    );
    assert!(
        !body.contains("disarmament: quorum"),
        "nor the agenda item's title"
    );
    assert_expected("draft-committee.txt", &imported);
}

#[test]
fn a_plenary_draft_has_no_committee() {
    let imported = import("draft-plenary.txt");
    assert_eq!(imported.symbol, "A/79/L.99");
    assert_eq!(imported.anchors, ["PP1", "OP1", "OP2"]);
    let fm = front_matter(&imported);
    assert_eq!(fm["kind"].as_str(), Some("draft"));
    assert!(!fm.contains_key("committee"));
    assert_eq!(fm["agenda_item"].as_integer(), Some(14));
    assert_eq!(fm["title"].as_str(), Some("Quiet lamps in the night"));
    assert_eq!(
        strings(&fm["sponsor"]),
        [
            "Fiji",
            "Guinea-Bissau",
            "Micronesia (Federated States of)",
            "Saint Kitts and Nevis",
            "Sao Tome and Principe",
            "State of Palestine",
        ]
    );
    assert_expected("draft-plenary.txt", &imported);
}

#[test]
fn a_revision_keeps_its_whole_symbol() {
    let imported = import("draft-revision.txt");
    assert_eq!(imported.symbol, "A/C.1/99/L.12/Rev.1");
    assert_eq!(imported.file_name, "A-C.1-99-L.12-Rev.1.txt");
    assert_eq!(imported.anchors, ["PP1", "OP1", "OP1(a)", "OP1(b)", "OP2"]);
    let fm = front_matter(&imported);
    assert_eq!(fm["kind"].as_str(), Some("draft"));
    assert_eq!(strings(&fm["sponsor"]), ["Chile", "Peru"]);
    assert_expected("draft-revision.txt", &imported);
}

#[test]
fn a_draft_decision_is_one_operative_text_cited_by_its_symbol() {
    let imported = import("draft-decision.txt");
    assert_eq!(imported.anchors, ["OP"]);
    let fm = front_matter(&imported);
    assert_eq!(fm["kind"].as_str(), Some("draft"));
    assert_eq!(fm["title"].as_str(), Some("A treaty on lamps"));
    assert_eq!(
        strings(&fm["sponsor"]),
        [
            "Bosnia and Herzegovina",
            "Ruritania",
            "Netherlands (Kingdom of the)"
        ]
    );
    // A name the list of States lacks is kept, and reported with its line.
    let warned: Vec<(usize, String)> = imported
        .warnings
        .iter()
        .map(|d| (d.line, d.message.clone()))
        .collect();
    assert_eq!(
        warned,
        [(
            21,
            "sponsor \"Ruritania\" is no State's name undex knows: check that the list was cut where the names end".to_string()
        )]
    );
    let (doc, _) = undex::corpus::parse_bytes(Path::new("d.txt"), imported.text.as_bytes())
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(doc.passages.len(), 1);
    assert_eq!(doc.passages[0].citation, "A/C.1/99/L.39");
    assert!(
        doc.passages[0]
            .text
            .starts_with("The General Assembly, recalling")
    );
    assert_expected("draft-decision.txt", &imported);
}

#[test]
fn what_import_writes_the_corpus_parser_reads_back_as_a_draft() {
    for name in [
        "draft-committee.txt",
        "draft-plenary.txt",
        "draft-revision.txt",
        "draft-decision.txt",
    ] {
        let imported = import(name);
        let (doc, warnings) = undex::corpus::parse_bytes(Path::new(name), imported.text.as_bytes())
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        assert_eq!(doc.meta.kind, undex::corpus::Kind::Draft, "{name}");
        assert_eq!(doc.meta.layout, undex::corpus::Layout::Draft, "{name}");
        let anchors: Vec<&str> = doc.passages.iter().map(|p| p.anchor.as_str()).collect();
        assert_eq!(imported.anchors, anchors, "{name}");
        assert!(!doc.meta.sponsor.is_empty(), "{name}");
    }
}

#[test]
fn the_built_in_table_says_what_a_draft_became() {
    // Invented text under the symbol of a draft the table lists.
    let raw = "United Nations\nA/C.1/80/L.46\n\nGeneral Assembly\nDistr.: Limited\n\nEightieth session\nFirst Committee\nAgenda item 99 (mm)\nQuorum matters\n\nChile and Peru: draft resolution\n\nQuorum matters\n\nThe General Assembly,\n\n1. Decides to keep a quorum.\n";
    let imported = import_text(raw, Path::new("in.txt"), &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        front_matter(&imported)["adopted_as"].as_str(),
        Some("A/RES/80/58")
    );
}

/// A resolution that a draft became, written by hand.
const RESOLUTION: &str = "+++\nsymbol = \"A/RES/99/60\"\ntitle = \"Quorum matters in the lighthouse domain\"\nkind = \"resolution\"\nprocess = \"OEWG\"\n+++\n\nThe General Assembly,\n\nRecalling its resolution 98/41,\n\n1. Affirms that a quorum of keepers is needed for every decision on lamps;\n";

#[test]
fn drafts_import_index_search_and_show_through_the_binary() {
    let d = Dir::new();
    for name in [
        "draft-committee.txt",
        "draft-plenary.txt",
        "draft-revision.txt",
        "draft-decision.txt",
    ] {
        d.write(
            &format!("raw/{name}"),
            std::fs::read(fixture(name)).expect("fixture"),
        );
    }
    d.undex(&["import", "raw", "--out", "corpus", "--process", "OEWG"])
        .expect_code(0);
    // The committee draft became A/RES/99/60: its front matter says so.
    let path = d.join("corpus/A-C.1-99-L.17.txt");
    let text = std::fs::read_to_string(&path).expect("imported");
    let linked = text.replacen(
        "kind = \"draft\"\n",
        "kind = \"draft\"\nadopted_as = \"A/RES/99/60\"\n",
        1,
    );
    assert_ne!(text, linked);
    std::fs::write(&path, linked).expect("write");
    d.write("corpus/A-RES-99-60.txt", RESOLUTION);
    d.undex(&["index"]).expect_code(0);

    // Every passage of a draft is of kind draft, and --kind draft finds only drafts.
    let r = d.undex(&[
        "search", "--json", "--kind", "draft", "--limit", "50", "lamps",
    ]);
    r.expect_code(0);
    let hits = r.records("hit");
    let symbols: std::collections::BTreeSet<&str> =
        hits.iter().filter_map(|h| h["symbol"].as_str()).collect();
    assert_eq!(
        symbols.into_iter().collect::<Vec<_>>(),
        [
            "A/79/L.99",
            "A/C.1/99/L.12/Rev.1",
            "A/C.1/99/L.17",
            "A/C.1/99/L.39"
        ]
    );
    assert!(hits.iter().all(|h| h["kind"] == "draft"));
    let r = d.undex(&["search", "--json", "--kind", "resolution", "lamps"]);
    assert_eq!(r.hit_ids(), ["A/RES/99/60#OP1"]);

    // A draft decision's one text is cited by its symbol.
    let r = d.undex(&["show", "--json", "A/C.1/99/L.39"]);
    r.expect_code(0);
    let passages = r.records("passage");
    assert_eq!(passages.len(), 1);
    assert_eq!(passages[0]["anchor"], "OP");
    assert_eq!(passages[0]["citation"], "A/C.1/99/L.39");
    assert_eq!(passages[0]["part"], "operative");

    // show links the draft and the resolution, both ways, in text and JSON.
    let r = d.undex(&["show", "A/C.1/99/L.17"]);
    r.expect_code(0);
    assert!(
        r.stdout().contains("\nadopted as A/RES/99/60\n"),
        "{}",
        r.stdout()
    );
    let r = d.undex(&["show", "A/RES/99/60"]);
    r.expect_code(0);
    assert!(
        r.stdout().contains("\ndraft: A/C.1/99/L.17\n"),
        "{}",
        r.stdout()
    );
    let r = d.undex(&["show", "A/RES/99/60#OP1"]);
    assert!(
        r.stdout().contains("\ndraft: A/C.1/99/L.17\n"),
        "{}",
        r.stdout()
    );
    let link = serde_json::json!({"draft": "A/C.1/99/L.17", "adopted_as": "A/RES/99/60"});
    for shown in ["A/C.1/99/L.17", "A/RES/99/60", "A/C.1/99/L.17#OP2"] {
        let r = d.undex(&["show", "--json", shown]);
        assert_eq!(
            r.records("adoption"),
            std::slice::from_ref(&link),
            "{shown}"
        );
    }
    let r = d.undex(&["show", "--json", "A/C.1/99/L.17#OP1"]);
    assert_eq!(r.records("passage")[0]["adopted_as"], "A/RES/99/60");
    // A draft nobody adopted, and a resolution no draft in the index became, have no link.
    let r = d.undex(&["show", "--json", "A/79/L.99"]);
    assert!(r.records("adoption").is_empty());
    assert!(
        !d.undex(&["show", "A/79/L.99"])
            .stdout()
            .contains("adopted as")
    );
}

/// A resolution with an agenda item but neither sponsors nor a committee.
const PLAIN_RESOLUTION: &str = "+++\nsymbol = \"A/RES/99/61\"\ntitle = \"Quiet harbours\"\nkind = \"resolution\"\nprocess = \"OEWG\"\nagenda_item = \"98 (kk)\"\n+++\n\nThe General Assembly,\n\n1. Decides that harbours keep quiet after dusk;\n";

#[test]
fn show_prints_a_drafts_sponsors_committee_and_agenda_item_and_export_keeps_them() {
    let d = Dir::new();
    for name in ["draft-committee.txt", "draft-plenary.txt"] {
        d.write(
            &format!("raw/{name}"),
            std::fs::read(fixture(name)).expect("fixture"),
        );
    }
    d.undex(&["import", "raw", "--out", "corpus", "--process", "OEWG"])
        .expect_code(0);
    d.write("corpus/A-RES-99-61.txt", PLAIN_RESOLUTION);
    d.undex(&["index"]).expect_code(0);
    let sponsors = COMMITTEE_SPONSORS;

    // Text: in the document header, before the first passage.
    let r = d.undex(&["show", "A/C.1/99/L.17"]);
    r.expect_code(0);
    let out = r.stdout();
    let header = out.split("\n\n").next().unwrap_or_default();
    let expected = format!(
        "\nsponsors: {}\ncommittee: First Committee\nagenda item: 98 (kk)",
        sponsors.join("; ")
    );
    assert!(header.contains(&expected), "{out}");

    // JSON: every passage record carries them.
    let r = d.undex(&["show", "--json", "A/C.1/99/L.17"]);
    let passages = r.records("passage");
    assert!(!passages.is_empty());
    for p in &passages {
        assert_eq!(p["sponsor"], serde_json::json!(sponsors), "{p}");
        assert_eq!(p["committee"], "First Committee", "{p}");
        assert_eq!(p["agenda_item"], "98 (kk)", "{p}");
    }

    // A plenary draft has sponsors and an agenda item but no committee.
    let r = d.undex(&["show", "--json", "A/79/L.99"]);
    let p = &r.records("passage")[0];
    assert!(
        p["sponsor"].as_array().is_some_and(|s| !s.is_empty()),
        "{p}"
    );
    assert!(p.get("committee").is_none(), "{p}");
    assert_eq!(p["agenda_item"], "14", "{p}");
    assert!(
        !d.undex(&["show", "A/79/L.99"])
            .stdout()
            .contains("committee:")
    );

    // A resolution without sponsors or a committee: no such line, no such field.
    let r = d.undex(&["show", "A/RES/99/61"]);
    r.expect_code(0);
    for line in ["sponsors:", "committee:", "agenda item:"] {
        assert!(!r.stdout().contains(line), "{line}: {}", r.stdout());
    }
    let r = d.undex(&["show", "--json", "A/RES/99/61"]);
    let p = &r.records("passage")[0];
    for field in ["sponsor", "committee", "agenda_item"] {
        assert!(p.get(field).is_none(), "{field}: {p}");
    }

    // The JSON Lines export carries them, and indexing the export reads them back.
    let export = d.undex(&["export"]);
    export.expect_code(0);
    let row = export
        .stdout()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON"))
        .find(|r| r["symbol"] == "A/C.1/99/L.17")
        .expect("the draft exported");
    assert_eq!(row["sponsor"], serde_json::json!(sponsors));
    assert_eq!(row["committee"], "First Committee");
    assert_eq!(row["agenda_item"], "98 (kk)");
    d.write("export.jsonl", export.stdout());
    d.undex(&["index", "--corpus", "export.jsonl", "--index", "again"])
        .expect_code(0);
    for symbol in ["A/C.1/99/L.17", "A/79/L.99", "A/RES/99/61"] {
        let a = d.undex(&["show", "--json", symbol]).records("passage");
        let b = d
            .undex(&[
                "show",
                "--json",
                "--corpus",
                "export.jsonl",
                "--index",
                "again",
                symbol,
            ])
            .records("passage");
        let facts = |ps: &[serde_json::Value]| -> Vec<[serde_json::Value; 3]> {
            ps.iter()
                .map(|p| {
                    [
                        p["sponsor"].clone(),
                        p["committee"].clone(),
                        p["agenda_item"].clone(),
                    ]
                })
                .collect()
        };
        assert_eq!(facts(&a), facts(&b), "{symbol}");
        assert_eq!(a.len(), b.len(), "{symbol}");
    }
}
