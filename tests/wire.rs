//! The wire format pinned: every command's `--json` records (and its CSV and text) and every subcommand's `--help`, compared with golden files, so that a renamed field or a moved line breaks a test.
//!
//! Golden files are rewritten with `UNDEX_BLESS=1 cargo test --test wire`;
//! review the diff before committing.

mod common;

use common::golden::golden;
use common::{Dir, builtin_corpus};

/// A resolution with what the built-in corpus lacks: a preambular
/// paragraph, footnotes, sub-paragraphs and a section.
const RESOLUTION: &str = "+++\nsymbol = \"A/RES/90/3\"\ntitle = \"Lamps at sea\"\nkind = \"resolution\"\nprocess = \"GGE\"\nadopted = 2031-01-20\nexcerpt = true\n+++\n\n\
The General Assembly,\n\n\
Recalling its resolution 73/266 on lamps and beacons,[^1]\n\n\
1. Decides the following:\n\n\
1.1. States should keep the lamps of their coasts lit;\n\n\
1.2. States should not harm the lamps of other States;\n\n\
4. Invites Member States to inform the Secretary-General of their views on the keeping of lamps, including:\n\n\
(a) General appreciation of the keeping of lamps at sea;\n\n\
(b) Efforts taken at the national level, including:\n\n\
(i) Legislation on lamps;\n\n\
5. Decides to convene a working group acting on a consensus basis to study the norms of responsible behaviour of States and the rules of international law on lamps;\n\n\
[^1]: See also A/RES/73/27.\n";

/// A report: numbered paragraphs under headings.
const REPORT: &str = "+++\nsymbol = \"A/90/100\"\ntitle = \"Report of the Group on Lamps\"\nkind = \"report\"\nprocess = \"GGE\"\n+++\n\n\
## I. Introduction\n\n\
1. The Group met three times and worked on a consensus basis.\n\n\
## II. Findings\n\n\
2. The Group found that the norms of responsible behaviour of States apply to lamps, and that international law applies to the keeping of lamps at sea.\n";

/// The built-in corpus and two documents more, indexed in `idx`.
fn corpus() -> Dir {
    let d = Dir::new();
    let builtin = builtin_corpus();
    for entry in walk(&builtin) {
        let rel = entry.strip_prefix(&builtin).expect("inside the corpus");
        d.write(
            &format!("corpus/{}", rel.display()),
            std::fs::read(&entry).expect("read the built-in corpus"),
        );
    }
    d.write("corpus/resolutions/A-RES-90-3.txt", RESOLUTION);
    d.write("corpus/reports/A-90-100.txt", REPORT);
    d
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            files.extend(walk(&p));
        } else {
            files.push(p);
        }
    }
    files.sort();
    files
}

/// What changes from one build to the next (sizes on disk, segments,
/// the build time) written as `N`, so that the rest can be compared.
fn steady(text: &str) -> String {
    let mut out = text.to_owned();
    for key in ["\"size_bytes\":", "\"segments\":", "\"built_at\":"] {
        out = replace_number_after(&out, key);
    }
    // The text form of stats: "49.6 MB on disk in 2 segments".
    let mut lines = Vec::new();
    for line in out.lines() {
        match line.find(" MB on disk in ") {
            Some(at) => {
                let start = line[..at].rfind(' ').map_or(0, |i| i + 1);
                let rest = &line[at + " MB on disk in ".len()..];
                let after = rest.find(';').map_or("", |i| &rest[i..]);
                lines.push(format!(
                    "{}N MB on disk in N segments{after}",
                    &line[..start]
                ));
            }
            None => lines.push(line.to_owned()),
        }
    }
    let mut joined = lines.join("\n");
    if out.ends_with('\n') {
        joined.push('\n');
    }
    joined
}

fn replace_number_after(text: &str, key: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(key) {
        let (head, tail) = rest.split_at(at + key.len());
        out.push_str(head);
        let digits = tail
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(tail.len());
        out.push('N');
        rest = &tail[digits..];
    }
    out.push_str(rest);
    out
}

/// Runs each command line (after `undex`) in `d` and records it, its exit
/// code, its output and its messages, for one golden file.
fn session(d: &Dir, lines: &[&[&str]]) -> String {
    let mut all = String::new();
    for args in lines {
        let r = d.undex(args);
        assert!(!r.stderr().contains("panicked"), "{}", r.stderr());
        all.push_str(&format!(
            "$ undex {}  # exit {}\n{}",
            args.join(" "),
            r.code(),
            steady(&r.stdout())
        ));
        for line in r.stderr().lines() {
            all.push_str(&format!("stderr: {line}\n"));
        }
        all.push('\n');
    }
    all
}

#[test]
fn json_of_every_command_does_not_drift() {
    let d = corpus();
    let index = session(&d, &[&["index", "--json"], &["index", "--json"]]);
    golden("json-index.txt", &index);
    let search = session(
        &d,
        &[
            &["search", "--json", "--limit", "3", "consensus basis"],
            &["search", "--json", "--limit", "2", "--offset", "1", "lamps"],
            &["search", "--json", "--limit", "0", "lamps"],
            &[
                "search",
                "--json",
                "--explain",
                "--limit",
                "1",
                "\"working group\" lamps",
            ],
            &[
                "search",
                "--json",
                "--limit",
                "2",
                "--part",
                "preambular",
                "lamps",
            ],
            &["search", "--json", "consensus ((", "--limit", "1"],
            &["search", "--json", "nosuchwordanywhere"],
        ],
    );
    golden("json-search.txt", &search);
    let show = session(
        &d,
        &[
            &["show", "--json", "A/RES/73/27#OP5"],
            &["show", "--json", "A/RES/90/3, para. 4"],
            &["show", "--json", "A/RES/90/3"],
            &["show", "--json", "--no-refs", "A/RES/90/3#OP1"],
            &["show", "--json", "A/90/100, para. 2"],
            &["show", "--json", "A/RES/1/1#OP1"],
        ],
    );
    golden("json-show.txt", &show);
    let compare = session(
        &d,
        &[
            &["compare", "--json", "consensus", "\"international law\""],
            &["compare", "--json", "--by", "process", "lamps", "norms"],
            &["compare", "--json", "--by", "part", "--vs-rest", "lamps"],
            &["compare", "--json", "--summary", "lamps", "consensus"],
            &["compare", "--json", "--top", "1", "consensus"],
            &[
                "compare",
                "--json",
                "--doc",
                "A/RES/90/3",
                "--kind",
                "report",
                "lamps",
            ],
            &[
                "compare",
                "--json",
                "--distinctive",
                "--top",
                "3",
                "--by",
                "process",
            ],
            &[
                "compare",
                "--json",
                "--distinctive",
                "--no-stopwords",
                "--top",
                "2",
            ],
        ],
    );
    golden("json-compare.txt", &compare);
    let kwic = session(
        &d,
        &[
            &["kwic", "--json", "lamps"],
            &[
                "kwic",
                "--json",
                "--limit",
                "2",
                "--sort",
                "left",
                "international",
                "law",
            ],
            &["kwic", "--json", "--doc", "A/90/100", "nosuchword"],
        ],
    );
    golden("json-kwic.txt", &kwic);
    let align = session(
        &d,
        &[
            &["align", "--json", "A/RES/90/3#OP5", "A/90/100, para. 2"],
            &[
                "align",
                "--json",
                "--min",
                "2",
                "A/RES/73/27#OP5",
                "A/RES/90/3#OP5",
            ],
            &["align", "--json", "A/RES/90/3#OP1.1", "A/RES/73/266#OP3"],
            &["align", "--json", "A/RES/90/3#OP9", "A/RES/73/266#OP3"],
            &["align", "--json", "A/RES/90/3", "A/RES/73/266#OP3"],
        ],
    );
    golden("json-align.txt", &align);
    let stats = session(
        &d,
        &[
            &["stats", "--json"],
            &["stats", "--json", "--top", "1"],
            &["stats", "--json", "--summary"],
        ],
    );
    golden("json-stats.txt", &stats);
    let export = session(
        &d,
        &[
            &["export"],
            &["export", "--format", "es-bulk", "--es-index", "lamps"],
            &["export", "--format", "csv"],
            &["export", "--quickwit-config"],
        ],
    );
    golden("json-export.txt", &export);
}

#[test]
fn import_json_does_not_drift() {
    let d = Dir::new();
    d.write(
        "raw.txt",
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/import/clean-resolution.txt"),
        )
        .expect("read the fixture"),
    );
    d.write("corpus/.keep", "");
    let import = session(&d, &[&["import", "--json", "--process", "GGE", "raw.txt"]]);
    golden("json-import.txt", &import);
}

#[test]
fn csv_and_text_of_every_command_do_not_drift() {
    let d = corpus();
    d.undex(&["index"]).expect_code(0);
    let text = session(
        &d,
        &[
            &["show", "A/RES/90/3"],
            &["show", "A/RES/73/266#OP3"],
            &["compare", "consensus", "lamps"],
            &["compare", "--csv", "consensus", "lamps"],
            &["compare", "--summary", "consensus", "lamps"],
            &["compare", "--summary", "--csv", "consensus", "lamps"],
            &["compare", "--distinctive", "--top", "2", "--by", "process"],
            &[
                "compare",
                "--distinctive",
                "--csv",
                "--top",
                "2",
                "--by",
                "process",
            ],
            &["kwic", "lamps"],
            &["kwic", "--by", "doc", "--width", "20", "lamps"],
            &["kwic", "--csv", "lamps"],
            &["kwic", "--doc", "A/90/100", "nosuchword"],
            &[
                "align",
                "--width",
                "80",
                "A/RES/90/3#OP5",
                "A/90/100, para. 2",
            ],
            &["align", "--csv", "A/RES/90/3#OP5", "A/90/100, para. 2"],
            &["stats"],
            &["stats", "--top", "1"],
            &["stats", "--summary"],
            &[
                "search",
                "--explain",
                "--limit",
                "1",
                "\"working group\" lamps",
            ],
            &["search", "--explain=raw", "--limit", "1", "lamps"],
            &["search", "--limit", "0", "lamps"],
            &["search", "--offset", "50", "lamps"],
        ],
    );
    golden("text-commands.txt", &text);
}

#[test]
fn help_of_every_subcommand_does_not_drift() {
    let d = Dir::new();
    let r = d.undex(&["--help"]);
    r.expect_code(0);
    golden("help.txt", &r.stdout());
    for sub in [
        "import",
        "index",
        "search",
        "show",
        "compare",
        "kwic",
        "align",
        "export",
        "stats",
        "schema",
        "completions",
        "man",
    ] {
        let r = d.undex(&[sub, "--help"]);
        r.expect_code(0);
        golden(&format!("help-{sub}.txt"), &r.stdout());
    }
}
