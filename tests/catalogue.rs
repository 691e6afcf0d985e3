//! The odd-input catalogue: corpus files and import inputs that users and their tools really produce, each accepted as meant or refused with its exact message, exit 2 and nothing touched.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{Dir, resolution};
use undex::corpus::{Corpus, Document, parse_bytes};
use undex::import::{ImportOptions, import_text};
use undex::index::Index;
use undex::search::SearchOptions;

const GOOD: &str = "Recalling its earlier work on quorum matters,\n\n1. Decides to keep quorum rules;\n\n2. Requests a quorum report.";

fn fm(rest: &str) -> String {
    format!("+++\nsymbol = \"A/RES/99/5\"\ntitle = \"x\"\nkind = \"resolution\"\n{rest}")
}

fn with_symbol(symbol: &str) -> String {
    format!("+++\nsymbol = \"{symbol}\"\n+++\n\n1. Decides.\n")
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else if e.file_name() == ".managed.json" {
                // tantivy's list of its files, rewritten in any order when a
                // refused build's uncommitted segment is collected: the same
                // names are what must not change.
                let text = std::fs::read_to_string(e.path()).unwrap();
                let mut names: Vec<&str> = text
                    .trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace())
                    .split(',')
                    .collect();
                names.sort_unstable();
                out.insert(e.path(), names.join(",").into_bytes());
            } else if e.file_name() != ".undex.lock" {
                // The build lock names the last process that took it: a
                // refused build took it too. Everything else must not move.
                out.insert(e.path(), std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

/// (file name, content, the exact first line undex must print on stderr without its `corpus/` prefix).
fn refused_corpus_files() -> Vec<(&'static str, Vec<u8>, String)> {
    let mut nul = fm("+++\n\n1. Decides on").into_bytes();
    nul.extend(b"\0 quorum.\n");
    // UTF-16 is read (its byte-order mark says so); cut off mid-unit it is not.
    let mut utf16 = vec![0xFF, 0xFE];
    for c in with_symbol("A/RES/99/5").encode_utf16() {
        utf16.extend(c.to_le_bytes());
    }
    utf16.push(b'.');
    let big_front = fm(&format!(
        "source = \"{}\"\n+++\n\n1. Decides.\n",
        "x".repeat(1 << 20)
    ));
    let s = |t: &str| t.as_bytes().to_vec();
    let space_msg = |sym: &str, what: &str| {
        format!(
            "2: symbol \"{sym}\" has {what}; write symbols as the UN prints them, e.g. A/RES/73/27"
        )
    };
    vec![
        ("nul.txt", nul, "7: this is a binary file (it holds a NUL byte), not text".into()),
        ("utf16-cut.txt", utf16, " the file opens as UTF-16 but is not valid UTF-16; save it as UTF-8".into()),
        ("overlong.txt", [fm("+++\n\n1. Dec").into_bytes(), b"\xC0\xAFides.\n".to_vec()].concat(),
            "7: the file is not valid UTF-8 (byte 0xC0); save it as UTF-8".into()),
        ("cut-utf8.txt", [fm("+++\n\n1. Caf").into_bytes(), b"\xC3".to_vec()].concat(),
            "7: the file is not valid UTF-8 (byte 0xC3); save it as UTF-8".into()),
        ("blank.txt", s(" \r\n\t\r\n\n"), " the file is empty".into()),
        ("fence-only.txt", s("+++\n"),
            "1: the front matter opened with `+++` on line 1 is never closed by another `+++` line".into()),
        ("front-1mb.txt", s(&big_front),
            "1: the front matter opened on line 1 runs past 64 KiB without its closing `+++`".into()),
        ("twenty-digits.txt", s(&fm("+++\n\n12345678901234567890. Decides.\n")),
            "7: paragraph number 12345678901234567890 is too large (at most 6 digits)".into()),
        ("seven-digit-sub.txt", s(&fm("+++\n\n1. Decides:\n\n1.1234567 a point.\n")),
            "9: paragraph number 1234567 is too large (at most 6 digits)".into()),
        ("deep.txt", s(&fm("+++\n\n1. Decides:\n\n(a) on a;\n\n(i) on i;\n\n(A) on capital A.\n")),
            "13: sub-paragraph (A) under (a)(i) is nested deeper than UN documents number (paragraph, (a), (i)); write it as text of (i) without its label".into()),
        ("roman-back.txt", s(&fm("+++\n\n1. Decides:\n\n(a) on a;\n\n(i) one;\n\n(ii) two;\n\n(ii) two again.\n")),
            "15: sub-paragraph (ii) comes after (ii): numbers never go backwards or repeat".into()),
        ("label-only.txt", s(&fm("+++\n\n1. Decides;\n\n2.\n")),
            "9: paragraph OP2 has no text after its number".into()),
        ("space-symbol.txt", s(&with_symbol("A/RES/73 /27")), space_msg("A/RES/73 /27", "a space")),
        ("tab-symbol.txt", s("+++\nsymbol = \"A/RES/73/\\t27\"\n+++\n\n1. Decides.\n"), space_msg("A/RES/73/\t27", "a space")),
        ("lead-slash.txt", s(&with_symbol("/A/RES/73/27")),
            "2: symbol \"/A/RES/73/27\" has a slash out of place; write symbols as the UN prints them, e.g. A/RES/73/27".into()),
        ("trail-slash.txt", s(&with_symbol("A/RES/73/27/")),
            "2: symbol \"A/RES/73/27/\" has a slash out of place; write symbols as the UN prints them, e.g. A/RES/73/27".into()),
        ("double-slash.txt", s(&with_symbol("A//RES/73/27")),
            "2: symbol \"A//RES/73/27\" has a slash out of place; write symbols as the UN prints them, e.g. A/RES/73/27".into()),
        ("backslash.txt", s("+++\nsymbol = 'A\\RES\\73\\27'\n+++\n\n1. Decides.\n"), space_msg("A\\RES\\73\\27", "the character '\\\\'")),
        ("empty-symbol.txt", s(&with_symbol("  ")), "2: the symbol is empty".into()),
        ("long-symbol.txt", s(&with_symbol(&format!("A/{}", "1".repeat(100)))), "2: the symbol is over 100 characters long".into()),
        ("kind.txt", s(&fm("kind = \"memo\"\n+++\n\n1. Decides.\n").replace("kind = \"resolution\"\n", "")),
            "4: unknown kind \"memo\"; expected one of resolution, decision, draft, report, commentary".into()),
        ("adopted-time.txt", s(&fm("adopted = 2018-12-05T10:00:00\n+++\n\n1. Decides.\n")),
            "5: `adopted` must be a date such as 2018-12-05 (no time)".into()),
        ("excerpt-string.txt", s(&fm("excerpt = \"yes\"\n+++\n\n1. Decides.\n")),
            "5: bad front matter: invalid type: string \"yes\", expected a boolean".into()),
        ("duplicate-key.txt", s(&fm("title = \"again\"\n+++\n\n1. Decides.\n")),
            "5: bad front matter: duplicate key".into()),
        ("alias.txt", s(&fm("kind = \"commentary\"\naliases = { \"Russian Resolution\" = \"A RES\" }\n+++\n\nText.\n").replace("kind = \"resolution\"\n", "")),
            "5: alias \"Russian Resolution\": symbol \"A RES\" has a space; write symbols as the UN prints them, e.g. A/RES/73/27".into()),
        ("note-twice.txt", s(&fm("+++\n\n1. Decides[^1].\n\n[^1]: A/70/174.\n[^1]: A/70/174.\n")),
            "10: footnote [^1] is defined twice".into()),
        ("note-unused.txt", s(&fm("+++\n\n1. Decides.\n\n[^4]: A/70/174.\n")),
            "9: footnote [^4] is defined but no paragraph cites it".into()),
    ]
}

#[test]
fn refused_corpus_files_get_their_exact_message_exit_2_and_touch_nothing() {
    let d = Dir::new();
    d.write("corpus/good.txt", resolution("A/RES/99/1", "OEWG", GOOD));
    d.undex(&["index"]).expect_code(0);
    let before = d.undex(&["search", "--json", "quorum"]).hit_ids();
    assert_eq!(before.len(), 3);
    let index = snapshot(&d.join("index"));
    let cases = refused_corpus_files();
    assert!(cases.len() >= 25);
    for (name, bytes, message) in cases {
        let path = d.write(&format!("corpus/{name}"), &bytes);
        let r = d.undex(&["index", "--rebuild"]);
        r.expect_code(2);
        let err = r.stderr();
        assert_eq!(
            err.lines().next().unwrap_or_default(),
            format!("undex: corpus/{name}:{message}").replace(":  ", ": "),
            "{name}"
        );
        assert_eq!(
            err.lines().last(),
            Some("undex: 1 problem in the input; nothing was changed"),
            "{name}: {err}"
        );
        assert_eq!(
            snapshot(&d.join("index")),
            index,
            "{name}: the index was touched"
        );
        std::fs::remove_file(path).unwrap();
    }
    assert_eq!(d.undex(&["search", "--json", "quorum"]).hit_ids(), before);
}

fn parse(name: &str, bytes: &[u8]) -> Document {
    match parse_bytes(Path::new(name), bytes) {
        Ok((doc, _)) => doc,
        Err(d) => panic!("{name}: {d:?}"),
    }
}

fn anchors_and_texts(doc: &Document) -> Vec<(String, String)> {
    doc.passages
        .iter()
        .map(|p| (p.anchor.clone(), p.text.clone()))
        .collect()
}

#[test]
fn mixed_crlf_and_lone_cr_line_endings_are_read_as_lines() {
    let lf = resolution("A/RES/99/1", "OEWG", GOOD);
    let mixed: String = lf
        .split('\n')
        .enumerate()
        // A lone CR is never followed by an LF-ended blank line: that pair is a CRLF.
        .map(|(i, l)| format!("{l}{}", ["\r\n", "\n", "\r"][i % 3]))
        .collect();
    let a = parse("lf.txt", lf.as_bytes());
    let b = parse("mixed.txt", mixed.as_bytes());
    assert_eq!(anchors_and_texts(&a), anchors_and_texts(&b));
    let lines = |d: &Document| d.passages.iter().map(|p| p.line).collect::<Vec<_>>();
    assert_eq!(lines(&a), lines(&b), "line numbers count lone CRs too");
}

#[test]
fn a_bom_with_crlf_is_dropped() {
    let text = resolution("A/RES/99/1", "OEWG", GOOD);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.replace('\n', "\r\n").bytes());
    assert_eq!(
        anchors_and_texts(&parse("bom.txt", &bytes)),
        anchors_and_texts(&parse("plain.txt", text.as_bytes()))
    );
}

#[test]
fn a_hundred_thousand_paragraphs_in_one_file() {
    let body: String = (1..=100_000)
        .map(|n| format!("{n}. Decides item {n};\n\n"))
        .collect();
    let doc = parse("huge.txt", fm(&format!("+++\n\n{body}")).as_bytes());
    assert_eq!(doc.passages.len(), 100_000);
    let last = doc.passages.last().unwrap();
    assert_eq!(last.anchor, "OP100000");
    assert_eq!(last.citation, "A/RES/99/5, para. 100000");
    assert_eq!(last.text, "Decides item 100000;");
    assert_eq!(last.line, 6 + 2 * 99_999 + 1);
}

#[test]
fn what_editors_and_word_processors_leave_is_read_as_meant() {
    let plain = parse(
        "plain.txt",
        resolution("A/RES/99/1", "OEWG", GOOD).as_bytes(),
    );
    // Fences with trailing blanks, no final newline, tabs and no-break spaces, blank lines of spaces.
    let odd = resolution("A/RES/99/1", "OEWG", GOOD)
        .replacen("+++\n", "+++  \n", 1)
        .replace("\n\n", "\n \t \n")
        .replace("quorum rules", "quorum\u{a0}\trules")
        .trim_end()
        .to_owned();
    let odd = parse("odd.txt", odd.as_bytes());
    assert_eq!(anchors_and_texts(&odd), anchors_and_texts(&plain));
}

#[test]
fn the_largest_paragraph_number_and_the_letter_i_after_h() {
    let doc = parse("n.txt", fm("excerpt = true\n+++\n\n999999. Decides:\n\n(h) aitch;\n\n(i) the letter i;\n\n(j) jay.\n").as_bytes());
    let anchors: Vec<&str> = doc.passages.iter().map(|p| p.anchor.as_str()).collect();
    assert_eq!(
        anchors,
        ["OP999999", "OP999999(h)", "OP999999(i)", "OP999999(j)"]
    );
}

#[test]
fn a_document_with_no_numbered_paragraph_is_one_operative_paragraph() {
    let doc = parse("d.txt", b"+++\nsymbol = \"A/DEC/99/1\"\nkind = \"decision\"\n+++\n\nThe General Assembly decided to defer.\n");
    assert_eq!(doc.passages.len(), 1);
    assert_eq!(doc.passages[0].citation, "A/DEC/99/1");
}

#[test]
fn every_official_language_is_indexed_and_found() {
    let text = "1. Постановляет созвать рабочую группу;\n\n2. يقرر عقد فريق عامل;\n\n3. 决定召开工作组会议;\n\n4. Décide de convoquer un groupe;\n\n5. Decide convocar un grupo.";
    let doc = parse("un.txt", resolution("A/RES/99/1", "OEWG", text).as_bytes());
    let corpus = Corpus {
        documents: vec![doc],
        ..Corpus::default()
    };
    let index = Index::build_in_ram(&corpus).unwrap();
    for (query, anchor) in [
        ("группу", "OP1"),
        ("فريق", "OP2"),
        ("工作组", "OP3"),
        ("convoquer", "OP4"),
        ("grupo", "OP5"),
    ] {
        let r = index
            .search(&SearchOptions {
                query: query.into(),
                ..SearchOptions::default()
            })
            .unwrap();
        let ids: Vec<&str> = r.hits.iter().map(|h| h.passage.anchor.as_str()).collect();
        assert_eq!(ids, [anchor], "{query}");
    }
}

#[test]
fn a_symbol_with_the_reissue_asterisk_and_parentheses_is_accepted() {
    let doc = parse("s.txt", with_symbol("A/RES/75/282*").as_bytes());
    assert_eq!(doc.passages[0].id, "A/RES/75/282*#OP1");
    let doc = parse(
        "s.txt",
        with_symbol("A/C.1/73/L.27/Rev.1(Part_I)").as_bytes(),
    );
    assert_eq!(
        doc.passages[0].citation,
        "A/C.1/73/L.27/Rev.1(Part_I), para. 1"
    );
}

// ---- import ----

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name),
    )
    .unwrap()
}

fn import(raw: &str) -> undex::Result<undex::import::Imported> {
    import_text(raw, Path::new("raw.txt"), &ImportOptions::default())
}

#[test]
fn refused_imports_get_their_exact_message_exit_2_and_write_nothing() {
    let mut latin1 = b"United Nations\n\nA/RES/99/1\n\nCaf".to_vec();
    latin1.extend(b"\xE9\n");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "nul.txt",
            b"A/RES/99/1\n\n1. Decides\0.\n".to_vec(),
            "3: this is a binary file (it holds a NUL byte), not text",
        ),
        (
            "utf16-cut.txt",
            vec![0xFE, 0xFF, 0x00, 0x41, 0x00],
            " the file opens as UTF-16 but is not valid UTF-16; save it as UTF-8",
        ),
        (
            "latin1.txt",
            latin1,
            "5: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8",
        ),
        ("empty.txt", Vec::new(), " the file is empty"),
        (
            "form-feeds.txt",
            b"\x0c\n\x0c\n \x0c".to_vec(),
            " the file is empty",
        ),
        (
            "no-symbol.txt",
            b"The General Assembly,\n\n1. Decides.\n".to_vec(),
            " no document symbol (such as A/RES/73/27) at the top of the text; import reads it from the masthead",
        ),
    ];
    let d = Dir::new();
    d.write("corpus/keep.txt", "a file of the user's");
    let before = snapshot(&d.join("corpus"));
    for (name, bytes, message) in cases {
        d.write(&format!("in/{name}"), &bytes);
        let r = d.undex(&["import", &format!("in/{name}")]);
        r.expect_code(2);
        assert_eq!(
            r.stderr().lines().next().unwrap_or_default(),
            format!("undex: in/{name}:{message}").replace(":  ", ": ")
        );
        assert_eq!(snapshot(&d.join("corpus")), before, "{name}");
    }
}

/// `text` as Windows editors save "Unicode": UTF-16, little-endian, with its byte-order mark.
fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend(unit.to_le_bytes());
    }
    out
}

#[test]
fn utf16_files_are_read_as_the_text_they_hold() {
    let d = Dir::new();
    d.write(
        "corpus/u.txt",
        utf16le(&resolution("A/RES/99/1", "OEWG", GOOD).replace('\n', "\r\n")),
    );
    d.undex(&["index"]).expect_code(0);
    assert_eq!(d.undex(&["search", "--json", "quorum"]).hit_ids().len(), 3);
    let raw = "United Nations\nA/RES/99/2\n\nThe General Assembly,\n\n1. Decides on the quorum.\n";
    d.write("in/raw.txt", utf16le(raw));
    let r = d.undex(&["import", "in/raw.txt"]);
    r.expect_code(0);
    let written = std::fs::read_to_string(d.join("corpus/A-RES-99-2.txt")).unwrap();
    assert!(
        written.contains("\n1. Decides on the quorum.\n"),
        "{written}"
    );
}

#[test]
fn the_library_refuses_what_the_binary_decodes_first() {
    let e = import("A/RES/99/1\n\n1. Decides\0.\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "raw.txt: binary input (NUL bytes): expected text"
    );
    let e = import("\n \n\t\n").unwrap_err();
    assert_eq!(e.to_string(), "raw.txt: the input is empty");
}

#[test]
fn raw_text_with_any_line_ending_or_a_bom_imports_as_with_lf() {
    let raw = fixture("raw-resolution.txt");
    let want = import(&raw).unwrap().text;
    for (what, variant) in [
        ("CRLF", raw.replace('\n', "\r\n")),
        ("CR", raw.replace('\n', "\r")),
        ("trailing blanks", raw.replace('\n', "  \n")),
    ] {
        let decoded =
            undex::corpus::text::decode(Path::new("raw.txt"), variant.as_bytes()).unwrap();
        assert_eq!(import(&decoded).unwrap().text, want, "{what}");
    }
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(raw.bytes());
    let decoded = undex::corpus::text::decode(Path::new("raw.txt"), &bom).unwrap();
    assert_eq!(import(&decoded).unwrap().text, want, "BOM");
}

#[test]
fn page_breaks_from_pdftotext_do_not_change_the_passages() {
    let raw = fixture("raw-resolution.txt");
    let want = import(&raw).unwrap().anchors;
    let with_ff = raw.replace("\n\n\n", "\n\x0c\n\n");
    assert_eq!(import(&with_ff).unwrap().anchors, want);
}

#[test]
fn a_masthead_with_nothing_after_it_is_refused_as_index_would_refuse_it() {
    let e = import("United Nations\n\nA/RES/99/1\n\nGeneral Assembly\n").unwrap_err();
    assert!(
        e.to_string()
            .contains("the document has no paragraphs after its front matter"),
        "{e}"
    );
}

#[test]
fn a_symbol_that_looks_like_a_path_stays_in_the_output_folder() {
    let d = Dir::new();
    d.write(
        "in/raw.txt",
        "United Nations\n\nA/../../../etc/passwd\n\n1. Decides.\n",
    );
    let r = d.undex(&["import", "in/raw.txt", "--out", "corpus", "--json"]);
    if r.code() == 0 {
        let rec = &r.records("imported")[0];
        let written = d.path().join(rec["path"].as_str().unwrap());
        assert_eq!(written.parent().unwrap(), d.join("corpus"));
    } else {
        r.expect_code(2);
    }
    assert!(!d.path().join("etc").exists() && !Path::new("/etc/passwd.txt").exists());
}

#[test]
fn a_one_megabyte_line_and_ten_thousand_lines_of_furniture_import_without_harm() {
    let long = format!(
        "United Nations\n\nA/RES/99/1\n\n1. Decides {}.\n",
        "quorum ".repeat(140_000)
    );
    let imp = import(&long).unwrap();
    assert_eq!(imp.anchors, ["OP1"]);
    // Over the parser's 1 MB a paragraph is refused, naming its input line.
    let too_long = long.replace("Decides", &"quorum ".repeat(10_000));
    let e = import(&too_long).unwrap_err();
    assert!(
        e.to_string()
            .contains("raw.txt:5: this paragraph is over the 1 MB limit"),
        "{e}"
    );
    let furniture = format!(
        "A/RES/99/1\n\n{}1. Decides.\n",
        "18-22222 (E)\n\n".repeat(10_000)
    );
    assert_eq!(import(&furniture).unwrap().anchors, ["OP1"]);
}

#[test]
fn a_process_in_any_case_is_written_as_the_process_spells_it() {
    let raw = fixture("decision.txt");
    let imp = import_text(
        &raw,
        Path::new("d.txt"),
        &ImportOptions {
            process: vec![" oewg ".into(), "Gge".into()],
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert_eq!(imp.process, ["OEWG", "GGE"]);
}

#[test]
fn the_reissue_asterisk_is_dropped_from_the_file_name() {
    let raw = fixture("decision.txt").replace("A/DEC/99/512", "A/DEC/99/512*");
    let imp = import(&raw).unwrap();
    assert_eq!(imp.file_name, "A-DEC-99-512.txt");
}

#[test]
fn an_unnumbered_paragraph_in_a_report_annex_is_anchored_as_the_format_says() {
    let doc = parse("r.txt", b"+++\nsymbol = \"A/99/300\"\nkind = \"report\"\n+++\n\n1. The Group met.\n\n## Annex\n\nA list of experts.\n\n1. First.\n");
    let anchors: Vec<&str> = doc.passages.iter().map(|p| p.anchor.as_str()).collect();
    assert_eq!(anchors, ["P1", "ANNEX.U1", "ANNEX.P1"]);
    assert_eq!(
        doc.passages[1].citation,
        "A/99/300, annex, unnumbered para. 1"
    );
}

#[test]
fn every_imported_fixture_is_read_back_by_the_corpus_parser() {
    for name in [
        "raw-resolution.txt",
        "clean-resolution.txt",
        "report.txt",
        "decision.txt",
        "one-paragraph-resolution.txt",
    ] {
        let imp = import(&fixture(name)).unwrap();
        let doc = parse(&imp.file_name, imp.text.as_bytes());
        let anchors: Vec<String> = doc.passages.iter().map(|p| p.anchor.clone()).collect();
        assert_eq!(imp.anchors, anchors, "{name}");
    }
}
