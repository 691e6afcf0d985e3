//! Citations and links on the real binary: every symbol of a recall list and of a footnote is a reference, `show` gives a paragraph with its sub-paragraphs, and `align` takes citations.

mod common;

use common::Dir;

/// A resolution in the corpus format, with the front matter given.
fn doc(symbol: &str, extra: &str, body: &str) -> String {
    format!(
        "+++\nsymbol = \"{symbol}\"\ntitle = \"A test resolution\"\nkind = \"resolution\"\nprocess = \"OEWG\"\n{extra}+++\n\nThe General Assembly,\n\n{body}\n"
    )
}

/// Two resolutions: one cites reports in its footnotes only, the other
/// names the same report in its own text.
fn footnoted() -> Dir {
    let d = Dir::new();
    d.write(
        "corpus/a.txt",
        doc(
            "A/RES/90/1",
            "",
            "Recalling its resolutions 36/103 of 9 December 1981, 43/78 H of 7 December 1988 and 70/237 of 23 December 2015, as well as its decision 72/512 of 4 December 2017,\n\n\
             1. Calls upon Member States to be guided by the 2015 report[^1] on norms of behaviour;[^3]\n\n\
             2. Takes note of the views of Member States;[^2]\n\n\
             [^1]: A/70/174.\n\
             [^2]: See Official Records of the General Assembly, Seventieth Session, Supplement No. 40 (A/68/98).\n\
             [^3]: See also A/65/201.",
        ),
    );
    d.write(
        "corpus/b.txt",
        doc(
            "A/RES/90/2",
            "",
            "1. Welcomes the report of the Group of Governmental Experts (A/70/174) on norms of behaviour;\n\n\
             2. Welcomes also the supplement to the report;",
        ),
    );
    d.undex(&["index"]).expect_code(0);
    d
}

#[test]
fn every_symbol_of_a_recall_list_is_found() {
    let d = footnoted();
    let r = d.undex(&["show", "--json", "A/RES/90/1#PP1"]);
    r.expect_code(0);
    let refs = r.records("passage")[0]["refs"].clone();
    assert_eq!(
        refs,
        serde_json::json!([
            "A/DEC/72/512",
            "A/RES/36/103",
            "A/RES/43/78H",
            "A/RES/70/237"
        ])
    );
    for symbol in [
        "A/RES/70/237",
        "A/RES/43/78H",
        "A/RES/43/78",
        "A/DEC/72/512",
    ] {
        let r = d.undex(&["search", "--json", symbol]);
        r.expect_code(0);
        assert_eq!(r.hit_ids(), ["A/RES/90/1#PP1"], "search {symbol}");
    }
}

#[test]
fn a_symbol_in_a_footnote_cites_and_is_found_below_the_text_that_names_it() {
    let d = footnoted();
    // The passage whose own text names the report ranks above the one
    // whose footnote gives it.
    let r = d.undex(&["search", "--json", "A/70/174"]);
    r.expect_code(0);
    assert_eq!(r.hit_ids(), ["A/RES/90/2#OP1", "A/RES/90/1#OP1"]);
    let r = d.undex(&["search", "--json", "cites:A/68/98"]);
    r.expect_code(0);
    assert_eq!(r.hit_ids(), ["A/RES/90/1#OP2"]);
    let r = d.undex(&["search", "--json", "refs:A/70/174"]);
    assert_eq!(r.hit_ids(), ["A/RES/90/1#OP1", "A/RES/90/2#OP1"]);
    // The words of a note are searched too, below the texts that hold them.
    let r = d.undex(&["search", "--json", "supplement"]);
    r.expect_code(0);
    assert_eq!(r.hit_ids(), ["A/RES/90/2#OP2", "A/RES/90/1#OP2"]);
    let hits = r.records("hit");
    assert!(hits[0]["score"].as_f64() > hits[1]["score"].as_f64());
    let r = d.undex(&["search", "--json", "--exact", "\"Official Records\""]);
    assert_eq!(r.hit_ids(), ["A/RES/90/1#OP2"]);
    let r = d.undex(&["search", "--json", "supplement official"]);
    assert_eq!(r.hit_ids(), ["A/RES/90/1#OP2"]);
    // A phrase never runs from one note into the next.
    let r = d.undex(&["search", "--json", "\"174 see\""]);
    r.expect_code(1);
    // compare counts passage text only: the note is not counted.
    let r = d.undex(&["compare", "--json", "supplement"]);
    r.expect_code(0);
    let counted: u64 = r
        .records("count")
        .iter()
        .map(|c| c["passages"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(counted, 1);
    // show prints the note and what it cites.
    let r = d.undex(&["show", "A/RES/90/1, para. 2"]);
    r.expect_code(0);
    assert!(
        r.stdout().contains("[2] See Official Records"),
        "{}",
        r.stdout()
    );
    assert!(r.stdout().contains("refers to: A/68/98"), "{}", r.stdout());
}

#[test]
fn a_passage_found_by_its_footnote_shows_the_note_that_matched() {
    let d = footnoted();
    let r = d.undex(&["search", "--json", "supplement"]);
    r.expect_code(0);
    let hits = r.records("hit");
    // Found in its own text: no note is shown.
    assert_eq!(hits[0]["id"], "A/RES/90/2#OP2");
    assert!(hits[0].get("in_note").is_none(), "{}", hits[0]);
    // Found only in its note: the note's fragment, its marker and the word.
    assert_eq!(hits[1]["id"], "A/RES/90/1#OP2");
    let note = &hits[1]["in_note"];
    assert_eq!(note["marker"], "2");
    let snippet = note["snippet"].as_str().unwrap_or_default();
    let (s, e) = (
        note["highlights"][0][0].as_u64().unwrap_or(0) as usize,
        note["highlights"][0][1].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(snippet.get(s..e), Some("Supplement"), "{note}");
    let r = d.undex(&["search", "supplement"]);
    r.expect_code(0);
    assert!(
        r.stdout()
            .contains("note 2: See Official Records of the General Assembly, Seventieth Session, Supplement No. 40 (A/68/98)."),
        "{}",
        r.stdout()
    );
    assert_eq!(
        r.stdout().matches("\n    note ").count(),
        1,
        "{}",
        r.stdout()
    );
}

/// A resolution with sub-paragraphs, and commentary that refers to them.
fn with_subparagraphs() -> Dir {
    let d = Dir::new();
    d.write(
        "corpus/r.txt",
        doc(
            "A/RES/90/3",
            "excerpt = true\n",
            "1. Decides the following:\n\n\
             1.1. States should cooperate;\n\n\
             1.2. States should not harm;\n\n\
             4. Invites Member States to inform the Secretary-General of their views on the following questions:\n\n\
             (a) General appreciation of the issues of information security;\n\n\
             (b) Efforts taken at the national level, including:\n\n\
             (i) Legislation;\n\n\
             5. Decides to convene a working group at its seventy-fifth session to study the norms of responsible behaviour and also the rules of international law;\n\n\
             10. Decides to remain seized of the matter.",
        ),
    );
    d.write(
        "corpus/s.txt",
        doc(
            "A/RES/90/4",
            "",
            "1. Requests the Secretary-General to convene a working group at its seventy-sixth session to study the norms of responsible behaviour, to report on the rules of international law.",
        ),
    );
    let rows: String = (1..=7)
        .map(|i| format!("The views asked for in A/RES/90/3, para. 4(a) matter ({i}).\n\n"))
        .collect();
    d.write(
        "corpus/c.md",
        format!(
            "+++\nsymbol = \"Doe2020\"\nkind = \"commentary\"\nauthor = \"Jane Doe\"\ndate = \"2020\"\n+++\n\n## Views\n\n{rows}"
        ),
    );
    d.undex(&["index"]).expect_code(0);
    d
}

#[test]
fn a_paragraph_is_shown_with_its_subparagraphs() {
    let d = with_subparagraphs();
    let r = d.undex(&["show", "--json", "A/RES/90/3, para. 4"]);
    r.expect_code(0);
    let ids: Vec<String> = r
        .records("passage")
        .iter()
        .map(|p| p["citation"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        ids,
        [
            "A/RES/90/3, para. 4",
            "A/RES/90/3, para. 4(a)",
            "A/RES/90/3, para. 4(b)",
            "A/RES/90/3, para. 4(b)(i)"
        ]
    );
    // Para. 1 holds 1.1 and 1.2, not para. 10.
    let r = d.undex(&["show", "--json", "A/RES/90/3#OP1"]);
    let ids: Vec<String> = r
        .records("passage")
        .iter()
        .map(|p| p["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        ids,
        ["A/RES/90/3#OP1", "A/RES/90/3#OP1.1", "A/RES/90/3#OP1.2"]
    );
    // A sub-paragraph alone is itself with what is under it.
    let r = d.undex(&["show", "--json", "A/RES/90/3, para. 4(b)"]);
    assert_eq!(r.records("passage").len(), 2);
    // Each sub-paragraph is printed with its citation; no document header
    // for one paragraph.
    let r = d.undex(&["show", "A/RES/90/3, para. 4"]);
    let out = r.stdout();
    assert!(out.starts_with("A/RES/90/3, para. 4  "), "{out}");
    assert!(
        out.contains("\nA/RES/90/3, para. 4(b)(i)  [OEWG]  A/RES/90/3#OP4(b)(i)\n    Legislation;"),
        "{out}"
    );
    assert!(!out.contains("excerpt:"), "{out}");
    // A citation typed without its comma, or in small letters, names the
    // same sub-paragraph, never its parent paragraph.
    for typed in [
        "A/RES/90/3 para. 4(b)",
        "a/res/90/3 para 4(b)",
        "A/RES/90/3 paragraph 4 (b)",
    ] {
        let r = d.undex(&["show", "--json", typed]);
        r.expect_code(0);
        let first = r
            .records("passage")
            .first()
            .map(|p| p["id"].as_str().unwrap_or_default().to_owned());
        assert_eq!(first.as_deref(), Some("A/RES/90/3#OP4(b)"), "{typed}");
    }
}

#[test]
fn what_refers_to_a_paragraph_is_folded_and_can_be_left_out() {
    let d = with_subparagraphs();
    // The commentary refers to 4(a): that is a reference to para. 4 shown whole.
    let r = d.undex(&["show", "A/RES/90/3#OP4"]);
    r.expect_code(0);
    let out = r.stdout();
    assert!(out.contains("Referred to by:"), "{out}");
    assert_eq!(
        out.matches("Doe 2020, \"Views\", para.").count(),
        5,
        "{out}"
    );
    assert!(
        out.contains("… and 2 more passages (7 in all; --json lists every one)"),
        "{out}"
    );
    let r = d.undex(&["show", "--json", "A/RES/90/3#OP4"]);
    assert_eq!(r.records("cited_by").len(), 7);
    let r = d.undex(&["show", "--no-refs", "A/RES/90/3#OP4"]);
    r.expect_code(0);
    assert!(!r.stdout().contains("Referred to by"), "{}", r.stdout());
    assert!(!r.stdout().contains("Doe 2020"), "{}", r.stdout());
    let r = d.undex(&["show", "--no-refs", "--json", "A/RES/90/3#OP4"]);
    assert_eq!(r.records("cited_by").len(), 0);
    assert_eq!(r.records("passage").len(), 4);
}

#[test]
fn align_takes_ids_and_citations_and_refuses_a_document() {
    let d = with_subparagraphs();
    let by_id = d.undex(&["align", "--json", "A/RES/90/3#OP5", "A/RES/90/4#OP1"]);
    by_id.expect_code(0);
    let by_citation = d.undex(&[
        "align",
        "--json",
        "A/RES/90/3, para. 5",
        "A/RES/90/4, para. 1",
    ]);
    by_citation.expect_code(0);
    assert_eq!(by_id.stdout(), by_citation.stdout());
    let shared: Vec<String> = by_id
        .records("shared")
        .iter()
        .map(|s| s["text"].as_str().unwrap_or_default().to_owned())
        .collect();
    // No run ends inside "seventy-fifth".
    assert_eq!(
        shared,
        [
            "to convene a working group at its",
            "session to study the norms of responsible behaviour",
            "the rules of international law"
        ]
    );
    let only = |side: &str| -> Vec<String> {
        by_id
            .records("only")
            .iter()
            .filter(|s| s["side"] == side)
            .map(|s| s["text"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    // A's "and also" says nothing of its own; B's "to report on" does.
    assert_eq!(only("a"), ["Decides", "seventy-fifth"]);
    assert_eq!(
        only("b"),
        [
            "Requests the Secretary-General",
            "seventy-sixth",
            "to report on"
        ]
    );
    let human = d.undex(&["align", "A/RES/90/3, para. 5", "A/RES/90/4#OP1"]);
    human.expect_code(0);
    assert!(
        !human.stdout().contains("  - and also\n"),
        "{}",
        human.stdout()
    );
    // A commentary passage by its citation.
    let r = d.undex(&[
        "align",
        "--json",
        "Doe 2020, \u{201c}Views\u{201d}, para. 2",
        "A/RES/90/3, para. 4(a)",
    ]);
    r.expect_code(1);
    assert_eq!(r.records("passage")[0]["id"], "Doe2020#S1.2");
    // A document is no passage; a passage not in the index is not found.
    let r = d.undex(&["align", "A/RES/90/3", "A/RES/90/4#OP1"]);
    r.expect_code(2);
    assert!(
        r.stderr().contains("A/RES/90/3 names a whole document"),
        "{}",
        r.stderr()
    );
    let r = d.undex(&["align", "A/RES/90/3, para. 7", "A/RES/90/4#OP1"]);
    r.expect_code(1);
}
