//! Unit tests of the whole import on small invented documents.

use super::*;

/// Imports with a process given, so that the warnings are the document's own.
fn run(raw: &str) -> Imported {
    let options = ImportOptions {
        process: vec!["OEWG".into()],
        ..ImportOptions::default()
    };
    match import_text(raw, Path::new("in.txt"), &options) {
        Ok(imported) => imported,
        Err(e) => panic!("import failed: {e}"),
    }
}

const HEAD: &str = "United Nations\nA/RES/98/4\n\n98/4. Quiet rules\n\nThe General Assembly,\n\n";

#[test]
fn refuses_empty_binary_and_symbol_less_input() {
    let opts = ImportOptions::default();
    for raw in [
        "",
        " \n\n",
        "a\0b",
        "The General Assembly,\n\n1. Decides.\n",
    ] {
        let got = import_text(raw, Path::new("A-RES-73-27.txt"), &opts);
        assert!(matches!(got, Err(Error::Input(_))), "{raw:?}");
    }
}

#[test]
fn unplaced_masthead_lines_are_kept_as_comments_and_reported() {
    let raw = "United Nations\nA/RES/98/4\nSomething odd\n\n98/4. Quiet rules\n\nThe General Assembly,\n\n1. Decides.\n";
    let imported = run(raw);
    let lines: Vec<usize> = imported.warnings.iter().map(|d| d.line).collect();
    assert_eq!(lines, [3]);
    assert!(
        imported
            .text
            .contains("# line 3 (not understood): Something odd\n")
    );
    assert_eq!(imported.anchors, ["OP1"]);
}

#[test]
fn a_note_with_no_marker_is_kept_and_reported() {
    let raw = format!("{HEAD}1. Decides.\n\n__________\n\n1 A/1/1.\n");
    let imported = run(&raw);
    // The note goes with the last paragraph before its footnote area.
    assert!(
        imported
            .text
            .ends_with("\n1. Decides.[^1]\n\n[^1]: A/1/1.\n"),
        "{}",
        imported.text
    );
    let got: Vec<(usize, &str)> = imported
        .warnings
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [(
            12,
            "no marker found for footnote 1; kept with the paragraph of line 8, the last before its footnote area: move [^1] to where it is cited"
        )]
    );
}

#[test]
fn numbering_that_skips_is_reported_and_numbering_that_repeats_is_mended() {
    let raw = format!("{HEAD}1. Decides.\n\n3. Decides.\n\n3. Again.\n\n2. Back.\n\n4. Ends.\n");
    let imported = run(&raw);
    let got: Vec<(usize, &str)> = imported
        .warnings
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (10, "paragraph 3 follows paragraph 1: a number is missing"),
            (
                12,
                "paragraph 3 repeats: numbers never repeat: kept as text of the paragraph of line 10, as `undex index` would refuse it; fix the numbering if it is wrong"
            ),
            (
                14,
                "paragraph 2 comes after paragraph 3: numbers never go backwards: kept as text of the paragraph of line 10, as `undex index` would refuse it; fix the numbering if it is wrong"
            ),
        ]
    );
    assert_eq!(imported.anchors, ["OP1", "OP3", "OP4"]);
    assert!(
        imported.text.contains("\n3. Decides. 3. Again. 2. Back.\n"),
        "{}",
        imported.text
    );
}

#[test]
fn paragraphs_without_blank_lines_are_split_at_their_labels() {
    let raw = format!(
        "{HEAD}Noting lamps,\n1.\nDecides:\n(a) to glow;\n(b) to shine;\n2. Requests\nlamps.\n"
    );
    let imported = run(&raw);
    assert_eq!(imported.anchors, ["PP1", "OP1", "OP1(a)", "OP1(b)", "OP2"]);
    assert!(imported.text.contains("\n2. Requests lamps.\n"));
}

#[test]
fn process_option_wins_over_the_table_and_stdin_has_no_source() {
    let table: BTreeMap<String, Vec<String>> =
        [("A/RES/98/4".to_string(), vec!["GGE".to_string()])].into();
    let raw = format!("{HEAD}1. Decides.\n");
    let from_table = ImportOptions {
        processes_table: Some(table.clone()),
        ..ImportOptions::default()
    };
    let given = ImportOptions {
        process: vec!["OEWG".into(), "GGE".into()],
        processes_table: Some(table),
        source: None,
    };
    let a = import_text(&raw, Path::new("-"), &from_table)
        .map(|i| i.text)
        .unwrap_or_default();
    let b = import_text(&raw, Path::new("-"), &given)
        .map(|i| i.text)
        .unwrap_or_default();
    assert!(
        a.contains("\nprocess = \"GGE\"\n") && !a.contains("source"),
        "{a}"
    );
    assert!(b.contains("\nprocess = [\"OEWG\", \"GGE\"]\n"), "{b}");
}

#[test]
fn file_names() {
    assert_eq!(file_name_for("A/RES/73/27"), "A-RES-73-27.txt");
    assert_eq!(file_name_for("A/75/816"), "A-75-816.txt");
}

#[test]
fn no_panic_on_odd_input() {
    let odd = [
        "A/RES/1/1\n(",
        "A/RES/1/1\n__________\n999\n",
        "A/RES/1/1\n1.\n\n\n",
        "A/RES/1/1\n²³⁴\n(iv)\n1.1.\n",
        "A/RES/1/1\n\u{c}\u{c}\r\r\n-\n-\n",
        "A/RES/1/1\nAnnex\nAnnex II\nI. \nThe General Assembly\n45th plenary meeting\n",
        "A/RES/1/1\nResolution adopted by\n[on the report (\n1/1. \n",
    ];
    for raw in odd {
        let _ = import_text(raw, Path::new("x"), &ImportOptions::default());
    }
}

#[test]
fn a_document_of_no_known_process_is_reported() {
    let raw =
        "United Nations\nA/RES/98/4\n\n98/4. Quiet rules\n\nThe General Assembly,\n\n1. Decides.\n";
    let got = import_text(raw, Path::new("in.txt"), &ImportOptions::default()).expect("imports");
    assert!(got.process.is_empty());
    assert!(
        got.warnings
            .iter()
            .any(|w| w.message.contains("no process is known for A/RES/98/4"))
    );
    let lower = ImportOptions {
        process: vec!["oewg".into()],
        ..ImportOptions::default()
    };
    let got = import_text(raw, Path::new("in.txt"), &lower).expect("imports");
    assert_eq!(got.process, ["OEWG"]);
    assert!(got.text.contains("process = \"OEWG\""), "{}", got.text);
}

/// Re-parses an imported file with the corpus parser: its anchors must be
/// exactly those the import reported.
fn round_trip(raw: &str) -> (Vec<String>, Vec<String>) {
    let imported = run(raw);
    let reported: Vec<String> = imported.anchors.iter().map(ToString::to_string).collect();
    let parsed = match crate::corpus::parse_bytes(Path::new("out.txt"), imported.text.as_bytes()) {
        Ok((doc, _)) => doc.passages.into_iter().map(|p| p.anchor).collect(),
        Err(d) => panic!("the imported file does not parse: {d:?}\n{}", imported.text),
    };
    (reported, parsed)
}

#[test]
fn re_parsing_an_imported_file_gives_the_anchors_the_import_reported() {
    let cases = [
        // Roman lists, the letter (i) after (h), decimals, a closing text.
        format!(
            "{HEAD}Noting lamps,\n\n1. Decides:\n\n(a) one;\n\n(i) first;\n\n(ii) second;\n\n(b) two;\n\n(c) three;\n\n(d) four;\n\n(e) five;\n\n(f) six;\n\n(g) seven;\n\n(h) eight;\n\n(i) nine;\n\n2. Requests:\n\n2.1. one;\n\n2.2. two;\n\nand closes.\n"
        ),
        // A lettered list in the preamble stays preamble.
        format!("{HEAD}Recalling:\n\n(a) its rules,\n\n1. Decides.\n"),
        // An annex that numbers nothing: its paragraphs stay preambular.
        format!("{HEAD}1. Adopts the code annexed.\n\nAnnex\n\nCode of lamps\n\nLamps glow for all.\n\nLamps are kept by keepers.\n"),
        // A resolution that numbers nothing: its last paragraph is OP.
        format!("{HEAD}Recalling its rules,\n\nDecides to keep the lamps lit.\n"),
        // A draft numbers as a resolution.
        "United Nations\nA/C.1/98/L.4\n\n98/4. Quiet rules\n\nThe General Assembly,\n\nNoting lamps,\n\n1. Decides.\n".to_string(),
        // A report: unnumbered paragraphs before the first number, none after.
        "United Nations\nA/98/300\n\nSeventy-third session\nAgenda item 96\nLamps and beacons\n\nThe Group presents its report.\n\n1. The Group met.\n\n(a) in spring;\n\nIt met again.\n\n2. It ended.\n".to_string(),
        // A report: a heading ends the paragraph before it; a signature and
        // a letter's date are no passage.
        "United Nations\nA/98/300\n\nSeventy-third session\nAgenda item 96\nLamps and beacons\n\nLetter of transmittal\n\n3 May 2017\n\nI submit the report.\n\n(Signed) A. Keeper\n\nChair of the Group\n\n1. The Group met.\n\nNorm 1 (a)\n\nStates should keep lamps lit.\n\nThey agreed.\n\n2. This norm is old.\n".to_string(),
    ];
    for raw in &cases {
        let (reported, parsed) = round_trip(raw);
        assert!(!reported.is_empty(), "{raw}");
        assert_eq!(reported, parsed, "{raw}");
    }
    let report = cases.last().map_or("", String::as_str);
    let (reported, _) = round_trip(report);
    assert_eq!(reported, ["U1", "P1", "U2", "P2"]);
    assert!(
        run(report)
            .text
            .contains("\n\n(Signed) A. Keeper\nChair of the Group\n\n"),
        "the signer's function is kept with the signature"
    );
    // With no blank line above it, a signature still ends the paragraph.
    let tight = report.replace("report.\n\n(Signed)", "report.\n(Signed)");
    assert_ne!(tight, report);
    let imported = run(&tight);
    assert_eq!(imported.anchors, ["U1", "P1", "U2", "P2"]);
    assert!(
        imported
            .text
            .contains("\n\nI submit the report.\n\n(Signed) A. Keeper\n")
    );
}

#[test]
fn a_treaty_in_an_annex_re_parses_to_the_anchors_reported() {
    let raw = format!(
        "{HEAD}1. Adopts the Convention annexed.\n\n3rd plenary meeting\n\nAnnex\n\nConvention on Lamps;\n\nKeeping Them Dim\n\nPreamble\n\nThe States Parties to this Convention,\n\nBearing in mind lamps,\n\nHave agreed as follows:\n\nChapter I\n\nGeneral provisions\n\nArticle 1\n\nPurpose\n\nThe purpose is to:\n\n(a) dim; and\n\n(b) rest.\n\nArticle 2\n\nTerms\n\n1. For this Convention:\n\n(a) (i) a lamp; or\n\n(ii) a light;\n\n(b) a keeper.\n\n2. Nothing else.\n\nIN WITNESS WHEREOF, signed.\n\nDONE at Quorum City.\n\nAnnex\n\nNotes on the Convention\n\nArticle 1\n\n1. Dim is dim.\n\nArticle 2\n\n2. Rest is rest.\n"
    );
    let (reported, parsed) = round_trip(&raw);
    assert_eq!(
        reported,
        [
            "OP1",
            "ANNEX.PP1",
            "ANNEX.ART1",
            "ANNEX.ART1(a)",
            "ANNEX.ART1(b)",
            "ANNEX.ART2.P1",
            "ANNEX.ART2.P1(a)",
            "ANNEX.ART2.P1(a)(i)",
            "ANNEX.ART2.P1(a)(ii)",
            "ANNEX.ART2.P1(b)",
            "ANNEX.ART2.P2",
            "ANNEX.FC1",
            "ANNEX.FC2",
            "ANNEX.ANNEX.OP1",
            "ANNEX.ANNEX.OP2"
        ]
    );
    assert_eq!(reported, parsed);
    let text = run(&raw).text;
    for heading in [
        "\n## Annex — Convention on Lamps; Keeping Them Dim\n",
        "\n### Preamble\n",
        "\n### Chapter I. General provisions\n",
        "\n#### Article 1. Purpose\n",
        "\n### Annex — Notes on the Convention\n",
        "\n#### Article 2\n",
    ] {
        assert!(text.contains(heading), "{heading:?} missing from\n{text}");
    }
}
