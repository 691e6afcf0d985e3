//! A treaty adopted in an annex, end to end: raw PDF text imported, indexed, its articles shown by citation and cited by commentary.

mod common;

use common::{Dir, fixture};

const COMMENTARY: &str = "+++\nsymbol = \"Quill2020\"\nkind = \"commentary\"\nauthor = \"Ada Quill\"\ndate = \"2020\"\n+++\n\n## Terms\n\nThe definition of a keeper in A/RES/99/31, annex, art. 2, para. 1(b) is narrow.\n";

fn imported_and_indexed() -> Dir {
    let d = Dir::new();
    d.write("download/convention.txt", fixture("treaty.txt"));
    d.undex(&[
        "import",
        "download/convention.txt",
        "--out",
        "corpus",
        "--process",
        "AHC",
    ])
    .expect_code(0);
    d.write("corpus/quill.txt", COMMENTARY);
    d.undex(&["index"]).expect_code(0);
    d
}

fn shown(d: &Dir, what: &str) -> Vec<(String, String)> {
    let r = d.undex(&["show", "--json", what]);
    r.expect_code(0);
    r.records("passage")
        .iter()
        .map(|p| {
            (
                p["anchor"].as_str().unwrap_or_default().to_owned(),
                p["citation"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn show_prints_a_whole_article_each_paragraph_with_its_citation() {
    let d = imported_and_indexed();
    let got = shown(&d, "A/RES/99/31, annex, art. 2");
    let want = [
        ("ANNEX.ART2.P1", "A/RES/99/31, annex, art. 2, para. 1"),
        ("ANNEX.ART2.P1(a)", "A/RES/99/31, annex, art. 2, para. 1(a)"),
        (
            "ANNEX.ART2.P1(a)(i)",
            "A/RES/99/31, annex, art. 2, para. 1(a)(i)",
        ),
        (
            "ANNEX.ART2.P1(a)(ii)",
            "A/RES/99/31, annex, art. 2, para. 1(a)(ii)",
        ),
        ("ANNEX.ART2.P1(b)", "A/RES/99/31, annex, art. 2, para. 1(b)"),
        ("ANNEX.ART2.P2", "A/RES/99/31, annex, art. 2, para. 2"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, c)| ((*a).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(got, want);
    // The commentary citing one of its paragraphs is listed as referring to it.
    let r = d.undex(&["show", "--json", "A/RES/99/31, annex, art. 2"]);
    let cited_by: Vec<String> = r
        .records("cited_by")
        .iter()
        .filter_map(|p| p["id"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(cited_by, ["Quill2020#S1.1"]);
    // An article of one unnumbered text is shown with its sub-paragraphs.
    let got = shown(&d, "A/RES/99/31, annex, art. 1");
    let anchors: Vec<&str> = got.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(anchors, ["ANNEX.ART1", "ANNEX.ART1(a)", "ANNEX.ART1(b)"]);
    assert_eq!(got[1].1, "A/RES/99/31, annex, art. 1(a)");
}

#[test]
fn final_clauses_and_the_treatys_own_annex_are_cited_as_written() {
    let d = imported_and_indexed();
    assert_eq!(
        shown(&d, "A/RES/99/31, annex, final clause 2"),
        [(
            "ANNEX.FC2".to_owned(),
            "A/RES/99/31, annex, final clause 2".to_owned()
        )]
    );
    assert_eq!(
        shown(&d, "A/RES/99/31, annex, annex, para. 3"),
        [(
            "ANNEX.ANNEX.OP3".to_owned(),
            "A/RES/99/31, annex, annex, para. 3".to_owned()
        )]
    );
    let r = d.undex(&["show", "A/RES/99/31#ANNEX.ART3.P1"]);
    r.expect_code(0);
    assert!(
        r.stdout()
            .contains("Chapter II. Final provisions — Article 3. Signature"),
        "the section names chapter and article: {}",
        r.stdout()
    );
    d.undex(&["show", "A/RES/99/31, annex, art. 9"])
        .expect_code(1);
}
