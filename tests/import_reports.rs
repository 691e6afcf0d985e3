//! Reports of a group of experts and of an open-ended working group, imported from their text as extracted, indexed, then shown and searched by their citations.

mod common;

use common::{Dir, fixture};

/// A folder with both reports imported (each with its process) and indexed.
fn indexed_reports() -> Dir {
    let d = Dir::new();
    d.write("raw/gge.txt", fixture("gge-report.txt"));
    d.write("raw/oewg.txt", fixture("oewg-report.txt"));
    for (file, process) in [("raw/gge.txt", "GGE"), ("raw/oewg.txt", "OEWG")] {
        d.undex(&["import", file, "--process", process, "--out", "corpus"])
            .expect_code(0);
    }
    d.undex(&["index"]).expect_code(0);
    d
}

fn shown(d: &Dir, what: &str) -> Vec<serde_json::Value> {
    let r = d.undex(&["show", "--json", "--no-refs", what]);
    r.expect_code(0);
    r.records("passage")
}

fn field(records: &[serde_json::Value], name: &str) -> Vec<String> {
    records
        .iter()
        .map(|p| p[name].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn report_paragraphs_are_shown_by_their_citations() {
    let d = indexed_reports();
    // A norm: a sub-paragraph of the paragraph that lists them.
    let norm = shown(&d, "A/99/174, para. 13(a)");
    assert_eq!(field(&norm, "citation"), ["A/99/174, para. 13(a)"]);
    assert_eq!(norm[0]["kind"], "report");
    assert_eq!(norm[0]["part"], "report");
    assert_eq!(norm[0]["process"], serde_json::json!(["GGE"]));
    assert_eq!(
        norm[0]["section"],
        "III. Norms, rules and principles for the responsible keeping of signal stations by States"
    );
    assert!(
        norm[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Consistent with the purposes")
    );
    // The paragraph with all its norms, (a) to (k).
    assert_eq!(shown(&d, "A/99/174, para. 13").len(), 12);
    // The letter of transmittal, unnumbered.
    let letter = shown(&d, "A/99/174, unnumbered para. 4");
    assert_eq!(letter[0]["section"], "Letter of transmittal");
    // A row of the list of members.
    let row = shown(&d, "A/99/174, annex, unnumbered para. 2");
    assert!(
        row[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Brazil | Mr. Rui Barbosa Lima (Chair)")
    );
    // An annex numbered anew, and its sub-paragraphs.
    let annexed = shown(&d, "A/99/265, annex I, para. 7");
    assert_eq!(
        field(&annexed, "citation"),
        [
            "A/99/265, annex I, para. 7",
            "A/99/265, annex I, para. 7(a)",
            "A/99/265, annex I, para. 7(b)",
            "A/99/265, annex I, para. 7(b)(i)",
            "A/99/265, annex I, para. 7(b)(ii)",
            "A/99/265, annex I, para. 7(c)",
        ]
    );
    assert_eq!(
        field(&shown(&d, "A/99/265#ANNEXII.P2"), "citation"),
        ["A/99/265, annex II, para. 2"]
    );
}

#[test]
fn report_passages_are_found_and_furniture_is_not() {
    let d = indexed_reports();
    let r = d.undex(&["search", "--json", "false lights"]);
    r.expect_code(0);
    let ids = r.hit_ids();
    for id in ["A/99/174#P5", "A/99/174#P13(c)", "A/99/265#ANNEXI.P4(a)"] {
        assert!(ids.iter().any(|i| i == id), "{id} not in {ids:?}");
    }
    let citations = field(&r.records("hit"), "citation");
    assert!(citations.iter().any(|c| c == "A/99/174, para. 13(c)"));
    // The process filter knows each report's.
    let r = d.undex(&["search", "--json", "--process", "OEWG", "false lights"]);
    assert!(r.hit_ids().iter().all(|i| i.starts_with("A/99/265#")));
    // Signatures, the contents table and page furniture are no passage.
    for absent in ["Okonkwo", "15-12345", "Page"] {
        let r = d.undex(&["search", "--json", "--kind", "report", absent]);
        r.expect_code(1);
    }
    // The document, in order, opens with the note by the Secretary-General.
    let all = shown(&d, "A/99/174");
    assert_eq!(all.len(), 44);
    assert_eq!(all[0]["citation"], "A/99/174, unnumbered para. 1");
    assert_eq!(all[0]["section"], "Note by the Secretary-General");
}
